"""Every saved figure of a full chain run as a reader meets it: text at least 8 pt at the A4 text width, no text
on text or on a marker, no pipeline words in what a reader reads, alt text of one or two short sentences (the
checks of ``figures.legibility``, which tests/unit/test_figure_legibility.py shows fail where they should)."""

import html
import json
import re

import pytest

from helpers.figures import legibility, registry, style

FIGURES = sorted(registry.BY_ID)


def _saved(built, figure_id: str, suffix: str):
    return built[0][0] / "reports" / "figures" / f"{figure_id}{suffix}"


@pytest.mark.chain
@pytest.mark.parametrize("figure_id", FIGURES)
def test_text_is_at_least_8_pt_at_the_a4_text_width(built, figure_id):
    size = legibility.smallest_printed_size(_saved(built, figure_id, ".svg"))
    assert size >= style.MIN_PRINTED_PT - 0.05, f"{figure_id}: smallest text prints at {size:.1f} pt"


@pytest.mark.chain
@pytest.mark.parametrize("figure_id", FIGURES)
def test_no_text_overlaps_text_or_a_marker(built, figure_id):
    assert legibility.collisions(_saved(built, figure_id, ".svg")) == []


def _reader_texts(built, figure_id: str) -> dict[str, str]:
    """What a reader reads of a figure: its record's title, caption, source and alt text, and its figure block
    (alt text and caption) in the reviewer page of its notebook."""
    record = json.loads(_saved(built, figure_id, ".json").read_text(encoding="utf-8"))
    texts = {key: record[key] for key in ("title", "caption", "source", "alt")}
    page = built[0][0] / "reports" / "html" / "reviewer" / f"{record['notebook']}.html"
    block = re.search(rf'<figure id="{figure_id}">.*?</figure>', page.read_text(encoding="utf-8"), re.DOTALL)
    if block:  # its words: the alt text and the text between the tags (not the tags' attributes)
        alt = re.search(r'alt="([^"]*)"', block.group(0))
        texts["reviewer page"] = html.unescape((alt.group(1) if alt else "") + re.sub(r"<[^>]+>", " ", block.group(0)))
    return texts


@pytest.mark.chain
@pytest.mark.parametrize("figure_id", FIGURES)
def test_reader_facing_text_has_no_pipeline_words(built, figure_id):
    found = {k: legibility.pipeline_words(v) for k, v in _reader_texts(built, figure_id).items()}
    assert {k: v for k, v in found.items() if v} == {}


@pytest.mark.chain
@pytest.mark.parametrize("figure_id", FIGURES)
def test_alt_text_is_short(built, figure_id):
    record = json.loads(_saved(built, figure_id, ".json").read_text(encoding="utf-8"))
    assert legibility.alt_problems(record["alt"]) == []

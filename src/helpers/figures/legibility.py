"""Checks of a saved figure as a reader meets it: the smallest text size once the SVG is printed at the A4 text
width, text boxes that overlap another text box or a data marker, pipeline words in reader-facing text, and alt
text length.

The saved SVG is read, not the figure object: it is what is published. Text is kept as text in it
(``svg.fonttype: none``), so each ``<text>`` element gives its string, size, weight, anchor, position and
rotation; its box is the string's glyph box measured with matplotlib's own metrics of the same font (DejaVu Sans).
A data marker is a ``<use>`` of a marker path outside the axis ticks; its box is the marker path's extent.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

from .style import TEXT_WIDTH_IN

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")
GAP = 0.5  # points of overlap tolerated in both directions (anti-aliasing, glyph side bearings)
ALT_LIMIT = 250

# Words that belong to the data files and the code view, never to a title, caption, alt text or page.
PIPELINE_WORDS = {
    "statement or claim id": re.compile(r"\b[SL]\d{4}\b(?::[\d.]+)?"),
    "line number": re.compile(r"\b(?:lines? \d+|l\.\s?\d+|L\d{3,4})\b"),
    "snake_case name": re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b"),
    "the word 'vintage'": re.compile(r"\bvintage\b", re.IGNORECASE),
    "file path": re.compile(r"\b[\w.-]+/[\w./-]*\.(?:csv|py|json|ipynb|yaml)\b|\bdata/(?:raw|processed)\b"),
    "notebook name": re.compile(r"\bnotebook \d+|\b\d\d_[a-z_]+\b"),
}


@dataclass(frozen=True)
class Box:
    """An axis-aligned box on the canvas (points, y down) and what it holds."""

    what: str
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box, gap: float = GAP) -> bool:
        return min(self.x1, other.x1) - max(self.x0, other.x0) > gap and (
            min(self.y1, other.y1) - max(self.y0, other.y0) > gap
        )


@dataclass(frozen=True)
class Text:
    string: str
    size: float
    box: Box


def _style(element: ET.Element) -> dict[str, str]:
    parts = (p.split(":", 1) for p in element.get("style", "").split(";") if ":" in p)
    return {k.strip(): v.strip() for k, v in parts}


@lru_cache(maxsize=4096)
def _extent(string: str, size: float, bold: bool) -> tuple[float, float, float]:
    """(width, height above the baseline, depth below it) of a string's glyphs, in points."""
    prop = FontProperties(family="DejaVu Sans", size=size, weight="bold" if bold else "normal")
    width, height, descent = TextToPath().get_text_width_height_descent(string, prop, ismath=False)
    return width, height - descent, descent


def _placement(element: ET.Element) -> tuple[float, float, float]:
    """(x, y, angle in degrees, counter-clockwise) of a text element's anchor."""
    transform = element.get("transform", "")
    angle = 0.0
    rotate = re.search(r"rotate\(([^)]*)\)", transform)
    if rotate:
        angle = -float(NUMBER.findall(rotate.group(1))[0])
    translate = re.search(r"translate\(([^)]*)\)", transform)
    if translate:
        x, y = (float(v) for v in NUMBER.findall(translate.group(1))[:2])
    else:
        x, y = float(element.get("x", 0)), float(element.get("y", 0))
    return x, y, angle


def _text_box(element: ET.Element, string: str) -> tuple[float, Box]:
    style = _style(element)
    size = float(NUMBER.findall(style.get("font-size", "10"))[0])
    bold = style.get("font-weight", "normal") in ("bold", "700", "600", "800", "900")
    width, up, down = _extent(string, size, bold)
    start = {"start": 0.0, "middle": -width / 2, "end": -width}[style.get("text-anchor", "start")]
    x, y, angle = _placement(element)
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    corners = [(start, -up), (start + width, -up), (start, down), (start + width, down)]
    xs = [x + cx * cos + cy * sin for cx, cy in corners]
    ys = [y - cx * sin + cy * cos for cx, cy in corners]
    return size, Box(string, min(xs), min(ys), max(xs), max(ys))


def read(svg: Path) -> tuple[float, list[Text], list[Box]]:
    """(canvas width in points, every text, every data marker) of a saved SVG."""
    root = ET.parse(svg).getroot()
    width = float(NUMBER.findall(root.get("width", "0"))[0])
    shapes = {}
    for path in root.iter(f"{SVG}path"):
        if path.get("id"):
            values = [float(v) for v in NUMBER.findall(path.get("d", ""))]
            shapes[path.get("id")] = (values[0::2], values[1::2])
    texts, markers = [], []

    def walk(element: ET.Element, in_axis: bool) -> None:
        in_axis = in_axis or element.get("id", "").startswith("matplotlib.axis")
        if element.tag == f"{SVG}text":
            string = "".join(element.itertext()).strip()
            if string:
                size, box = _text_box(element, string)
                texts.append(Text(string, size, box))
        elif element.tag == f"{SVG}use" and not in_axis:
            xs, ys = shapes.get(element.get(XLINK, "").lstrip("#"), ([], []))
            if xs and ys:
                x, y = float(element.get("x", 0)), float(element.get("y", 0))
                markers.append(Box("marker", x + min(xs), y + min(ys), x + max(xs), y + max(ys)))
        for child in element:
            walk(child, in_axis)

    walk(root, False)
    return width, texts, markers


def smallest_printed_size(svg: Path, text_width_in: float = TEXT_WIDTH_IN) -> float:
    """The smallest text size in points once the figure is printed at the text width (scaled to fit it)."""
    width, texts, _ = read(svg)
    return min(t.size for t in texts) * text_width_in * 72 / width


def collisions(svg: Path) -> list[str]:
    """Every pair of text boxes that overlap, and every text box that overlaps a data marker."""
    _, texts, markers = read(svg)
    found = []
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            if a.box.overlaps(b.box):
                found.append(f"text {a.string!r} overlaps text {b.string!r}")
        for m in markers:
            if a.box.overlaps(m):
                found.append(f"text {a.string!r} overlaps a marker at ({m.x0:.0f}, {m.y0:.0f})")
    return found


def pipeline_words(text: str) -> list[str]:
    """Each pipeline word in a reader-facing text, named by its kind."""
    return [f"{kind}: {m.group(0)!r}" for kind, pattern in PIPELINE_WORDS.items() for m in pattern.finditer(text)]


def alt_problems(alt: str, limit: int = ALT_LIMIT) -> list[str]:
    """Why an alt text does not serve a reader: too long, or more than two sentences."""
    problems = [f"{len(alt)} characters (at most {limit})"] if len(alt) > limit else []
    sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", alt.strip()) if s]
    if len(sentences) > 2:
        problems.append(f"{len(sentences)} sentences (one or two)")
    return problems

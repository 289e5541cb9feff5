"""The PDF appendix's layout helpers, on small HTML: column widths for fixed-layout tables, linked URLs."""

from bs4 import BeautifulSoup

from helpers.chain.render_pdf import TEXT_WIDTH_CHARS, _link_urls, column_widths


def _table(rows: list[list[str]]):
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return BeautifulSoup(f"<table>{cells}</table>", "html.parser").table


def test_short_word_columns_keep_their_longest_word_and_long_text_shares_the_rest():
    quote = "a long quote of the report that wraps over several lines " * 3
    reason = "pct_change(L0786:4322,L0786:3552) = -17.8 against 18 as printed " * 2
    widths = column_widths(
        _table(
            [["claim id", "value", "verdict", "reason", "quote"]]
            + [["L0778:55#2", "1,479", "disagrees_with_source", reason, quote]] * 3
        )
    )
    assert abs(sum(widths) - 100) < 1e-9
    room = [w * TEXT_WIDTH_CHARS / 100 for w in widths]
    assert room[0] >= len("L0778:55#2") + 3 and room[2] >= len("disagrees_with_source") + 3
    assert room[4] > room[3] > room[0]


def test_printed_urls_become_links_and_existing_links_stay():
    soup = BeautifulSoup('<p>see https://a.example/x?y=1&z=2. or <a href="u">https://b.example</a></p>', "html.parser")
    _link_urls(soup)
    links = [(a["href"], a.get_text()) for a in soup.find_all("a")]
    assert links == [("https://a.example/x?y=1&z=2", "https://a.example/x?y=1&z=2"), ("u", "https://b.example")]
    assert soup.get_text() == "see https://a.example/x?y=1&z=2. or https://b.example"

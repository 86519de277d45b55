"""Details seen in the browser: diagram labels inside their boxes and outlines at 3:1 in both schemes
(WCAG 1.4.11); printed checklists with bold dark headings, sheet titles as large as a page's, the address
on every sheet, and the unused lower part ruled for notes, still one page."""

from __future__ import annotations

import io
import unicodedata

import pytest
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from .instant import arrive, go

DIAGRAM_FIT = """() => {
  const out = [];
  for (const svg of document.querySelectorAll('.pb-diagram svg')) {
    const view = svg.viewBox.baseVal;
    const shapes = [...svg.querySelectorAll('.pb-dg-shape')];
    for (const text of svg.querySelectorAll('text.pb-dg-label, text.pb-dg-detail')) {
      const b = text.getBBox();
      const anchor = new DOMPoint(b.x + b.width / 2, b.y + b.height / 2);
      const around = shapes.filter(s => s.isPointInFill(anchor))
        .sort((p, q) => p.getBBox().width * p.getBBox().height - q.getBBox().width * q.getBBox().height)[0];
      const corners = [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]];
      const inside = around
        ? corners.every(([x, y]) => around.isPointInFill(new DOMPoint(x, y)))
        : b.x >= view.x && b.x + b.width <= view.x + view.width;
      if (!inside) out.push(`"${text.textContent}" (${Math.round(b.width)} wide) overflows ${around ? 'its box' : 'the figure'}`);
    }
  }
  return out;
}"""

OUTLINE_CONTRAST = """() => {
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const bg = getComputedStyle(document.body).backgroundColor;
  return [...document.querySelectorAll('.pb-diagram .pb-dg-shape')].map(s => ratio(getComputedStyle(s).stroke, bg));
}"""


def shaped_models(book) -> list:
    return [r for r in book.of_kind("models") if r.doc.shape]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagram_labels_fit_and_outlines_contrast(browser: Browser, server: str, book, scheme: str):
    context = browser.new_context(base_url=server, color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    overflow, faint = {}, {}
    for record in shaped_models(book):
        page.goto(record.url)
        if found := page.evaluate(DIAGRAM_FIT):
            overflow[record.id] = found
        ratios = page.evaluate(OUTLINE_CONTRAST)
        assert ratios, f"{record.id}: no diagram outline"
        if min(ratios) < 3:
            faint[record.id] = round(min(ratios), 2)
    context.close()
    assert overflow == {}
    assert faint == {}, "outline contrast under 3:1 against the page"


def pdf_lines(page: Page, fmt: str) -> list[tuple[float, list[tuple[str, float]]]]:
    """Each printed page: its height and the (text, y from the bottom) of its 'Notes' and 'Printed from' lines."""
    page.emulate_media(media="print")
    pages = []
    for pdf_page in PdfReader(io.BytesIO(page.pdf(format=fmt, print_background=True))).pages:
        found: list[tuple[str, float]] = []

        def visit(text, cm, tm, _font, _size, found=found):
            if text.strip().startswith(("Notes", "Printed from")):
                found.append((unicodedata.normalize("NFKC", text.strip()), tm[5] * cm[3] + cm[5]))  # ligatures

        pdf_page.extract_text(visitor_text=visit)
        pages.append((float(pdf_page.mediabox.height), found))
    return pages


@pytest.mark.parametrize("fmt", ["A4", "Letter"])
def test_checklist_sheet_rules_its_lower_part_for_notes(page: Page, server: str, book, fmt: str):
    shortest = min(book.of_kind("checklists"), key=lambda r: len(r.doc.items))
    page.goto(shortest.url)
    [(height, found)] = pdf_lines(page, fmt)
    labels = dict(found)
    printed_from = next(y for text, y in found if text.startswith("Printed from"))
    assert "Notes" in labels
    assert printed_from < 90, "the address is not at the foot of the page: the notes do not fill it"
    assert labels["Notes"] - printed_from > height / 5, "less than a fifth of the page for notes"


@pytest.mark.parametrize("fmt", ["A4", "Letter"])
def test_print_pack_sheets_match_a_single_sheet(page: Page, server: str, book, fmt: str):
    records = book.of_kind("checklists")
    arrive(page, "checklists/")
    go(page, "checklists/print/")
    page.emulate_media(media="print")
    sizes = page.evaluate("[...document.querySelectorAll('.pb-sheet h2')].map(h => getComputedStyle(h).fontSize)")
    weights = page.evaluate("[...document.querySelectorAll('.pb-sheet h2')].map(h => getComputedStyle(h).fontWeight)")
    pages = pdf_lines(page, fmt)
    assert len(pages) == len(records)
    for (_, found), record in zip(pages, records, strict=True):
        assert any(t.replace("\n", "") == f"Printed from {server}{record.url}" for t, _ in found), found
    page.goto(records[0].url)
    page.emulate_media(media="print")
    single = page.evaluate("getComputedStyle(document.querySelector('article h1')).fontSize")
    colour = page.evaluate("[...document.querySelectorAll('article h1, article h2')].map(h => getComputedStyle(h).color)")
    assert set(sizes) == {single}
    assert all(int(w) >= 700 for w in weights)
    assert set(colour) == {"rgb(0, 0, 0)"}

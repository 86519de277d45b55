"""SVG diagram text contrast (issue 32.6): axe cannot see text inside SVG, so this test measures it. Every label,
detail and axis text of every diagram is at least 4.5:1 against what is drawn under it (the shape's fill over the
page), in the light and the dark scheme."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

CONTRAST = """() => {
  const rgba = s => { const m = s.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const over = (top, under) => { const a = top[3]; return [0, 1, 2].map(i => top[i] * a + under[i] * (1 - a)).concat([1]); };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  let page = rgba(getComputedStyle(document.body).backgroundColor);
  if (!page || page[3] === 0) page = [255, 255, 255, 1];
  const out = [];
  document.querySelectorAll('figure.pb-diagram svg').forEach(svg => {
    svg.scrollIntoView();
    svg.querySelectorAll('text').forEach(t => {
      const r = t.getBoundingClientRect();
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      let bg = page;
      const shape = document.elementsFromPoint(x, y).find(e => e.classList && e.classList.contains('pb-dg-shape') && svg.contains(e));
      if (shape) {
        const f = rgba(getComputedStyle(shape).fill), o = Number(getComputedStyle(shape).fillOpacity || 1);
        if (f) bg = over([f[0], f[1], f[2], f[3] * o], page);
      }
      const cs = getComputedStyle(t), fill = rgba(cs.fill);
      const fg = over([fill[0], fill[1], fill[2], fill[3] * Number(cs.fillOpacity || 1) * Number(cs.opacity || 1)], bg);
      out.push({ text: t.textContent.slice(0, 40), cls: t.getAttribute('class'), ratio: Math.round(ratio(fg, bg) * 100) / 100 });
    });
  });
  return out;
}"""


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_every_diagram_text_is_readable_in_both_schemes(page: Page, book, scheme: str):
    pages = [r for kind in ("models", "tactics", "situations") for r in book.of_kind(kind) if getattr(r.doc, "shape", None)]
    assert len(pages) >= 10
    page.goto("./")
    page.evaluate(f"""() => {{ localStorage.setItem('/.__palette', JSON.stringify({{index: {0 if scheme == 'default' else 1},
        color: {{media: '', scheme: '{scheme}', primary: 'indigo', accent: 'indigo'}}}})); }}""")
    low = []
    for record in pages:
        page.goto(record.url)
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        found = page.evaluate(CONTRAST)
        assert found, f"{record.ref}: no diagram text found"
        low += [(record.ref, t["cls"], t["text"], t["ratio"]) for t in found if t["ratio"] < 4.5]
    assert low == [], f"{len(low)} texts under 4.5:1, e.g. {low[:8]}"

"""Rendering: data text is never evaluated as a template, diagrams carry a text alternative."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from macros.pipeline import load_playbook
from macros.render import href, render
from macros.site import SiteMacros

FIXTURE = Path(__file__).parent / "fixtures" / "mini"


def _page(src_uri: str) -> SimpleNamespace:
    return SimpleNamespace(page=SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), meta={}))


def test_jinja_delimiters_in_data_stay_text():
    book = load_playbook(FIXTURE)
    env = _page("tactics/first-tactic.md")
    out = SiteMacros(book, env).entry("tactics/first-tactic")
    assert "Do the thing {{ not_a_variable }} and {% raw %} stays text." in out
    assert env.page.meta["description"].startswith("A tactic used by the unit tests")


def test_links_are_relative_markdown_links_and_backlinks_are_listed():
    book = load_playbook(FIXTURE)
    out = SiteMacros(book, _page("models/first-model.md")).entry("models/first-model")
    assert "- **Uses:** [First tactic](../tactics/first-tactic.md)" in out
    assert "## Referenced by { #referenced-by }" in out
    assert "Built on by: [First tactic](../tactics/first-tactic.md)" in out
    assert "Contrasts with: [Second tactic](../tactics/second-tactic.md)" in out
    assert "A. Author (2001), *A Book*, ch. 1." in out


def test_every_section_has_an_explicit_anchor():
    book = load_playbook(FIXTURE)
    out = SiteMacros(book, _page("models/first-model.md")).entry("models/first-model")
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings and all(line.endswith(" }") and "{ #" in line for line in headings)


def test_href():
    assert href("tags.md", "models/x.md") == "../tags.md"
    assert href("models/y.md", "models/x.md") == "y.md"
    assert href("models/y.md", "index.md") == "models/y.md"


def test_diagram_has_title_description_and_no_script():
    from macros.models import Shape
    from macros.validation import Record

    shape = Shape(type="pyramid", caption="Needs", items=[{"label": "Base", "detail": "food"}, {"label": "Top"}])
    doc = SimpleNamespace(shape=shape)
    record = Record.__new__(Record)
    object.__setattr__(record, "doc", doc)
    object.__setattr__(record, "id", "x")
    svg = render("diagram.svg.j2", record=record)
    assert 'role="img"' in svg and "<title id=" in svg and "1. Base: food; 2. Top" in svg
    assert "<script" not in svg and "http" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_inline_references_become_links(tmp_path):
    import shutil

    project = tmp_path / "mini"
    shutil.copytree(FIXTURE, project)
    model = project / "data/models/first-model.yml"
    text = "overview: See [[tactics/first-tactic]] or [[tactics/second-tactic|the other]]."
    model.write_text(model.read_text().replace("overview: The idea.", text))
    out = SiteMacros(load_playbook(project), _page("models/first-model.md")).entry("models/first-model")
    assert "See [First tactic](../tactics/first-tactic.md) or [the other](../tactics/second-tactic.md)." in out

"""Every address answers (issue 32.4): shorten any built page's address one folder at a time and each step is a
page (an index of its section); the About tab opens a page for readers, the data contract one link further."""

from __future__ import annotations

import re

from .conftest import Built


def test_every_folder_of_every_address_has_a_page(built_site: Built):
    site = built_site.site
    pages = {p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")}
    assert len(pages) > 250
    missing = {}
    for page in pages:
        parts = [] if page == "." else page.split("/")
        for i in range(len(parts)):
            prefix = "/".join(parts[:i]) or "."
            if prefix not in pages:
                missing.setdefault("/" + ("" if prefix == "." else prefix + "/"), "/" + page + "/")
    assert missing == {}, "folders with no page (folder: a page under it): " + repr(missing)


def test_the_about_tab_opens_a_page_for_readers(built_site: Built):
    home = (built_site.site / "index.html").read_text(encoding="utf-8")
    tab = re.search(r'<a href="([^"]+)" class="md-tabs__link">\s*About this site', home)
    assert tab and tab.group(1).rstrip("/").endswith("about"), tab and tab.group(1)
    about = (built_site.site / "about" / "index.html").read_text(encoding="utf-8")
    for heading in ("How to use it", "Who keeps it", "Suggesting a change"):
        assert heading in about, heading
    assert 'href="../contributing/"' in about, "the data contract is one link further"
    practice = (built_site.site / "practice" / "index.html").read_text(encoding="utf-8")
    assert 'href="self-assessment/"' in practice and 'href="review/"' in practice

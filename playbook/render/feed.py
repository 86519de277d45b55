"""The Atom feed of what changed (site/feed.xml): one item per change of an entry in the last six months, the
latest 50, newest first, with absolute links from `site_url`. Part of the pipeline's Site, written after the build
by the MkDocs plugin (and by `playbook tree`), from the same history as the What's new page
(playbook/render/living.py); the XML comes from templates/feed.xml.j2."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from playbook.index.book import Playbook
from playbook.render.jinja import Templates
from playbook.render.living import FEED_ITEMS

FEED = "feed.xml"
"""The feed's path in the site."""


def render_feed(book: Playbook, templates: Templates, site_url: str, site_name: str) -> str:
    """The Atom document: the feed's id and links are absolute (`site_url`), as are every item's."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    living = templates.living
    items = living.all_news()[:FEED_ITEMS]
    updated = items[0].change.when if items else living.now
    return templates.render(
        "feed.xml.j2", book=book, here="index.md", base=base, feed_url=urljoin(base, FEED), page_url=urljoin(base, "whats-new/"),
        site_name=site_name, items=items, updated=updated, absolute=lambda record: urljoin(base, record.url),
    )


def write_feed_text(feed: str, site_dir: Path) -> Path:
    out = site_dir / FEED
    out.write_text(feed, encoding="utf-8")
    return out

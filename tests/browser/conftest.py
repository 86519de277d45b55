"""Playwright driving Debian's chromium against the site served on 127.0.0.1 (see ../conftest.py)."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from pypdf import PdfReader

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: the README's test command installs it with apt"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser: Browser, server: str) -> Iterator[BrowserContext]:
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


def pdf_pages(page: Page, fmt: str) -> int:
    page.emulate_media(media="print")
    return len(PdfReader(io.BytesIO(page.pdf(format=fmt, print_background=True))).pages)


def pdf_texts(page: Page, fmt: str) -> list[str]:
    """The text of each printed page, NFKC-normalised: Chromium's PDFs carry ligatures (the "fi" of "Defining")."""
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format=fmt, print_background=True)))
    return [unicodedata.normalize("NFKC", p.extract_text()) for p in pdf.pages]

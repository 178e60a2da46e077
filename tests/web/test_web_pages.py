"""The pages in a real headless Chromium (Debian's), driven by Playwright, over the real server.

Every request the browser makes is checked: one to any host but this machine's loopback
fails the test, and so does any console error or uncaught script error.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

CHROMIUM = Path(os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium"))
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
REPO = Path(__file__).resolve().parents[2]
SCREENSHOT = REPO / "docs" / "serve-overview.png"

if not CHROMIUM.is_file():
    pytest.skip(
        f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


class Watch:
    """What a page did that it must not: leave loopback, log an error, throw."""

    def __init__(self) -> None:
        self.outside: list[str] = []
        self.errors: list[str] = []

    def route(self, route) -> None:
        host = urlparse(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:")) or host in LOOPBACK:
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def console(self, message) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    def check(self) -> None:
        assert not self.outside, f"requests left loopback: {self.outside}"
        assert not self.errors, f"errors in the page: {self.errors}"


def open_page(browser, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    watch = Watch()
    page.route("**/*", watch.route)
    page.on("console", watch.console)
    page.on("pageerror", lambda error: watch.errors.append(f"page error: {error}"))
    return context, page, watch


@pytest.fixture
def page(browser) -> Iterator:
    context, page, watch = open_page(browser, 1280, 900)
    yield page
    context.close()
    watch.check()


def wait_for_charts(page, *selectors: str) -> None:
    for selector in selectors:
        page.wait_for_selector(f"{selector} .main-svg", state="attached", timeout=20_000)


def table_rows(page) -> list[str]:
    return page.locator("#events-table tbody tr").all_inner_texts()


def bar_count(page) -> int:
    return page.locator("#timeline-chart g.trace.bars path").count()


def legend_names(page) -> set[str]:
    return set(page.locator("#timeline-chart g.legend text.legendtext").all_text_contents())


def test_overview_has_chart_network_map_and_table(page, base_url: str, tmp_path: Path) -> None:
    page.goto(base_url + "/")
    wait_for_charts(page, "#timeline-chart", "#dyad-chart", "#map-chart")
    assert bar_count(page) > 0
    assert {"CONSULT", "ASSAULT"} <= legend_names(page)
    assert page.locator("#dyad-chart g.trace.scatter").count() > 2
    assert page.locator("#map-chart g.trace.scattergeo").count() == 2  # outline and events
    rows = table_rows(page)
    assert len(rows) > 10
    assert page.locator("#events-table mark").count() >= len(rows) - 1  # evidence marked
    page.set_viewport_size({"width": 1280, "height": 1440})  # filters, charts, first rows
    page.wait_for_timeout(500)  # let the charts settle to the new size before the picture
    # `make screenshot` sets EVENTWIRE_SCREENSHOT=1 to refresh the README's picture
    path = SCREENSHOT if os.environ.get("EVENTWIRE_SCREENSHOT") else tmp_path / "overview.png"
    page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 10_000


def test_changing_a_filter_changes_chart_table_and_url(page, base_url: str) -> None:
    page.goto(base_url + "/")
    wait_for_charts(page, "#timeline-chart")
    rows_before, bars_before = table_rows(page), bar_count(page)
    summary_before = page.locator("#summary").inner_text()
    page.select_option("#f-type", "CONSULT")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?type=CONSULT")
    wait_for_charts(page, "#timeline-chart")
    query = parse_qs(urlparse(page.url).query)
    assert query == {"type": ["CONSULT"]}  # empty and default fields left out of the URL
    rows_after = table_rows(page)
    assert rows_after and len(rows_after) < len(rows_before)
    assert all("CONSULT" in row for row in rows_after)
    assert legend_names(page) == {"CONSULT"}
    assert bar_count(page) < bars_before
    assert page.locator("#summary").inner_text() != summary_before
    # the URL is the view: loading it again shows the same filter
    page.goto(page.url)
    assert page.locator("#f-type").input_value() == "CONSULT"


def test_keyboard_sets_a_filter(page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.focus("#f-actor")
    page.keyboard.type("Putin")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?actor=Putin")
    rows = table_rows(page)
    assert rows and all("Putin" in row for row in rows)


def test_clicking_an_event_opens_its_article_with_the_evidence_marked(page, base_url: str) -> None:
    page.goto(base_url + "/?text=tear+gas&type=COERCE")
    link = page.locator("#events-table a.article-link").first
    evidence = link.locator("mark").inner_text()
    link.click()
    page.wait_for_url("**/article/*#ev-*")
    event_id = urlparse(page.url).fragment.removeprefix("ev-")
    current = page.locator("#article-text mark.current")
    assert current.count() >= 1
    assert "".join(current.all_inner_texts()) == evidence
    assert page.locator(f"#ev-{event_id}").get_attribute("class").count("current") == 1
    assert "COERCE" in page.locator("#explain").inner_text()
    assert page.locator("#article-text a.ev").count() >= 3  # every event of the article
    # another event, chosen by click, explains itself in the panel
    other = page.locator("#article-text a.ev").first
    other.click()
    assert page.locator("#explain .explanation").first.inner_text().strip()
    assert "See also" in page.locator("#removed").inner_text()


def test_actor_page_renders(page, base_url: str) -> None:
    page.goto(base_url + "/?actor=Putin")
    page.locator("#events-table td[data-label=Source] a", has_text="Vladimir Putin").first.click()
    page.wait_for_url("**/actor/person%3Avladimir-putin*")
    assert page.locator("h1").inner_text().startswith("Vladimir Putin")
    wait_for_charts(page, "#actor-chart")
    assert page.locator("#actor-chart g.trace.bars path").count() > 0
    assert "Recep Tayyip Erdoğan" in page.locator("#partners").inner_text()
    assert "President of Russia" in page.locator("#offices").inner_text()
    assert len(table_rows(page)) >= 4


def test_event_page_renders_with_every_report(page, base_url: str) -> None:
    page.goto(base_url + "/?actor=Erdogan&type=CONSULT")
    page.locator("#events-table a.event-link").first.click()
    page.wait_for_url("**/event/*")
    facts = page.locator("#event-facts").inner_text()
    for label in ("CAMEO code", "Intensity", "Confidence", "Pattern", "Explanation", "Date"):
        assert label in facts
    assert "phone" in facts and "President of Russia" in facts
    assert page.locator("#event-sentence mark").count() == 1
    assert page.locator("#reports tbody tr").count() >= 3  # three outlets, one call


def test_api_docs_work_offline(page, base_url: str) -> None:
    page.goto(base_url + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert page.locator(".opblock-summary-path", has_text="/api/events").count() >= 1


@pytest.mark.parametrize("path", ["/", "/actor/person%3Avladimir-putin", "/docs"])
def test_phone_width_has_no_sideways_scrolling(browser, base_url: str, path: str) -> None:
    context, page, watch = open_page(browser, 390, 844)
    try:
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1
    finally:
        context.close()
    watch.check()


def test_a_bad_filter_shows_a_message_not_a_crash(browser, base_url: str) -> None:
    context, page, watch = open_page(browser, 1280, 900)
    try:
        response = page.goto(base_url + "/?since=2024-99-99")
        assert response.status == 400
        assert "since: '2024-99-99' is not a date" in page.locator("p.error").inner_text()
    finally:
        context.close()
    assert not watch.outside
    assert watch.errors == [  # the browser reports the 400 itself, and nothing else goes wrong
        "console: Failed to load resource: the server responded with a status of 400 (Bad Request)"
    ]

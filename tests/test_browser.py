"""The report and the landing page in a real headless Chromium (Debian's chromium + chromedriver, via Selenium).

Skips, saying what is missing, when selenium, chromium or chromedriver is absent. On Debian:
`scripts/install_browser.sh` (apt-get install chromium chromium-driver) and `pip install -e '.[dev]'`.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from factcheck.config import Settings
from factcheck.ingest import load_paths
from factcheck.pipeline import analyze
from factcheck.render.html import to_html
from factcheck.types import ArticleIn
from tests.conftest import SEEDS

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[dev]')")
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = next(filter(None, map(shutil.which, ["chromium", "chromium-browser", "google-chrome"])), None)
CHROMEDRIVER = shutil.which("chromedriver")
if CHROMIUM is None or CHROMEDRIVER is None:
    pytest.skip(f"headless browser tests need chromium and chromedriver on PATH (chromium: {CHROMIUM}, "
                f"chromedriver: {CHROMEDRIVER}); on Debian run scripts/install_browser.sh", allow_module_level=True)

# Offline, as in a newsroom without internet: every request goes to a proxy that is not there, except those to
# the loopback address, which Chromium never sends through a proxy.
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
         "--proxy-server=http://127.0.0.1:9"]
FLASHED = "return Array.from(document.querySelectorAll('mark.flash')).map(m => m.textContent).join('')"
IN_VIEW = ("const r = arguments[0].getBoundingClientRect(), b = arguments[0].closest('.body').getBoundingClientRect();"
           "return r.top >= Math.max(0, b.top) && r.bottom <= Math.min(innerHeight, b.bottom) && r.left >= 0"
           " && r.right <= innerWidth;")


def _local_settings(tmp) -> Settings:
    return Settings(OPENAI_API_KEY="", OPENAI_BASE_URL="", FACTCHECK_CACHE_DIR=tmp / "cache",
                    FACTCHECK_DATA_DIR=tmp / "data", _env_file=None)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS + [f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    """Screenshots for a person to look at: in FACTCHECK_SCREENSHOT_DIR if set (kept), else a pytest temp dir
    (pytest keeps only its last few runs)."""
    chosen = os.environ.get("FACTCHECK_SCREENSHOT_DIR")
    if not chosen:
        return tmp_path_factory.mktemp("screenshots")
    Path(chosen).mkdir(parents=True, exist_ok=True)
    return Path(chosen)


def _viewport(driver, width: int, height: int) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def _screenshot(driver, path) -> None:
    driver.save_screenshot(str(path))
    print(f"screenshot: {path}")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app under uvicorn on a free loopback port, in a thread."""
    import uvicorn

    from factcheck.api import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    app = create_app(_local_settings(tmp_path_factory.mktemp("server")))
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    srv.should_exit = True
    thread.join(timeout=10)
    sock.close()


def test_clicking_a_contradiction_side_flashes_its_span(browser, seed_articles, tmp_path, shots):
    report = analyze(seed_articles, engine="local", settings=_local_settings(tmp_path))
    side = report.contradictions[0].sides[0]
    page = tmp_path / "report.html"
    page.write_text(to_html(report), encoding="utf-8")
    _viewport(browser, 1366, 900)
    browser.get(page.as_uri())
    _screenshot(browser, shots / "report-1366-top.png")

    link = browser.find_element(By.CSS_SELECTOR, "a.side-link")
    assert link.get_attribute("data-target") == f"m{[a.id for a in report.articles].index(side.article_id)}-" \
        f"{side.citation.start}-{side.citation.end}"
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    WebDriverWait(browser, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "mark.flash"))
    assert browser.execute_script(FLASHED) == side.citation.quote
    target = browser.find_element(By.ID, link.get_attribute("data-target"))
    assert browser.switch_to.active_element == target
    # Once the smooth scroll settles, the span is on screen (inside its own column's scroller too).
    WebDriverWait(browser, 5).until(lambda d: d.execute_script(IN_VIEW, target))
    _screenshot(browser, shots / "report-1366-flash.png")

    _viewport(browser, 390, 844)
    browser.get(page.as_uri())
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    _screenshot(browser, shots / "report-390-top.png")


def test_landing_page_submits_two_articles_and_shows_the_report(browser, server, shots):
    _viewport(browser, 1366, 900)
    browser.get(server + "/")
    wire = ("A fire destroyed a warehouse in Springfield on Monday, officials said. "
            "At least 12 people were injured, according to the fire department.")
    daily = "A warehouse in Springfield burned down on Monday. Eight people were hurt, the fire department said."
    articles = [("Example Wire", wire), ("Example Daily", daily)]
    fieldsets = browser.find_elements(By.CSS_SELECTOR, "#articles fieldset.article")
    assert len(fieldsets) == 2
    for fieldset, (source, text) in zip(fieldsets, articles):
        fieldset.find_element(By.CSS_SELECTOR, "input[name=source]").send_keys(source)
        fieldset.find_element(By.CSS_SELECTOR, "textarea").send_keys(text)
    _screenshot(browser, shots / "landing-1366-filled.png")
    browser.find_element(By.ID, "submit").click()

    frame = WebDriverWait(browser, 30).until(lambda d: d.find_element(By.ID, "report")
                                            if d.find_element(By.ID, "result").is_displayed() else None)
    assert browser.find_element(By.ID, "error").is_displayed() is False
    # In place of the form, filling the window under a bar that leads back to it.
    assert not browser.find_element(By.ID, "form").is_displayed()
    top, height = browser.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.top, r.height]",
                                         frame)
    assert top < 120 and height > 900 * 0.8, (top, height)
    browser.switch_to.frame(frame)
    try:
        WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.TAG_NAME, "h1"))
        assert browser.find_element(By.TAG_NAME, "h1").text == "Cross-source report"
        body = browser.find_element(By.TAG_NAME, "body").text
        assert "Example Wire" in body and "Example Daily" in body and "injured" in body
        browser.find_element(By.CSS_SELECTOR, "a.side-link").click()  # the report's script runs in the frame
        WebDriverWait(browser, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "mark.flash"))
    finally:
        browser.switch_to.default_content()
    _screenshot(browser, shots / "landing-1366-report.png")

    browser.find_element(By.ID, "back").click()  # the inputs, as they were
    WebDriverWait(browser, 5).until(lambda d: d.find_element(By.ID, "form").is_displayed())
    assert not browser.find_element(By.ID, "result").is_displayed()
    assert [f.find_element(By.CSS_SELECTOR, "input[name=source]").get_attribute("value") for f in
            browser.find_elements(By.CSS_SELECTOR, "#articles fieldset.article")] == [n for n, _ in articles]
    browser.find_element(By.ID, "submit").click()  # again, then the browser's own Back button
    WebDriverWait(browser, 30).until(lambda d: d.find_element(By.ID, "result").is_displayed())
    browser.back()
    WebDriverWait(browser, 5).until(lambda d: d.find_element(By.ID, "form").is_displayed())

    # A server error arrives as the JSON envelope and is shown, not swallowed; the old report goes away.
    browser.find_element(By.CSS_SELECTOR, "#engine option[value=llm]").click()
    browser.find_element(By.ID, "submit").click()
    error = WebDriverWait(browser, 15).until(lambda d: d.find_element(By.ID, "error")
                                            if d.find_element(By.ID, "error").is_displayed() else None)
    assert "config_error" in error.text and "OPENAI_API_KEY" in error.text
    assert not browser.find_element(By.ID, "result").is_displayed()
    _screenshot(browser, shots / "landing-1366-error.png")


def _load_files(browser, server, paths) -> list[list[str]]:
    """Load files on the landing page; each fieldset's [outlet, text, the line under it]."""
    browser.get(server + "/")
    browser.find_element(By.ID, "files").send_keys("\n".join(str(p) for p in paths))
    WebDriverWait(browser, 10).until(lambda d: "Loaded" in d.find_element(By.ID, "status").text)
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('#articles fieldset.article')).map(f => "
        "[f.querySelector('input[name=source]').value, f.querySelector('textarea').value, "
        "f.querySelector('.meta').textContent])")


def test_landing_page_reads_txt_html_and_json_files(browser, server, tmp_path):
    from factcheck.ingest import load_uploads

    files = {
        "wire.txt": "source: Example Wire\ntitle: Fire\n\nA fire destroyed a warehouse on Monday.",
        "daily.html": '<html><head><meta property="og:site_name" content="Example Daily"><title>T</title></head>'
                      "<body><nav>Home | News</nav><article><h1>Fire</h1><p>A warehouse burned down.</p>"
                      "<p>Eight were hurt.</p><script>document.title = 'pwned'</script></article></body></html>",
        "more.json": '[{"id": "x1", "source": "Example Post", "text": "Twelve were hurt."}]',
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    loaded = _load_files(browser, server, [tmp_path / n for n in files])
    assert "Loaded 3 articles from 3 files" in browser.find_element(By.ID, "status").text
    daily = load_uploads([("daily.html", files["daily.html"].encode())])[0].text  # the server's extraction
    assert [row[:2] for row in loaded] == [
        ["Example Wire", files["wire.txt"]],  # the header stays: the server marks it as excluded, with offsets
        ["Example Daily", daily],
        ["Example Post", "Twelve were hurt."],
    ]
    assert [row[2] for row in loaded] == ["from wire.txt · outlet named by its source: line · title: Fire",
                                          "from daily.html · outlet named by the page's metadata · title: Fire",
                                          ""]
    assert browser.title != "pwned"


def test_landing_page_names_the_seed_outlets(browser, server, shots):
    from tests.test_ingest import SEED_OUTLETS

    _viewport(browser, 1366, 900)
    seeds = sorted(SEEDS.glob("*.txt"))
    inferred = _load_files(browser, server, seeds)
    assert [row[0] for row in inferred] == [name for name, _ in SEED_OUTLETS.values()]
    assert "outlet named by its dateline" in inferred[0][2] and "type the outlet's name" in inferred[4][2]
    named = _load_files(browser, server, seeds + [SEEDS / "sources.yaml"])  # with the names beside the seeds
    assert [row[0] for row in named] == [a.source for a in load_paths([SEEDS])]
    assert all("outlet named by sources.yaml" in row[2] for row in named)
    hint = browser.find_element(By.ID, "apikey-hint")
    assert hint.is_displayed() and "Not an OpenAI key" in hint.text  # not only for screen readers
    _screenshot(browser, shots / "landing-1366-seeds-loaded.png")


@pytest.mark.parametrize(
    "path, rendered",
    [
        # Swagger UI: one block per operation, once its script has loaded and read /openapi.json.
        ("/docs", "return document.querySelectorAll('.opblock').length"),
        # ReDoc: the operations in its side menu.
        ("/redoc", "return document.querySelectorAll('[role=menuitem], li[data-item-id]').length"),
    ],
)
def test_api_docs_render_offline(browser, server, shots, path, rendered):
    _viewport(browser, 1366, 900)
    browser.get(server + path)
    WebDriverWait(browser, 20).until(lambda d: d.execute_script(rendered) > 0)
    assert "/v1/analyze" in browser.find_element(By.TAG_NAME, "body").text
    # Scripts, styles and the schema all come from this server. (ReDoc's footer asks a CDN for its own logo;
    # offline that image is missing and nothing else.)
    loaded = browser.execute_script("return performance.getEntriesByType('resource')"
                                    ".filter(e => e.initiatorType !== 'img').map(e => e.name)")
    assert loaded and all(url.startswith(server) for url in loaded), loaded
    _screenshot(browser, shots / f"docs-{path.strip('/')}-1366.png")


def test_documented_javascript_slicing_gives_every_quote(browser, tmp_path):
    """The README's recipe: offsets are code points, so JavaScript slices Array.from(text), not the string."""
    wire = "🔥🔥 A fire destroyed a warehouse in Springfield on Monday, killing 12 people, officials said. 𝔸𝔹"
    daily = "\ufeff😀 A warehouse fire in Springfield killed 14 people on Monday, the fire chief said."
    report = analyze([ArticleIn(id="a", source="Wire", text=wire), ArticleIn(id="b", source="Daily", text=daily)],
                     engine="local", settings=_local_settings(tmp_path))
    sides = [side.citation for c in report.contradictions for side in c.sides]
    assert sides
    browser.get("about:blank")
    for citation in sides:
        text = report.article(citation.article_id).text
        sliced, naive = browser.execute_script(
            "const [text, s, e] = arguments; const points = Array.from(text);"
            "return [points.slice(s, e).join(''), text.slice(s, e)];", text, citation.start, citation.end)
        assert sliced == citation.quote and naive != citation.quote  # String.prototype.slice counts UTF-16 units


VISIBLE_COLS = ("return Array.from(document.querySelectorAll('#articles .col')).filter(c => c.offsetParent !== null)"
                ".map(c => { const r = c.getBoundingClientRect(); return [c.id, r.left, r.right]; })")


@pytest.fixture(scope="module")
def seed_page(seed_articles, tmp_path_factory):
    """The seeds' report as a file, with the report it renders."""
    tmp = tmp_path_factory.mktemp("seed-page")
    report = analyze(seed_articles, engine="local", settings=_local_settings(tmp))
    page = tmp / "report.html"
    page.write_text(to_html(report), encoding="utf-8")
    return report, page


def _open_at(driver, page, width: int, height: int, shot) -> None:
    """Load the page in a window of this size, keep a screenshot, and check nothing needs sideways scrolling."""
    _viewport(driver, width, height)
    driver.get(page.as_uri())
    _screenshot(driver, shot)
    assert driver.execute_script("return document.documentElement.scrollWidth") <= width


def _show_tip(driver, shots, name):
    """Focus the first summary citation, as the keyboard does: its quoted words show, inside the window."""
    link = driver.find_element(By.CSS_SELECTOR, "#summary a.cite")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", link)
    tip = driver.find_element(By.ID, link.get_attribute("aria-describedby"))
    assert tip.is_displayed()
    box = driver.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.left, r.right, r.top,"
                                " r.bottom, innerWidth, innerHeight]", tip)
    assert 0 <= box[0] and box[1] <= box[4] and 0 <= box[2] and box[3] <= box[5], box
    _screenshot(driver, shots / name)
    return tip.text


def test_report_at_1400_compares_picked_articles_side_by_side(browser, seed_page, shots):
    report, page = seed_page
    _open_at(browser, page, 1400, 900, shots / "report-1400-top.png")
    ids = [a.id for a in report.articles]
    originals = [f"art-{i}" for i, a in enumerate(report.articles) if not a.copy_of]
    shown = browser.execute_script(VISIBLE_COLS)
    assert [c[0] for c in shown] == originals[:3] and all(0 <= left and right <= 1400 for _, left, right in shown)

    # The contradiction cards: each side's whole sentence, its value marked, the outlet and its date.
    first = report.contradictions[0]
    card = browser.find_element(By.ID, "c-1")
    browser.execute_script("arguments[0].scrollIntoView()", card)
    _screenshot(browser, shots / "report-1400-contradiction.png")
    said = [e.text for e in card.find_elements(By.CSS_SELECTOR, "blockquote.said")]
    values = [e.text for e in card.find_elements(By.CSS_SELECTOR, "blockquote.said mark.val")]
    assert len(said) == len(first.sides) and all(len(s) > len(v) for s, v in zip(said, values, strict=True))
    assert {v.casefold() for v in values} == {s.value.casefold() for s in first.sides}
    assert "Version A:" in card.find_element(By.CSS_SELECTOR, ".verdict").text

    # Picking a fourth outlet puts the oldest pick aside: three side by side, never more.
    copy = next(i for i, a in enumerate(report.articles) if a.copy_of)
    browser.find_element(By.CSS_SELECTOR, f"#picker input[value=art-{copy}]").click()
    shown = [c[0] for c in browser.execute_script(VISIBLE_COLS)]
    assert shown == sorted(originals[1:3] + [f"art-{copy}"], key=lambda c: int(c[4:]))
    assert "put aside" in browser.find_element(By.ID, "picker-note").text

    # A citation into an article that is not shown brings it in, and its span into view.
    side = next(s for c in report.contradictions for s in c.sides if f"art-{ids.index(s.article_id)}" not in shown)
    key = f"m{ids.index(side.article_id)}-{side.citation.start}-{side.citation.end}"
    link = browser.find_element(By.CSS_SELECTOR, f"a.side-link[data-target='{key}']")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    WebDriverWait(browser, 5).until(lambda d: d.execute_script(FLASHED) == side.citation.quote)
    assert f"art-{ids.index(side.article_id)}" in [c[0] for c in browser.execute_script(VISIBLE_COLS)]
    assert len(browser.execute_script(VISIBLE_COLS)) == 3
    WebDriverWait(browser, 5).until(lambda d: d.execute_script(IN_VIEW, d.find_element(By.ID, key)))
    _screenshot(browser, shots / "report-1400-articles.png")

    citation = report.summary[0].citations[0]
    tip = _show_tip(browser, shots, "report-1400-citation-tip.png")
    assert tip.startswith(f"{report.article(citation.article_id).source}: “{citation.quote[:40]}") and tip.endswith("”")


def test_report_at_390_collapses_articles(browser, seed_page, shots):
    report, page = seed_page
    _open_at(browser, page, 390, 844, shots / "report-390-top.png")
    height = browser.execute_script("return document.documentElement.scrollHeight")
    assert height < 15_000, height  # 34,000 px with every article open
    assert not browser.find_element(By.ID, "picker").is_displayed()
    bodies = browser.find_elements(By.CSS_SELECTOR, "#articles .body")
    toggles = browser.find_elements(By.CSS_SELECTOR, "#articles .toggle")
    assert len(bodies) == len(toggles) == len(report.articles)
    assert not any(b.is_displayed() for b in bodies) and all(t.get_attribute("aria-expanded") == "false"
                                                               for t in toggles)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", toggles[-1])
    toggles[-1].click()
    assert bodies[-1].is_displayed() and toggles[-1].get_attribute("aria-expanded") == "true"
    _screenshot(browser, shots / "report-390-articles.png")

    card = browser.find_element(By.ID, "c-1")
    browser.execute_script("arguments[0].scrollIntoView()", card)
    _screenshot(browser, shots / "report-390-contradiction.png")

    citation = report.summary[0].citations[0]
    assert citation.quote[:40] in _show_tip(browser, shots, "report-390-citation-tip.png")
    link = browser.find_element(By.CSS_SELECTOR, "#summary a.cite")
    link.click()  # opens the cited article and flashes the span
    WebDriverWait(browser, 5).until(lambda d: d.execute_script(FLASHED) == citation.quote)
    index = [a.id for a in report.articles].index(citation.article_id)
    assert bodies[index].is_displayed()
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390


def test_docs_try_it_out_on_the_example_returns_200(browser, server, shots):
    _viewport(browser, 1366, 900)
    browser.get(server + "/docs")
    block = WebDriverWait(browser, 20).until(
        lambda d: d.find_element(By.ID, "operations-analyze-analyze_cluster_v1_analyze_post"))
    block.find_element(By.CSS_SELECTOR, ".opblock-summary").click()
    WebDriverWait(browser, 5).until(lambda d: block.find_elements(By.CSS_SELECTOR, ".try-out__btn"))[0].click()
    sent = WebDriverWait(browser, 5).until(lambda d: block.find_element(By.CSS_SELECTOR, "textarea.body-param__text"))
    assert '"Example Wire"' in sent.get_attribute("value")  # the example, not "string"
    block.find_element(By.CSS_SELECTOR, ".execute").click()
    status = WebDriverWait(browser, 20).until(lambda d: block.find_element(
        By.CSS_SELECTOR, ".live-responses-table tr.response .response-col_status"))
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", status)
    _screenshot(browser, shots / "docs-try-it-out-1366.png")
    assert status.text.strip() == "200"
    assert '"contradictions"' in block.find_element(By.CSS_SELECTOR, ".live-responses-table .highlight-code").text

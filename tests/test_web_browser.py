"""The web page in a real browser: Debian's chromium driven by Playwright against
uvicorn on the loopback. Upload the data articles, wait for the build, download a brief
and read it; a bad file's one-line error; the whole form with the keyboard alone."""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
from pathlib import Path

import pytest

pytest.importorskip("starlette")
playwright = pytest.importorskip("playwright.sync_api")  # the test extra brings it

from conftest import pdf_text
from reports.web import ServeSettings, create_app

pytestmark = [pytest.mark.heavy,
              pytest.mark.skipif(not os.path.exists(CHROMIUM := "/usr/bin/chromium") and not shutil.which("chromium"),
                                 reason="needs Debian's chromium (apt-get install chromium; CI installs it)")]

DATA = Path(__file__).resolve().parent.parent / "data"
ARTICLES = sorted(DATA.glob("*.txt"))
# Never `playwright install`: the system's chromium, quiet and offline.
LAUNCH = {"executable_path": CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium"),
          "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                   "--disable-sync", "--no-first-run"]}
BUILD_MS = 90_000


@contextlib.contextmanager
def running_server(settings: ServeSettings):
    """uvicorn serving the app on 127.0.0.1, a free port, in a thread: its address."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    started = threading.Event()
    for _ in range(400):  # until it listens (at most 20 s)
        if server.started:
            started.set()
            break
        started.wait(0.05)
    assert server.started, "uvicorn did not start"
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(30)


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    with running_server(ServeSettings(builds=tmp_path_factory.mktemp("builds"), workers=2)) as address:
        yield address


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(**LAUNCH)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


def test_uploaded_articles_give_a_brief_to_download(page, base, tmp_path):
    page.goto(base)
    page.set_input_files("#files", [str(path) for path in ARTICLES])
    assert "3 file(s) chosen" in page.inner_text("#files-chosen")
    page.click("#build")
    page.wait_for_selector("h1:text-is('Results')", timeout=BUILD_MS)
    assert page.inner_text("#summary").startswith("built 3, failed 0")
    assert page.locator("img.page").count() == 3 or not shutil.which("pdftoppm")
    with page.expect_download() as download:
        page.click("a[href$='/files/georgia-mexico.pdf']")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "georgia-mexico.pdf"
    text = pdf_text(saved)
    assert "Georgia–Mexico relations" in text and "1992" in text and "Tbilisi" in text


def test_a_bad_file_shows_one_line(page, base, tmp_path):
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG\r\n")
    page.goto(base)
    page.set_input_files("#files", str(photo))
    page.click("#build")
    error = page.locator("[role=alert]")
    assert error.count() == 1 and "\n" not in error.inner_text()
    assert error.inner_text().startswith("photo.png: not a file this page reads")
    broken = tmp_path / "broken.txt"
    broken.write_bytes(bytes(range(256)) * 10)
    page.set_input_files("#files", str(broken))
    page.click("#build")
    page.wait_for_selector("h1:text-is('Results')", timeout=BUILD_MS)
    assert page.locator("#failures li").all_inner_texts() == [
        "broken.txt: error: this is a binary file, not a text article"]


def _tab_to(page, selector: str, presses: int = 40) -> None:
    """Press Tab until the element `selector` has the focus."""
    for _ in range(presses):
        if page.evaluate("(s) => document.activeElement === document.querySelector(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def test_the_form_works_with_the_keyboard_alone(page, base, tmp_path):
    page.goto(base)
    _tab_to(page, "#files")
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files(str(DATA / "lithuania-mexico.txt"))
    _tab_to(page, "#layout-default")
    page.keyboard.press("ArrowDown")  # the radio group's next layout: es
    assert page.is_checked("#layout-es")
    for name in ("docx", "xlsx"):
        _tab_to(page, f"#format-{name}")
        page.keyboard.press("Space")
    _tab_to(page, "#build")
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:text-is('Results')", timeout=BUILD_MS)
    links = page.locator("article a[download]").all_inner_texts()
    assert links == ["lithuania-mexico.pdf", "lithuania-mexico.json"]
    _tab_to(page, "a[href$='/files/lithuania-mexico.pdf']", presses=60)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    saved = tmp_path / "brief.pdf"
    download.value.save_as(saved)
    assert "Lituania" in pdf_text(saved)  # the Spanish layout chosen with the arrow key

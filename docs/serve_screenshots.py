"""The README's pictures of `reports serve`: each page in headless chromium.

    python docs/serve_screenshots.py      # writes docs/serve-*.png

Starts the server as benchmarks/serve.py does, uploads the data articles, and shoots the
form, the progress page, the results page and a refused file. Needs Debian's chromium and
Playwright's Python package (never `playwright install`).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "benchmarks"))
from serve import ARTICLES, start_server  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def main() -> None:
    with tempfile.TemporaryDirectory() as builds, sync_playwright() as driver:
        server, base = start_server(Path(builds), 2)
        browser = driver.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1000, "height": 900})
        try:
            page.goto(base)
            page.set_input_files("#files", [str(path) for path in ARTICLES])
            page.screenshot(path=str(HERE / "serve-form.png"), full_page=True)
            page.click("#build")
            page.wait_for_selector("#progress-text:has-text('article')", timeout=60_000)
            page.screenshot(path=str(HERE / "serve-progress.png"))
            page.wait_for_selector("h1:text-is('Results')", timeout=120_000)
            page.screenshot(path=str(HERE / "serve-results.png"), clip={"x": 0, "y": 0, "width": 1000, "height": 1500},
                            full_page=True)
            page.goto(base)
            bad = Path(builds) / "scan.pdf"
            bad.write_bytes(b"%PDF-1.4")
            page.set_input_files("#files", str(bad))
            page.click("#build")
            page.screenshot(path=str(HERE / "serve-error.png"), clip={"x": 0, "y": 0, "width": 1000, "height": 420})
        finally:
            browser.close()
            server.terminate()
            server.wait(30)


if __name__ == "__main__":
    main()

"""The text a reader copies from gongwen's web pages: each page opened in
Chromium (driven by Playwright) and its `document.body.innerText` (what
select-all and copy give) written next to it as `NAME.txt`.

Usage: html_text.py CHROMIUM PAGE.html...   (one browser for the batch)
"""

import pathlib
import sys

from playwright.sync_api import sync_playwright

chromium, pages = sys.argv[1], sys.argv[2:]
with sync_playwright() as pw:
    browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    for path in pages:
        p = pathlib.Path(path).resolve()
        page.goto(p.as_uri())
        text = page.evaluate("document.body.innerText")
        p.with_suffix(".txt").write_text(text, encoding="utf-8")
    browser.close()

"""Keystroke to paint in a real browser (Debian's Chromium, Playwright):
python paint_bench.py GEN FOLDER CHROMIUM NAME:MARKER ...

For each document NAME of FOLDER: opens it in `gen serve`, puts the caret
after MARKER in its paragraph, scrolls the preview to the page that shows
it, and types as a person does — 30 characters one by one (150 ms apart,
an IME committing characters), Enter twice (a paragraph split), and five
pastes of 204 characters into the first paragraph. The editor records,
for every edit, the time from the input event to the frame after the pages
that show it are decoded (`window.gongwenPaints`); an edit superseded by
the next before its layout came counts until the later one is painted.
Prints one JSON line per document."""
import json
import re
import subprocess
import sys
import time

from playwright.sync_api import sync_playwright

GEN, FOLDER, CHROMIUM = sys.argv[1:4]
DOCS = [a.split(":", 1) for a in sys.argv[4:]]


def settle(page):
    for _ in range(400):
        n = page.evaluate("+document.body.dataset.rendered || 0")
        time.sleep(0.3)
        if page.evaluate("+document.body.dataset.rendered || 0") == n and not page.evaluate("state.inflight || !!state.pending"):
            return
    raise AssertionError("the preview never settled")


def caret_after(page, marker):
    """Focuses the form's text box holding `marker`, caret after it; scrolls
    the preview to the page that shows it."""
    found = page.evaluate(
        """(marker) => {
            const t = [...document.querySelectorAll('#form textarea')].find(t => t.value.includes(marker));
            if (!t) return false;
            t.scrollIntoView({block: 'center'});
            t.focus();
            const at = t.value.indexOf(marker) + marker.length;
            t.setSelectionRange(at, at);
            const key = marker.replace(/[，。、\\s]/g, '').slice(0, 6);
            const p = [...document.querySelectorAll('#pages .page')].find(p => (p.dataset.text || '').replace(/\\s/g, '').includes(key));
            if (p) p.scrollIntoView({block: 'center'});
            return !!p;
        }""",
        marker,
    )
    assert found, f"{marker} not found in the form and the pages"
    time.sleep(0.5)


def pct(xs, p):
    xs = sorted(xs)
    return round(xs[round((len(xs) - 1) * p)], 1) if xs else None


server = subprocess.Popen([GEN, "serve", FOLDER], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
url = re.search(r"http://\S+", server.stdout.readline()).group(0)
try:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(url)
        page.wait_for_selector("body[data-ready='1']")
        for name, marker in DOCS:
            before = page.evaluate("+document.body.dataset.rendered || 0")
            page.select_option("#open", name)
            for _ in range(600):
                if page.evaluate("+document.body.dataset.rendered || 0") > before:
                    break
                time.sleep(0.1)
            settle(page)
            pages = page.evaluate("document.body.dataset.pages")
            caret_after(page, marker)
            page.evaluate("window.gongwenPaints.length = 0")
            kinds = {}
            start = 0

            def phase(kind):
                global start
                settle(page)
                n = page.evaluate("window.gongwenPaints.length")
                kinds.setdefault(kind, []).extend(page.evaluate(f"window.gongwenPaints.slice({start})"))
                start = n

            for c in ("进一步压实责任" * 5)[:30]:
                page.keyboard.type(c)
                time.sleep(0.15)
            phase("type")
            for _ in range(2):
                page.keyboard.press("Enter")
                time.sleep(0.6)
            phase("enter")
            first = page.locator("#form .outline .item.p textarea").first
            for k in range(5):
                first.focus()
                page.evaluate("document.activeElement.setSelectionRange(0, 0)")
                page.keyboard.insert_text("在全市范围内" * 34)
                time.sleep(0.8)
            phase("paste")
            everything = [x for v in kinds.values() for x in v]
            print(json.dumps({
                "document": name,
                "pages": int(pages),
                "edits": len(everything),
                "p50": pct(everything, 0.5),
                "p95": pct(everything, 0.95),
                "max": pct(everything, 1.0),
                "by_kind": {k: {"n": len(v), "p50": pct(v, 0.5), "max": pct(v, 1.0)} for k, v in kinds.items()},
            }, ensure_ascii=False), flush=True)
            # Leave the document as it was (the journal would offer it back).
            page.evaluate("fetch('/api/discard', {method: 'POST', headers: {'X-Gongwen-Token': state.token, 'Content-Type': 'application/json'}, body: JSON.stringify({path: state.path})})")
        browser.close()
finally:
    server.terminate()
    server.wait()

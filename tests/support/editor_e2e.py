"""End-to-end test of `gen serve` in Debian's Chromium (Playwright, no
browser download): python editor_e2e.py GEN FOLDER SHOTS CHROMIUM

Starts `gen serve FOLDER` itself (so that it can kill it mid-edit), drives
one Chromium through what an office clerk does, and prints a JSON summary
for tests/editor_browser.rs to judge. Any step that does not happen fails
with an AssertionError naming it."""
import base64
import json
import os
import re
import signal
import subprocess
import sys
import time

from playwright.sync_api import sync_playwright

GEN, FOLDER, SHOTS, CHROMIUM = sys.argv[1:5]
HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures")
summary = {}


def start():
    p = subprocess.Popen([GEN, "serve", FOLDER], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = p.stdout.readline()
    url = re.search(r"http://\S+", line).group(0)
    return p, url


def rendered(page):
    return int(page.evaluate("document.body.dataset.rendered || '0'"))


def wait_until(page, expr, timeout=20000, what=None):
    """Polls `expr` in the page (Playwright's own wait_for_function evaluates
    strings, which the editor's Content-Security-Policy forbids)."""
    end = time.time() + timeout / 1000
    while time.time() < end:
        if page.evaluate(expr):
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what or expr}")


def wait_render(page, before, timeout=20000):
    wait_until(page, f"(+document.body.dataset.rendered || 0) > {before}", timeout)


def settle(page):
    """Waits until no layout is pending (the latest edit is on the pages)."""
    for _ in range(200):
        n = rendered(page)
        time.sleep(0.25)
        if rendered(page) == n and not page.evaluate("state.inflight || !!state.pending"):
            return
    raise AssertionError("the preview never settled")


def preview_text(page):
    return "".join(page.eval_on_selector_all("#pages .page", "ds => ds.map(d => d.dataset.text)"))


def no_space(s):
    return re.sub(r"\s+", "", s)


server, url = start()
with sync_playwright() as pw:
    browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
    page = browser.new_page(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "Failed to load resource" not in m.text else None)
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']")

    # New 通知 from the chooser.
    page.click("#new")
    page.fill("#new-name", "e2e-notice.yaml")
    before = rendered(page)
    page.click("#kinds [data-kind='通知']")
    wait_render(page, before)
    settle(page)
    assert page.eval_on_selector_all("#pages .page", "ds => ds.length") >= 1, "no page for a new 通知"
    # The 通知's form offers 发文字号 but no 令号 (a 命令's).
    assert page.query_selector("[data-path='doc_number']"), "no 发文字号 field"
    assert not page.query_selector("[data-path='order_number']"), "a 令号 field on a 通知"

    # Title and two paragraphs, typed.
    title = "关于开展安全生产大检查的通知"
    page.fill("[data-path='title']", "")
    page.type("[data-path='title']", title, delay=5)
    first = page.locator(".outline .item textarea").first
    first.fill("")
    first.type("为切实做好安全生产工作，现就有关事项通知如下。", delay=5)
    page.keyboard.press("End")
    page.keyboard.press("Enter")  # Enter splits: a new paragraph
    page.keyboard.type("各单位要高度重视，认真组织自查。", delay=5)
    settle(page)
    text = no_space(preview_text(page))
    assert title in text, f"title not on the pages: {text[:200]}"
    assert "为切实做好安全生产工作" in text and "各单位要高度重视" in text, f"paragraphs not on the pages: {text}"
    summary["paragraphs"] = page.eval_on_selector_all(".outline .item.p", "ds => ds.length")
    page.screenshot(path=os.path.join(SHOTS, "serve-editor.png"))

    # A table, and a row added in the grid.
    page.click("text=＋表格")
    settle(page)
    rows_before = page.eval_on_selector_all(".grid tr", "ds => ds.length")
    page.click("text=＋行")
    settle(page)
    assert page.eval_on_selector_all(".grid tr", "ds => ds.length") == rows_before + 1, "row not added"
    cells = page.locator(".grid tr").last.locator("input")
    cells.nth(0).type("消防设施", delay=5)
    cells.nth(1).type("12", delay=5)
    settle(page)
    assert "消防设施" in no_space(preview_text(page)), "the table row is not on the pages"

    # Spans: the first body cell merged with its right neighbour, then split.
    page.locator(".grid tr").nth(1).locator("input").nth(0).click()
    page.click(".merge-right")
    wait_until(page, "document.querySelector('#yaml').value.includes('colspan: 2')", what="a colspan")
    settle(page)
    assert page.eval_on_selector_all(".grid td[colspan='2']", "ds => ds.length") == 1, "the merged cell is not drawn spanning"
    page.locator(".grid td[colspan='2'] input").click()
    page.click(".split")
    wait_until(page, "!document.querySelector('#yaml').value.includes('colspan')", what="the split")
    settle(page)

    # Too many 签发人 for the 版头: the refusal stands at the field, in Chinese.
    page.fill("[data-path='signers']", "\n".join(n * 8 for n in ["张三", "李四", "王五", "赵六"]))
    settle(page)
    page.wait_for_selector(".field .note.refusal", timeout=10000)
    summary["refusal"] = page.eval_on_selector(".note.refusal", "n => n.closest('.field').querySelector('[data-path]').dataset.path + '|' + n.textContent")
    page.fill("[data-path='signers']", "")
    settle(page)
    assert not page.query_selector(".note.refusal"), "the refusal stayed after the fix"

    # An attachment with content, from the form.
    page.click("text=＋附件")
    settle(page)
    page.fill("[data-path='attachments[0]']", "检查记录表")
    page.check("input[aria-label='附件1随文印发内容']")
    settle(page)
    att = page.locator(".outline[data-path='attachments[0].body'] textarea").first
    att.fill("")
    att.type("各单位填写后报送。", delay=5)
    settle(page)
    text = no_space(preview_text(page))
    assert "附件：检查记录表" in text and "各单位填写后报送" in text, f"the attachment is not on the pages: {text[-200:]}"

    # A heading that writes its own number: a finding at the field, and its fix.
    page.click("text=＋标题")
    heading = page.locator(".outline .item.h textarea").first
    heading.type("一、工作要求", delay=5)
    settle(page)
    page.wait_for_selector(".item .note button.fix", timeout=10000)
    summary["finding"] = page.inner_text(".item .note")
    assert "序号" in summary["finding"], f"the finding is not in Chinese: {summary['finding']}"
    page.screenshot(path=os.path.join(SHOTS, "serve-finding.png"))
    page.click(".item .note button.fix")
    settle(page)
    value = page.eval_on_selector(".outline .item.h textarea", "e => e.value")
    assert value == "工作要求", f"fix not applied: {value!r}"
    assert "一、工作要求" in no_space(preview_text(page)), "the numbered heading is not on the pages"
    # Undo takes the fix back, in the form and the YAML; redo applies it again.
    page.click("#undo")
    settle(page)
    value = page.eval_on_selector(".outline .item.h textarea", "e => e.value")
    assert value == "一、工作要求", f"undo did not restore the heading: {value!r}"
    page.click("#redo")
    settle(page)
    value = page.eval_on_selector(".outline .item.h textarea", "e => e.value")
    assert value == "工作要求", f"redo did not apply the fix again: {value!r}"
    assert "heading: 工作要求" in page.eval_on_selector("#yaml", "e => e.value")

    # Save; the YAML tab holds the same document.
    page.click("#save")
    wait_until(page, "+document.body.dataset.saved >= 1")
    summary["saved_yaml"] = page.eval_on_selector("#yaml", "e => e.value")
    page.click("[data-tab='yaml']")
    # Edit the YAML: the form follows.
    yaml = page.eval_on_selector("#yaml", "e => e.value")
    page.fill("#yaml", yaml.replace(title, "关于开展安全生产专项检查的通知"))
    settle(page)
    page.click("[data-tab='form']")
    assert page.eval_on_selector("[data-path='title']", "e => e.value") == "关于开展安全生产专项检查的通知", "form did not follow the YAML"

    # A seal by upload: the page changes and the YAML names the image.
    hashes = page.eval_on_selector_all("#pages .page", "ds => ds.map(d => d.dataset.hash)")
    page.set_input_files("input[aria-label='上传印章图片']", os.path.join(HERE, "..", "..", "data", "seals", "education.png"))
    wait_until(page, "document.querySelector('#yaml').value.includes('seal: seals/education.png')")
    settle(page)
    after = page.eval_on_selector_all("#pages .page", "ds => ds.map(d => d.dataset.hash)")
    assert after != hashes, "the seal did not change the pages"
    page.click("#save")
    wait_until(page, "+document.body.dataset.saved >= 2")

    # Zoom and thumbnails.
    width = page.eval_on_selector("#pages .page", "e => e.getBoundingClientRect().width")
    page.click("#zoom-in")
    wider = page.eval_on_selector("#pages .page", "e => e.getBoundingClientRect().width")
    assert wider > width * 1.2, "zoom did nothing"
    assert page.eval_on_selector_all("#thumbs img", "ds => ds.length") == page.eval_on_selector_all("#pages .page", "ds => ds.length")

    # Killed mid-edit: the journal brings the edit back.
    last = page.locator(".outline .item.p textarea").last
    last.type("（未保存的修改）", delay=5)
    settle(page)
    server.send_signal(signal.SIGKILL)
    server.wait()
    server, url = start()
    page.on("dialog", lambda d: d.accept())
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']")
    page.select_option("#open", "e2e-notice.yaml")
    settle(page)
    assert "（未保存的修改）" in page.eval_on_selector("#yaml", "e => e.value"), "the journal was not offered back"
    page.click("#save")
    wait_until(page, "+document.body.dataset.saved >= 1")

    # Import a Word file by drop.
    docx = os.path.join(FOLDER, "draft.docx")
    subprocess.run([sys.executable, os.path.join(FIXTURES, "import", "make-docx.py"), docx], check=True)
    data = base64.b64encode(open(docx, "rb").read()).decode()
    page.click("#import")
    page.fill("#import-name", "imported.yaml")
    before = rendered(page)
    page.evaluate(
        """(b64) => {
            const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
            const dt = new DataTransfer();
            dt.items.add(new File([bytes], "draft.docx"));
            document.querySelector("#drop").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true}));
        }""",
        data,
    )
    wait_render(page, before)
    settle(page)
    summary["import_report"] = page.inner_text("#report-summary")
    assert re.search(r"导入：[1-9]\d* 条记录", summary["import_report"]), "no import report"
    page.screenshot(path=os.path.join(SHOTS, "serve-import.png"))
    summary["imported_pages"] = page.eval_on_selector_all("#pages .page", "ds => ds.length")
    page.click("#save")
    wait_until(page, "+document.body.dataset.saved >= 2")

    # Download the PDF: the preview's pages.
    with page.expect_download() as d:
        page.click("[data-export='pdf']")
    d.value.save_as(os.path.join(FOLDER, "imported-download.pdf"))
    summary["imported_preview_text"] = [t for t in page.eval_on_selector_all("#pages .page", "ds => ds.map(d => d.dataset.text)")]

    # A 命令 is refused until its 签名章 is there (at that field); the
    # 签名章 uploaded, the pages come.
    page.click("#new")
    page.fill("#new-name", "e2e-order.yaml")
    page.click("#kinds [data-kind='命令']")
    settle(page)
    page.wait_for_selector(".note.refusal", timeout=10000)
    summary["order_refusal"] = page.eval_on_selector(".note.refusal", "n => n.closest('.field').querySelector('[data-path]').dataset.path")
    page.fill("[data-path='signature_seal.title']", "市长")
    page.set_input_files("input[aria-label='上传签名章图片']", os.path.join(HERE, "..", "..", "data", "seals", "signature.png"))
    wait_until(page, "document.querySelector('#yaml').value.includes('image: seals/signature.png')", what="the 签名章 in the YAML")
    settle(page)
    assert not page.query_selector(".note.refusal"), "the 命令 is still refused with its 签名章"
    assert "市长" in no_space(preview_text(page)), "the signer's title is not on the page"

    # A web page dropped: read by the browser, imported, its chrome line
    # dropped and a click away from where it stood.
    html = ("<!doctype html><html><head><title>通知</title><style>p{color:red}</style><script>document.title='x'</script></head>"
            "<body><div class='nav'>首页 &gt; 通知公告</div><h1>关于做好防汛工作的通知</h1><p>各区人民政府：</p>"
            "<p style='text-indent:2em'>为做好今年防汛工作，现通知如下。</p><p>一、加强组织领导</p><p>各区要高度重视。</p>"
            "<p>清河市人民政府</p><p>2026年6月1日</p></body></html>")
    page.click("#import")
    page.fill("#import-name", "web.yaml")
    before = rendered(page)
    page.evaluate(
        """(html) => {
            const dt = new DataTransfer();
            dt.items.add(new File([html], "notice.html", {type: "text/html"}));
            document.querySelector("#drop").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true}));
        }""",
        html,
    )
    wait_render(page, before)
    settle(page)
    yaml = page.eval_on_selector("#yaml", "e => e.value")
    assert "title: 关于做好防汛工作的通知" in yaml and "heading: 加强组织领导" in yaml, f"the page was not imported: {yaml}"
    assert "首页" not in yaml, "the page's chrome was kept"
    page.click("#report .report-note.dropped button.goto")
    summary["report_goto"] = page.evaluate("document.activeElement.dataset.path")

    browser.close()
    summary["errors"] = errors

# Ctrl-C stops the server cleanly.
server.send_signal(signal.SIGINT)
summary["stopped"] = server.wait(timeout=10)
print(json.dumps(summary, ensure_ascii=False))

// gongwen's editor. Plain JavaScript, no build step, nothing from outside.
// The document lives as YAML text (what is saved) and as its model (what
// the form shows); the server converts between them and lays out the
// pages, so the preview is gongwen's own layout.
"use strict";

const $ = (sel) => document.querySelector(sel);
const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? "" : v);
  }
  for (const kid of kids.flat()) if (kid !== null && kid !== undefined) e.append(kid);
  return e;
};

const state = {
  token: "",
  formats: {},
  path: null,        // folder-relative name of the document
  version: null,     // the saved file's version (null: not saved yet)
  saved: "",         // the saved text
  yaml: "",          // the current text
  model: null,       // the current model (form)
  pages: [],         // [{hash, width, height, text}]
  findings: [],
  fixes: [],
  zoom: 1,
  inflight: false,
  pending: null,
  lastMillis: 0,
};

// 文种 → format, as §10 assigns them.
const KINDS = [
  ["通知", "general"], ["通报", "general"], ["请示", "general"], ["报告", "general"],
  ["批复", "general"], ["意见", "general"], ["决定", "general"], ["函", "letter"],
  ["纪要", "minutes"], ["命令", "order"], ["令", "order"], ["公告", "general"], ["通告", "general"],
];

const LABELS = {
  copy_number: "份号", classification: "密级和保密期限", urgency: "紧急程度",
  issuer_mark: "发文机关标志", order_number: "令号", issue_number: "期号", doc_number: "发文字号",
  signers: "签发人", title: "标题", addressees: "主送机关", body: "正文", attachments: "附件说明",
  issuer: "发文机关署名", date: "成文日期", seal: "印章", signature_seal: "签发人签名章",
  attendance: "出席、请假、列席", note: "附注", cc: "抄送机关", printing: "印发机关和印发日期",
};
const PARTS = [
  ["版头", ["copy_number", "classification", "urgency", "issuer_mark", "order_number", "issue_number", "doc_number", "signers"]],
  ["主体", ["title", "addressees", "body", "attachments", "issuer", "date", "seal", "signature_seal", "attendance", "note"]],
  ["版记", ["cc", "printing"]],
];
// Always there, whatever the format.
const REQUIRED = ["title", "body", "issuer", "date"];

async function api(method, url, body, raw) {
  const headers = { "X-Gongwen-Token": state.token };
  let payload;
  if (raw !== undefined) payload = raw;
  else if (body !== undefined) { headers["Content-Type"] = "application/json"; payload = JSON.stringify(body); }
  const r = await fetch(url, { method, headers, body: payload });
  return r;
}
async function json(method, url, body, raw) {
  let r;
  try { r = await api(method, url, body, raw); } catch (_) {
    // The server is gone (stopped, or the computer restarted): say so;
    // the edits are in the journal and in this page.
    return { ok: false, status: 0, data: { error: "连接不到编辑器：请重新运行 gen serve，再打开文档（未保存的修改会提示恢复）" } };
  }
  let data = {};
  try { data = await r.json(); } catch (_) { /* not JSON */ }
  return { ok: r.ok, status: r.status, data };
}
function status(text) { $("#status").textContent = text; }

// ---- the preview -----------------------------------------------------

// Sends the document for layout; the latest edit wins, one request at a
// time, so typing never waits for a layout.
// Keystroke to paint: each edit's time, until the pages that show it are
// painted (`paints`, in ms, read by the browser benchmark); an edit
// superseded before its layout came is painted with the later one.
const typed = [];
const paints = [];
window.gongwenPaints = paints;
function refresh(change) {
  state.pending = change;
  typed.push(performance.now());
  if (!state.inflight) pump();
}
const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
async function pump() {
  const change = state.pending;
  state.pending = null;
  if (!change) return;
  const edits = typed.splice(0);
  state.inflight = true;
  const body = { path: state.path, journal: true };
  if (change.model) body.model = change.model; else body.yaml = change.yaml;
  const t0 = performance.now();
  const { ok, data } = await json("POST", "/api/preview", body);
  // One layout at a time, until its pages are in place: a second pump
  // started while the first awaits its pages would race it.
  if (ok) {
    const fromForm = !!change.model;
    state.yaml = data.yaml;
    if (!change.history) record(data.yaml);
    if (fromForm) { if (document.activeElement !== $("#yaml")) $("#yaml").value = data.yaml; }
    // The form's own edits stay the form's: only an edit of the YAML
    // (or a document opened or imported) rebuilds it.
    if (!fromForm) { state.model = data.model; buildForm(); }
    state.findings = data.findings || [];
    state.fixes = data.fixes || [];
    state.refusal = data.refusal || null;
    const before = state.pages.map((p) => p.hash);
    await showPages(data.pages || [], state.refusal);
    showFindings();
    // The page an edit changed comes into view (the first that changed:
    // pages before the edit keep their hashes).
    if (before.length && !change.history) {
      const k = (data.pages || []).findIndex((p, i) => p.hash !== before[i]);
      const page = k >= 0 && $(`#page-${k + 1}`);
      if (page && !inView(page, $("#pages"), 0)) page.scrollIntoView({ block: "nearest" });
    }
    state.inflight = false;
    await painted();
    const now = performance.now();
    for (const t of edits) paints.push(now - t);
    state.lastMillis = data.millis;
    status(`排版 ${data.millis.toFixed(0)} ms，往返 ${(performance.now() - t0).toFixed(0)} ms${state.yaml !== state.saved ? "（未保存）" : ""}`);
    document.body.dataset.rendered = String((+document.body.dataset.rendered || 0) + 1);
  } else {
    state.inflight = false;
    status(data.error || "预览失败");
  }
  if (state.pending && !state.inflight) pump();
}

// Pages by hash: only pages this browser has not seen are fetched, and
// only when they come into view (the page being edited first).
// The cache holds the fetch itself, so that the page and its thumbnail,
// asking at once, share one request (they made two, each waiting its turn
// at the server). A fetch that fails or takes over 3 s is forgotten and
// asked again when the page is next shown, never waited on longer (a
// page's SVG comes in well under 100 ms; one fetch in a few runs of the
// browser benchmark was never answered, and froze the preview for 20 s).
const svgCache = new Map();
function svgUrl(hash) {
  if (!svgCache.has(hash)) {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), 3000);
    const p = fetch(`/api/page/${hash}.svg`, { signal: ctl.signal })
      .then(async (r) => (r.ok ? URL.createObjectURL(await r.blob()) : null))
      .catch(() => null)
      .then((url) => { clearTimeout(timer); if (!url) svgCache.delete(hash); return url; });
    svgCache.set(hash, p);
  }
  return svgCache.get(hash);
}
async function loadInto(img, tries = 3) {
  const want = img.dataset.want;
  if (!want || img.dataset.has === want) return;
  const url = await svgUrl(want);
  // Not come: asked again shortly, while it is still the page wanted.
  if (!url && tries > 1) {
    setTimeout(() => { if (img.dataset.want === want) loadInto(img, tries - 1); }, 200);
    return;
  }
  if (url && img.dataset.want === want) {
    img.src = url; img.dataset.has = want;
    // Decoded, so the next frame paints it (never waited on for more
    // than 2 s: the preview must not freeze on one image).
    await Promise.race([img.decode().catch(() => { /* replaced meanwhile */ }), new Promise((r) => setTimeout(r, 2000))]);
  }
}
let observers = null;
function observe(img, root) {
  if (!observers) {
    const seen = (entries) => entries.forEach((e) => { if (e.isIntersecting) loadInto(e.target); });
    observers = {
      pages: new IntersectionObserver(seen, { root: $("#pages"), rootMargin: "300px" }),
      thumbs: new IntersectionObserver(seen, { root: $("#thumbs"), rootMargin: "300px" }),
    };
  }
  observers[root].observe(img);
}
function inView(e, root, margin = 300) {
  const a = e.getBoundingClientRect();
  const b = root.getBoundingClientRect();
  return a.bottom > b.top - margin && a.top < b.bottom + margin;
}

async function showPages(pages, refusal) {
  const box = $("#pages");
  const thumbs = $("#thumbs");
  const old = box.querySelector(".error");
  if (old) old.remove();
  // Why is said at the field (showFindings); here only that the pages
  // shown are the last good ones, and a way to that field.
  if (refusal) {
    box.prepend(el("div", { class: "error", role: "alert" }, "无法排版，下面是上一次排好的版面。原因见",
      el("button", { type: "button", class: "goto", onclick: () => goTo(refusal.field) }, refusal.field ? `“${refusal.place}”` : "表单顶部")));
  }
  if (!pages.length && refusal) return; // keep the last good pages under the message
  const divs = [...box.querySelectorAll(".page")];
  const tdivs = [...thumbs.querySelectorAll("img")];
  const visible = [];
  pages.forEach((p, i) => {
    let div = divs[i];
    if (!div) {
      div = el("div", { class: "page", id: `page-${i + 1}` }, el("img", { alt: `第 ${i + 1} 页` }));
      box.append(div);
      observe(div.querySelector("img"), "pages");
    }
    let thumb = tdivs[i];
    if (!thumb) {
      thumb = el("img", { alt: `第 ${i + 1} 页缩略图`, title: `第 ${i + 1} 页`, onclick: () => $(`#page-${i + 1}`).scrollIntoView({ behavior: "smooth" }) });
      thumbs.append(thumb);
      observe(thumb, "thumbs");
    }
    div.dataset.hash = p.hash;
    div.dataset.text = p.text;
    div.style.width = `${p.width * state.zoom * 96 / 72}px`;
    div.style.height = `${p.height * state.zoom * 96 / 72}px`;
    thumb.style.aspectRatio = `${p.width} / ${p.height}`;
    const img = div.querySelector("img");
    img.dataset.want = p.hash;
    thumb.dataset.want = p.hash;
    if (inView(div, box)) visible.push(loadInto(img));
    if (inView(thumb, thumbs)) loadInto(thumb);
  });
  divs.slice(pages.length).forEach((d) => d.remove());
  tdivs.slice(pages.length).forEach((d) => d.remove());
  await Promise.all(visible);
  state.pages = pages;
  document.body.dataset.pages = String(pages.length);
}

function zoom(factor) {
  state.zoom = Math.min(3, Math.max(0.3, state.zoom * factor));
  $("#zoom-level").textContent = `${Math.round(state.zoom * 100)}%`;
  showPages(state.pages, state.refusal);
}

// ---- findings, at their fields ----------------------------------------

const short = (s) => (s.length > 24 ? s.slice(0, 23) + "…" : s);
function fixButton(fix) {
  return fix ? el("button", { type: "button", class: "fix", title: fix.value, onclick: () => applyFix(fix) }, `改为“${short(fix.value)}”`) : null;
}
const clause = (c) => (c ? el("span", { class: "clause" }, `（${c}）`) : null);
// A finding or a refusal beside its field; what has no field of the form
// stands at the top of the form.
function noteAt(path, cls, ...content) {
  const field = fieldFor(path);
  if (field) field.classList.add(cls.includes("warning") ? "has-warning" : "has-error");
  const holder = field && field.closest(".field, .item");
  const note = el("div", { class: `note ${cls}` }, ...content);
  if (holder) holder.append(note);
  else { const form = $("#form"); if (form.firstChild) form.firstChild.before(note); else form.append(note); }
  return note;
}
function showFindings() {
  document.querySelectorAll("#form .note").forEach((n) => n.remove());
  document.querySelectorAll(".has-error, .has-warning").forEach((n) => n.classList.remove("has-error", "has-warning"));
  const list = $("#findings");
  list.replaceChildren();
  const r = state.refusal;
  if (r) {
    noteAt(r.field, "refusal", el("strong", {}, "无法排版："), r.zh, " ", clause(r.clause));
    list.append(el("div", { class: "finding refusal" }, el("button", { type: "button", class: "goto", onclick: () => goTo(r.field) }, r.place), "：无法排版：", r.zh, " ", clause(r.clause)));
  }
  state.findings.forEach((f, k) => {
    const fix = state.fixes.find((x) => x.finding === k);
    const words = f.zh || f.message;
    // The refusal said it already, at the same field.
    if (r && r.path === f.path && r.zh.endsWith(words)) return;
    list.append(el("div", { class: `finding ${f.severity}`, title: f.message },
      el("button", { type: "button", class: "goto", onclick: () => goTo(f.field) }, f.place), "：", words, " ", clause(f.clause), " ", fixButton(fix)));
    noteAt(f.field, f.severity, words, " ", clause(f.clause), " ", fixButton(fix));
  });
}
// Shows the form's field for `path` (the form tab, scrolled, focused).
function goTo(path) {
  tab("form");
  const field = fieldFor(path);
  if (!field) return;
  field.scrollIntoView({ block: "center" });
  if (field.focus) field.focus({ preventScroll: true });
  field.classList.add("flash");
  setTimeout(() => field.classList.remove("flash"), 1200);
}
function fieldFor(path) {
  if (!path) return null;
  let p = path;
  while (p) {
    // The field itself, or the first of its parts (signature_seal →
    // signature_seal.title).
    const e = document.querySelector(`[data-path="${CSS.escape(p)}"]`)
      || document.querySelector(`[data-path^="${CSS.escape(p + ".")}"], [data-path^="${CSS.escape(p + "[")}"]`);
    if (e) return e;
    const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
    if (cut <= 0) return null;
    p = p.slice(0, cut);
  }
  return null;
}
// Undo and redo across the form and the YAML tab: one history of the
// document's text; typing within 800 ms is one step, a structural change
// (a fix, a new paragraph, an opened or imported document) its own.
const history = { stack: [], index: -1, last: 0, checkpoint: true };
function record(yaml) {
  const h = history;
  if (h.stack[h.index] === yaml) return;
  const now = Date.now();
  if (!h.checkpoint && h.index > 0 && now - h.last < 800) h.stack[h.index] = yaml;
  else { h.stack.splice(h.index + 1); h.stack.push(yaml); h.index = h.stack.length - 1; }
  h.last = now;
  h.checkpoint = false;
}
function checkpoint() { history.checkpoint = true; }
function travel(step) {
  const k = history.index + step;
  if (k < 0 || k >= history.stack.length) return;
  history.index = k;
  $("#yaml").value = history.stack[k];
  checkpoint();
  refresh({ yaml: history.stack[k], history: true });
}

function applyFix(fix) {
  checkpoint();
  setPath(state.model, fix.path, fix.value);
  buildForm();
  refresh({ model: state.model });
}
function setPath(obj, path, value) {
  const parts = path.replace(/\[(\d+)\]/g, ".$1").split(".");
  let at = obj;
  for (const p of parts.slice(0, -1)) at = at[p];
  at[parts[parts.length - 1]] = value;
}

// ---- the form --------------------------------------------------------

function formatOf(model) { return (model && model.format) || "general"; }

function buildForm() {
  const m = state.model;
  const form = $("#form");
  if (!m || typeof m !== "object") { form.replaceChildren(el("p", { class: "hint" }, "YAML 还不是一个文档（请看 YAML 页）。")); return; }
  const allowed = new Set([...(state.formats[formatOf(m)] || []), ...REQUIRED]);
  const kind = el("div", { class: "field" }, el("label", {}, "文种"),
    el("span", {}, `${m.kind || "（未选）"} · ${{ general: "通用格式", letter: "信函格式", order: "命令（令）格式", minutes: "纪要格式" }[formatOf(m)]}`));
  const parts = PARTS.map(([name, fields]) => {
    const shown = fields.filter((f) => allowed.has(f) || (m[f] !== undefined && m[f] !== null));
    if (!shown.length) return null;
    return el("fieldset", {}, el("legend", {}, name), ...shown.map((f) => fieldEditor(f)));
  });
  form.replaceChildren(kind, ...parts.filter(Boolean));
  showFindings();
}

function changed() { refresh({ model: state.model }); }

function input(path, value, opts = {}) {
  const tag = opts.multiline ? "textarea" : "input";
  const e = el(tag, { "data-path": path, type: opts.type, rows: opts.rows, placeholder: opts.placeholder, "aria-label": opts.label });
  e.value = value ?? "";
  e.addEventListener("input", () => { opts.set(e.value); changed(); });
  return e;
}
function row(label, ...content) { return el("div", { class: "field" }, el("label", {}, label), el("div", {}, ...content)); }
const lines = (v) => (Array.isArray(v) ? v : v ? [v] : []).join("\n");
const toList = (s) => s.split("\n").map((x) => x.trim()).filter(Boolean);

function fieldEditor(f) {
  const m = state.model;
  const label = LABELS[f] || f;
  const set = (v) => { if (v === "" || (Array.isArray(v) && !v.length)) delete m[f]; else m[f] = v; };
  switch (f) {
    case "classification": {
      const c = m.classification || {};
      const sel = el("select", { "data-path": "classification.level", "aria-label": "密级" },
        ["", "秘密", "机密", "绝密"].map((x) => el("option", { value: x, selected: c.level === x }, x || "（无）")));
      sel.addEventListener("change", () => { if (sel.value) m.classification = { ...(m.classification || {}), level: sel.value }; else delete m.classification; changed(); });
      const period = input("classification.period", c.period, { placeholder: "保密期限，如 1年", set: (v) => { if (m.classification) m.classification.period = v; } });
      return row(label, sel, period);
    }
    case "urgency": {
      const sel = el("select", { "data-path": "urgency", "aria-label": label },
        ["", "特急", "加急"].map((x) => el("option", { value: x, selected: m.urgency === x }, x || "（无）")));
      sel.addEventListener("change", () => { set(sel.value); changed(); });
      return row(label, sel);
    }
    case "issuer_mark": {
      const mark = m.issuer_mark;
      if (mark && typeof mark === "object") {
        return row(label + "（联合）",
          input("issuer_mark.organs", lines(mark.organs), { multiline: true, rows: 3, placeholder: "每行一个机关，主办机关在前", set: (v) => { mark.organs = toList(v); } }),
          input("issuer_mark.suffix", mark.suffix, { placeholder: "文件", set: (v) => { mark.suffix = v; } }));
      }
      return row(label, input("issuer_mark", mark, { placeholder: "××市人民政府文件", set }));
    }
    case "signers": case "addressees": case "issuer": case "cc":
      return row(label, input(f, lines(m[f]), { multiline: true, rows: 2, placeholder: "每行一个", set: (v) => set(toList(v)) }));
    case "title":
      return row(label, input("title", m.title, { multiline: true, rows: 2, label, set }));
    case "date":
      return row(label, input("date", m.date, { type: "date", label, set }));
    case "body":
      return el("div", { class: "field" }, el("label", {}, label), outlineEditor());
    case "attachments":
      return el("div", { class: "field" }, el("label", {}, label), attachmentsEditor());
    case "seal": return sealEditor();
    case "signature_seal": {
      const s = m.signature_seal || {};
      const upd = (k) => (v) => { m.signature_seal = { ...(m.signature_seal || {}), [k]: v }; if (!m.signature_seal.title && !m.signature_seal.image) delete m.signature_seal; };
      return row(label, input("signature_seal.title", s.title, { placeholder: "签发人职务，如 市长", set: upd("title") }),
        input("signature_seal.image", s.image, { placeholder: "签名章图片路径（或上传）", set: upd("image") }),
        uploader("上传签名章图片", (image) => { m.signature_seal = { ...(m.signature_seal || {}), image }; }));
    }
    case "attendance": {
      const a = m.attendance || (m.attendance = {});
      return row(label, ...[["present", "出席"], ["on_leave", "请假"], ["attending", "列席"]].map(([k, t]) =>
        input(`attendance.${k}`, lines(a[k]), { multiline: true, rows: 2, placeholder: `${t}：每行一人`, set: (v) => { a[k] = toList(v); } })));
    }
    case "printing": {
      const p = m.printing || {};
      const upd = (k) => (v) => { m.printing = { ...(m.printing || {}), [k]: v }; if (!m.printing.organ && !m.printing.date) delete m.printing; };
      return row(label, input("printing.organ", p.organ, { placeholder: "印发机关", set: upd("organ") }), input("printing.date", p.date, { type: "date", set: upd("date") }));
    }
    default:
      return row(label, input(f, m[f], { label, set }));
  }
}

// An image upload (a 印章 or a 签名章): stored in seals/ beside the
// document, checked by content on the server; `use(image path)`.
function uploader(label, use) {
  const file = el("input", { type: "file", accept: ".png,.svg", "aria-label": label, class: "hidden-file" });
  file.addEventListener("change", async () => {
    const f = file.files[0];
    if (!f) return;
    if (!state.path) { status("请先新建或打开文档，再上传图片"); return; }
    const { ok, data } = await json("POST", `/api/seal?path=${encodeURIComponent(state.path)}&name=${encodeURIComponent(f.name.replace(/\.[^.]*$/, ""))}`, undefined, f);
    if (!ok) { status(data.error || "上传失败"); return; }
    checkpoint();
    use(data.image);
    buildForm();
    refresh({ model: state.model });
  });
  // The browser's own file button speaks the browser's language: a
  // button of the page's own opens it.
  return el("span", { class: "upload" }, file, el("button", { type: "button", onclick: () => file.click() }, label + "…"));
}
function sealEditor() {
  const m = state.model;
  const value = m.seal;
  const issuers = Array.isArray(m.issuer) ? m.issuer.length : m.issuer ? 1 : 0;
  const list = Array.isArray(value) ? value.map((s) => (typeof s === "string" ? s : s.image)) : typeof value === "string" && !["none", "signature", "seal"].includes(value) ? [value] : [];
  const text = typeof value === "string" ? value : list.join("、");
  const shown = input("seal", text, { placeholder: "印章图片路径，或 none", set: (v) => { if (v) m.seal = v; else delete m.seal; } });
  // One seal per 署名机关 (§7.3.5.1): a joint document's next upload adds
  // the next organ's seal.
  const hint = issuers > 1 ? el("span", { class: "hint" }, `联合行文：${issuers} 个署名机关各盖一枚印章，按署名顺序上传（已有 ${list.length} 枚）`) : null;
  const file = uploader("上传印章图片", (image) => {
    if (issuers > 1 && list.length < issuers) m.seal = [...list, image];
    else m.seal = image;
  });
  return row(LABELS.seal, shown, file, hint);
}

// The 正文 as an outline: each paragraph and heading one row; a heading's
// number follows from its level (一、（一）1.（1）).
function flatten(blocks, depth, out, path) {
  (blocks || []).forEach((b, i) => {
    const p = `${path}[${i}]`;
    if (typeof b === "string" || typeof b === "number") out.push({ type: "p", depth, text: String(b), path: p });
    else if (b && b.heading !== undefined) {
      out.push({ type: "h", depth: depth + 1, text: b.heading, runin: b.text || "", path: p });
      flatten(b.body, depth + 1, out, `${p}.body`);
    } else if (b && b.table) out.push({ type: "t", depth, table: b.table, path: p });
    else out.push({ type: "x", depth, raw: b, path: p });
  });
  return out;
}
function rebuild(items) {
  const top = [];
  const stack = [top];
  for (const it of items) {
    let d = it.type === "h" ? it.depth - 1 : it.depth;
    d = Math.max(0, Math.min(d, stack.length - 1));
    stack.length = d + 1;
    if (it.type === "h") {
      const s = { heading: it.text };
      if (it.runin) s.text = it.runin;
      s.body = [];
      stack[d].push(s);
      stack.push(s.body);
    } else if (it.type === "p") stack[d].push(it.text);
    else if (it.type === "t") stack[d].push({ table: it.table });
    else stack[d].push(it.raw);
  }
  const clean = (blocks) => blocks.map((b) => { if (b && b.body) { b.body = clean(b.body); if (!b.body.length) delete b.body; } return b; });
  return clean(top);
}
const CN = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
function cn(n) { if (n <= 10) return CN[n]; if (n < 20) return "十" + CN[n - 10]; return CN[Math.floor(n / 10)] + "十" + CN[n % 10]; }
function numbers(items) {
  const count = [0, 0, 0, 0, 0];
  return items.map((it) => {
    if (it.type !== "h") return "";
    const l = Math.min(it.depth, 4);
    count[l] += 1;
    for (let k = l + 1; k <= 4; k++) count[k] = 0;
    const n = count[l];
    return [null, `${cn(n)}、`, `（${cn(n)}）`, `${n}.`, `（${n}）`][l];
  });
}

// `holder[key]` is a 正文 (the document's, or an attachment's); `base` its
// field path.
function outlineEditor(holder = state.model, key = "body", base = "body") {
  const items = flatten(holder[key], 0, [], base);
  const box = el("div", { class: "outline", "data-path": base });
  const commit = (rebuildForm) => {
    if (rebuildForm) checkpoint();
    holder[key] = rebuild(items);
    if (rebuildForm) { refresh({ model: state.model }); buildForm(); } else changed();
  };
  // After the form is rebuilt: the item `i` of this outline.
  const itemBox = (i) => document.querySelector(`.outline[data-path="${CSS.escape(base)}"] > .item[data-index="${i}"]`);
  const nums = numbers(items);
  items.forEach((it, i) => {
    const tools = el("span", { class: "tools" },
      el("button", { type: "button", title: "升一级", "aria-label": "升一级", onclick: () => { it.depth = Math.max(it.type === "h" ? 1 : 0, it.depth - 1); commit(true); } }, "←"),
      el("button", { type: "button", title: "降一级", "aria-label": "降一级", onclick: () => { it.depth = Math.min(4, it.depth + 1); commit(true); } }, "→"),
      el("button", { type: "button", title: it.type === "h" ? "改为段落" : "改为标题", onclick: () => { it.type = it.type === "h" ? "p" : "h"; if (it.type === "h") it.depth = Math.max(1, it.depth + 1); else it.depth = Math.max(0, it.depth - 1); commit(true); } }, it.type === "h" ? "¶" : "H"),
      el("button", { type: "button", title: "删除", "aria-label": "删除", onclick: () => { items.splice(i, 1); commit(true); } }, "×"));
    let editor;
    if (it.type === "t") editor = tableEditor(it, commit, it.path);
    else if (it.type === "x") editor = el("span", { class: "hint" }, "（请在 YAML 页编辑此项）");
    else {
      editor = el("div", {});
      const ta = el("textarea", { rows: it.type === "h" ? 1 : 3, "data-path": it.type === "h" ? `${it.path}.heading` : it.path, "aria-label": it.type === "h" ? `${it.depth}级标题` : "段落" });
      ta.value = it.text;
      ta.addEventListener("input", () => { it.text = ta.value; commit(false); });
      ta.addEventListener("keydown", (e) => {
        if (e.key === "Enter" && !e.shiftKey && it.type === "p") {
          // Enter splits the paragraph, as in a word processor.
          e.preventDefault();
          const rest = ta.value.slice(ta.selectionEnd);
          it.text = ta.value.slice(0, ta.selectionStart);
          items.splice(i + 1, 0, { type: "p", depth: it.depth, text: rest });
          commit(true);
          const next = itemBox(i + 1);
          const t = next && next.querySelector("textarea");
          if (t) { t.focus(); t.setSelectionRange(0, 0); }
        }
      });
      editor.append(ta);
      if (it.type === "h") {
        const run = el("textarea", { rows: 1, placeholder: "接排正文（可空）", "data-path": `${it.path}.text`, "aria-label": "接排正文" });
        run.value = it.runin;
        run.addEventListener("input", () => { it.runin = run.value; commit(false); });
        editor.append(run);
      }
    }
    box.append(el("div", { class: `item ${it.type}`, "data-index": i }, el("span", { class: "num" }, it.type === "h" ? nums[i] : it.type === "t" ? "表格" : "段落"), editor, tools));
  });
  const lastDepth = items.length ? items[items.length - 1].depth : 0;
  const focusNew = () => { const b = itemBox(items.length - 1); const t = b && b.querySelector("textarea"); if (t) t.focus(); };
  box.append(el("div", { class: "add" },
    el("button", { type: "button", onclick: () => { items.push({ type: "p", depth: lastDepth, text: "" }); commit(true); focusNew(); } }, "＋段落"),
    el("button", { type: "button", onclick: () => { items.push({ type: "h", depth: Math.max(1, Math.min(4, lastDepth || 1)), text: "" }); commit(true); focusNew(); } }, "＋标题"),
    el("button", { type: "button", onclick: () => { items.push({ type: "t", depth: lastDepth, table: { header: [["项目", "数量"]], rows: [["", ""]] } }); commit(true); } }, "＋表格")));
  return box;
}

// 附件说明: each attachment a name, or a title with content (printed after
// the 正文 from a new page, §7.3.7) edited as an outline of its own.
function attachmentsEditor() {
  const m = state.model;
  const list = m.attachments || [];
  const commit = (rebuildForm) => {
    if (list.length) m.attachments = list; else delete m.attachments;
    if (rebuildForm) { checkpoint(); refresh({ model: m }); buildForm(); } else changed();
  };
  const box = el("div", { class: "attachments", "data-path": "attachments" });
  list.forEach((a, i) => {
    const withContent = !!a && typeof a === "object";
    const path = withContent ? `attachments[${i}].title` : `attachments[${i}]`;
    const title = el("input", { "data-path": path, "aria-label": `附件${i + 1}名称`, placeholder: "附件名称（不加序号和标点）" });
    title.value = withContent ? a.title || "" : a;
    title.addEventListener("input", () => { if (withContent) a.title = title.value; else list[i] = title.value; commit(false); });
    const toggle = el("label", { class: "inline" }, el("input", { type: "checkbox", checked: withContent, "aria-label": `附件${i + 1}随文印发内容` }), "随文印发内容");
    toggle.querySelector("input").addEventListener("change", (e) => {
      list[i] = e.target.checked ? { title: title.value, body: ["附件正文。"] } : title.value;
      commit(true);
    });
    const remove = el("button", { type: "button", title: "删除附件", "aria-label": `删除附件${i + 1}`, onclick: () => { list.splice(i, 1); commit(true); } }, "×");
    const head = el("div", { class: "attachment-head" }, el("span", { class: "num" }, `附件${list.length > 1 ? i + 1 : ""}`), title, toggle, remove);
    const item = el("div", { class: "attachment" }, head);
    if (withContent) item.append(outlineEditor(a, "body", `attachments[${i}].body`));
    box.append(item);
  });
  box.append(el("div", { class: "add" }, el("button", { type: "button", onclick: () => { list.push(""); commit(true); const all = document.querySelectorAll(".attachments .attachment-head input:not([type])"); if (all.length) all[all.length - 1].focus(); } }, "＋附件")));
  return box;
}

// A table's cells as a grid: header rows bold; a cell can be merged with
// the one to its right or below and split again (colspan, rowspan).
function layoutGrid(rows) {
  // Where each cell of `rows` starts in the grid: cells spanning rows from
  // above take their places in the rows below.
  const taken = new Set();
  const at = rows.map((row, r) => {
    let c = 0;
    return row.map((cell) => {
      while (taken.has(`${r},${c}`)) c++;
      const cs = span(cell, "colspan"); const rs = span(cell, "rowspan");
      for (let y = r; y < r + rs; y++) for (let x = c; x < c + cs; x++) taken.add(`${y},${x}`);
      const start = c; c += cs; return start;
    });
  });
  let width = 0;
  for (const k of taken) width = Math.max(width, +k.split(",")[1] + 1);
  return { at, width };
}
function span(cell, k) { return cell && typeof cell === "object" && cell[k] > 1 ? cell[k] : 1; }
function cellText(cell) { return cell && typeof cell === "object" ? cell.text ?? "" : cell ?? ""; }
function setSpans(rows, r, k, colspan, rowspan) {
  const text = cellText(rows[r][k]);
  rows[r][k] = colspan > 1 || rowspan > 1 ? Object.assign({ text }, colspan > 1 ? { colspan } : {}, rowspan > 1 ? { rowspan } : {}) : text;
}
// The index in row `r` where a cell starting at grid column `col` goes.
function indexAt(rows, r, col) {
  const { at } = layoutGrid(rows);
  const k = at[r].findIndex((c) => c >= col);
  return k < 0 ? rows[r].length : k;
}
function mergeRight(rows, r, k) {
  const { at } = layoutGrid(rows);
  const cell = rows[r][k];
  const end = at[r][k] + span(cell, "colspan");
  const n = at[r].indexOf(end);
  if (n < 0 || span(rows[r][n], "rowspan") !== span(cell, "rowspan")) return "右边没有可合并的同高单元格";
  const joined = [cellText(cell), cellText(rows[r][n])].filter(Boolean).join("");
  setSpans(rows, r, k, span(cell, "colspan") + span(rows[r][n], "colspan"), span(cell, "rowspan"));
  if (typeof rows[r][k] === "object") rows[r][k].text = joined; else rows[r][k] = joined;
  rows[r].splice(n, 1);
  return null;
}
function mergeDown(rows, r, k) {
  const { at } = layoutGrid(rows);
  const cell = rows[r][k];
  const below = r + span(cell, "rowspan");
  if (below >= rows.length) return "下面没有行可合并（表头和表体各自合并）";
  const n = at[below].indexOf(at[r][k]);
  if (n < 0 || span(rows[below][n], "colspan") !== span(cell, "colspan")) return "下面没有可合并的同宽单元格";
  const joined = [cellText(cell), cellText(rows[below][n])].filter(Boolean).join("");
  setSpans(rows, r, k, span(cell, "colspan"), span(cell, "rowspan") + span(rows[below][n], "rowspan"));
  if (typeof rows[r][k] === "object") rows[r][k].text = joined; else rows[r][k] = joined;
  rows[below].splice(n, 1);
  return null;
}
function splitCell(rows, r, k) {
  const { at } = layoutGrid(rows);
  const cell = rows[r][k];
  const cs = span(cell, "colspan"); const rs = span(cell, "rowspan");
  if (cs === 1 && rs === 1) return "这个单元格没有合并";
  const col = at[r][k];
  setSpans(rows, r, k, 1, 1);
  rows[r].splice(k + 1, 0, ...Array(cs - 1).fill(""));
  for (let y = r + 1; y < r + rs; y++) rows[y].splice(indexAt(rows, y, col), 0, ...Array(cs).fill(""));
  return null;
}
function tableEditor(it, commit, path) {
  const t = it.table;
  const grid = el("table", { class: "grid", "data-path": `${path}.table` });
  let selected = null; // [rows, r, k]
  const cellInput = (rows, r, k, header) => {
    const cell = rows[r][k];
    const part = header ? "header" : "rows";
    const inp = el("input", { "aria-label": `${header ? "表头" : "单元格"} ${r + 1},${k + 1}`, "data-path": `${path}.table.${part}[${r}][${k}]` });
    inp.value = cellText(cell);
    inp.addEventListener("input", () => {
      if (cell && typeof cell === "object") cell.text = inp.value; else rows[r][k] = inp.value;
      commit(false);
    });
    inp.addEventListener("focus", () => { selected = [rows, r, k]; grid.querySelectorAll("td.selected").forEach((d) => d.classList.remove("selected")); inp.parentElement.classList.add("selected"); });
    const attrs = { class: header ? "header" : "" };
    if (span(cell, "colspan") > 1) attrs.colspan = span(cell, "colspan");
    if (span(cell, "rowspan") > 1) attrs.rowspan = span(cell, "rowspan");
    return el("td", attrs, inp);
  };
  for (const [rows, header] of [[t.header || [], true], [t.rows || [], false]]) {
    rows.forEach((r, ri) => grid.append(el("tr", {}, r.map((_, ci) => cellInput(rows, ri, ci, header)))));
  }
  const width = Math.max(1, layoutGrid(t.header || []).width, layoutGrid(t.rows || []).width);
  const caption = el("input", { placeholder: "表题（可空）", "aria-label": "表题", "data-path": `${path}.table.caption` });
  caption.value = t.caption || "";
  caption.addEventListener("input", () => { if (caption.value) t.caption = caption.value; else delete t.caption; commit(false); });
  const onCell = (op) => () => {
    if (!selected) { status("先点一个单元格"); return; }
    const why = op(...selected);
    if (why) status(why); else commit(true);
  };
  // The buttons act on the focused cell: keep the focus where it is.
  const keep = (e) => e.preventDefault();
  return el("div", {}, caption, grid,
    el("div", { class: "table-tools" },
      el("button", { type: "button", onclick: () => { (t.rows = t.rows || []).push(Array(width).fill("")); commit(true); } }, "＋行"),
      el("button", { type: "button", onclick: () => { for (const r of [...(t.header || []), ...(t.rows || [])]) r.push(""); if (t.columns) t.columns.push({ width: 3 }); commit(true); } }, "＋列"),
      el("button", { type: "button", onclick: () => { if ((t.rows || []).length > 1) { t.rows.pop(); commit(true); } } }, "－行"),
      // A table read from Word or a web page has its head as a first row.
      el("button", { type: "button", class: "to-header", title: "把表体第一行移入表头（表头用黑体，跨页重复）", onclick: () => { if ((t.rows || []).length > 1) { (t.header = t.header || []).push(t.rows.shift()); commit(true); } } }, "首行作表头"),
      el("span", { class: "sep" }, "所选单元格："),
      el("button", { type: "button", class: "merge-right", onmousedown: keep, onclick: onCell(mergeRight) }, "向右合并"),
      el("button", { type: "button", class: "merge-down", onmousedown: keep, onclick: onCell(mergeDown) }, "向下合并"),
      el("button", { type: "button", class: "split", onmousedown: keep, onclick: onCell(splitCell) }, "拆分")));
}

// ---- documents: new, open, import, save, download ----------------------

function today() { return new Date().toISOString().slice(0, 10); }

function newModel(kind, format, joint) {
  const organs = ["××市人民政府", "××市财政局"];
  const m = { kind };
  if (format !== "general") m.format = format;
  if (format === "order") {
    m.issuer_mark = "××市人民政府令"; m.order_number = "第1号";
  } else if (format === "minutes") {
    m.issuer_mark = "××市人民政府专题会议纪要"; m.issue_number = "第1期";
  } else if (format === "letter") {
    m.issuer_mark = "××市人民政府办公室"; m.doc_number = "×政办函〔2026〕1号";
  } else {
    m.issuer_mark = joint ? { organs, suffix: "文件" } : "××市人民政府文件";
    m.doc_number = "×政发〔2026〕1号";
  }
  if (format !== "order") m.title = kind === "纪要" ? "××专题会议纪要" : `关于××××的${kind}`;
  // A 纪要 is distributed, not addressed (§10.3): no 主送机关 to delete.
  if (format !== "minutes") m.addressees = ["各区人民政府"];
  m.body = ["正文第一段。"];
  m.issuer = format === "letter" ? ["××市人民政府办公室"] : joint ? organs : ["××市人民政府"];
  m.date = today();
  return m;
}

async function startNew(kind, format) {
  checkpoint();
  const name = $("#new-name").value.trim() || "新公文.yaml";
  state.path = /\.ya?ml$/.test(name) ? name : name + ".yaml";
  state.version = null;
  state.saved = "";
  state.model = newModel(kind, format, $("#joint").checked);
  $("#report-box").hidden = true;
  $("#file").textContent = state.path + "（新）";
  buildForm();
  refresh({ model: state.model });
}

async function openDocument(path) {
  checkpoint();
  const { ok, data } = await json("GET", `/api/open?path=${encodeURIComponent(path)}`);
  if (!ok) { status(data.error); return; }
  state.path = data.path;
  state.version = data.version;
  state.saved = data.text;
  let text = data.text;
  if (data.journal && confirm("这个文档有上次未保存的修改（编辑器关闭或中断时留下的）。要恢复这些修改吗？")) text = data.journal;
  else if (data.journal) await json("POST", "/api/discard", { path: data.path });
  $("#file").textContent = state.path;
  $("#report-box").hidden = true;
  $("#yaml").value = text;
  refresh({ yaml: text });
}

async function save(force) {
  if (!state.path) { status("没有打开的文档"); return; }
  const { ok, status: code, data } = await json("POST", "/api/save", { path: state.path, yaml: state.yaml, version: state.version, force: !!force });
  if (ok) {
    state.version = data.version; state.saved = state.yaml;
    $("#file").textContent = state.path;
    status("已保存");
    document.body.dataset.saved = String((+document.body.dataset.saved || 0) + 1);
  } else if (code === 409 && confirm(data.error)) save(true);
  else status(data.error || "保存失败");
}

async function download(format) {
  let r;
  try { r = await api("POST", `/api/export/${format}`, { path: state.path || "document.yaml", yaml: state.yaml }); } catch (_) { status("连接不到编辑器"); return; }
  if (!r.ok) { let m = "下载失败"; try { m = (await r.json()).error; } catch (_) { /* */ } status(m); return; }
  const url = URL.createObjectURL(await r.blob());
  const a = el("a", { href: url, download: (state.path || "document.yaml").replace(/^.*\//, "").replace(/\.ya?ml$/, "") + "." + format });
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function importBytes(bytes, name) {
  checkpoint();
  let note = "";
  // A web page: the browser's own parser reads it (inert: no script runs,
  // nothing loads) and its text goes to the import, as if the user had
  // selected the page and copied it.
  if (isHtml(bytes, name)) { bytes = new TextEncoder().encode(htmlText(decodeHtml(bytes))); note = "（网页已由浏览器转为文本）"; }
  const { ok, data } = await json("POST", `/api/import?name=${encodeURIComponent(name)}`, undefined, bytes);
  if (!ok) { status(data.error || "导入失败"); return; }
  $("#importer").close();
  const target = $("#import-name").value.trim() || "导入的公文.yaml";
  state.path = /\.ya?ml$/.test(target) ? target : target + ".yaml";
  state.version = null; state.saved = "";
  $("#file").textContent = state.path + "（新）";
  $("#yaml").value = data.yaml;
  showReport(data.notes || [], name + note);
  tab("form");
  $("#tab-form").scrollTop = 0;
  refresh({ yaml: data.yaml });
}
async function importFile(f) { if (f) importBytes(new Uint8Array(await f.arrayBuffer()), f.name); }

function isHtml(bytes, name) {
  if (/\.x?html?$/i.test(name)) return true;
  const head = new TextDecoder("latin1").decode(bytes.slice(0, 512)).replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, "").trimStart().toLowerCase();
  return head.startsWith("<!doctype html") || head.startsWith("<html");
}
// UTF-8, or the charset the page names (GBK pages are common).
function decodeHtml(bytes) {
  try { return new TextDecoder("utf-8", { fatal: true }).decode(bytes); } catch (_) { /* not UTF-8 */ }
  const head = new TextDecoder("latin1").decode(bytes.slice(0, 2048));
  const m = /charset\s*=\s*["']?([\w-]+)/i.exec(head);
  try { return new TextDecoder(m ? m[1] : "gb18030").decode(bytes); } catch (_) { return new TextDecoder("gb18030").decode(bytes); }
}
const BLOCKS = new Set(["ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR", "CAPTION", "CENTER", "DD", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "TABLE", "TBODY", "THEAD", "TFOOT", "TR", "UL"]);
const SKIP = new Set(["HEAD", "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "OBJECT", "SELECT", "BUTTON"]);
// The page's text, a paragraph per block (blank lines between, so the
// import keeps the page's paragraphs rather than guessing at wrapped
// lines); a table row's cells kept apart by an ideographic space (as the
// Word import keeps them). Styles go first: this page's policy refuses
// them, and they carry no text.
function htmlText(html) {
  html = html.replace(/<style[\s\S]*?<\/style\s*>/gi, "").replace(/\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, "");
  const doc = new DOMParser().parseFromString(html, "text/html");
  const lines = [];
  let line = "";
  const end = () => { if (line.trim()) lines.push(line.trim()); line = ""; };
  const walk = (node, pre) => {
    for (const n of node.childNodes) {
      if (n.nodeType === 3) line += pre ? n.data : n.data.replace(/[ \t\r\n\f]+/g, " ");
      else if (n.nodeType === 1) {
        const tag = n.tagName.toUpperCase();
        if (SKIP.has(tag) || n.hidden) continue;
        if (tag === "TD" || tag === "TH") { if (line.trim()) line = line.trimEnd() + "\u3000"; walk(n, pre); continue; }
        const block = BLOCKS.has(tag);
        if (block) end();
        if (tag === "PRE") {
          walk(n, true);
          const text = line; line = "";
          for (const l of text.split("\n")) { line = l; end(); }
        } else walk(n, pre);
        if (block) end();
      }
    }
  };
  walk(doc.body || doc.documentElement, false);
  end();
  return lines.join("\n\n") + "\n";
}

const ACTIONS = { dropped: "删去", repaired: "修复", review: "请核对" };
// The import report, above the form: each note with the line it came from
// and a link to the field its line went to.
function showReport(notes, name) {
  const box = $("#report");
  const counts = Object.keys(ACTIONS).map((a) => `${ACTIONS[a]} ${notes.filter((n) => n.action === a).length}`).join("，");
  box.replaceChildren(...notes.map((n) => el("div", { class: `report-note ${n.action}`, title: n.message },
    el("span", { class: "where" }, `第 ${n.line} 行 · ${ACTIONS[n.action] || n.action} · ${n.kind || n.rule}`), " ",
    n.text ? `“${short(n.text)}”` : "", n.replacement ? ` → “${short(n.replacement)}”` : "", " ",
    n.field ? el("button", { type: "button", class: "goto", onclick: () => goTo(n.field) }, n.action === "dropped" ? `原在“${n.place}”之前` : `到“${n.place}”`) : null)));
  $("#report-summary").textContent = `从 ${name} 导入：${notes.length} 条记录（${counts}）`;
  $("#report-box").hidden = false;
  $("#report-box").open = notes.some((n) => n.action === "review") || notes.length <= 8;
}

function tab(name) {
  document.querySelectorAll("[role=tab]").forEach((b) => b.setAttribute("aria-selected", String(b.dataset.tab === name)));
  for (const t of ["form", "yaml"]) $(`#tab-${t}`).hidden = t !== name;
}

async function init() {
  const { data } = await json("GET", "/api/session");
  state.token = data.token;
  for (const f of data.formats) state.formats[f.format] = f.fields;
  const open = $("#open");
  for (const d of data.documents) open.append(el("option", { value: d }, d));
  open.addEventListener("change", () => { if (open.value) openDocument(open.value); });
  $("#kinds").append(...KINDS.map(([k, f]) => el("button", { type: "button", "data-kind": k, onclick: () => { $("#chooser").close(); startNew(k, f); } }, k)));
  $("#new").addEventListener("click", () => $("#chooser").showModal());
  $("#import").addEventListener("click", () => $("#importer").showModal());
  $("#save").addEventListener("click", () => save(false));
  document.querySelectorAll("[data-export]").forEach((b) => b.addEventListener("click", () => download(b.dataset.export)));
  $("#zoom-in").addEventListener("click", () => zoom(1.25));
  $("#undo").addEventListener("click", () => travel(-1));
  $("#redo").addEventListener("click", () => travel(1));
  $("#zoom-out").addEventListener("click", () => zoom(0.8));
  document.querySelectorAll("[role=tab]").forEach((b) => b.addEventListener("click", () => tab(b.dataset.tab)));
  $("#yaml").addEventListener("input", () => refresh({ yaml: $("#yaml").value }));
  // Pasted from a web page or Word, the clipboard holds HTML too: its
  // paragraphs are kept by reading it (the plain text of a copied page
  // runs paragraphs together).
  $("#paste").addEventListener("paste", (e) => {
    const html = e.clipboardData && e.clipboardData.getData("text/html");
    if (!html) return;
    e.preventDefault();
    const text = htmlText(html);
    const t = $("#paste");
    t.setRangeText(text, t.selectionStart, t.selectionEnd, "end");
  });
  $("#import-go").addEventListener("click", () => importBytes(new TextEncoder().encode($("#paste").value), "粘贴的文本"));
  $("#import-file").addEventListener("change", () => importFile($("#import-file").files[0]));
  const drop = $("#drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", async (e) => {
    e.preventDefault(); drop.classList.remove("over");
    importFile(e.dataTransfer.files[0]);
  });
  document.addEventListener("keydown", (e) => {
    if (!(e.ctrlKey || e.metaKey)) return;
    if (e.key === "s") { e.preventDefault(); save(false); }
    // In a text box the browser's own undo works on that box; elsewhere
    // Ctrl-Z and Ctrl-Y step through the document's history.
    const typing = ["TEXTAREA", "INPUT"].includes(document.activeElement && document.activeElement.tagName);
    if (!typing && e.key === "z") { e.preventDefault(); travel(-1); }
    if (!typing && e.key === "y") { e.preventDefault(); travel(1); }
  });
  window.addEventListener("beforeunload", (e) => { if (state.yaml !== state.saved && state.path) e.preventDefault(); });
  // Start with the page's width filling the preview pane.
  state.zoom = Math.min(1, Math.max(0.3, ($("#pages").clientWidth - 40) / (595.28 * 96 / 72)));
  $("#zoom-level").textContent = `${Math.round(state.zoom * 100)}%`;
  if (data.start) openDocument(data.start);
  document.body.dataset.ready = "1";
}

init();

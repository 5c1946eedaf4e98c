//! `gen serve`'s keystroke latency on the server: from an edit of the
//! document to the SVG of every page that changed, with the warm
//! typesetter the server keeps (load, `gen check`, layout, SVG of the
//! changed pages): `cargo bench --bench serve`.
//!
//! Targets (issue 20, 2 cores): p50 ≤ 50 ms and p95 ≤ 150 ms for a 5-page
//! document, p50 ≤ 100 ms and p95 ≤ 300 ms for the 34-page seed — for the
//! whole keystroke-to-paint; this measures the server's part. The edits:
//! characters typed into a paragraph near the end, Enter (a paragraph
//! split in two), and a 200-character paste near the start.

use std::collections::HashSet;
use std::path::Path;
use std::time::Instant;

use gongwen::fonts::FontSet;
use gongwen::serve::engine::Engine;

/// A 5-page 通知: headings and paragraphs of ordinary length.
fn five_pages() -> String {
    let mut y = String::from(
        "issuer_mark: 清河市人民政府文件\ndoc_number: 清政发〔2024〕3号\nkind: 通知\n\
         title: 关于做好2024年安全生产工作的通知\naddressees: [各区人民政府, 市政府各部门]\nbody:\n",
    );
    for h in 0..6 {
        y.push_str(&format!("  - heading: 第{h}方面的工作要求\n    body:\n"));
        for p in 0..3 {
            y.push_str(&format!(
                "      - 各单位要切实提高认识，加强组织领导，落实工作责任，第{h}项第{p}段，{}。\n",
                "认真排查整治各类隐患，确保各项措施落到实处".repeat(4)
            ));
        }
    }
    y.push_str("issuer: 清河市人民政府\ndate: 2024-05-06\n");
    y
}

/// The edits of one run: each a new text of the document.
fn edits(base: &str, marker: &str) -> Vec<(&'static str, String)> {
    let at = base.rfind(marker).expect("marker in document") + marker.len();
    let mut out = Vec::new();
    let mut text = base.to_string();
    // Typing: one character at a time.
    for (k, c) in "进一步压实责任".chars().cycle().take(30).enumerate() {
        let pos = at + "进".len() * k;
        text.insert(pos, c);
        out.push(("type", text.clone()));
    }
    // Enter: the paragraph split in two (a new list item).
    let line_start = text[..at].rfind('\n').unwrap() + 1;
    let indent: String = text[line_start..]
        .chars()
        .take_while(|c| *c == ' ')
        .collect();
    let mut split = text.clone();
    split.insert_str(at, &format!("\n{indent}- "));
    out.push(("enter", split.clone()));
    out.push(("enter", text.clone()));
    // Paste: 200 characters near the start.
    let first = base.find("body:\n").unwrap();
    let p = base[first..].find("- ").unwrap() + first + 2;
    for k in 0..5 {
        let mut pasted = text.clone();
        let insert = if base[p..].starts_with("heading") {
            // Into the first heading's text.
            (p + "heading: ".len(), "在全市范围内".repeat(34 + k))
        } else {
            (p, "在全市范围内".repeat(34 + k))
        };
        pasted.insert_str(insert.0, &insert.1);
        out.push(("paste", pasted));
    }
    out
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let k = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[k]
}

fn run(name: &str, engine: &mut Engine, base: &str, marker: &str) {
    let path = Path::new("bench.yaml");
    // Warm: the first layout of the document (the editor's opening).
    let started = Instant::now();
    let first = engine.preview(path, base);
    assert!(first.error.is_none(), "{:?}", first.error);
    for p in &first.pages {
        engine.svg(&p.hash);
    }
    let opening = started.elapsed().as_secs_f64() * 1000.0;
    let mut seen: HashSet<String> = first.pages.iter().map(|p| p.hash.clone()).collect();
    let mut times = Vec::new();
    let mut all = Vec::new();
    let mut layouts = Vec::new();
    let mut by_kind: std::collections::BTreeMap<&str, Vec<f64>> = Default::default();
    let mut changed_pages = 0;
    for (kind, text) in edits(base, marker) {
        let t = Instant::now();
        let preview = engine.preview(path, &text);
        assert!(preview.error.is_none(), "{kind}: {:?}", preview.error);
        layouts.push(t.elapsed().as_secs_f64() * 1000.0);
        // The page on screen: the first that changed (the edit is on it).
        let mut edited = None;
        for p in &preview.pages {
            if seen.insert(p.hash.clone()) {
                engine.svg(&p.hash).expect("svg of a fresh page");
                changed_pages += 1;
                edited.get_or_insert(t.elapsed().as_secs_f64() * 1000.0);
            }
        }
        let total = t.elapsed().as_secs_f64() * 1000.0;
        let ms = edited.unwrap_or(total);
        times.push(ms);
        all.push(total);
        by_kind.entry(kind).or_default().push(ms);
    }
    times.sort_by(f64::total_cmp);
    all.sort_by(f64::total_cmp);
    layouts.sort_by(f64::total_cmp);
    println!(
        "{name}: {} pages; opening {opening:.0} ms; {} edits, {changed_pages} pages redrawn\n  \
         keystroke→edited page's SVG: p50 {:.0} ms, p95 {:.0} ms, max {:.0} ms\n  \
         of which load+check+layout: p50 {:.0} ms, p95 {:.0} ms\n  \
         keystroke→SVG of every changed page: p50 {:.0} ms, p95 {:.0} ms",
        first.pages.len(),
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        times.last().unwrap(),
        percentile(&layouts, 0.5),
        percentile(&layouts, 0.95),
        percentile(&all, 0.5),
        percentile(&all, 0.95),
    );
    for (kind, mut t) in by_kind {
        t.sort_by(f64::total_cmp);
        println!(
            "  {kind:5}: p50 {:.0} ms, max {:.0} ms (n={})",
            percentile(&t, 0.5),
            t.last().unwrap(),
            t.len()
        );
    }
}

fn main() {
    let fonts: &'static FontSet = Box::leak(Box::new(FontSet::bundled()));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut engine = Engine::new(fonts, &root);
    run("5-page notice", &mut engine, &five_pages(), "第5项第1段，");
    let seed = std::fs::read_to_string(root.join("seed-notice.yaml")).unwrap();
    // The share of `gen check` in a keystroke (it reads the YAML again,
    // with positions).
    let source = gongwen::load::Source {
        path: root.join("seed-notice.yaml"),
        text: seed.clone(),
    };
    let mut lint: Vec<f64> = (0..15)
        .map(|_| {
            let t = Instant::now();
            gongwen::check::lint_with_assets(&source, fonts, Some(&root)).unwrap();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    lint.sort_by(f64::total_cmp);
    println!(
        "gen check of the seed: p50 {:.0} ms",
        percentile(&lint, 0.5)
    );
    let marker = "整改工作常态化、长效化。";
    run("34-page seed", &mut engine, &seed, marker);
    paint(&five_pages(), &seed, marker);
}

/// The whole keystroke-to-paint, in Chromium: `tests/support/paint_bench.py`
/// types into both documents in the editor and reads the browser's own
/// clock (input event → the frame after the changed page is decoded).
/// Needs Playwright for Python (`GONGWEN_PYTHON`) and Debian's `chromium`.
fn paint(five: &str, seed: &str, seed_marker: &str) {
    let python = std::env::var("GONGWEN_PYTHON").unwrap_or_else(|_| "python3".into());
    let chromium = std::process::Command::new("sh")
        .args(["-c", "command -v chromium"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    let Some(chromium) = chromium else {
        println!("keystroke→paint in the browser: skipped (no chromium)");
        return;
    };
    let dir = std::env::temp_dir().join(format!("gongwen-paint-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("five.yaml"), five).unwrap();
    std::fs::write(dir.join("seed.yaml"), seed).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let binary = root.join("target/release/gen");
    let binary = std::env::var("CARGO_TARGET_DIR")
        .map(|t| Path::new(&t).join("release/gen"))
        .unwrap_or(binary);
    let out = std::process::Command::new(python)
        .arg(root.join("tests/support/paint_bench.py"))
        .arg(&binary)
        .arg(&dir)
        .arg(chromium)
        .arg("five.yaml:第5项第1段，")
        .arg(format!("seed.yaml:{seed_marker}"))
        .output();
    let _ = std::fs::remove_dir_all(&dir);
    match out {
        Ok(o) if o.status.success() => {
            for line in String::from_utf8_lossy(&o.stdout).lines() {
                println!("keystroke→paint in Chromium: {line}");
            }
        }
        Ok(o) => println!(
            "keystroke→paint in the browser: failed\n{}",
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) => println!("keystroke→paint in the browser: skipped ({e})"),
    }
}

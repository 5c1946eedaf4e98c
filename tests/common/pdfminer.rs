//! A PDF's pages as pdfminer.six measures them (`tests/support/pdf_chars.py`):
//! every character, image and drawn path, the one page model of the tests
//! that judge LibreOffice's rendering of the DOCX (and, where a test
//! compares the two the same way, gongwen's own PDF).

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::standard::mm;
use super::{path_str, root};

/// A character drawn, in points from the page's top-left corner.
#[derive(Debug, Clone)]
pub struct Char {
    pub c: String,
    /// The left edge of its advance box…
    pub x: f64,
    /// …and the right edge.
    pub x1: f64,
    pub baseline: f64,
    pub size: f64,
    /// The font's name, without the subset tag.
    pub font: String,
    /// The fill colour's components (RGB in LibreOffice's PDF, CMYK in
    /// gongwen's).
    pub color: Vec<f64>,
}

/// Characters sharing a baseline (within 0.1 pt) and a size, left to right.
#[derive(Debug, Clone)]
pub struct Line {
    pub baseline: f64,
    pub size: f64,
    pub chars: Vec<Char>,
}

impl Line {
    pub fn text(&self) -> String {
        self.chars.iter().map(|c| c.c.as_str()).collect()
    }
    /// The first character's left edge, mm.
    pub fn left(&self) -> f64 {
        mm(self.chars[0].x)
    }
    /// The last character's right edge, mm.
    pub fn right(&self) -> f64 {
        mm(self.chars.last().unwrap().x1)
    }
    /// The em box's top (0.88 em above the baseline), mm.
    pub fn em_top(&self) -> f64 {
        mm(self.baseline - 0.88 * self.size)
    }
    /// The em box's bottom (0.12 em below the baseline), mm.
    pub fn em_bottom(&self) -> f64 {
        mm(self.baseline + 0.12 * self.size)
    }
    /// Whether every character is red.
    pub fn red(&self) -> bool {
        self.chars.iter().all(|c| is_red(&c.color))
    }
}

/// A path drawn on the page (a rule, a bar), in mm from the top-left corner.
#[derive(Debug, Clone)]
pub struct Shape {
    pub x0: f64,
    pub top: f64,
    pub x1: f64,
    pub bottom: f64,
    /// The colour it is painted with (fill, else stroke).
    pub color: Vec<f64>,
}

/// One page as measured.
#[derive(Debug, Clone)]
pub struct Page {
    /// Its size, pt.
    pub width: f64,
    pub height: f64,
    /// Every character, white space too, in the order the PDF draws them.
    pub chars: Vec<Char>,
    /// The characters that are not white space, as lines, top to bottom.
    pub lines: Vec<Line>,
    /// Images drawn (seals): (left, top, right, bottom) in mm.
    pub images: Vec<(f64, f64, f64, f64)>,
    pub shapes: Vec<Shape>,
}

/// Y80% M80% (§6.2), within 0.01: CMYK (0, .8, .8, 0) in gongwen's PDF,
/// RGB (1, .2, .2) in LibreOffice's.
pub fn is_red(c: &[f64]) -> bool {
    let close = |a: f64, b: f64| (a - b).abs() < 0.01;
    match c {
        [cc, m, y, k] => close(*cc, 0.0) && close(*m, 0.8) && close(*y, 0.8) && close(*k, 0.0),
        [r, g, b] => close(*r, 1.0) && close(*g, 0.2) && close(*b, 0.2),
        _ => false,
    }
}

fn components(v: &Value) -> Vec<f64> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default()
}

fn page(p: &Value) -> Page {
    let f = |v: &Value| v.as_f64().unwrap();
    let chars: Vec<Char> = p["chars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| Char {
            c: c["c"].as_str().unwrap().to_string(),
            x: f(&c["x"]),
            x1: f(&c["x1"]),
            baseline: f(&c["baseline"]),
            size: f(&c["size"]),
            font: c["font"].as_str().unwrap().to_string(),
            color: components(&c["color"]),
        })
        .collect();
    let mut lines: Vec<Line> = Vec::new();
    for ch in chars.iter().filter(|c| !c.c.trim().is_empty()) {
        match lines
            .iter_mut()
            .find(|l| (l.baseline - ch.baseline).abs() < 0.1 && (l.size - ch.size).abs() < 0.01)
        {
            Some(l) => l.chars.push(ch.clone()),
            None => lines.push(Line {
                baseline: ch.baseline,
                size: ch.size,
                chars: vec![ch.clone()],
            }),
        }
    }
    for l in &mut lines {
        l.chars.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    lines.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
    let images = p["images"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|i| {
                    let v = |k: &str| mm(f(&i[k]));
                    (v("x0"), v("top"), v("x1"), v("bottom"))
                })
                .collect()
        })
        .unwrap_or_default();
    let shapes = p["shapes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| Shape {
            x0: mm(f(&s["x0"])),
            top: mm(f(&s["top"])),
            x1: mm(f(&s["x1"])),
            bottom: mm(f(&s["bottom"])),
            color: if s["fill"].as_bool().unwrap() {
                components(&s["fill_color"])
            } else {
                components(&s["stroke_color"])
            },
        })
        .collect();
    Page {
        width: f(&p["width"]),
        height: f(&p["height"]),
        chars,
        lines,
        images,
        shapes,
    }
}

/// The pages of each of `pdfs`, measured by pdfminer: one run per core,
/// each on a share of the files (balanced by size).
pub fn measure_all(pdfs: &[PathBuf]) -> Vec<Vec<Page>> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut order: Vec<usize> = (0..pdfs.len()).collect();
    let size = |i: &usize| std::fs::metadata(&pdfs[*i]).map_or(0, |m| m.len());
    order.sort_by_key(|i| std::cmp::Reverse(size(i)));
    let mut shares: Vec<(u64, Vec<usize>)> = vec![(0, Vec::new()); cores.min(pdfs.len())];
    for i in order {
        let least = shares.iter_mut().min_by_key(|s| s.0).unwrap();
        least.0 += size(&i);
        least.1.push(i);
    }
    let mut out: Vec<Option<Vec<Page>>> = vec![None; pdfs.len()];
    std::thread::scope(|scope| {
        let runs: Vec<_> = shares
            .iter()
            .map(|(_, share)| {
                let files: Vec<&Path> = share.iter().map(|&i| pdfs[i].as_path()).collect();
                (share, scope.spawn(move || run_pdfminer(&files)))
            })
            .collect();
        for (share, run) in runs {
            for (&i, pages) in share.iter().zip(run.join().expect("pdfminer run")) {
                out[i] = Some(pages);
            }
        }
    });
    out.into_iter().map(Option::unwrap).collect()
}

/// One run of `tests/support/pdf_chars.py` on `pdfs`.
fn run_pdfminer(pdfs: &[&Path]) -> Vec<Vec<Page>> {
    let mut args = vec![path_str(&root().join("tests/support/pdf_chars.py")).to_string()];
    args.extend(pdfs.iter().map(|p| path_str(p).to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = super::run(&super::python(), &args, &[]);
    let text = String::from_utf8(out).expect("UTF-8 JSON");
    let measured: Vec<Vec<Page>> = text
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("pdf_chars.py writes JSON");
            v.as_array().unwrap().iter().map(page).collect()
        })
        .collect();
    assert_eq!(measured.len(), pdfs.len(), "one line of JSON per PDF");
    measured
}

/// The pages of `pdf`.
pub fn measure(pdf: &Path) -> Vec<Page> {
    measure_all(&[pdf.to_path_buf()]).pop().unwrap()
}

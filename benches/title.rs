//! Title breaking time (§7.3.1) on long titles of the usual parts:
//! `cargo bench --bench title` (release profile).
//!
//! Target: a 300-character title breaks in under 50 ms on the 2-core
//! reference machine. Each length is broken several times; the median and
//! the slowest run are printed.

use std::time::Instant;

use gongwen::compose::title::break_title;
use gongwen::fonts::FontSet;

/// A title of `n` characters: an issuer, then 转发 of nested documents with
/// places, organisations, 《》 names, numbers with units and ranges.
fn title(n: usize) -> String {
    let parts = [
        "东湖市人民政府办公室关于转发",
        "《云岭省人民政府办公厅关于印发",
        "云岭省加快推进新型城镇化建设和城乡融合发展",
        "2027—2029年度",
        "若干政策措施及",
        "滨江市临江区和平街道",
        "农村公路建设补助资金1250万元",
        "“放管服”改革优化营商环境",
        "第十四届",
        "三年行动方案（2027—2029年）",
        "责任分工方案",
    ];
    let tail = "的通知》的通知";
    let mut s = String::new();
    let mut i = 0;
    while s.chars().count() + tail.chars().count() < n {
        s.push_str(parts[i % parts.len()]);
        i += 1;
    }
    let keep = n - tail.chars().count();
    let mut s: String = s.chars().take(keep).collect();
    s.push_str(tail);
    s
}

fn main() {
    let fonts = FontSet::bundled();
    for n in [100, 150, 200, 300] {
        let t = title(n);
        assert_eq!(t.chars().count(), n);
        let mut times = Vec::new();
        let mut lines = Vec::new();
        for _ in 0..9 {
            let start = Instant::now();
            lines = break_title(&t, &fonts);
            times.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "title {n:3} chars: {:2} lines, median {:6.2} ms, max {:6.2} ms",
            lines.len(),
            times[times.len() / 2],
            times[times.len() - 1]
        );
    }
}

//! The 版记 (§7.4): 抄送机关 and 印发机关和印发日期 between their rules.

use crate::content;
use crate::content::Run;
use crate::fonts::{FontSet, Role};
use crate::geometry::{self as g, CHAR_PITCH, mm};
use crate::model::{Document, Format};

use super::{HeaderLine, Placed, Record, linebreak, measure_at};

/// The 版记 (§7.4): 抄送 rows, then the 印发 row.
pub(crate) fn compose_record(doc: &Document, fonts: &FontSet) -> Option<Record> {
    if doc.cc.is_empty() && doc.printing.is_none() {
        return None;
    }
    let inset = g::RECORD_INSET_CHARS as f64 * CHAR_PITCH;
    let width = mm(g::BLOCK_WIDTH_MM);
    let setting = linebreak::Setting {
        size: g::RECORD_SIZE,
        tracking: 0.0,
    };
    let measure14 = |text: &str| measure_at(fonts, Role::Body, text, g::RECORD_SIZE, 0.0);
    let mut rows = Vec::new();
    let mut thin_after = Vec::new();
    if !doc.cc.is_empty() {
        // "抄送：" then the names, 。 after the last; a wrapped line aligns
        // with the first name (§7.4.2).
        let label = content::CC_LABEL;
        let label_w = measure14(label);
        let lines = cc_lines(
            label,
            &doc.cc,
            width - 2.0 * inset - label_w,
            &measure14,
            |text: &str, cap: f64| {
                let run = Run {
                    role: Role::Body,
                    text: text.to_string(),
                };
                linebreak::break_lines(&[run], fonts, setting, cap, cap)
                    .into_iter()
                    .map(|runs| runs.into_iter().map(|r| r.text).collect())
                    .collect()
            },
        );
        for (k, text) in lines.into_iter().enumerate() {
            let runs = vec![Run {
                role: Role::Body,
                text,
            }];
            let x = if k == 0 { inset } else { inset + label_w };
            rows.push(HeaderLine {
                top: 0.0,
                placed: vec![Placed { x, runs }],
                centre: Vec::new(),
            });
        }
        if doc.printing.is_some() {
            thin_after.push(rows.len() - 1);
        }
    }
    let printing_row = doc.printing.as_ref().map(|_| rows.len());
    if let Some(p) = &doc.printing {
        // 印发机关 左空一字; 印发日期 右空一字, followed by 印发 (§7.4.3).
        let date = content::printing_date(p.date);
        let date_x = width - inset - measure14(&date);
        rows.push(HeaderLine {
            top: 0.0,
            placed: vec![
                Placed {
                    x: inset,
                    runs: vec![Run {
                        role: Role::Body,
                        text: p.organ.clone(),
                    }],
                },
                Placed {
                    x: date_x,
                    runs: vec![Run {
                        role: Role::Body,
                        text: date,
                    }],
                },
            ],
            centre: Vec::new(),
        });
    }
    Some(Record {
        rows,
        thin_after,
        printing_row,
        rules: doc.format != Format::Letter,
    })
}

/// The 抄送 lines (§7.4.2): the label, then the names, each followed by
/// `，` and the last by `。`. Lines break between names, never inside one,
/// unless a name (with its mark) is longer than a line by itself; then it
/// is broken by `break_text` like any text. `cap` is the width left for
/// names on every line (the first line's label and the later lines' indent
/// under the first name take the same width).
fn cc_lines(
    label: &str,
    names: &[String],
    cap: f64,
    measure: &dyn Fn(&str) -> f64,
    break_text: impl Fn(&str, f64) -> Vec<String>,
) -> Vec<String> {
    const EPS: f64 = 0.01;
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for unit in content::cc_units(names) {
        if measure(&format!("{current}{unit}")) <= cap + EPS {
            current.push_str(&unit);
        } else if measure(&unit) <= cap + EPS {
            lines.push(std::mem::take(&mut current));
            current = unit;
        } else {
            // Too long for any line: continue the current line with it.
            let mut pieces = break_text(&format!("{current}{unit}"), cap);
            current = pieces.pop().unwrap_or_default();
            lines.extend(pieces);
        }
    }
    lines.push(current);
    lines.retain(|l| !l.is_empty());
    if let Some(first) = lines.first_mut() {
        first.insert_str(0, label);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character one unit wide; a naive breaker that cuts anywhere.
    fn lines(names: &[&str], cap: f64) -> Vec<String> {
        let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        let width = |s: &str| s.chars().count() as f64;
        cc_lines("抄送：", &names, cap, &width, |text: &str, cap: f64| {
            let chars: Vec<char> = text.chars().collect();
            chars
                .chunks(cap as usize)
                .map(|c| c.iter().collect())
                .collect()
        })
    }

    #[test]
    fn cc_wraps_between_names() {
        // 10 cells for names: 市发展改革委，(7) fits, 市商务局， (5) does not.
        assert_eq!(
            lines(&["市发展改革委", "市商务局", "市财政局"], 10.0),
            ["抄送：市发展改革委，", "市商务局，市财政局。"]
        );
        // Everything on one line when it fits, the full stop last.
        assert_eq!(lines(&["甲局", "乙局"], 10.0), ["抄送：甲局，乙局。"]);
    }

    #[test]
    fn a_name_longer_than_a_line_is_broken_inside() {
        assert_eq!(
            lines(&["甲局", "一二三四五六七八九十十一十二"], 6.0),
            ["抄送：甲局，一二三", "四五六七八九", "十十一十二。"]
        );
    }
}

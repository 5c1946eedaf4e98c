//! 纪要格式 (GB/T 9704-2012 §10.3): the mark (`×××纪要`) centred and red,
//! its top 35 mm below the 版心's top; the 期号 under it when given (local
//! practice); and after the 正文 (or 附件说明) the attendance lists — 出席,
//! 请假, 列席 — each label in 3号黑体 左空二字 with a full-width colon, the
//! entries in 3号仿宋, wrapped lines aligned with the first character after
//! the colon, one blank line before 出席. A 纪要 carries no seal (the model
//! refuses one).

use crate::compose::linebreak::{self, Setting};
use crate::compose::{Align, Header, Item, ItemKind, Keep, Placed, measure};
use crate::content;
use crate::content::Run;
use crate::fonts::{FontSet, Role};
use crate::geometry::{self as g, CHAR_PITCH, mm};
use crate::model::{Attendance, Document};

use super::order::{centred_line, grid_line_below, move_mark};

/// The 版头 of a 纪要 (§10.3) from the general 版头's elements (份号, 密级,
/// 紧急程度 and the mark; the model refuses a 发文字号 and 签发人 here), and
/// the grid line the 标题 starts on.
pub fn header(doc: &Document, header: Option<Header>) -> (Option<Header>, usize) {
    let Some(mut h) = header else {
        return (None, 0);
    };
    let Some(mark) = h.mark.as_mut() else {
        return (Some(h), 0);
    };
    move_mark(mark, mm(g::MINUTES_MARK_TOP_BELOW_BLOCK_MM));
    let title_line = match &doc.issue_number {
        Some(n) => {
            let line = grid_line_below(mark, g::MINUTES_ISSUE_GAP_LINES);
            h.number = vec![centred_line(line, n.as_str())];
            line + 1 + g::MINUTES_TITLE_GAP_LINES
        }
        None => {
            h.number = Vec::new();
            grid_line_below(mark, g::MINUTES_TITLE_GAP_LINES)
        }
    };
    h.separator = None;
    (Some(h), title_line)
}

/// The attendance lists (§10.3), one item a line: the first line of each
/// list carries its label, 左空二字; the entries start right after the
/// colon, on the character grid, and wrapped lines start under the first
/// of them. Lines break between entries (after their `、`); an entry longer
/// than a whole line is broken inside.
///
/// The first line is set as two pieces at fixed places (the label, and the
/// entries at the wrapped lines' indent), so that its entries and the
/// wrapped lines start at exactly the same x in every writer: as one line
/// of two runs, Typst would set the entries a tracking (0.07 mm) further
/// right, since it tracks no run's last glyph.
pub fn compose_attendance(attendance: &Attendance, fonts: &FontSet, items: &mut Vec<Item>) {
    let indent = g::ATTENDANCE_INDENT_CHARS as f64 * CHAR_PITCH;
    for (k, (list, names)) in attendance.lists().into_iter().enumerate() {
        let label = content::attendance_label(list);
        let names_x = indent + measure(fonts, Role::Hei, label);
        let units = content::attendance_units(names);
        let lines = list_lines(&units, g::LINE_WIDTH - names_x, fonts);
        let count = lines.len();
        for (j, text) in lines.into_iter().enumerate() {
            let names_run = Run {
                role: Role::Body,
                text,
            };
            let (kind, runs, columns, first_indent) = if j == 0 {
                let label_run = Run {
                    role: Role::Hei,
                    text: label.to_string(),
                };
                let columns = vec![
                    Placed {
                        x: indent,
                        runs: vec![label_run.clone()],
                    },
                    Placed {
                        x: names_x,
                        runs: vec![names_run.clone()],
                    },
                ];
                (
                    ItemKind::Attendance,
                    vec![label_run, names_run],
                    columns,
                    indent,
                )
            } else {
                (
                    ItemKind::AttendanceContinued,
                    vec![names_run],
                    Vec::new(),
                    names_x,
                )
            };
            items.push(Item {
                kind,
                blank_lines_before: if k == 0 && j == 0 {
                    g::ATTENDANCE_GAP_LINES
                } else {
                    0
                },
                runs,
                lines: Vec::new(),
                first_indent,
                rest_indent: names_x,
                justify: false,
                // The label does not stand alone at the foot of a page.
                keep_with_next: if j == 0 && count > 1 {
                    Keep::Whole
                } else {
                    Keep::Free
                },
                columns,
                reserve_lines_after: 0,
                align: Align::Indents,
                path: format!("attendance.{}", list.field()),
            });
        }
    }
}

/// The entries' text on each line of a list, `width` points wide: as many
/// whole units (entries with their `、`) as fit each line; a unit longer
/// than a whole line continues the line it falls on and is broken like
/// any text. "Fits" is what the body's line breaker says, so that both
/// writers see these lines whole.
fn list_lines(units: &[String], width: f64, fonts: &FontSet) -> Vec<String> {
    let setting = Setting {
        size: g::BODY_SIZE,
        tracking: g::BODY_TRACKING,
    };
    let broken = |text: &str| -> Vec<String> {
        let run = Run {
            role: Role::Body,
            text: text.to_string(),
        };
        linebreak::break_lines(&[run], fonts, setting, width, width)
            .into_iter()
            .map(|line| line.into_iter().map(|r| r.text).collect())
            .collect()
    };
    let fits = |text: &str| broken(text).len() <= 1;
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for unit in units {
        let candidate = format!("{current}{unit}");
        if fits(&candidate) {
            current = candidate;
        } else if fits(unit) {
            // On the next line.
            lines.push(std::mem::take(&mut current));
            current = unit.clone();
        } else {
            // Longer than a whole line: it continues the current line,
            // broken inside, its last piece continued.
            let mut pieces = broken(&candidate);
            current = pieces.pop().unwrap_or_default();
            lines.extend(pieces);
        }
    }
    lines.push(current);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(names: &[&str]) -> Vec<String> {
        let fonts = FontSet::bundled();
        let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        let units = content::attendance_units(&names);
        let names_x = 2.0 * CHAR_PITCH + measure(&fonts, Role::Hei, "出席：");
        list_lines(&units, g::LINE_WIDTH - names_x, &fonts)
    }

    #[test]
    fn lines_break_between_entries_and_fill_23_cells() {
        // 28 cells less 2 (indent) and 3 (出席：) leave 23 for the names.
        let names = [
            "张志远",
            "李明华",
            "王建国",
            "赵晓东",
            "刘德胜",
            "陈丽娟",
            "杨光明",
            "黄春生",
        ];
        let got = lines(&names);
        // Each entry with its 、 is 4 cells: five fit 23 cells (20), six
        // do not (24); the last entry has no mark.
        assert_eq!(
            got,
            [
                "张志远、李明华、王建国、赵晓东、刘德胜、",
                "陈丽娟、杨光明、黄春生"
            ]
        );
        // A unit and a name: the space becomes one full cell.
        let got = lines(&["市发展改革委 王五", "市财政局 赵六"]);
        assert_eq!(got, ["市发展改革委\u{3000}王五、市财政局\u{3000}赵六"]);
    }

    #[test]
    fn an_entry_longer_than_a_line_is_broken_inside() {
        let long = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十";
        let got = lines(&["甲", long]);
        assert_eq!(got.concat(), format!("甲、{long}"));
        // It continues the first line, which is then full (23 cells), and
        // the rest goes on the next.
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].chars().count(), 23, "{got:?}");
        assert!(got[0].starts_with("甲、一二"), "{got:?}");
    }
}

//! Tables (GB/T 9704-2012 §8) composed: column widths, cell text broken
//! into lines, row heights in the cells' own line pitch, and the pages of a landscape
//! table. The table the YAML writes, and its check, are [`crate::model::table`].

use crate::content::Run;
use crate::fonts::{FontSet, Role};
use crate::geometry::{self as g, mm};
use crate::model::table::{Align, Cell, Orientation, Table};

pub mod columns;
use columns::{auto_widths, column_needs, wants_landscape};

/// A composed table: everything the writers draw, in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Composed {
    /// The table's field, e.g. `body[3].table`.
    pub path: String,
    /// The caption's lines (黑体, 3号, centred), already broken.
    pub caption: Vec<String>,
    /// Text size of the cells, pt.
    pub size: f64,
    /// Baseline-to-baseline distance of lines inside a cell, pt.
    pub line_pitch: f64,
    /// The unit of a row's height (its `lines`), pt: the cells' own line
    /// pitch (dense rows: at 四号 and 小四 a row of one line is that line,
    /// not a whole body line). It is the body grid's line pitch at 3号; at
    /// a smaller size a portrait table ends between grid lines and the
    /// layout sets the text after it on the next one.
    pub row_pitch: f64,
    /// Turned on pages of its own (§8).
    pub landscape: bool,
    /// Column widths, pt; they add up to the table's width.
    pub columns: Vec<f64>,
    /// Header rows: the first `header_rows` of `rows`.
    pub header_rows: usize,
    pub rows: Vec<Row>,
    /// Landscape: the body rows on each page (header rows repeated on
    /// each; the caption on the first), cut as [`Composed::split`] cuts
    /// them. Portrait: empty (the layout stage splits a portrait table,
    /// which starts wherever the text before it ends).
    pub pages: Vec<Vec<Row>>,
    /// The columns that were too narrow for their widest token and were
    /// widened (or could not be: the tokens of all columns do not fit the
    /// table's width), for `gen check`.
    pub narrow: Vec<Narrow>,
}

/// A column too narrow for a token of one of its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Narrow {
    /// The column, from 0.
    pub col: usize,
    /// Its widest token.
    pub token: String,
    /// Its width as given or computed, pt.
    pub width: f64,
    /// What the token needs, pt.
    pub least: f64,
}

/// What a cell's lines leave of its width: the writers' own measure must
/// not find a line too wide through rounding, pt.
const CELL_SLACK: f64 = 0.5;

/// Widens each column narrower than its `least` to it, taking the width
/// from the columns with room to spare above their own least, in
/// proportion to that room (so mostly from the widest); the total stays.
/// When the spare room is not enough, every column gets its least scaled
/// to the total (tokens then break, as little as the width allows).
fn widen(columns: &mut [f64], least: &[f64]) {
    let deficit: f64 = columns
        .iter()
        .zip(least)
        .map(|(c, l)| (l - c).max(0.0))
        .sum();
    if deficit <= 1e-6 {
        return;
    }
    let spare: Vec<f64> = columns
        .iter()
        .zip(least)
        .map(|(c, l)| (c - l).max(0.0))
        .collect();
    let room: f64 = spare.iter().sum();
    if room >= deficit {
        for (k, c) in columns.iter_mut().enumerate() {
            *c = c.max(least[k]) - spare[k] / room * deficit;
        }
    } else {
        let total: f64 = columns.iter().sum();
        let need: f64 = least.iter().sum();
        for (c, l) in columns.iter_mut().zip(least) {
            *c = l / need * total;
        }
    }
}

impl Composed {
    /// The table's width, pt.
    pub fn width(&self) -> f64 {
        self.columns.iter().sum()
    }

    /// The table's height in row pitches ([`Composed::row_pitch`]): every row.
    pub fn lines(&self) -> usize {
        self.rows.iter().map(|r| r.lines).sum()
    }

    /// The header rows' height, in row pitches.
    pub fn header_lines(&self) -> usize {
        self.rows[..self.header_rows].iter().map(|r| r.lines).sum()
    }

    /// The body rows cut into pages, the way a careful typist breaks a
    /// table: `first` row pitches are left for the table (header rows
    /// included) on the page it starts on, `capacity` on each page after
    /// it, where the header rows are repeated. Pages are filled row by
    /// row; a page may break anywhere between rows, also inside a group
    /// of rows joined by a cell spanning them, and a row taller than a
    /// page breaks between its cells' lines. A page that cannot hold the
    /// header and one line of the body stays empty (the table starts on
    /// the next). Every line of every cell is on exactly one page or, for
    /// a spanning cell, repeated on each (see [`cut_spans`]).
    pub fn split(&self, first: usize, capacity: usize) -> Vec<Vec<Row>> {
        let header = self.header_lines();
        // A page too small for the header and a line of the body: the
        // table would never fit; give each row a line at least.
        let room_of = |lines: usize| lines.saturating_sub(header);
        let full = room_of(capacity).max(1);
        let needed = |k: usize| needed_lines(k, self.size, self.line_pitch, self.row_pitch);
        let mut rest: Vec<Row> = self.rows[self.header_rows..].to_vec();
        let mut pages = Vec::new();
        let mut room = room_of(first);
        loop {
            let total: usize = rest.iter().map(|r| r.lines).sum();
            if total <= room || rest.is_empty() {
                pages.push(rest);
                return pages;
            }
            // The rows that fit whole.
            let mut used = 0;
            let mut k = 0;
            while k < rest.len() && used + rest[k].lines <= room {
                used += rest[k].lines;
                k += 1;
            }
            // A row taller than a whole page starts on this one and breaks
            // inside its cells (when a line of it fits here).
            if rest[k].lines > full && room > used {
                split_row(&mut rest, k, room - used, &needed);
                k += 1;
            }
            if k == 0 {
                // Nothing fits: the next page.
                pages.push(Vec::new());
            } else {
                let tail = cut_spans(&mut rest, k, &needed);
                pages.push(std::mem::replace(&mut rest, tail));
            }
            room = full;
        }
    }
}

/// The rows (each `unit` tall) a cell of `k` text lines at `size` (lines
/// `pitch` apart) needs: the text plus a line gap — the body grid's on the
/// body grid (so that one line of 3号 is one line pitch), its own when the
/// unit is its own pitch (`k` lines, `k` units).
fn needed_lines(k: usize, size: f64, pitch: f64, unit: f64) -> usize {
    let k = k.max(1) as f64;
    let gap = if unit == g::LINE_PITCH {
        g::LINE_GAP
    } else {
        pitch - size
    };
    let h = (k - 1.0) * pitch + size + gap;
    ((h / unit) - 1e-6).ceil().max(1.0) as usize
}

/// The most text lines a cell `height` grid lines tall holds.
fn fitting(height: usize, needed: &impl Fn(usize) -> usize) -> usize {
    let mut k = 0;
    while needed(k + 1) <= height {
        k += 1;
    }
    k
}

/// Breaks row `r`, taller than a page, after its first `lines` grid lines:
/// it becomes two rows, each cell's first text lines in the first (as many
/// as fit), the rest in the second; a cell spanning from above, or
/// spanning on below, spans both.
fn split_row(rows: &mut Vec<Row>, r: usize, lines: usize, needed: &impl Fn(usize) -> usize) {
    let keep = fitting(lines, needed);
    let mut second = Row {
        lines: rows[r].lines - lines,
        cells: Vec::new(),
    };
    for c in &mut rows[r].cells {
        if c.rowspan == 1 && c.lines.len() > keep {
            let tail = c.lines.split_off(keep);
            second.lines = second.lines.max(needed(tail.len()));
            second.cells.push(ComposedCell {
                lines: tail,
                ..c.clone()
            });
        } else {
            if c.rowspan == 1 {
                // The cell's column, empty, in the second row.
                second.cells.push(ComposedCell {
                    lines: Vec::new(),
                    ..c.clone()
                });
            }
            c.rowspan += 1;
            if c.rowspan == 2 && c.lines.len() <= keep {
                // Fits the first row: keep it one row tall.
                c.rowspan = 1;
            }
        }
    }
    // Cells from above that reach into row `r` reach one row further.
    for (above, row) in rows[..r].iter_mut().enumerate() {
        for c in &mut row.cells {
            if above + c.rowspan > r {
                c.rowspan += 1;
            }
        }
    }
    rows[r].lines = lines;
    rows.insert(r + 1, second);
}

/// Cuts `rows` before row `k` and returns the rows from `k` on. A cell
/// spanning across the cut is cut in two: each part spans its own rows.
/// Its text is repeated in both parts when it fits each — a group's label
/// (甲组, a county) then heads its rows on every page, as the header rows
/// do, and a reader of the second page need not turn back to learn what
/// its rows belong to. A text too long for the part above is continued
/// instead: the lines that fit above, the rest below (never lost, never
/// drawn twice in part). The part below grows when it needs more lines.
fn cut_spans(rows: &mut Vec<Row>, k: usize, needed: &impl Fn(usize) -> usize) -> Vec<Row> {
    let mut tail = rows.split_off(k);
    let height = |rows: &[Row]| rows.iter().map(|r| r.lines).sum::<usize>();
    let mut carried = Vec::new();
    for (r, row) in rows.iter_mut().enumerate() {
        for c in &mut row.cells {
            if r + c.rowspan <= k {
                continue;
            }
            let below = r + c.rowspan - k;
            c.rowspan = k - r;
            carried.push((r, c.col, below));
        }
    }
    for (r, col, below) in carried {
        let above_h = height(&rows[r..]);
        let below_h = height(&tail[..below]);
        let c = rows[r]
            .cells
            .iter_mut()
            .find(|c| c.col == col)
            .expect("the cell just cut");
        let mut part = c.clone();
        part.rowspan = below;
        if needed(c.lines.len()) <= above_h {
            // Repeated (it fits above; below, it grows the rows if need be).
        } else {
            let keep = fitting(above_h, needed);
            part.lines = c.lines.split_off(keep);
        }
        let need = needed(part.lines.len());
        if need > below_h {
            tail[below - 1].lines += need - below_h;
        }
        let at = tail[0]
            .cells
            .iter()
            .position(|x| x.col > part.col)
            .unwrap_or(tail[0].cells.len());
        tail[0].cells.insert(at, part);
    }
    tail
}

/// A row of a composed table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Its height in [`Composed::row_pitch`]es (the cells' own line
    /// pitches; lines of the body grid at 3号).
    pub lines: usize,
    /// The cells that start in this row.
    pub cells: Vec<ComposedCell>,
}

/// A cell of a composed table.
#[derive(Debug, Clone, PartialEq)]
pub struct ComposedCell {
    pub col: usize,
    pub colspan: usize,
    pub rowspan: usize,
    pub align: Align,
    /// 黑体 in the header, 仿宋 in the body.
    pub role: Role,
    /// The text's lines, broken to the cell's width.
    pub lines: Vec<String>,
    /// Its field, e.g. `body[3].table.rows[2][1]`.
    pub field: String,
}

/// The table's text as one string per cell (for messages and checks).
impl ComposedCell {
    pub fn text(&self) -> String {
        self.lines.concat()
    }
}

/// A header cell's words (the title's segmenter: jieba over the title word
/// list), as ranges of char indices: a header wraps between its words
/// (`一般公共预算 / 收入`, `建设 / 地点`), never inside one that fits a line
/// (`一般公共预算收 / 入`, `建设地 / 点`). Names and numbers with their units
/// are one word.
fn header_words(text: &str) -> Vec<(usize, usize)> {
    let n = text.chars().count();
    let mut cuts = vec![0];
    cuts.extend(super::title::word_boundaries(text));
    cuts.push(n);
    // Words of 汉字 only: a number, a code or a Latin word is an atom of
    // its own that the line breaker never splits, and a word joining it
    // to a 汉字 (`1.00项`) would make an atom that, too wide, splits at the
    // `.` (found by tests/table_widths.rs's generated tables).
    let cs: Vec<char> = text.chars().collect();
    cuts.windows(2)
        .filter(|w| w[1] - w[0] > 1)
        .filter(|w| cs[w[0]..w[1]].iter().all(|&c| columns::is_ideograph(c)))
        .map(|w| (w[0], w[1]))
        .collect()
}

/// Width of `text` in `role` at `size`, untracked, pt.
fn measure(fonts: &FontSet, role: Role, text: &str, size: f64) -> f64 {
    super::measure_at(fonts, role, text, size, 0.0)
}

/// Composes `table` at `size` pt; its shape was checked by
/// [`Table::layout`] ([`crate::load::check_tables`]), and a table that
/// fails it now is composed without cells.
pub fn compose(table: &Table, path: &str, size: f64, fonts: &FontSet) -> Composed {
    let placed = table.layout().unwrap_or_default();
    let n = table.column_count();
    let inset = mm(g::TABLE_CELL_INSET_MM);
    let header_rows = table.header.len();
    let cells: Vec<(&Cell, Role)> = table
        .all_rows()
        .enumerate()
        .flat_map(|(r, (_, row))| {
            let role = if r < header_rows {
                Role::Hei
            } else {
                Role::Body
            };
            row.iter().map(move |c| (c, role))
        })
        .collect();
    let fields: Vec<String> = table
        .all_rows()
        .flat_map(|(field, row)| (0..row.len()).map(move |k| format!("{path}.{field}[{k}]")))
        .collect();

    let needs = column_needs(n, &placed, &cells, header_rows, size, fonts);
    let portrait = mm(g::BLOCK_WIDTH_MM);
    // The author's shares, when every column has one.
    let shares: Option<Vec<f64>> = (!table.columns.is_empty()
        && table.columns.len() == n
        && table.columns.iter().all(|c| c.width.is_some()))
    .then(|| {
        table
            .columns
            .iter()
            .map(|c| c.width.unwrap_or(1.0))
            .collect()
    });
    let scaled = |shares: &[f64], full: f64| -> Vec<f64> {
        let total: f64 = shares.iter().sum();
        shares.iter().map(|s| s / total * full).collect()
    };
    let landscape = match table.orientation {
        Orientation::Portrait => false,
        Orientation::Landscape => true,
        // The author's shares on the portrait 版心: turned when they leave
        // a column too narrow for its widest token.
        Orientation::Auto => match &shares {
            Some(shares) => scaled(shares, portrait)
                .iter()
                .zip(&needs)
                .any(|(w, n)| w + 1e-6 < n.least),
            None => wants_landscape(&needs, size, portrait),
        },
    };
    let full = if landscape {
        mm(g::LANDSCAPE_TABLE_WIDTH_MM)
    } else {
        portrait
    };
    let least: Vec<f64> = needs.iter().map(|n| n.least).collect();
    let mut columns = match &shares {
        Some(shares) => scaled(shares, full),
        None => auto_widths(&needs, full),
    };
    // No break inside a token: a column narrower than its widest token is
    // widened to it (from the columns with room to spare), and reported.
    let narrow: Vec<Narrow> = (0..n)
        .filter(|&c| columns[c] + 1e-6 < least[c])
        .map(|c| Narrow {
            col: c,
            token: needs[c].token.clone(),
            width: columns[c],
            least: least[c],
        })
        .collect();
    widen(&mut columns, &least);

    let line_pitch = if size == g::BODY_SIZE {
        g::LINE_PITCH
    } else {
        size * g::TABLE_LINE_PITCH_EM
    };
    let align_of = |col: usize, role: Role| {
        if role == Role::Hei {
            Align::Center
        } else {
            table.columns.get(col).map_or(Align::Center, |c| c.align)
        }
    };
    let setting = super::linebreak::Setting {
        size,
        tracking: 0.0,
    };
    // Dense rows: a row is as many of its cells' own lines as its text
    // needs (at 3号, lines of the body grid).
    let row_pitch = line_pitch;
    let needed = |k: usize| needed_lines(k, size, line_pitch, row_pitch);
    let total_rows = header_rows + table.rows.len();
    let mut rows: Vec<Row> = (0..total_rows)
        .map(|_| Row {
            lines: 1,
            cells: Vec::new(),
        })
        .collect();
    for ((p, (cell, role)), field) in placed.iter().zip(&cells).zip(fields) {
        let width: f64 = columns[p.col..p.col + p.colspan].iter().sum::<f64>() - 2.0 * inset;
        // A hair less than the cell: the writers' own measure must not find
        // a line too wide through rounding.
        let width = (width - CELL_SLACK).max(size);
        let lines: Vec<String> = if cell.text.is_empty() {
            Vec::new()
        } else {
            let run = Run {
                role: *role,
                text: cell.text.clone(),
            };
            let mut keep = columns::kept(&cell.text);
            if *role == Role::Hei {
                // A kept token (a 发文字号, a unit in parentheses) is never
                // split: a word that overlaps one without lying inside it
                // is left to the token's rule.
                let tokens = keep.clone();
                keep.extend(header_words(&cell.text).into_iter().filter(|&(s, e)| {
                    tokens
                        .iter()
                        .all(|&(a, b)| e <= a || b <= s || (a <= s && e <= b))
                }));
            }
            super::linebreak::break_lines_keeping(&[run], fonts, setting, width, width, &keep)
                .into_iter()
                .map(|runs| runs.into_iter().map(|r| r.text).collect::<String>())
                .collect()
        };
        if p.rowspan == 1 {
            rows[p.row].lines = rows[p.row].lines.max(needed(lines.len()));
        }
        rows[p.row].cells.push(ComposedCell {
            col: p.col,
            colspan: p.colspan,
            rowspan: p.rowspan,
            align: align_of(p.col, *role),
            role: *role,
            lines,
            field,
        });
    }
    // A cell spanning rows that needs more than they have grows the last.
    for r in 0..total_rows {
        for k in 0..rows[r].cells.len() {
            let (rowspan, count) = (rows[r].cells[k].rowspan, rows[r].cells[k].lines.len());
            if rowspan > 1 {
                let need = needed(count);
                let last = r + rowspan - 1;
                let have: usize = rows[r..=last].iter().map(|x| x.lines).sum();
                if need > have {
                    rows[last].lines += need - have;
                }
            }
        }
    }

    let caption: Vec<String> = table
        .caption
        .as_deref()
        .map(|c| {
            let run = Run {
                role: Role::Hei,
                text: c.to_string(),
            };
            let width = if landscape { full } else { g::LINE_WIDTH };
            let setting = super::linebreak::Setting {
                size: g::BODY_SIZE,
                tracking: 0.0,
            };
            super::linebreak::break_lines(&[run], fonts, setting, width, width)
                .into_iter()
                .map(|runs| runs.into_iter().map(|r| r.text).collect::<String>())
                .collect()
        })
        .unwrap_or_default();

    let mut composed = Composed {
        path: path.to_string(),
        caption,
        size,
        line_pitch,
        row_pitch,
        landscape,
        columns,
        header_rows,
        rows,
        pages: Vec::new(),
        narrow,
    };
    if landscape {
        // The caption on the first page only: its lines (3号, a body line
        // pitch each) and the line gap below them.
        let page = landscape_page_rows(row_pitch);
        let caption = if row_pitch == g::LINE_PITCH || composed.caption.is_empty() {
            composed.caption.len()
        } else {
            let h = composed.caption.len() as f64 * g::LINE_PITCH + g::LINE_GAP;
            (h / row_pitch - 1e-6).ceil() as usize
        };
        composed.pages = composed.split(page.saturating_sub(caption), page);
    }
    composed
}

/// The rows `unit` pt tall a landscape page holds: the 版心's width turned
/// into height.
pub fn landscape_page_rows(unit: f64) -> usize {
    (mm(g::LANDSCAPE_TABLE_HEIGHT_MM) / unit + 1e-9).floor() as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(yaml: &str) -> Result<Table, serde_yaml_ng::Error> {
        serde_yaml_ng::from_str(yaml)
    }

    fn composed(yaml: &str) -> Composed {
        let fonts = FontSet::bundled();
        compose(&table(yaml).unwrap(), "body[0].table", g::BODY_SIZE, &fonts)
    }

    /// `n` columns whose cells are `chars` hanzi each.
    fn wide(n: usize, chars: usize) -> String {
        let row: Vec<String> = (0..n).map(|_| "国".repeat(chars)).collect();
        format!("rows:\n  - [{}]\n", row.join(", "))
    }

    #[test]
    fn auto_turns_a_table_landscape_when_its_columns_do_not_fit() {
        // Four columns of six characters (plus 1.5 mm insets) fit 156 mm;
        // five do not; longer text counts as six characters (it wraps).
        assert!(!composed(&wide(4, 6)).landscape);
        assert!(composed(&wide(5, 6)).landscape);
        assert!(!composed(&wide(4, 20)).landscape);
        assert!(!composed(&format!("{}orientation: portrait\n", wide(5, 6))).landscape);
        assert!(composed(&format!("{}orientation: landscape\n", wide(2, 2))).landscape);
        // Widths fill the 版心 (156 mm) or, turned, its height (225 mm).
        let close = |a: f64, b: f64| (a - b).abs() < 1e-6;
        assert!(close(composed(&wide(4, 6)).width(), mm(156.0)));
        assert!(close(composed(&wide(5, 6)).width(), mm(225.0)));
    }

    #[test]
    fn widths_follow_the_shares_and_text_wraps_to_whole_lines() {
        let t = composed("columns: [{width: 1}, {width: 3}]\nrows:\n  - [甲, 乙]\n");
        assert!((t.columns[1] / t.columns[0] - 3.0).abs() < 1e-9);
        // 60 hanzi in a column of 3/4 × 156 mm = 331.7 pt less the insets
        // (2 × 1.5 mm) and the 0.5 pt slack: 20 a line at 16 pt, three
        // lines, a row of three line pitches.
        let long = "国".repeat(60);
        let t = composed(&format!(
            "columns: [{{width: 1}}, {{width: 3}}]\nrows:\n  - [甲, {long}]\n  - [乙, 短]\n"
        ));
        let lines = &t.rows[0].cells[1].lines;
        assert_eq!(lines.concat(), long);
        assert_eq!(lines.len(), 3);
        assert_eq!((t.rows[0].lines, t.rows[1].lines), (3, 1));
        // A cell spanning rows that needs more lines than they have grows
        // the last of them.
        let t = composed(&format!(
            "rows:\n  - [{{text: {long}, rowspan: 2}}, 甲]\n  - [乙]\n"
        ));
        assert!(t.rows[0].lines + t.rows[1].lines >= t.rows[0].cells[0].lines.len());
        assert_eq!(t.rows[0].lines, 1);
    }

    #[test]
    fn landscape_pages_hold_fourteen_lines_and_break_inside_row_groups() {
        assert_eq!(landscape_page_rows(g::LINE_PITCH), 14);
        let mut yaml =
            String::from("orientation: landscape\ncaption: 表\nheader: [[甲, 乙]]\nrows:\n");
        for k in 0..30 {
            if k == 11 {
                yaml.push_str("  - [{text: 跨, rowspan: 2}, 行]\n");
            } else if k == 12 {
                yaml.push_str("  - [行]\n");
            } else {
                yaml.push_str("  - [行, 行]\n");
            }
        }
        assert!(table(&yaml).unwrap().layout().is_ok());
        let t = composed(&yaml);
        // Page 1: caption and header take 2 of the 14 lines, 12 rows fit,
        // the 12th the first of the two joined by 跨: the page breaks
        // between them, 跨 on both pages, each part one row tall.
        let rows: Vec<usize> = t.pages.iter().map(Vec::len).collect();
        assert_eq!(rows, [12, 13, 5]);
        let last = &t.pages[0][11].cells[0];
        let next = &t.pages[1][0].cells[0];
        for c in [last, next] {
            assert_eq!((c.col, c.rowspan, c.text().as_str()), (0, 1, "跨"));
        }
        assert_eq!(t.pages[1][0].cells.len(), 2);
    }

    #[test]
    fn dense_landscape_rows_take_their_own_pitch() {
        // 60 one-line rows under a one-line header and a one-line caption,
        // turned. At 小四 a line of a cell is 12 pt × 1.85 = 22.2 pt apart
        // (the body's 29.6 pt / 16 pt), and the turned 版心 is 156 mm =
        // 442.2 pt tall: 19 rows a page. The caption (3号, a body line and
        // the gap below it, 43.2 pt) takes 2 of them, the header 1: 16 body
        // rows on the first page, 18 on each after it.
        let mut yaml =
            String::from("orientation: landscape\ncaption: 表\nheader: [[甲, 乙]]\nrows:\n");
        for k in 0..60 {
            yaml.push_str(&format!("  - [{k}, 行]\n"));
        }
        let fonts = FontSet::bundled();
        let t = compose(&table(&yaml).unwrap(), "body[0].table", 12.0, &fonts);
        assert!((t.row_pitch - 12.0 * 29.6 / 16.0).abs() < 0.05);
        let rows: Vec<usize> = t.pages.iter().map(Vec::len).collect();
        assert_eq!(rows, [16, 18, 18, 8]);
        // A two-line cell is two of them; at 3号 a row stays a body line.
        let long = "国".repeat(200);
        let t = compose(
            &table(&format!("orientation: landscape\nrows:\n  - [{long}]\n")).unwrap(),
            "body[0].table",
            12.0,
            &fonts,
        );
        let lines = t.rows[0].cells[0].lines.len();
        assert_eq!(t.rows[0].lines, lines);
        assert_eq!(
            composed("orientation: landscape\nrows:\n  - [甲]\n").row_pitch,
            g::LINE_PITCH
        );
    }

    /// `rows` one-line body rows under a header, the first column one cell
    /// spanning them all.
    fn group(rows: usize, label: &str) -> Composed {
        let mut yaml = String::from("header: [[组别, 项目]]\nrows:\n");
        for k in 0..rows {
            if k == 0 {
                yaml.push_str(&format!(
                    "  - [{{text: {label}, rowspan: {rows}}}, 第{k}行]\n"
                ));
            } else {
                yaml.push_str(&format!("  - [第{k}行]\n"));
            }
        }
        composed(&yaml)
    }

    /// The lines each page of `pages` takes under the header.
    fn heights(pages: &[Vec<Row>]) -> Vec<usize> {
        pages
            .iter()
            .map(|p| p.iter().map(|r| r.lines).sum())
            .collect()
    }

    /// Every body cell's text in reading order, the parts of a cut cell
    /// joined; a repeated part counted once.
    fn column_text(pages: &[Vec<Row>], col: usize) -> Vec<String> {
        pages
            .iter()
            .flatten()
            .flat_map(|r| r.cells.iter().filter(|c| c.col == col))
            .map(ComposedCell::text)
            .collect()
    }

    #[test]
    fn a_row_group_breaks_across_pages_with_its_label_on_each() {
        // 30 rows joined by 甲组; 10 lines left on the first page (the
        // header takes one), 21 on the next (the header again).
        let t = group(30, "甲组");
        let pages = t.split(10, 21);
        assert_eq!(heights(&pages), [9, 20, 1]);
        for p in &pages {
            let c = &p[0].cells[0];
            assert_eq!((c.col, c.rowspan), (0, p.len()));
            assert_eq!(c.text(), "甲组");
        }
        // Every row once, in order.
        let items: Vec<String> = (0..30).map(|k| format!("第{k}行")).collect();
        assert_eq!(column_text(&pages, 1), items);
        // A table that fits is one page, untouched.
        assert_eq!(t.split(31, 21), [t.rows[1..].to_vec()]);
        // No room for the header and a row: the first page stays empty.
        assert_eq!(heights(&t.split(1, 21)), [0, 20, 10]);
    }

    #[test]
    fn a_spanning_text_too_long_for_its_part_is_continued() {
        // Five lines of text in a 1/4 column beside six rows: cut after two
        // rows, two lines stay above and three go on below.
        let text = "国".repeat(30);
        let mut yaml = format!(
            "columns: [{{width: 1}}, {{width: 3}}]\nrows:\n  - [{{text: {text}, rowspan: 6}}, 行0]\n"
        );
        for k in 1..6 {
            yaml.push_str(&format!("  - [行{k}]\n"));
        }
        let t = composed(&yaml);
        let lines = t.rows[0].cells[0].lines.len();
        assert!(lines > 2 && lines <= 6, "{lines}");
        let pages = t.split(2, 21);
        assert_eq!(heights(&pages), [2, 4]);
        let parts = column_text(&pages, 0);
        assert_eq!(parts.concat(), text);
        assert_eq!(pages[0][0].cells[0].lines.len(), 2);
    }

    #[test]
    fn a_row_taller_than_a_page_breaks_between_its_lines() {
        // 50 lines of text in one cell: it starts on the first page (5
        // lines left there) and runs over three more.
        let long = "国".repeat(20 * 50);
        let t = composed(&format!(
            "columns: [{{width: 1}}, {{width: 3}}]\nheader: [[甲, 乙]]\nrows:\n  - [短, {long}]\n  - [末, 行]\n"
        ));
        assert_eq!(t.rows[1].lines, 50);
        let pages = t.split(6, 21);
        let h = heights(&pages);
        assert_eq!(h, [5, 20, 20, 6]);
        assert_eq!(column_text(&pages, 1).concat(), format!("{long}行"));
        assert_eq!(column_text(&pages, 0).concat(), "短末");
        // Each part of the row shows as many lines as it is tall.
        for (p, &k) in pages.iter().zip(&h).take(3) {
            assert_eq!(
                p[0].cells.iter().find(|c| c.col == 1).unwrap().lines.len(),
                k
            );
        }
    }

    #[test]
    fn headers_wrap_between_their_words() {
        // Statistics headers in columns too narrow for them on one line:
        // every line ends where a word ends (the words by the test's own
        // reading, written out here).
        let cases: [(&str, &[&str]); 6] = [
            ("一般公共预算收入", &["一般", "公共", "预算", "收入"]),
            ("社会消费品零售总额", &["社会", "消费品", "零售", "总额"]),
            ("建设地点", &["建设", "地点"]),
            ("责任单位", &["责任", "单位"]),
            ("农村居民人均收入", &["农村", "居民", "人均收入"]),
            ("固定资产投资增速", &["固定资产", "投资", "增速"]),
        ];
        let fonts = FontSet::bundled();
        for (text, words) in cases {
            let ends: Vec<usize> = words
                .iter()
                .scan(0, |n, w| {
                    *n += w.chars().count();
                    Some(*n)
                })
                .collect();
            // Columns of 2 to 7 characters (a header of one column beside a
            // wide body column).
            for chars in 2..=7 {
                let body = "国".repeat(60);
                let yaml = format!(
                    "columns: [{{width: {chars}}}, {{width: {}}}]\nheader: [[{text}, 说明]]\nrows:\n  - [甲, {body}]\n",
                    28 - chars
                );
                let t = compose(&table(&yaml).unwrap(), "body[0].table", 14.0, &fonts);
                let lines = &t.rows[0].cells[0].lines;
                assert_eq!(lines.concat(), text);
                // A word longer than the cell's longest line may break.
                let per_line = lines.iter().map(|l| l.chars().count()).max().unwrap();
                let mut at = 0;
                for l in &lines[..lines.len() - 1] {
                    at += l.chars().count();
                    let inside = ends
                        .iter()
                        .zip(words)
                        .find(|(end, w)| *end - w.chars().count() < at && at < **end);
                    assert!(
                        inside.is_none_or(|(_, w)| w.chars().count() > per_line),
                        "{text} in a column of {chars}/28: {lines:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_header_word_never_splits_a_number() {
        // jieba reads `1.00项` as words that cut the number; a header's
        // words are its 汉字 words only, so the number stays one atom.
        let fonts = FontSet::bundled();
        for text in ["1.00项", "增长2.5倍", "QY2027-31号"] {
            for chars in 2..=5 {
                let yaml = format!(
                    "columns: [{{width: {chars}}}, {{width: {}}}]\nheader: [[{text}, 说明]]\nrows:\n  - [甲, 乙]\n",
                    28 - chars
                );
                let t = compose(&table(&yaml).unwrap(), "body[0].table", 14.0, &fonts);
                let lines = &t.rows[0].cells[0].lines;
                let number: String = text
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || ".-".contains(*c))
                    .collect();
                assert!(
                    lines.iter().any(|l| l.contains(&number)),
                    "{text} in a column of {chars}/28: {lines:?}"
                );
            }
        }
    }

    #[test]
    fn a_column_too_narrow_for_a_token_is_widened_not_split() {
        // Eight equal shares of 156 mm: 19.5 mm, 16.5 mm inside the insets,
        // less than `QY2027-31` at 3号 needs (nine half-width glyphs of
        // 16 pt, some 72 pt = 25 mm).
        let shares = ["{width: 1}"; 8].join(", ");
        let yaml =
            format!("columns: [{shares}]\nrows:\n  - [QY2027-31, 甲, 乙, 丙, 丁, 戊, 己, 庚]\n");
        // `auto` decides from the author's shares: on the portrait 版心 they
        // leave the code's column too narrow, so the table turns.
        let t = composed(&yaml);
        assert!(t.landscape);
        assert_eq!(t.rows[0].cells[0].lines, ["QY2027-31"]);
        // Kept portrait, the column is widened.
        let t = composed(&format!("{yaml}orientation: portrait\n"));
        assert_eq!(t.rows[0].cells[0].lines, ["QY2027-31"]);
        assert_eq!(t.narrow.len(), 1);
        assert_eq!(
            (t.narrow[0].col, t.narrow[0].token.as_str()),
            (0, "QY2027-31")
        );
        assert!((t.width() - mm(156.0)).abs() < 1e-6, "the total stays");
        assert!(t.columns[0] > mm(25.0));
        // Taken from the others, which stay wide enough for their text.
        assert!(t.columns[1..].iter().all(|&w| w < mm(19.5) && w > mm(10.0)));
        // A 序号 column of a thirty-first share: 10 stays one line.
        let t = composed("columns: [{width: 1}, {width: 30}]\nrows:\n  - [10, 甲]\n");
        assert_eq!(t.rows[0].cells[0].lines, ["10"]);
        // The marks the 禁则 keep with a number count with it, and no line
        // of a cell starts with a closing mark.
        let t = composed(&format!(
            "columns: [{shares}]\norientation: portrait\nrows:\n  - [（-3.10%）, 甲, 乙, 丙, 丁, 戊, 己, 庚]\n"
        ));
        assert_eq!(t.narrow[0].token, "（-3.10%）");
        assert_eq!(t.rows[0].cells[0].lines, ["（-3.10%）"]);
        // Wide enough already: nothing moves.
        let t = composed("rows:\n  - [QY2027-31, 甲]\n");
        assert!(t.narrow.is_empty());
    }
}

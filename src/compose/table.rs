//! Tables (GB/T 9704-2012 §8) composed: column widths, cell text broken
//! into lines, row heights on the body grid, and the pages of a landscape
//! table. The table the YAML writes, and its check, are [`crate::model::table`].

use crate::content::Run;
use crate::fonts::{FontSet, Role};
use crate::geometry::{self as g, mm};
use crate::model::table::{Align, Cell, Orientation, Table};

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
    /// Turned on pages of its own (§8).
    pub landscape: bool,
    /// Column widths, pt; they add up to the table's width.
    pub columns: Vec<f64>,
    /// Header rows: the first `header_rows` of `rows`.
    pub header_rows: usize,
    pub rows: Vec<Row>,
    /// Landscape: the body rows on each page (header rows repeated on
    /// each; the caption on the first). Portrait: one range, all of them.
    pub pages: Vec<std::ops::Range<usize>>,
}

impl Composed {
    /// The table's width, pt.
    pub fn width(&self) -> f64 {
        self.columns.iter().sum()
    }

    /// The table's height on the body grid, in line pitches: every row.
    pub fn lines(&self) -> usize {
        self.rows.iter().map(|r| r.lines).sum()
    }
}

/// A row of a composed table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Its height in line pitches of the body grid.
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

    // What each column asks for: its widest one-column cell on one line,
    // at most TABLE_WRAP_CHARS characters, plus the insets.
    let cap = g::TABLE_WRAP_CHARS * size;
    let mut wanted = vec![size; n];
    for (p, (cell, role)) in placed.iter().zip(&cells) {
        if p.colspan == 1 {
            let w = measure(fonts, *role, &cell.text, size).min(cap);
            wanted[p.col] = wanted[p.col].max(w);
        }
    }
    let wanted: Vec<f64> = wanted.iter().map(|w| w + 2.0 * inset).collect();
    let natural: f64 = wanted.iter().sum();
    let landscape = match table.orientation {
        Orientation::Portrait => false,
        Orientation::Landscape => true,
        Orientation::Auto => natural > mm(g::BLOCK_WIDTH_MM) + 0.01,
    };
    let full = if landscape {
        mm(g::LANDSCAPE_TABLE_WIDTH_MM)
    } else {
        mm(g::BLOCK_WIDTH_MM)
    };
    // Shares: the author's ratios, or the natural widths.
    let shares: Vec<f64> =
        if table.columns.iter().all(|c| c.width.is_some()) && !table.columns.is_empty() {
            table
                .columns
                .iter()
                .map(|c| c.width.unwrap_or(1.0))
                .collect()
        } else {
            wanted.clone()
        };
    let total: f64 = shares.iter().sum();
    let columns: Vec<f64> = shares.iter().map(|s| s / total * full).collect();

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
    // The lines a cell of `k` text lines needs: the text plus a line gap
    // of the body grid (so that one line of 3号 is one line pitch).
    let needed = |k: usize| {
        let k = k.max(1) as f64;
        let h = (k - 1.0) * line_pitch + size + g::LINE_GAP;
        ((h / g::LINE_PITCH) - 1e-6).ceil().max(1.0) as usize
    };
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
        let width = (width - 0.5).max(size);
        let lines: Vec<String> = if cell.text.is_empty() {
            Vec::new()
        } else {
            let run = Run {
                role: *role,
                text: cell.text.clone(),
            };
            super::linebreak::break_lines(&[run], fonts, setting, width, width)
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

    let body = header_rows..total_rows;
    let pages = if landscape {
        landscape_pages(&rows, header_rows, caption.len())
    } else {
        vec![body]
    };
    Composed {
        path: path.to_string(),
        caption,
        size,
        line_pitch,
        landscape,
        columns,
        header_rows,
        rows,
        pages,
    }
}

/// The grid lines a landscape page holds: the 版心's width turned into
/// height, in whole line pitches.
pub fn landscape_page_lines() -> usize {
    (mm(g::LANDSCAPE_TABLE_HEIGHT_MM) / g::LINE_PITCH + 1e-9).floor() as usize
}

/// Body rows per landscape page: as many as fit under the header rows (and
/// the caption on the first page); a group of rows joined by a cell
/// spanning them stays on one page. A row taller than a page gets a page
/// of its own.
fn landscape_pages(
    rows: &[Row],
    header_rows: usize,
    caption_lines: usize,
) -> Vec<std::ops::Range<usize>> {
    let capacity = landscape_page_lines();
    let header: usize = rows[..header_rows].iter().map(|r| r.lines).sum();
    // Where a page may break: before a row no cell from above spans into.
    let mut reach = header_rows;
    let mut breakable = vec![false; rows.len() + 1];
    for (r, row) in rows.iter().enumerate().skip(header_rows) {
        breakable[r] = reach <= r;
        for c in &row.cells {
            reach = reach.max(r + c.rowspan);
        }
    }
    breakable[rows.len()] = true;
    let mut pages = Vec::new();
    let mut start = header_rows;
    let mut used = header + caption_lines;
    let mut last_break = None;
    let mut r = start;
    while r < rows.len() {
        if breakable[r] && r > start {
            last_break = Some(r);
        }
        if used + rows[r].lines > capacity && r > start {
            let end = last_break.filter(|&b| b > start).unwrap_or(r);
            pages.push(start..end);
            start = end;
            used = header;
            last_break = None;
            r = start;
            continue;
        }
        used += rows[r].lines;
        r += 1;
    }
    pages.push(start..rows.len());
    pages
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
    fn landscape_pages_hold_fourteen_lines_and_keep_spanned_rows_together() {
        assert_eq!(landscape_page_lines(), 14);
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
        // Page 1: caption and header take 2 lines, 12 rows fit; but rows 11
        // and 12 (body rows 12 and 13) are joined, so page 1 ends before them.
        let first = &t.pages[0];
        assert_eq!(first.start, 1);
        assert_eq!(first.end, 12);
        for p in &t.pages[1..] {
            assert!(p.end - p.start <= 13);
        }
        assert_eq!(t.pages.last().unwrap().end, 31);
        assert!(t.pages.windows(2).all(|w| w[0].end == w[1].start));
    }
}

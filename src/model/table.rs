//! Tables (公文中的横排表格, GB/T 9704-2012 §8): the YAML block people
//! write, and the check that its rows fill its columns.
//!
//! ```yaml
//! - table:
//!     caption: 2031年一季度各区完成情况
//!     columns: [{width: 3}, {width: 2, align: right}, {width: 2, align: right}]
//!     header:
//!       - [{text: 区, rowspan: 2}, {text: 完成情况, colspan: 2}]
//!       - [户数, 占比]
//!     rows:
//!       - [东区, 1204, 98%]
//!     orientation: auto
//! ```
//!
//! The standard says only where a landscape table's head and page number go
//! (§8); the rest (caption, widths, spans) is practice, and this format
//! writes it down.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess};

/// A table (§8): an optional caption, header rows repeated on every page
/// the table runs over, and body rows; each row a list of cells.
#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// 表题: one line, centred above the table.
    #[serde(default, deserialize_with = "caption")]
    #[schemars(schema_with = "crate::schema::one_line")]
    pub caption: Option<String>,
    /// The columns, left to right: each a width ratio and an alignment.
    /// Without them, every column is as wide as its content asks and the
    /// cells are centred.
    #[serde(default)]
    pub columns: Vec<Column>,
    /// Header rows (表头): set in 黑体 and repeated at the top of every page
    /// the table runs over.
    #[serde(default)]
    pub header: Vec<Vec<Cell>>,
    /// Body rows.
    pub rows: Vec<Vec<Cell>>,
    /// `auto` (the default): landscape when the table does not fit the
    /// 版心's width; or `portrait`, `landscape`.
    #[serde(default)]
    pub orientation: Orientation,
}

/// One column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// Its share of the table's width (any positive number; the shares are
    /// scaled to fill the 版心). Without it, as wide as its content asks.
    #[serde(default, deserialize_with = "width")]
    #[schemars(range(min = 0.0))]
    pub width: Option<f64>,
    /// How its body cells' text is aligned (header cells are centred).
    #[serde(default)]
    pub align: Align,
}

/// Horizontal alignment of a column's text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    Left,
    #[default]
    Center,
    Right,
}

/// Whether a table is set on a portrait page or turned on a page of its
/// own (§8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Orientation {
    /// Landscape when the columns' natural widths exceed the 版心's.
    #[default]
    Auto,
    Portrait,
    Landscape,
}

/// The size tables are set in: the body's 3号 unless the document says
/// otherwise (practice sets dense tables smaller).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, schemars::JsonSchema)]
pub enum TableSize {
    /// 三号 (16 pt), the body's size (§5.2.2).
    #[default]
    #[serde(rename = "三号")]
    Sanhao,
    /// 四号 (14 pt).
    #[serde(rename = "四号")]
    Sihao,
    /// 小四 (12 pt).
    #[serde(rename = "小四")]
    Xiaosi,
}

impl TableSize {
    /// Points.
    pub fn points(self) -> f64 {
        use crate::geometry::size;
        match self {
            TableSize::Sanhao => size::SANHAO,
            TableSize::Sihao => size::SIHAO,
            TableSize::Xiaosi => size::XIAOSI,
        }
    }
}

/// One cell: its text, and how many columns and rows it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The text, one line (the cell wraps it to its column); may be empty.
    pub text: String,
    pub colspan: usize,
    pub rowspan: usize,
}

impl Cell {
    fn plain(text: String) -> Self {
        Cell {
            text,
            colspan: 1,
            rowspan: 1,
        }
    }
}

/// A cell written as a map.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CellMap {
    #[serde(default)]
    text: Option<CellText>,
    #[serde(default = "one", deserialize_with = "span")]
    colspan: usize,
    #[serde(default = "one", deserialize_with = "span")]
    rowspan: usize,
}

fn one() -> usize {
    1
}

fn span<'de, D: Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    use crate::limits::{MAX_TABLE_COLUMNS, MAX_TABLE_ROWS};
    let n = u64::deserialize(d)?;
    if n == 0 {
        return Err(de::Error::custom(
            "a span counts the columns or rows the cell covers, at least 1",
        ));
    }
    // No span is larger than a table may be (the table's own columns and
    // rows are checked when it is laid out); a bound here keeps every sum
    // of spans far from overflowing.
    let most = MAX_TABLE_COLUMNS.max(MAX_TABLE_ROWS) as u64;
    if n > most {
        return Err(de::Error::custom(format!(
            "a span of {n}: a table has at most {MAX_TABLE_COLUMNS} columns and {MAX_TABLE_ROWS} rows"
        )));
    }
    Ok(n as usize)
}

fn width<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    let w = f64::deserialize(d)?;
    if !(w.is_finite() && w > 0.0) {
        return Err(de::Error::custom(format!(
            "expected a column's width as a positive share (e.g. 2 for twice a column of 1), found {w}"
        )));
    }
    Ok(Some(w))
}

fn caption<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let CellText(t) = CellText::deserialize(d)?;
    if t.is_empty() {
        return Err(de::Error::custom(
            "expected the table's caption, found an empty string (leave `caption` out for none)",
        ));
    }
    Ok(Some(t))
}

/// A cell's text: a string, or a whole number as written; one line.
struct CellText(String);

impl<'de> Deserialize<'de> for CellText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = CellText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a cell's text")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<CellText, E> {
                let t = v.trim();
                if let Some(c) = t.chars().find(|c| c.is_control()) {
                    return Err(E::custom(if c == '\n' {
                        "a cell's text is one line (the cell wraps it to its column), but this has a line break: join the lines".to_string()
                    } else {
                        format!("control character U+{:04X} in a cell", c as u32)
                    }));
                }
                Ok(CellText(t.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<CellText, E> {
                Ok(CellText(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<CellText, E> {
                Ok(CellText(v.to_string()))
            }
            // A number or a truth value is text in a cell: these are
            // stand-ins, replaced by the text as written in the file when
            // it is loaded ([`crate::load`], from the YAML's spans), since
            // the parsed value loses how it was written (3.10, 1e3, 007).
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<CellText, E> {
                Ok(CellText(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<CellText, E> {
                Ok(CellText(v.to_string()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<CellText, E> {
                Ok(CellText(String::new()))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Cell;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a cell: its text, or a map `{text: …, colspan: 2, rowspan: 1}`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Cell, E> {
                CellText::deserialize(de::value::StrDeserializer::<E>::new(v))
                    .map(|t| Cell::plain(t.0))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Cell, E> {
                Ok(Cell::plain(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Cell, E> {
                Ok(Cell::plain(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Cell, E> {
                CellText::deserialize(de::value::F64Deserializer::<E>::new(v))
                    .map(|t| Cell::plain(t.0))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Cell, E> {
                CellText::deserialize(de::value::BoolDeserializer::<E>::new(v))
                    .map(|t| Cell::plain(t.0))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Cell, E> {
                Ok(Cell::plain(String::new()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Cell, A::Error> {
                let m = CellMap::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Cell {
                    text: m.text.map(|t| t.0).unwrap_or_default(),
                    colspan: m.colspan,
                    rowspan: m.rowspan,
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// A problem with a table's shape, at a field below the table (`rows[2]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The field below the table, e.g. `rows[2]` or `header[0][1]`.
    pub field: String,
    pub message: String,
}

/// Where a cell sits in the table's grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    /// Row, counting header rows first.
    pub row: usize,
    pub col: usize,
    pub colspan: usize,
    pub rowspan: usize,
}

impl Table {
    /// The number of columns: as many as `columns` lists, else what the
    /// first row (header or body) spans.
    pub fn column_count(&self) -> usize {
        if !self.columns.is_empty() {
            return self.columns.len();
        }
        self.header
            .first()
            .or(self.rows.first())
            .map_or(0, |r| r.iter().map(|c| c.colspan).sum())
    }

    /// Every row, header rows first, with the field it is written in.
    pub fn all_rows(&self) -> impl Iterator<Item = (String, &Vec<Cell>)> {
        let header = self
            .header
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("header[{i}]"), r));
        let body = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("rows[{i}]"), r));
        header.chain(body)
    }

    /// Places every cell on the grid, row by row (header rows first), each
    /// in the first column its row leaves free (a cell spanning rows from
    /// above takes its columns in the rows below). Every row must fill the
    /// columns exactly, and a span must stay inside its part (header or
    /// body) of the table.
    pub fn layout(&self) -> Result<Vec<Placed>, Problem> {
        use crate::limits::{MAX_TABLE_COLUMNS, MAX_TABLE_ROWS};
        let rows = self.header.len() + self.rows.len();
        if rows > MAX_TABLE_ROWS {
            return Err(Problem {
                field: "rows".into(),
                message: format!(
                    "the table has {rows} rows; gongwen typesets at most {MAX_TABLE_ROWS} in one table: split it into several tables (or put the register in an attachment of its own)"
                ),
            });
        }
        let n = self.column_count();
        if n > MAX_TABLE_COLUMNS {
            return Err(Problem {
                field: if self.columns.is_empty() {
                    "rows[0]".into()
                } else {
                    "columns".into()
                },
                message: format!(
                    "the table has {n} columns; at most {MAX_TABLE_COLUMNS} fit a landscape page (one character each at 小四): split it into several tables"
                ),
            });
        }
        if self.rows.is_empty() {
            return Err(Problem {
                field: "rows".into(),
                message: "a table needs at least one body row".into(),
            });
        }
        if n == 0 {
            return Err(Problem {
                field: "rows[0]".into(),
                message: "the table's first row has no cells".into(),
            });
        }
        let given = self.columns.iter().filter(|c| c.width.is_some()).count();
        if given > 0 && given < self.columns.len() {
            return Err(Problem {
                field: "columns".into(),
                message: format!(
                    "{given} of the {} columns give a `width`: give every column a width (shares of the \
                     table's width), or none (widths then follow the content)",
                    self.columns.len()
                ),
            });
        }
        // Rows still taken in each column by a cell from a row above.
        let mut taken = vec![0usize; n];
        let mut out = Vec::new();
        let header_rows = self.header.len();
        for (r, (field, row)) in self.all_rows().enumerate() {
            if r == header_rows && taken.iter().any(|&t| t > 0) {
                return Err(Problem {
                    field: format!("header[{}]", header_rows - 1),
                    message:
                        "a header cell spans rows into the body: a rowspan stays inside the header"
                            .into(),
                });
            }
            let free = taken.iter().filter(|&&t| t == 0).count();
            let spanned: usize = row.iter().map(|c| c.colspan).sum();
            if spanned != free {
                let from_above = n - free;
                let above = if from_above > 0 {
                    format!(" ({from_above} taken by cells spanning rows from above)")
                } else {
                    String::new()
                };
                let cells = if row.iter().any(|c| c.colspan > 1) {
                    format!("{} cells spanning {spanned} columns", row.len())
                } else {
                    format!("{} cells", row.len())
                };
                return Err(Problem {
                    field,
                    message: format!(
                        "this row has {cells}, but the table has {n} columns and {free} are free in this row{above}: \
                         add or remove cells, or change a colspan",
                    ),
                });
            }
            let mut col = 0;
            for (k, cell) in row.iter().enumerate() {
                while taken[col] > 0 {
                    col += 1;
                }
                if taken[col..col + cell.colspan].iter().any(|&t| t > 0) {
                    return Err(Problem {
                        field: format!("{field}[{k}]"),
                        message: format!(
                            "this cell spans {} columns, but a cell spanning rows from above takes one of them",
                            cell.colspan
                        ),
                    });
                }
                let section_end = if r < header_rows {
                    header_rows
                } else {
                    header_rows + self.rows.len()
                };
                if r + cell.rowspan > section_end {
                    return Err(Problem {
                        field: format!("{field}[{k}]"),
                        message: format!(
                            "this cell spans {} rows, past the last row of the table's {}",
                            cell.rowspan,
                            if r < header_rows { "header" } else { "body" }
                        ),
                    });
                }
                for t in &mut taken[col..col + cell.colspan] {
                    *t = cell.rowspan;
                }
                out.push(Placed {
                    row: r,
                    col,
                    colspan: cell.colspan,
                    rowspan: cell.rowspan,
                });
                col += cell.colspan;
            }
            for t in &mut taken {
                *t = t.saturating_sub(1);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(yaml: &str) -> Result<Table, serde_yaml_ng::Error> {
        serde_yaml_ng::from_str(yaml)
    }

    #[test]
    fn cells_are_text_numbers_or_spans() {
        let t = table(
            "header:\n  - [{text: 区, rowspan: 2}, {text: 完成, colspan: 2}]\n  - [户数, 占比]\nrows:\n  - [东区, 1204, \"98.0%\"]\n  - [西区, ~, \"\"]\n",
        )
        .unwrap();
        assert_eq!(t.column_count(), 3);
        assert_eq!(t.rows[0][1].text, "1204");
        assert_eq!(t.rows[1][1].text, "");
        let placed = t.layout().unwrap();
        // 户数 sits in column 1: column 0 is taken by 区 from above.
        assert_eq!(
            placed[2],
            Placed {
                row: 1,
                col: 1,
                colspan: 1,
                rowspan: 1
            }
        );
        for (bad, says) in [
            ("rows: [[{text: a, colspan: 0}]]\n", "at least 1"),
            ("rows: [[{txt: a}]]\n", "unknown field `txt`"),
            ("rows: [[\"a\\nb\"]]\n", "one line"),
            ("columns: [{width: -1}]\nrows: [[a]]\n", "positive share"),
            ("rows: [[a]]\norientation: sideways\n", "unknown variant"),
        ] {
            let e = table(bad).unwrap_err();
            assert!(e.to_string().contains(says), "{bad}: {e}");
            assert!(e.location().is_some(), "{bad}");
        }
    }

    #[test]
    fn rows_must_fill_the_columns() {
        let t = table("rows:\n  - [a, b, c]\n  - [d, e]\n").unwrap();
        let p = t.layout().unwrap_err();
        assert_eq!(p.field, "rows[1]");
        assert!(
            p.message
                .contains("2 cells, but the table has 3 columns and 3 are free"),
            "{}",
            p.message
        );
        // A rowspan from above takes its column in the row below.
        let t = table("rows:\n  - [{text: a, rowspan: 2}, b]\n  - [c, d]\n").unwrap();
        let p = t.layout().unwrap_err();
        assert_eq!(p.field, "rows[1]");
        assert!(
            p.message.contains("1 taken by cells spanning rows"),
            "{}",
            p.message
        );
        assert!(
            table("rows:\n  - [{text: a, rowspan: 2}, b]\n  - [d]\n")
                .unwrap()
                .layout()
                .is_ok()
        );
        // Columns listed decide the count.
        let t = table("columns: [{}, {}, {}]\nrows:\n  - [a, b]\n").unwrap();
        assert_eq!(t.layout().unwrap_err().field, "rows[0]");
        // Spans stay inside their part.
        let t = table("header:\n  - [{text: a, rowspan: 2}, b]\nrows:\n  - [c, d]\n").unwrap();
        assert_eq!(t.layout().unwrap_err().field, "header[0][0]");
        let t = table("rows:\n  - [a, {text: b, rowspan: 3}]\n  - [c]\n").unwrap();
        assert!(
            t.layout()
                .unwrap_err()
                .message
                .contains("past the last row")
        );
    }
}

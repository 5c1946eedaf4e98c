//! Reading a document from YAML into the model.

use std::path::{Path, PathBuf};

use crate::error::{Error, Pos};
use crate::model::Document;
use crate::rules::{self, Severity, Violation};

/// An input file's text, kept for locating things in it.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    pub text: String,
}

impl Source {
    /// Decodes a file's bytes as UTF-8, without a byte-order mark (Windows
    /// editors write one; it is not part of the text). `Err` holds the
    /// offset of the first byte that is not UTF-8.
    pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<Self, usize> {
        let text = String::from_utf8(bytes).map_err(|e| e.utf8_error().valid_up_to())?;
        let text = match text.strip_prefix('\u{FEFF}') {
            Some(rest) => rest.to_string(),
            None => text,
        };
        Ok(Source {
            path: path.to_path_buf(),
            text,
        })
    }

    /// Line and column (1-based, in characters) of byte `offset`.
    pub fn pos(&self, offset: usize) -> Pos {
        let before = &self.text[..offset.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Pos {
            line,
            column: before[line_start..].chars().count() + 1,
        }
    }

    /// Where `ch` first occurs in the file, if it is written literally.
    pub fn find_char(&self, ch: char) -> Option<Pos> {
        self.text.find(ch).map(|i| self.pos(i))
    }
}

/// Reads and validates the document at `path`.
pub fn load(path: &Path) -> Result<(Document, Source), Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    load_bytes(path, bytes)
}

/// Validates the document read from `path` as `bytes`.
pub fn load_bytes(path: &Path, bytes: Vec<u8>) -> Result<(Document, Source), Error> {
    let source = Source::decode(path, bytes).map_err(|offset| Error::NotUtf8 {
        path: path.to_path_buf(),
        offset,
    })?;
    let doc = parse(&source)?;
    Ok((doc, source))
}

/// Parses YAML text into a document, and checks it against the rulebook
/// ([`crate::rules`]; what stops every writer) and its tables' shapes.
pub fn parse(source: &Source) -> Result<Document, Error> {
    let doc = parse_model(source)?;
    check_tables(&doc, source)?;
    Ok(doc)
}

/// Every table's rows must fill its columns (§8): the first that does not
/// is an error at the row (or cell) in the file.
pub fn check_tables(doc: &Document, source: &Source) -> Result<(), Error> {
    for (path, table) in doc.tables() {
        if let Err(p) = table.layout() {
            let field = format!("{path}.{}", p.field);
            let pos = crate::spans::Index::build(&source.text)
                .ok()
                .and_then(|index| index.get(&field).map(|n| index.start(n)));
            return Err(Error::Invalid {
                path: source.path.clone(),
                pos,
                message: format!("{field}: {}", p.message),
            });
        }
    }
    Ok(())
}

/// Parses YAML text into the model and checks it against the rulebook,
/// without checking that tables' rows fill their columns (`gen check`
/// reports those itself).
pub fn parse_model(source: &Source) -> Result<Document, Error> {
    let doc = deserialize(source)?;
    match rules::first(rules::violations(&doc), Severity::Refused) {
        Some(v) => Err(refusal(source, &v)),
        None => Ok(doc),
    }
}

/// Where a violation points in the file: at its field (at its character,
/// for a character), or where the field would be asked for.
pub fn locate(source: &Source, v: &Violation) -> Option<Pos> {
    let index = crate::spans::Index::build(&source.text).ok()?;
    index
        .locate(&v.field, v.ch)
        .or_else(|| index.locate(v.or_at?, None))
}

/// The error a violation stops a writer with, at its field in the file.
pub fn refusal(source: &Source, v: &Violation) -> Error {
    Error::Format {
        path: source.path.clone(),
        pos: locate(source, v),
        field: v.field.clone(),
        message: v.message.clone(),
    }
}

/// The YAML text as the model's types, the rulebook unasked.
pub fn deserialize(source: &Source) -> Result<Document, Error> {
    serde_yaml_ng::from_str::<Document>(&source.text).map_err(|e| {
        let pos = e.location().map(|l| Pos {
            line: l.line(),
            column: l.column(),
        });
        let mut message = e.to_string();
        // The position goes in front, as file:line:column.
        if let Some(i) = message.rfind(" at line ") {
            message.truncate(i);
        }
        Error::Invalid {
            path: source.path.clone(),
            pos,
            message,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> Source {
        Source {
            path: "t.yaml".into(),
            text: text.into(),
        }
    }

    #[test]
    fn errors_name_file_line_column_and_field() {
        let e = parse(&src(
            "kind: 通知\ntitle: 标题\ndate: 2019-02-30\nbody: [正文]\n",
        ))
        .unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("t.yaml:3:7: date: "), "{msg}");
        assert!(msg.contains("not a real date"), "{msg}");
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let e = parse(&src("kind: 通知\ntitel: 标题\n"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("t.yaml:2:1: "), "{e}");
        assert!(e.contains("unknown field `titel`"), "{e}");
        assert!(e.contains("`title`"), "{e}");
    }

    #[test]
    fn a_format_rule_is_an_error_at_the_field_it_names() {
        // The rulebook's first violation that stops every writer, at the
        // value of its field (column 13, after `doc_number: `).
        let e = parse(&src(concat!(
            "format: order\nkind: 命令\nissuer_mark: 甲市人民政府令\norder_number: 第1号\n",
            "doc_number: 甲发〔2020〕1号\ndate: 2020-01-02\nbody: [正文]\n",
        )))
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("t.yaml:5:13: doc_number: a 命令（令） is numbered by its 令号"),
            "{e}"
        );
    }

    #[test]
    fn a_short_table_row_is_an_error_at_the_row() {
        let e = parse(&src(concat!(
            "kind: 报告\ntitle: 标题\ndate: 2020-01-02\nbody:\n",
            "  - 正文。\n",
            "  - table:\n      rows:\n        - [甲, 乙, 丙]\n        - [丁, 戊]\n",
        )))
        .unwrap_err()
        .to_string();
        assert!(
            e.starts_with("t.yaml:9:11: body[1].table.rows[1]: this row has 2 cells"),
            "{e}"
        );
    }

    #[test]
    fn positions_count_characters() {
        let s = src("甲乙\n丙丁戊");
        let i = s.text.find('戊').unwrap();
        assert_eq!(s.pos(i), Pos { line: 2, column: 3 });
    }
}

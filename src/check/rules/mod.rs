//! The rules. Each module checks one requirement and cites its clause.

pub mod attachments;
pub mod dates;
pub mod doc_number;
pub mod images;
pub mod numbering;
pub mod punctuation;
pub mod rulebook;
pub mod schema;
pub mod signers;
pub mod tables;
pub mod title;

use crate::fonts::FontSet;
use crate::load::Source;
use crate::spans::{Index, Node};

use super::Finding;

/// What a rule sees.
pub struct Context<'a> {
    pub index: &'a Index,
    pub source: &'a Source,
    pub fonts: &'a FontSet,
    /// The folder seal images may come from besides the document's own.
    pub asset_root: Option<&'a std::path::Path>,
}

/// Runs every rule.
pub fn run(
    index: &Index,
    source: &Source,
    fonts: &FontSet,
    asset_root: Option<&std::path::Path>,
) -> Vec<Finding> {
    let cx = Context {
        index,
        source,
        fonts,
        asset_root,
    };
    let mut out = Vec::new();
    doc_number::check(&cx, &mut out);
    dates::check(&cx, &mut out);
    punctuation::check(&cx, &mut out);
    numbering::check(&cx, &mut out);
    title::check(&cx, &mut out);
    attachments::check(&cx, &mut out);
    signers::check(&cx, &mut out);
    rulebook::check(&cx, &mut out);
    tables::check(&cx, &mut out);
    images::check(&cx, &mut out);
    schema::check(&cx, &mut out);
    out
}

/// Where a text sits in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Title,
    /// A heading at depth 1..=4.
    Heading(usize),
    /// A paragraph of the 正文, or a heading's run-in text.
    Body,
    /// Any other text field (署名, 主送机关, 附件说明 …).
    Other,
    /// The 发文字号 (its own rule).
    DocNumber,
    /// A table's caption or cell (§8); `header` for 黑体 text.
    Table {
        header: bool,
    },
}

/// The place of the scalar at `path`, if it is a text of the document.
pub fn place(path: &str) -> Option<Place> {
    // A table's text: its caption and cells (a map cell's `text`), not its
    // `columns` or `orientation`.
    if let Some((_, field)) = path.split_once(".table.") {
        let cell = |part: &str| {
            field
                .strip_prefix(part)
                .is_some_and(|rest| rest.ends_with(']') || rest.ends_with("].text"))
        };
        return if field == "caption" || cell("header[") {
            Some(Place::Table { header: true })
        } else if cell("rows[") {
            Some(Place::Table { header: false })
        } else {
            None
        };
    }
    if path == "title" {
        return Some(Place::Title);
    }
    if path == "doc_number" {
        return Some(Place::DocNumber);
    }
    // An attachment's content (§7.3.7): its title set like the 标题, its
    // body like the 正文.
    let in_attachment = path
        .strip_prefix("attachments[")
        .and_then(|rest| rest.split_once("]."))
        .map(|(_, field)| field);
    if in_attachment == Some("title") {
        return Some(Place::Title);
    }
    if let Some(body) = in_attachment
        .filter(|f| f.starts_with("body["))
        .or_else(|| path.starts_with("body[").then_some(path))
    {
        if body.ends_with(".heading") {
            return Some(Place::Heading(body.matches("body[").count()));
        }
        if body.ends_with(".text") || body.ends_with(']') {
            return Some(Place::Body);
        }
        return None;
    }
    let field = path.split(['[', '.']).next().unwrap_or_default();
    let other = matches!(
        field,
        "addressees"
            | "attachments"
            | "issuer"
            | "note"
            | "cc"
            | "issuer_mark"
            | "signers"
            | "order_number"
            | "issue_number"
            | "attendance"
    ) || path == "printing.organ";
    other.then_some(Place::Other)
}

/// Every text scalar of the document with its place.
pub fn texts<'a>(index: &'a Index) -> impl Iterator<Item = (&'a Node, &'a str, Place)> + 'a {
    index
        .nodes
        .iter()
        .filter_map(|n| Some((n, n.text()?, place(&n.path)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places() {
        assert_eq!(place("title"), Some(Place::Title));
        assert_eq!(place("body[0]"), Some(Place::Body));
        assert_eq!(place("body[1].heading"), Some(Place::Heading(1)));
        assert_eq!(place("body[1].body[2].heading"), Some(Place::Heading(2)));
        assert_eq!(place("body[1].text"), Some(Place::Body));
        assert_eq!(place("body[1].body[0]"), Some(Place::Body));
        assert_eq!(place("issuer"), Some(Place::Other));
        assert_eq!(place("attachments[0]"), Some(Place::Other));
        assert_eq!(place("attachments[1].name"), Some(Place::Other));
        assert_eq!(place("attachments[1].title"), Some(Place::Title));
        assert_eq!(place("attachments[1].body[0]"), Some(Place::Body));
        assert_eq!(
            place("attachments[1].body[2].body[0].heading"),
            Some(Place::Heading(2))
        );
        assert_eq!(place("attachments[1].body[2].text"), Some(Place::Body));
        assert_eq!(
            place("body[2].table.rows[0][1]"),
            Some(Place::Table { header: false })
        );
        assert_eq!(
            place("attachments[0].body[1].body[0].table.header[1][0].text"),
            Some(Place::Table { header: true })
        );
        assert_eq!(
            place("body[2].table.caption"),
            Some(Place::Table { header: true })
        );
        assert_eq!(place("body[2].table.columns[0].align"), None);
        assert_eq!(place("body[2].table.orientation"), None);
        assert_eq!(place("kind"), None);
        assert_eq!(place("date"), None);
    }
}

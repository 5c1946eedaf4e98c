//! Writing an imported document as YAML in gongwen's format (the format
//! `gongwen::load` reads; see data/seed-notice.yaml). Elements the import
//! could not find are written as comments, so that loading the file names
//! what is missing instead of the file silently holding a guess.

use crate::model::Block;

use super::Imported;

/// A YAML scalar for `s`: plain where YAML allows, quoted otherwise.
pub fn scalar(s: &str) -> String {
    match serde_yaml_ng::to_string(s) {
        Ok(y) if !y.trim_end().contains('\n') => y.trim_end().to_string(),
        // A JSON string is a YAML double-quoted scalar.
        _ => serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into()),
    }
}

fn list(out: &mut String, key: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    out.push_str(&format!("{key}:\n"));
    for i in items {
        out.push_str(&format!("  - {}\n", scalar(i)));
    }
}

fn blocks(out: &mut String, items: &[Block], indent: usize) {
    let pad = " ".repeat(indent);
    for b in items {
        match b {
            Block::Paragraph(p) => out.push_str(&format!("{pad}- {}\n", scalar(p))),
            Block::Section(s) => {
                out.push_str(&format!("{pad}- heading: {}\n", scalar(s.heading.as_str())));
                if let Some(t) = &s.text {
                    out.push_str(&format!("{pad}  text: {}\n", scalar(t.as_str())));
                }
                if !s.body.is_empty() {
                    out.push_str(&format!("{pad}  body:\n"));
                    blocks(out, &s.body, indent + 4);
                }
            }
            Block::Table(t) => table(out, t, &pad),
        }
    }
}

/// A table (the importer finds none yet; written for completeness): its
/// rows as flow lists of quoted cells.
fn table(out: &mut String, t: &crate::model::table::Table, pad: &str) {
    out.push_str(&format!("{pad}- table:\n"));
    if let Some(c) = &t.caption {
        out.push_str(&format!("{pad}    caption: {}\n", scalar(c)));
    }
    // Double-quoted (JSON) scalars: a plain one could hold a flow
    // indicator (`,` `[` `]`).
    let quoted = |t: &str| serde_json::to_string(t).unwrap_or_else(|_| "\"\"".into());
    let cell = |c: &crate::model::table::Cell| {
        if c.colspan == 1 && c.rowspan == 1 {
            quoted(&c.text)
        } else {
            format!(
                "{{text: {}, colspan: {}, rowspan: {}}}",
                quoted(&c.text),
                c.colspan,
                c.rowspan
            )
        }
    };
    for (key, rows) in [("header", &t.header), ("rows", &t.rows)] {
        if rows.is_empty() {
            continue;
        }
        out.push_str(&format!("{pad}    {key}:\n"));
        for r in rows {
            let cells: Vec<String> = r.iter().map(cell).collect();
            out.push_str(&format!("{pad}      - [{}]\n", cells.join(", ")));
        }
    }
}

/// The document as YAML, after `header` comment lines.
pub fn write(doc: &Imported, header: &[String]) -> String {
    let mut out = String::new();
    for h in header {
        for l in h.lines() {
            out.push_str(&format!("# {l}\n"));
        }
    }
    match doc.kind {
        Some(k) => out.push_str(&format!("kind: {}\n", k.name())),
        None => out.push_str("# kind: ?  (not found: the title ends in no 文种 of 条例 第八条; write one, e.g. 通知)\n"),
    }
    match &doc.title {
        Some(t) => out.push_str(&format!("title: {}\n", scalar(t))),
        None => out.push_str("# title: ?  (not found)\n"),
    }
    if let Some(m) = &doc.issuer_mark {
        out.push_str(&format!("issuer_mark: {}\n", scalar(m)));
    }
    if let Some(n) = &doc.doc_number {
        out.push_str(&format!("doc_number: {}\n", scalar(n)));
    }
    list(&mut out, "signers", &doc.signers);
    list(&mut out, "addressees", &doc.addressees);
    match doc.issuer.as_slice() {
        [] => {}
        [one] => out.push_str(&format!("issuer: {}\n", scalar(one))),
        many => list(&mut out, "issuer", many),
    }
    match doc.date {
        Some(d) => out.push_str(&format!("date: {}\n", d.iso())),
        None => out.push_str(
            "# date: YYYY-MM-DD  (成文日期 not found or not certain: see the import report)\n",
        ),
    }
    if doc.body.is_empty() {
        out.push_str("body: []\n");
    } else {
        out.push_str("body:\n");
        blocks(&mut out, &doc.body, 2);
    }
    list(&mut out, "attachments", &doc.attachments);
    if let Some(n) = &doc.note {
        out.push_str(&format!("note: {}\n", scalar(n)));
    }
    list(&mut out, "cc", &doc.cc);
    if let Some((organ, date)) = &doc.printing {
        out.push_str(&format!(
            "printing:\n  organ: {}\n  date: {}\n",
            scalar(organ),
            date.iso()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_round_trip() {
        for s in [
            "普通文字",
            "“免二减三”政策",
            "a: b",
            "- 列表",
            "#号",
            "2019-08-14",
            "true",
            "'引号'",
            "《办法》",
            "（1）",
            "%",
            "尾随空格 ",
            "多\n行",
        ] {
            let y = scalar(s);
            let back: String = serde_yaml_ng::from_str(&y).unwrap();
            assert_eq!(back, s, "{y}");
            assert!(!y.contains('\n'), "{y}");
        }
    }
}

//! Writing an imported document as YAML in gongwen's format (the format
//! `gongwen::load` reads; see data/seed-notice.yaml). Elements the import
//! could not find are written as comments, so that loading the file names
//! what is missing instead of the file silently holding a guess.

use crate::model::{AttachmentContent, Block, Format, title_as_name};

use super::Imported;

/// Whether `s` is surely a plain scalar as the YAML emitter writes it:
/// Chinese text (so never a number, boolean or date), starting with no
/// indicator, with no ASCII besides letters, digits, `.` and `%`, and no
/// character YAML reads as a line break or cannot print. The emitter is
/// asked about everything else; this spares it the paragraphs of a long
/// text (a tenth of a 1 MB import's time).
fn surely_plain(s: &str) -> bool {
    let mut chinese = false;
    for c in s.chars() {
        if c.is_ascii() {
            if !(c.is_ascii_alphanumeric() || c == '.' || c == '%') {
                return false;
            }
        } else if crate::text::punct::is_han(c) || ('\u{3001}'..='\u{303F}').contains(&c) {
            chinese = true;
        } else if !(('\u{2010}'..='\u{2027}').contains(&c)
            || ('\u{FF01}'..='\u{FF5E}').contains(&c))
        {
            return false;
        }
    }
    chinese && !s.starts_with(|c: char| c.is_ascii_punctuation())
}

/// A YAML scalar for `s`: plain where YAML allows, quoted otherwise.
pub fn scalar(s: &str) -> String {
    if surely_plain(s) {
        return s.to_string();
    }
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

/// A table: its caption, columns (width ratio, alignment), and rows as
/// flow lists of quoted cells.
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
            let mut parts = vec![format!("text: {}", quoted(&c.text))];
            if c.colspan != 1 {
                parts.push(format!("colspan: {}", c.colspan));
            }
            if c.rowspan != 1 {
                parts.push(format!("rowspan: {}", c.rowspan));
            }
            format!("{{{}}}", parts.join(", "))
        }
    };
    if !t.columns.is_empty() {
        out.push_str(&format!("{pad}    columns:\n"));
        for c in &t.columns {
            let mut parts = Vec::new();
            if let Some(w) = c.width {
                parts.push(format!("width: {w}"));
            }
            match c.align {
                crate::model::table::Align::Left => parts.push("align: left".into()),
                crate::model::table::Align::Right => parts.push("align: right".into()),
                crate::model::table::Align::Center => {}
            }
            out.push_str(&format!("{pad}      - {{{}}}\n", parts.join(", ")));
        }
    }
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

/// The 附件: those named in the 附件说明, each with its content when an
/// attachment of that title is printed after the document, then any
/// printed attachment the 附件说明 does not name.
fn attachments(out: &mut String, doc: &Imported) {
    if doc.attachments.is_empty() && doc.attachment_content.is_empty() {
        return;
    }
    out.push_str("attachments:\n");
    let mut used = vec![false; doc.attachment_content.len()];
    let content = |out: &mut String, c: &AttachmentContent| {
        out.push_str(&format!("  - title: {}\n", scalar(c.title.as_str())));
        if c.body.is_empty() {
            out.push_str("    body: []\n");
        } else {
            out.push_str("    body:\n");
            blocks(out, &c.body, 6);
        }
    };
    for name in &doc.attachments {
        let found = doc
            .attachment_content
            .iter()
            .enumerate()
            .find(|(k, c)| !used[*k] && title_as_name(c.title.as_str()) == *name);
        match found {
            Some((k, c)) => {
                used[k] = true;
                content(out, c);
            }
            None => out.push_str(&format!("  - {}\n", scalar(name))),
        }
    }
    for (k, c) in doc.attachment_content.iter().enumerate() {
        if !used[k] {
            content(out, c);
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
    match doc.format {
        Some(Format::Letter) => out.push_str("format: letter\n"),
        Some(Format::Order) => out.push_str("format: order\n"),
        Some(Format::Minutes) => out.push_str("format: minutes\n"),
        Some(Format::General) | None => {}
    }
    match doc.kind {
        Some(k) => out.push_str(&format!("kind: {}\n", k.name())),
        None => out.push_str("# kind: ?  (not found: the title ends in no 文种 of 条例 第八条; write one, e.g. 通知)\n"),
    }
    if let Some(c) = &doc.copy_number {
        out.push_str(&format!(
            "copy_number: {}\n",
            serde_json::to_string(c).unwrap_or_default()
        ));
    }
    if let Some(m) = &doc.issuer_mark {
        out.push_str(&format!("issuer_mark: {}\n", scalar(m)));
    }
    if let Some((organs, suffix)) = &doc.joint_mark {
        out.push_str("issuer_mark:\n");
        list(&mut out, "  organs", organs);
        if let Some(s) = suffix {
            out.push_str(&format!("  suffix: {}\n", scalar(s)));
        }
    }
    if let Some(n) = &doc.doc_number {
        out.push_str(&format!("doc_number: {}\n", scalar(n)));
    }
    if let Some(n) = &doc.order_number {
        out.push_str(&format!("order_number: {}\n", scalar(n)));
    }
    if let Some(n) = &doc.issue_number {
        out.push_str(&format!("issue_number: {}\n", scalar(n)));
    }
    match &doc.title {
        Some(t) => out.push_str(&format!("title: {}\n", scalar(t))),
        None if doc.format == Some(Format::Order) => {}
        None => out.push_str("# title: ?  (not found)\n"),
    }
    list(&mut out, "signers", &doc.signers);
    list(&mut out, "addressees", &doc.addressees);
    match doc.table_size {
        Some(crate::model::table::TableSize::Sihao) => out.push_str("table_size: 四号\n"),
        Some(crate::model::table::TableSize::Xiaosi) => out.push_str("table_size: 小四\n"),
        Some(crate::model::table::TableSize::Sanhao) | None => {}
    }
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
    attachments(&mut out, doc);
    if !doc.attendance.is_empty() {
        out.push_str("attendance:\n");
        for (label, entries) in &doc.attendance {
            let key = match *label {
                "出席" => "present",
                "请假" => "on_leave",
                _ => "attending",
            };
            list(&mut out, &format!("  {key}"), entries);
        }
    }
    if let Some(t) = &doc.signature_title {
        out.push_str(&format!(
            "# signature_seal: {{title: {}, image: ?}}  (the 签发人's title; give the 签名章's image)\n",
            scalar(t)
        ));
    }
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

    /// What the fast path writes plain, the emitter writes plain too.
    #[test]
    fn surely_plain_scalars_are_the_emitters_plain_scalars() {
        for s in [
            "普通文字。",
            "“免二减三”政策，完成率达到98.6%以上",
            "截至2027年6月30日已完成2.47万亩；",
            "（一）加强组织领导——压实责任…",
            "2027年度重点项目清单",
            "ＡＢＣ：全角字母",
            "《办法》第三条",
            "1.工作任务分解表",
        ] {
            assert!(surely_plain(s), "{s}");
            let y = serde_yaml_ng::to_string(s).unwrap();
            assert_eq!(y.trim_end(), s);
        }
        for s in [
            "%开头",
            ".开头",
            "a: b",
            "中文 #注释",
            "2019-08-14",
            "中\u{2028}文",
            "",
        ] {
            assert!(!surely_plain(s), "{s}");
        }
    }

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

//! `gen html`: the document as one self-contained HTML5 page for 政务公开
//! and 党务公开 columns. Written by hand over [`crate::content`] (text and
//! structure, no fonts or positions), like the DOCX writer: typst's HTML
//! export is still experimental.
//!
//! The page has no executable script and loads nothing: its CSS is inline,
//! a Content-Security-Policy forbids every other resource, and the one
//! `<script>` element is a JSON-LD data block, which browsers do not run.
//!
//! Each element of the content is one line of the page's source, so the
//! page's text (tags stripped, one line an element) is the document's text
//! line for line.

mod escape;
mod meta;
mod style;

use crate::content::{self, Element};
use crate::error::Error;
use crate::load::Source;
use crate::model::Document;

/// The page of `doc`, as UTF-8 bytes.
///
/// Refused: a classified document (密级, §7.2.2), which may not be
/// published. Every format (§7, §10) is shown: the page has the
/// document's elements, not its page layout. Not on
/// the page: 份号 (§7.2.1), 紧急程度 (§7.2.3) and 签发人 (§7.2.6), which
/// are for the document's handling, not its public; seal images (`seal`,
/// `signature_seal`: a published seal image invites forgery; see
/// [`render_with_seals`]).
pub fn render(doc: &Document, source: &Source) -> Result<Vec<u8>, Error> {
    render_with_seals(doc, source, None)
}

/// The page of `doc`, with the seal images of `seals` (read and checked by
/// [`crate::assets::Assets::load`]) embedded as `data:` images, with alt
/// text, over the 署名 and 成文日期 (`gen html --with-seals`). The page
/// still loads nothing from outside.
pub fn render_with_seals(
    doc: &Document,
    source: &Source,
    seals: Option<&crate::assets::Assets>,
) -> Result<Vec<u8>, Error> {
    if let Some(c) = &doc.classification {
        return Err(Error::Classified {
            path: source.path.clone(),
            level: c.label(),
        });
    }
    // A 信函, 命令 or 纪要 (§10) differs from the general format in its page
    // layout, which a web page does not have: its elements are shown as
    // any document's.
    let elements = public_elements(doc);
    // A control character cannot be on a page (HTML forbids most of them;
    // a tab or line feed would vanish into white space).
    for e in &elements {
        if let Some(ch) = e.text().chars().find(|c| c.is_control()) {
            return Err(Error::Invalid {
                path: source.path.clone(),
                pos: source.find_char(ch),
                message: format!(
                    "control character U+{:04X} in the text; a web page cannot show it: remove it",
                    ch as u32
                ),
            });
        }
    }
    let seals = seals.map(|a| seal_images(doc, a)).unwrap_or_default();
    Ok(page(doc, &elements, &seals).into_bytes())
}

/// A seal as the page shows it: `<img>` markup.
fn seal_images(doc: &Document, assets: &crate::assets::Assets) -> Vec<String> {
    use base64::Engine;
    let mut out = Vec::new();
    let diameters: Vec<Option<f64>> = match &doc.seal {
        crate::model::Seal::Images(s) => s.iter().map(|s| s.diameter).collect(),
        _ => Vec::new(),
    };
    let mut img = |image: &crate::assets::Image, width: Option<f64>, alt: String| {
        let (w, _) = image.size_mm(width, crate::geometry::SEAL_DEFAULT_DIAMETER_MM);
        let data = base64::engine::general_purpose::STANDARD.encode(image.bytes.as_slice());
        out.push(format!(
            "<img class=\"seal\" alt=\"{}\" style=\"width:{w:.1}mm\" src=\"data:{};base64,{data}\">",
            escape::attr(&alt),
            image.format.mime()
        ));
    };
    for (k, image) in assets.seals.iter().enumerate() {
        let issuer = doc.issuer.get(k).map(String::as_str).unwrap_or_default();
        img(
            image,
            diameters.get(k).copied().flatten(),
            format!("{issuer}印章"),
        );
    }
    if let (Some(image), Some(s)) = (&assets.signature, &doc.signature_seal) {
        img(image, s.width, format!("{}签名章", s.title));
    }
    out
}

/// A table (§8) as a real `<table>`, on one line of the source: the
/// caption, the header rows in `<thead>` (`<th scope="col">`), the body
/// rows in `<tbody>`; spans as `colspan`/`rowspan`; a body cell's column
/// alignment as a class.
fn table_html(
    caption: Option<&str>,
    header: &[Vec<crate::model::table::Cell>],
    rows: &[Vec<crate::model::table::Cell>],
    align: &[crate::model::table::Align],
) -> String {
    use crate::model::table::Align;
    let t = escape::text;
    let table = crate::model::table::Table {
        caption: None,
        columns: Vec::new(),
        header: header.to_vec(),
        rows: rows.to_vec(),
        orientation: crate::model::table::Orientation::Auto,
    };
    // Checked when the document was loaded.
    let placed = table.layout().unwrap_or_default();
    let mut placed = placed.into_iter();
    let mut s = String::from("<table>");
    if let Some(c) = caption {
        s.push_str(&format!("<caption>{}</caption>", t(c)));
    }
    for (part, rows, is_head) in [("thead", header, true), ("tbody", rows, false)] {
        if rows.is_empty() {
            continue;
        }
        s.push_str(&format!("<{part}>"));
        for row in rows {
            s.push_str("<tr>");
            for cell in row {
                let col = placed.next().map_or(0, |p| p.col);
                let mut attrs = String::new();
                if cell.colspan > 1 {
                    attrs.push_str(&format!(" colspan=\"{}\"", cell.colspan));
                }
                if cell.rowspan > 1 {
                    attrs.push_str(&format!(" rowspan=\"{}\"", cell.rowspan));
                }
                if is_head {
                    let scope = if cell.colspan > 1 { "colgroup" } else { "col" };
                    s.push_str(&format!(
                        "<th scope=\"{scope}\"{attrs}>{}</th>",
                        t(&cell.text)
                    ));
                } else {
                    match align.get(col) {
                        Some(Align::Left) => attrs.push_str(" class=\"left\""),
                        Some(Align::Right) => attrs.push_str(" class=\"right\""),
                        _ => {}
                    }
                    s.push_str(&format!("<td{attrs}>{}</td>", t(&cell.text)));
                }
            }
            s.push_str("</tr>");
        }
        s.push_str(&format!("</{part}>"));
    }
    s.push_str("</table>\n");
    s
}

/// Whether an element belongs on a public page.
fn is_public(e: &Element) -> bool {
    !matches!(
        e,
        Element::CopyNumber(_)
            | Element::Classification(_)
            | Element::Urgency(_)
            | Element::Signers { .. }
    )
}

/// The elements a public page shows, in order: the document's text as the
/// page prints it.
pub fn public_elements(doc: &Document) -> Vec<Element> {
    content::elements(doc)
        .into_iter()
        .filter(is_public)
        .collect()
}

fn page(doc: &Document, elements: &[Element], seals: &[String]) -> String {
    let title = meta::title(elements);
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str(
        if seals.is_empty() {
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        } else {
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
        },
    );
    h.push_str(&format!("<title>{}</title>\n", escape::text(&title)));
    h.push_str(&meta::tags(doc, elements));
    h.push_str(&format!(
        "<script type=\"application/ld+json\">\n{}\n</script>\n",
        meta::json_ld(doc, elements)
    ));
    h.push_str(&format!("<style>\n{}</style>\n", style::css()));
    h.push_str("</head>\n<body>\n<article>\n");
    body(elements, seals, &mut h);
    h.push_str("</article>\n</body>\n</html>\n");
    h
}

/// The `<article>`'s contents: one line an element, with the structure
/// lines (`<header>`, `<footer>`, the closing block) on lines of their own.
fn body(elements: &[Element], seals: &[String], h: &mut String) {
    let t = escape::text;
    let mut i = 0;
    while i < elements.len() {
        let e = &elements[i];
        match e {
            Element::IssuerMark(_)
            | Element::JointIssuerMark { .. }
            | Element::DocNumber(_)
            | Element::OrderNumber(_)
            | Element::IssueNumber(_) => {
                // 版头: 发文机关标志 and 发文字号 (a 命令's 令号, a 纪要's 期号).
                h.push_str("<header>\n");
                while let Some(e) = elements.get(i) {
                    match e {
                        Element::IssuerMark(m) => {
                            h.push_str(&format!("<p class=\"issuer-mark\">{}</p>\n", t(m)))
                        }
                        Element::JointIssuerMark { organs, suffix } => {
                            // The names stacked, the suffix beside them.
                            let organs: Vec<String> = organs.iter().map(|o| t(o)).collect();
                            let suffix = suffix
                                .as_deref()
                                .map(|s| format!("<span class=\"suffix\">{}</span>", t(s)))
                                .unwrap_or_default();
                            h.push_str(&format!(
                                "<p class=\"issuer-mark joint\"><span class=\"organs\">{}</span>{suffix}</p>\n",
                                organs.join("<br>")
                            ))
                        }
                        Element::DocNumber(n) => {
                            h.push_str(&format!("<p class=\"doc-number\">{}</p>\n", t(n)))
                        }
                        Element::OrderNumber(n) => {
                            h.push_str(&format!("<p class=\"order-number\">{}</p>\n", t(n)))
                        }
                        Element::IssueNumber(n) => {
                            h.push_str(&format!("<p class=\"issue-number\">{}</p>\n", t(n)))
                        }
                        _ => break,
                    }
                    i += 1;
                }
                h.push_str("</header>\n");
                continue;
            }
            Element::Signature(_) | Element::SignerTitle(_) | Element::Date { .. } => {
                // 署名 (or the 签发人's title, §7.3.5.3) and 成文日期,
                // right-aligned together (§7.3.5.2); the seals, with
                // --with-seals, over them (§7.3.5.1).
                h.push_str("<div class=\"closing\">\n");
                if !seals.is_empty() {
                    h.push_str(&format!("<div class=\"seals\">{}</div>\n", seals.concat()));
                }
                let mut issuers = false;
                while let Some(Element::Signature(name)) = elements.get(i) {
                    if !issuers {
                        h.push_str("<div class=\"issuers\">\n");
                        issuers = true;
                    }
                    h.push_str(&format!("<p class=\"issuer\">{}</p>\n", t(name)));
                    i += 1;
                }
                if issuers {
                    h.push_str("</div>\n");
                }
                if let Some(Element::SignerTitle(title)) = elements.get(i) {
                    h.push_str(&format!("<p class=\"signer-title\">{}</p>\n", t(title)));
                    i += 1;
                }
                if let Some(Element::Date { printed, iso }) = elements.get(i) {
                    h.push_str(&format!(
                        "<p class=\"date\"><time datetime=\"{}\">{}</time></p>\n",
                        escape::attr(iso),
                        t(printed)
                    ));
                    i += 1;
                }
                h.push_str("</div>\n");
                continue;
            }
            Element::Cc { .. } | Element::Printing { .. } => {
                // 版记.
                h.push_str("<footer>\n");
                while let Some(e) = elements.get(i) {
                    match e {
                        Element::Cc { .. } => {
                            h.push_str(&format!("<p class=\"cc\">{}</p>\n", t(&e.text())))
                        }
                        Element::Printing { organ, date } => h.push_str(&format!(
                            "<p class=\"printing\"><span>{}</span><span>{}</span></p>\n",
                            t(organ),
                            t(date)
                        )),
                        _ => break,
                    }
                    i += 1;
                }
                h.push_str("</footer>\n");
                continue;
            }
            Element::Title { parts } => {
                let parts: Vec<String> = parts.iter().map(|p| t(p)).collect();
                h.push_str(&format!("<h1>{}</h1>\n", parts.join("<br>")));
            }
            Element::Addressees(a) => {
                h.push_str(&format!("<p class=\"addressees\">{}</p>\n", t(a)));
            }
            Element::Heading { level, text } => {
                let n = level + 1;
                h.push_str(&format!("<h{n}>{}</h{n}>\n", t(text)));
            }
            Element::RunIn {
                level,
                heading,
                text,
            } => {
                h.push_str(&format!(
                    "<p class=\"run-in\"><strong class=\"level-{level}\">{}</strong>{}</p>\n",
                    t(heading),
                    t(text)
                ));
            }
            Element::Paragraph(p) => h.push_str(&format!("<p>{}</p>\n", t(p))),
            Element::Table {
                caption,
                header,
                rows,
                align,
            } => h.push_str(&table_html(caption.as_deref(), header, rows, align)),
            Element::Attachments { label, items } => {
                let items: String = items
                    .iter()
                    .map(|item| format!("<li>{}</li>", t(item)))
                    .collect();
                h.push_str(&format!(
                    "<div class=\"attachments\"><span class=\"label\">{}</span><ol>{items}</ol></div>\n",
                    t(label)
                ));
            }
            Element::Attendance { label, names } => h.push_str(&format!(
                // 出席, 请假, 列席 (§10.3): the label in 黑体, wrapped lines
                // after it.
                "<p class=\"attendance\"><span class=\"label\">{}</span>{}</p>\n",
                t(label),
                t(&names.concat())
            )),
            Element::Note(n) => h.push_str(&format!("<p class=\"note\">{}</p>\n", t(n))),
            Element::Attachment { label, parts } => {
                // An attachment (§7.3.7): its label, then its title; its
                // body follows as the 正文's does.
                let parts: Vec<String> = parts.iter().map(|p| t(p)).collect();
                h.push_str(&format!(
                    "<p class=\"attachment-label\">{}</p>\n<h1 class=\"attachment-title\">{}</h1>\n",
                    t(label),
                    parts.join("<br>")
                ));
            }
            // Not public (filtered out before).
            Element::CopyNumber(_)
            | Element::Classification(_)
            | Element::Urgency(_)
            | Element::Signers { .. } => {}
        }
        i += 1;
    }
}

//! The page's metadata: the `<meta>` tags government websites carry, and a
//! JSON-LD description of the document.
//!
//! # The tags of 《政府网站发展指引》
//!
//! 《国务院办公厅关于印发政府网站发展指引的通知》(国办发〔2017〕47号) asks every
//! page of a government website to carry page metadata in `<meta
//! name="…" content="…">` tags, named in English: for the site
//! `SiteName` (网站名称), `SiteDomain` (网站根域名), `SiteIDCode` (网站标识码);
//! for the column `ColumnName` (栏目名称), `ColumnDescription` (栏目描述),
//! `ColumnKeywords` (栏目关键词), `ColumnType` (栏目类型); for the article
//! `ArticleTitle` (文章标题), `PubDate` (发布时间), `ContentSource` (文章来源),
//! `Keywords` (关键词), `Author` (作者), `Description` (摘要), `Image` (图片)
//! and `Url` (网址). The 指引's own table could not be read where this was
//! written; the names were checked against the markup of government pages
//! that carry them, as public crawlers of those sites read it (article
//! pages of the Ministry of Education set `ArticleTitle`, `PubDate` and
//! `ContentSource`; crawlers of provincial and city sites read `SiteName`,
//! `SiteIDCode`, `ColumnName`, `ColumnType`, `ColumnKeywords` and
//! `ColumnDescription`).
//!
//! The site and column tags, `Url` and `Image` belong to the website that
//! publishes the page, not to the document: gongwen cannot know them and
//! leaves them for the site's content system to add. `Keywords` (主题词)
//! is no longer part of a 公文 (GB/T 9704-2012 dropped it). gongwen writes
//! the article tags the document knows:
//!
//! - `ArticleTitle`: the 标题;
//! - `PubDate`: the 印发日期 when the document has one (the day it was
//!   issued, the earliest it can be published), else the 成文日期, as
//!   `YYYY-MM-DD`;
//! - `ContentSource` and `author`: the 发文机关 (the 署名s, joined by `、`);
//! - `description`: the opening of the 正文 (see [`description`]).
//!
//! HTML meta names are ASCII case-insensitive, so `description` and
//! `author` are the 指引's `Description` and `Author` too (a page may carry
//! each name once).

use serde_json::json;

use super::escape;
use crate::content::Element;
use crate::model::Document;

/// Longest `description`, in characters: about what search result pages
/// show for Chinese text.
const DESCRIPTION_MAX_CHARS: usize = 150;

/// The `<meta>` tags, one a line.
pub fn tags(doc: &Document, elements: &[Element]) -> String {
    let mut pairs: Vec<(&str, String)> = vec![("ArticleTitle", title(elements))];
    let pub_date = doc.printing.as_ref().map_or(doc.date, |p| p.date);
    pairs.push(("PubDate", pub_date.iso()));
    if let Some(source) = source(doc) {
        pairs.push(("ContentSource", source.clone()));
        pairs.push(("author", source));
    }
    pairs.push(("description", description(elements)));
    pairs
        .iter()
        .map(|(name, content)| {
            format!(
                "<meta name=\"{name}\" content=\"{}\">\n",
                escape::attr(content)
            )
        })
        .collect()
}

/// The 标题's text; for a 命令 without one (§10.2), its mark and 令号
/// (`清河市人民政府令（第3号）`).
pub fn title(elements: &[Element]) -> String {
    if let Some(title) = elements.iter().find(|e| matches!(e, Element::Title { .. })) {
        return title.text();
    }
    let mark = elements
        .iter()
        .find(|e| matches!(e, Element::IssuerMark(_) | Element::JointIssuerMark { .. }))
        .map(Element::text)
        .unwrap_or_default();
    match elements.iter().find_map(|e| match e {
        Element::OrderNumber(n) => Some(n),
        _ => None,
    }) {
        Some(n) => format!("{mark}（{n}）"),
        None => mark,
    }
}

/// 发文机关: the 署名s, joined by `、`.
fn source(doc: &Document) -> Option<String> {
    (!doc.issuer.is_empty()).then(|| doc.issuer.join("、"))
}

/// The opening of the 正文: the first paragraph that is not a heading, cut
/// after its last whole sentence (ending in 。！？) within
/// [`DESCRIPTION_MAX_CHARS`]; a first sentence longer than that is cut and
/// ends in `…`. A 正文 of headings only gives the title.
pub fn description(elements: &[Element]) -> String {
    let Some(text) = elements.iter().find_map(|e| match e {
        Element::Paragraph(t) => Some(t.as_str()),
        _ => None,
    }) else {
        return title(elements);
    };
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= DESCRIPTION_MAX_CHARS {
        return text.to_string();
    }
    let window = &chars[..DESCRIPTION_MAX_CHARS];
    match window.iter().rposition(|c| matches!(c, '。' | '！' | '？')) {
        Some(end) => window[..=end].iter().collect(),
        None => {
            let mut cut: String = window[..DESCRIPTION_MAX_CHARS - 1].iter().collect();
            cut.push('…');
            cut
        }
    }
}

/// The JSON-LD block (schema.org), as the contents of its `<script>`.
///
/// Type: `CreativeWork`. schema.org's `GovernmentPermit` is a permit
/// issued to someone (a licence), which a 通知 or 通报 is not; `Legislation`
/// is a legal act (law, regulation, decree), which fits a few 命令 and
/// 决定 but not most of the fifteen 文种 (通报, 报告, 函, 纪要 …), and the
/// document does not say whether it has legal force. `CreativeWork` fits
/// every 公文 and has properties for all that the document knows: `name`
/// (标题), `author` (发文机关, as `GovernmentOrganization`s), `identifier`
/// (发文字号), `dateCreated` (成文日期), `genre` (文种), `inLanguage` and
/// `description`.
pub fn json_ld(doc: &Document, elements: &[Element]) -> String {
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": title(elements),
        "genre": doc.kind.name(),
        "inLanguage": "zh-CN",
        "dateCreated": doc.date.iso(),
        "description": description(elements),
    });
    if let Some(n) = &doc.doc_number {
        v["identifier"] = json!(n);
    }
    if !doc.issuer.is_empty() {
        v["author"] = doc
            .issuer
            .iter()
            .map(|name| json!({"@type": "GovernmentOrganization", "name": name}))
            .collect();
    }
    let text = serde_json::to_string_pretty(&v).expect("plain data serialises");
    escape::json_in_script(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(s: &str) -> Vec<Element> {
        vec![
            Element::Title {
                parts: vec!["关于某事的通知".into()],
            },
            Element::Heading {
                level: 1,
                text: "一、标题".into(),
            },
            Element::Paragraph(s.into()),
        ]
    }

    #[test]
    fn description_ends_on_a_whole_sentence() {
        let first = "甲".repeat(100) + "。";
        let second = "乙".repeat(60) + "。";
        assert_eq!(description(&para(&format!("{first}{second}"))), first);
        // A short paragraph is taken whole, sentence end or not.
        assert_eq!(description(&para("短短一段")), "短短一段");
    }

    #[test]
    fn a_long_first_sentence_is_cut_with_an_ellipsis() {
        let d = description(&para(&"丙".repeat(400)));
        assert_eq!(d.chars().count(), DESCRIPTION_MAX_CHARS);
        assert!(d.ends_with('…'));
    }

    #[test]
    fn headings_only_give_the_title() {
        let mut e = para("x");
        e.pop();
        assert_eq!(description(&e), "关于某事的通知");
    }
}

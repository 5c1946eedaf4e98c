//! Web-page chrome: the furniture of Chinese government and party portals
//! that a copied page brings along and that is no part of the document —
//! breadcrumbs, metadata tables (索引号, 发布机构, 文号 …), publish and
//! view-count lines, font-size switchers, share/scan/print/close/纠错
//! widgets, 上一篇/下一篇 links, download lists (相关附件, 附件下载) and site
//! footers (主办单位, 网站标识码, ICP备 …).
//!
//! Each rule describes a class of line, not one site's strings: a line is
//! chrome when it is made of page words and separators, or starts with a
//! page label followed by a colon, or sits in a page region (above the
//! breadcrumb, in the footer) and reads as no sentence. The metadata a page
//! states (文号, 成文日期, 发布机构) is kept as evidence for the document.

use crate::date::Date;
use crate::text::punct::is_space;

use super::metadata::{Field, LABELS, Label, Meta, find_labels, is_separator, label_at, page_date};

/// Words of page widgets and navigation: a line made only of these (with
/// brackets and separators) is chrome. Longest first where one contains
/// another.
const WIDGET_WORDS: &[&str] = &[
    "扫一扫在手机打开当前页",
    "在手机打开当前页",
    "打印本页",
    "打印此页",
    "打印文章",
    "关闭窗口",
    "关闭本页",
    "我要纠错",
    "网站纠错",
    "加入收藏",
    "收藏本页",
    "返回顶部",
    "返回首页",
    "返回列表",
    "分享到",
    "复制链接",
    "视力保护色",
    "信息预览",
    "相关链接",
    "相关文章",
    "相关阅读",
    "网站地图",
    "联系我们",
    "关于我们",
    "网站声明",
    "隐私声明",
    "设为首页",
    "使用帮助",
    "网站导航",
    "无障碍",
    "长者模式",
    "繁體",
    "简体",
    "English",
    "QQ空间",
    "朋友圈",
    "微信",
    "微博",
    "打印",
    "关闭",
    "纠错",
    "收藏",
    "分享",
    "保存",
    "返回",
    "顶部",
    "字体",
    "字号",
    "默认",
    "放大",
    "缩小",
    "增大",
    "减小",
    "正文",
    "下载",
    "扫一扫",
    // A site's column names, shown above an article.
    "政府信息公开",
    "通知公告",
    "公示公告",
    "公告公示",
    "政策文件",
    "政策解读",
    "规范性文件",
    "工作动态",
    "新闻动态",
    "政务公开",
    "信息公开",
];

/// Single characters of font-size switchers (`大 中 小`, `A+ A A-`).
const SWITCHER_CHARS: &str = "大中小AaT+-－＋";

/// Footer words: a short line holding one is the site footer.
const FOOTER_WORDS: &[&str] = &[
    "主办单位",
    "承办单位",
    "主办：",
    "承办：",
    "主办:",
    "承办:",
    "网站标识码",
    "ICP备",
    "ICP证",
    "公网安备",
    "网安备",
    "版权所有",
    "Copyright",
    "COPYRIGHT",
    "copyright",
    "©",
    "技术支持",
    "运维单位",
    "维护单位",
    "建议使用",
    "分辨率",
];

/// Starts of breadcrumbs.
const BREADCRUMB_STARTS: &[&str] = &[
    "当前位置",
    "您的位置",
    "您当前的位置",
    "您现在的位置",
    "您所在的位置",
    "所在位置",
    "当前页面",
];

/// Links to neighbouring articles (other documents' titles follow them).
const SIBLING_STARTS: &[&str] = &[
    "上一篇",
    "下一篇",
    "上一条",
    "下一条",
    "前一篇",
    "后一篇",
    "上篇",
    "下篇",
];

/// Headings of a page's download list.
const DOWNLOAD_STARTS: &[&str] = &[
    "相关附件",
    "附件下载",
    "相关下载",
    "下载附件",
    "附件列表",
    "相关文件下载",
    "文件下载",
];

/// Headings of a page's lists of other articles.
const RELATED_HEADINGS: &[&str] = &[
    "相关稿件",
    "相关新闻",
    "相关阅读",
    "相关文章",
    "相关链接",
    "相关信息",
    "相关政策",
    "相关解读",
    "推荐阅读",
    "延伸阅读",
    "热点推荐",
    "热门文章",
    "最新文章",
    "猜你喜欢",
];

/// File extensions of downloads.
pub const FILE_EXTENSIONS: &[&str] = &[
    ".docx", ".doc", ".wps", ".pdf", ".xlsx", ".xls", ".et", ".ofd", ".zip", ".rar", ".7z", ".txt",
    ".jpg", ".jpeg", ".png", ".pptx", ".ppt", ".csv", ".tif",
];

/// Why a line is chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Only spaces (U+0020, U+00A0, U+3000 …): left over from layout.
    Blank,
    /// `首页 > 政务公开 > 通知公告`.
    Breadcrumb,
    /// A line of metadata labels and values (索引号：…, 发布时间：…).
    Metadata,
    /// The value under a metadata label that stands on its own line.
    MetadataValue,
    /// Print/close/share/font-size/纠错 widgets, navigation links.
    Widget,
    /// `分享到：…`, `扫一扫在手机打开当前页`.
    Share,
    /// `上一篇：…` / `下一篇：…`, and the titles under `相关稿件`.
    Sibling,
    /// `相关附件：`, `附件下载`, and the file names under them.
    Download,
    /// 主办单位, 网站标识码, ICP备 … and the short lines of the footer.
    Footer,
    /// Site name and menus above the breadcrumb.
    Header,
}

impl Kind {
    /// What the report calls it.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Blank => "blank line",
            Kind::Breadcrumb => "breadcrumb",
            Kind::Metadata => "page metadata",
            Kind::MetadataValue => "page metadata value",
            Kind::Widget => "page widget",
            Kind::Share => "share/scan widget",
            Kind::Sibling => "link to another article",
            Kind::Download => "download list",
            Kind::Footer => "site footer",
            Kind::Header => "page header above the breadcrumb",
        }
    }
}

/// A chrome line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub kind: Kind,
    /// The page's publication date it states, if any.
    pub published: Option<Date>,
}

/// The chrome of a page: a verdict per line, and the metadata it states.
#[derive(Debug, Default)]
pub struct Page {
    pub verdicts: Vec<Option<Verdict>>,
    pub meta: Vec<Meta>,
}

/// The (label, value) pairs of a metadata line, if the line is one: it
/// starts with a label, and `strong` tells whether any label is strong.
fn metadata(t: &str) -> Option<(Vec<(&'static Label, String)>, bool)> {
    let chars: Vec<char> = t.chars().collect();
    if chars.len() > 200 {
        return None;
    }
    let found = find_labels(&chars);
    let first = found.first()?;
    // Before the first label: nothing, or widgets (`【我要纠错】 责任编辑：…`).
    let before: String = chars[..first.start].iter().collect();
    let lead_ok = before.chars().all(is_separator) || is_widget(&before);
    let strong = found.iter().any(|f| f.label.2);
    // Labels without a colon count only as a row of several, one strong.
    if found.iter().any(|f| f.loose) && !(found.len() >= 2 && strong) {
        return None;
    }
    // A line that does not start with a label is metadata only when it
    // holds two labels, one strong (`2021-03-08 来源：… 浏览次数：…`).
    if !(lead_ok || found.len() >= 2 && strong && chars.len() <= 120) {
        return None;
    }
    let pairs = found
        .iter()
        .enumerate()
        .map(|(k, f)| {
            let end = found.get(k + 1).map_or(chars.len(), |n| n.start);
            let value: String = chars[f.end..end].iter().collect();
            let value = value.trim_matches(|c: char| is_separator(c) && c != '/');
            (f.label, value.to_string())
        })
        .collect();
    Some((pairs, strong))
}

fn starts_with_any(t: &str, starts: &[&str]) -> Option<usize> {
    starts
        .iter()
        .find(|s| t.starts_with(*s))
        .map(|s| s.chars().count())
}

/// A file name as a download list shows it (`1.方案.docx（25KB）`).
fn is_file_name(t: &str) -> bool {
    if t.chars().count() > 150 {
        return false;
    }
    let lower = t.to_lowercase();
    // A size or a download count after the name.
    let core = lower.trim_end_matches(|c: char| {
        c.is_ascii_digit() || is_space(c) || "()（）[]【】.kmbg次下载点击数:：".contains(c)
    });
    let core = core.trim_end_matches(|c: char| is_space(c) || "()（）[]【】".contains(c));
    FILE_EXTENSIONS
        .iter()
        .any(|e| core.ends_with(e) || lower.trim_end().ends_with(e))
        && !t.contains('。')
}

/// A line that reads as a sentence (chrome regions never take one).
fn is_sentence(t: &str) -> bool {
    t.contains(['。', '；', '！', '？'])
}

/// Widgets and navigation: page words, switcher characters and separators.
/// The chars of the widget words.
fn widget_chars() -> &'static std::collections::HashSet<char> {
    static CHARS: std::sync::OnceLock<std::collections::HashSet<char>> = std::sync::OnceLock::new();
    CHARS.get_or_init(|| WIDGET_WORDS.iter().flat_map(|w| w.chars()).collect())
}

fn is_widget(t: &str) -> bool {
    if t.chars().count() > 80 {
        return false;
    }
    // A char that is in no widget word, no separator and no switcher
    // stays in what is left when the words are taken out, and makes it no
    // switcher: most lines (any sentence) are told at their first such
    // char, without a search for each word.
    let known = widget_chars();
    if t.chars()
        .any(|c| !is_separator(c) && !SWITCHER_CHARS.contains(c) && !known.contains(&c))
    {
        return false;
    }
    let bracketed = t.contains(['【', '[', '［', '|', '｜']);
    let mut rest = t.to_string();
    let mut matched = 0;
    for w in WIDGET_WORDS {
        if rest.contains(w) {
            matched += rest.matches(w).count();
            rest = rest.replace(w, " ");
        }
    }
    let rest: String = rest.chars().filter(|&c| !is_separator(c)).collect();
    if rest.is_empty() {
        return matched > 0;
    }
    let switchers = rest.chars().all(|c| SWITCHER_CHARS.contains(c));
    switchers && (matched > 0 || bracketed || rest.chars().count() >= 2)
}

/// A navigation bar: short items between `|`.
fn is_nav(t: &str) -> bool {
    let items: Vec<&str> = t
        .split(['|', '｜', '丨'])
        .map(|s| s.trim_matches(is_space))
        .filter(|s| !s.is_empty())
        .collect();
    items.len() >= 2
        && t.chars().count() <= 100
        && items
            .iter()
            .all(|s| s.chars().count() <= 12 && !s.contains(['。', '，', '；', ',', ';']))
}

fn is_breadcrumb(t: &str) -> bool {
    if t.chars().count() > 150 {
        return false;
    }
    if starts_with_any(t, BREADCRUMB_STARTS).is_some() {
        return true;
    }
    let head = &t[..t.char_indices().nth(10).map_or(t.len(), |(b, _)| b)];
    head.contains("首页") && t.contains(['>', '›', '»', '＞', '→', '≫'])
}

/// Classifies one line on its own (no context).
fn line_kind(t: &str) -> Option<Kind> {
    if is_breadcrumb(t) {
        return Some(Kind::Breadcrumb);
    }
    if let Some(n) = starts_with_any(t, SIBLING_STARTS) {
        let next = t[t.char_indices().nth(n).map_or(t.len(), |(b, _)| b)..]
            .chars()
            .next();
        if t.chars().count() <= 150 && next.is_none_or(|c| is_separator(c) || c == '】' || c == ']')
        {
            return Some(Kind::Sibling);
        }
    }
    if let Some(n) = starts_with_any(t, DOWNLOAD_STARTS) {
        let next = t.chars().nth(n);
        if t.chars().count() <= 150 && next.is_none_or(|c| is_separator(c) || c == '：') {
            return Some(Kind::Download);
        }
    }
    let short = t.chars().count() <= 60;
    if short && (t.starts_with("分享到") || t.starts_with("分享至") || t.starts_with("分享："))
    {
        return Some(Kind::Share);
    }
    if short
        && [
            "扫一扫",
            "手机扫码",
            "扫描二维码",
            "用手机扫",
            "微信扫一扫",
            "手机扫一扫",
        ]
        .iter()
        .any(|s| t.starts_with(s))
    {
        return Some(Kind::Share);
    }
    if t.chars().count() <= 150 && FOOTER_WORDS.iter().any(|w| t.contains(w)) {
        return Some(Kind::Footer);
    }
    if is_widget(t) {
        return Some(Kind::Widget);
    }
    if is_nav(t) {
        return Some(Kind::Widget);
    }
    None
}

/// Finds the chrome of a page, line by line (`lines` are the input's
/// lines; `table[i]`: the line is a row of a Word table, never chrome).
pub fn scan(lines: &[&str]) -> Page {
    let mut page = Page {
        verdicts: vec![None; lines.len()],
        meta: Vec::new(),
    };
    let texts: Vec<&str> = lines.iter().map(|l| l.trim_matches(is_space)).collect();
    let labels = line_by_line(lines, &texts, &mut page);
    metadata_around(&texts, &labels, &mut page);
    related_articles(&texts, &mut page);
    download_lists(&texts, &mut page);
    footer(&texts, &mut page);
    above_breadcrumb(&texts, &mut page);
    page
}

/// What the first pass leaves for the metadata pass: the lines of weak
/// labels (chrome only beside other metadata), the labels alone on their
/// line, and each line's publication date.
struct Labels {
    weak: Vec<usize>,
    alone: Vec<usize>,
    published_of: Vec<Option<Date>>,
}

/// Line by line: blank lines, metadata lines (strong ones at once, weak
/// ones kept for [`metadata_around`]), and every other kind a line shows
/// by itself ([`line_kind`]).
fn line_by_line(lines: &[&str], texts: &[&str], page: &mut Page) -> Labels {
    let mut labels = Labels {
        weak: Vec::new(),
        alone: Vec::new(),
        published_of: vec![None; lines.len()],
    };
    for (i, t) in texts.iter().enumerate() {
        if t.is_empty() {
            if !lines[i].is_empty() {
                page.verdicts[i] = Some(Verdict {
                    kind: Kind::Blank,
                    published: None,
                });
            }
            continue;
        }
        if let Some((pairs, strong)) = metadata(t) {
            let widget = if strong { None } else { line_kind(t) };
            if let Some(kind) = widget {
                page.verdicts[i] = Some(Verdict {
                    kind,
                    published: None,
                });
                continue;
            }
            let alone = pairs.len() == 1 && pairs[0].1.is_empty();
            for (entry, value) in &pairs {
                if !value.is_empty() {
                    if entry.1 == Field::Published && labels.published_of[i].is_none() {
                        labels.published_of[i] = page_date(value);
                    }
                    page.meta.push(Meta {
                        line: i,
                        label: entry.0,
                        field: entry.1,
                        value: value.clone(),
                    });
                }
            }
            if alone {
                labels.alone.push(i);
            }
            if strong {
                page.verdicts[i] = Some(Verdict {
                    kind: Kind::Metadata,
                    published: labels.published_of[i],
                });
            } else {
                labels.weak.push(i);
            }
            continue;
        }
        if let Some(kind) = line_kind(t) {
            page.verdicts[i] = Some(Verdict {
                kind,
                published: None,
            });
        }
    }
    labels
}

/// The nearest line before or after `i` that is not blank.
fn neighbour(texts: &[&str], i: usize, forward: bool) -> Option<usize> {
    let mut k = i;
    loop {
        if forward {
            k += 1;
            if k >= texts.len() {
                return None;
            }
        } else {
            k = k.checked_sub(1)?;
        }
        if !texts[k].is_empty() {
            return Some(k);
        }
        if k == 0 && !forward {
            return None;
        }
    }
}

fn is_meta(v: &Option<Verdict>) -> bool {
    v.as_ref()
        .is_some_and(|v| matches!(v.kind, Kind::Metadata | Kind::MetadataValue))
}

/// A label on its own line takes the next line as its value (a table
/// copied cell by cell).
fn values_below(texts: &[&str], alone: &[usize], page: &mut Page) {
    for &i in alone {
        if page.verdicts[i].is_none() {
            continue;
        }
        let Some(k) = neighbour(texts, i, true) else {
            continue;
        };
        if page.verdicts[k].is_some() || texts[k].chars().count() > 100 || is_sentence(texts[k]) {
            continue;
        }
        let label: Vec<char> = texts[i]
            .trim_end_matches(|c: char| is_separator(c))
            .trim_start_matches(is_separator)
            .chars()
            .collect();
        if let Some(entry) = LABELS
            .iter()
            .find(|l| label_at(&label, 0, l.0) == Some(label.len()))
            // A title under an empty cell (`主题词：` with nothing) is the
            // document's, not the cell's value.
            .filter(|l| l.1 == Field::Title || crate::import::front::kind_of(texts[k]).is_none())
        {
            page.meta.push(Meta {
                line: k,
                label: entry.0,
                field: entry.1,
                value: texts[k].to_string(),
            });
            let published = (entry.1 == Field::Published)
                .then(|| page_date(texts[k]))
                .flatten();
            page.verdicts[k] = Some(Verdict {
                kind: Kind::MetadataValue,
                published,
            });
        }
    }
}

/// Metadata in regions: values under their labels, and a weak label
/// counted beside metadata (looked for downwards, then upwards); the
/// metadata of lines left as text is dropped.
fn metadata_around(texts: &[&str], labels: &Labels, page: &mut Page) {
    values_below(texts, &labels.alone, page);
    for pass in [false, true] {
        let order: Vec<usize> = if pass {
            labels.weak.iter().rev().copied().collect()
        } else {
            labels.weak.clone()
        };
        for i in order {
            if page.verdicts[i].is_some() {
                continue;
            }
            let beside = [false, true]
                .into_iter()
                .any(|fwd| neighbour(texts, i, fwd).is_some_and(|k| is_meta(&page.verdicts[k])));
            if beside {
                page.verdicts[i] = Some(Verdict {
                    kind: Kind::Metadata,
                    published: labels.published_of[i],
                });
            }
        }
    }
    values_below(texts, &labels.alone, page);
    page.meta.retain(|m| page.verdicts[m.line].is_some());
}

/// The titles under a list of other articles (`相关稿件`): short lines that
/// are no sentence, up to a blank line.
fn related_articles(texts: &[&str], page: &mut Page) {
    let mut in_related = false;
    for (i, text) in texts.iter().enumerate() {
        let heading = RELATED_HEADINGS
            .iter()
            .any(|h| text.trim_end_matches([':', '：']) == *h);
        if heading {
            in_related = true;
            page.verdicts[i] = Some(Verdict {
                kind: Kind::Sibling,
                published: None,
            });
            continue;
        }
        if text.is_empty() || page.verdicts[i].is_some() {
            in_related = false;
            continue;
        }
        if in_related && text.chars().count() <= 80 && !is_sentence(text) {
            page.verdicts[i] = Some(Verdict {
                kind: Kind::Sibling,
                published: None,
            });
        } else {
            in_related = false;
        }
    }
}

/// The file names under a download heading.
fn download_lists(texts: &[&str], page: &mut Page) {
    let mut in_download = false;
    for (i, text) in texts.iter().enumerate() {
        match &page.verdicts[i] {
            Some(v) if v.kind == Kind::Download => in_download = true,
            Some(v) if v.kind == Kind::Blank => {}
            Some(_) => in_download = false,
            None if text.is_empty() => {}
            None if in_download && is_file_name(text) => {
                page.verdicts[i] = Some(Verdict {
                    kind: Kind::Download,
                    published: None,
                });
            }
            None => in_download = false,
        }
    }
}

/// The footer: from the first footer line of the page's last run of short,
/// sentence-free lines to the end.
fn footer(texts: &[&str], page: &mut Page) {
    let mut top = None;
    for i in (0..texts.len()).rev() {
        match &page.verdicts[i] {
            Some(v) if matches!(v.kind, Kind::Footer) => top = Some(i),
            Some(v) if v.kind == Kind::Widget && is_nav(texts[i]) => top = Some(i),
            Some(_) => {}
            None if texts[i].is_empty() => {}
            None if texts[i].chars().count() <= 60 && !is_sentence(texts[i]) => {}
            None => break,
        }
    }
    if let Some(top) = top {
        for (verdict, text) in page.verdicts.iter_mut().zip(texts).skip(top) {
            if verdict.is_none() && !text.is_empty() {
                *verdict = Some(Verdict {
                    kind: Kind::Footer,
                    published: None,
                });
            }
        }
    }
}

/// Above the breadcrumb: the site's name and menus.
fn above_breadcrumb(texts: &[&str], page: &mut Page) {
    if let Some(b) = (0..texts.len().min(40)).find(|&i| {
        page.verdicts[i]
            .as_ref()
            .is_some_and(|v| v.kind == Kind::Breadcrumb)
    }) {
        for (verdict, text) in page.verdicts.iter_mut().zip(texts).take(b) {
            if verdict.is_none()
                && !text.is_empty()
                && text.chars().count() <= 40
                && !is_sentence(text)
            {
                *verdict = Some(Verdict {
                    kind: Kind::Header,
                    published: None,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(lines: &[&str]) -> Vec<Option<Kind>> {
        scan(lines)
            .verdicts
            .into_iter()
            .map(|v| v.map(|v| v.kind))
            .collect()
    }

    fn one(line: &str) -> Option<Kind> {
        kinds(&[line])[0]
    }

    #[test]
    fn seed_chrome() {
        assert_eq!(one("信息预览"), Some(Kind::Widget));
        assert_eq!(one("【打印】 【关闭】"), Some(Kind::Widget));
        assert_eq!(one("\u{00A0}"), Some(Kind::Blank));
        let page = scan(&["发表日期:2019-08-14"]);
        assert_eq!(
            page.verdicts[0],
            Some(Verdict {
                kind: Kind::Metadata,
                published: Some(Date::new(2019, 8, 14).unwrap())
            })
        );
        assert_eq!(one("来源：区委办公室"), Some(Kind::Metadata));
    }

    #[test]
    fn portal_furniture_of_several_shapes() {
        for (line, kind) in [
            ("首页 > 政务公开 > 通知公告", Kind::Breadcrumb),
            ("当前位置：首页»信息公开»规范性文件", Kind::Breadcrumb),
            ("您现在的位置: 网站首页 › 工作动态", Kind::Breadcrumb),
            (
                "发布时间：2021-03-08 10:22  来源：市政府办公厅  浏览次数：1234  【字体：大 中 小】",
                Kind::Metadata,
            ),
            ("2021-06-18 16:40 来源：本站 阅读量：532", Kind::Metadata),
            ("索引号：11440300MB2C92959L/2021-00123", Kind::Metadata),
            (
                "索引号\t000014349/2021-00056\t主题分类\t综合政务",
                Kind::Metadata,
            ),
            ("【字体：大 中 小】", Kind::Widget),
            ("字号：[ 大 中 小 ]", Kind::Widget),
            ("A+ A A-", Kind::Widget),
            ("【我要纠错】【打印本页】【关闭窗口】", Kind::Widget),
            ("[打印本页] [关闭窗口] [返回顶部]", Kind::Widget),
            ("分享到：微信 微博 QQ空间", Kind::Share),
            ("扫一扫在手机打开当前页", Kind::Share),
            ("上一篇：关于做好防汛工作的通知", Kind::Sibling),
            ("下一篇:没有了", Kind::Sibling),
            ("相关附件：", Kind::Download),
            ("附件下载：2021年实施方案.docx", Kind::Download),
            ("网站地图 | 联系我们 | 网站声明", Kind::Widget),
            (
                "主办单位：某某市人民政府办公室 承办：某某市政务服务数据管理局",
                Kind::Footer,
            ),
            (
                "网站标识码：4403000001 粤ICP备05001234号 粤公网安备 44030402001234号",
                Kind::Footer,
            ),
            ("版权所有©某某市人民政府", Kind::Footer),
            ("【我要纠错】 责任编辑：张三", Kind::Metadata),
            (
                "索引号 000014349/2021-00056 主题分类 综合政务",
                Kind::Metadata,
            ),
            ("相关稿件", Kind::Sibling),
            ("通知公告", Kind::Widget),
        ] {
            assert_eq!(one(line), Some(kind), "{line}");
        }
    }

    #[test]
    fn document_text_is_kept() {
        for l in [
            "中共大连市沙河口区委关于省委巡视整改情况的通报",
            "一、坚持政治引领",
            "中共大连市沙河口区委",
            "2019年8月14日",
            "时间紧、任务重，各单位要抓紧落实。",
            "时间：2020年1月5日上午9时",
            "日期：2020年1月5日",
            "附件：1.2021年城市更新实施方案",
            "2.重点项目统计表",
            "联系人：张三，电话：0755-12345678。",
            "请各单位于3月31日前将名单报送市政府办公厅（联系我们的邮箱见附件）。",
            "（此件公开发布）",
            "深圳市人民政府",
            "大中型企业",
            "来源于基层的经验做法要及时总结推广",
            "作者 张三",
            "",
        ] {
            assert_eq!(one(l), None, "{l}");
        }
    }

    #[test]
    fn context_rules() {
        // A metadata table copied cell by cell: label, then value.
        let page = scan(&[
            "索引号：",
            "000014349/2021-00056",
            "文号：",
            "深府〔2021〕12号",
            "名称：",
            "关于做好春耕生产工作的通知",
            "关于做好春耕生产工作的通知",
            "各区人民政府：",
        ]);
        let k: Vec<Option<Kind>> = page
            .verdicts
            .iter()
            .map(|v| v.as_ref().map(|v| v.kind))
            .collect();
        assert_eq!(
            k,
            [
                Some(Kind::Metadata),
                Some(Kind::MetadataValue),
                Some(Kind::Metadata),
                Some(Kind::MetadataValue),
                Some(Kind::Metadata),
                Some(Kind::MetadataValue),
                None,
                None
            ]
        );
        assert!(
            page.meta
                .iter()
                .any(|m| m.field == Field::Number && m.value == "深府〔2021〕12号")
        );
        // The download list takes file names, not the text after it.
        let k = kinds(&[
            "相关附件：",
            "1.实施方案.docx",
            "2.统计表.xlsx（18KB）",
            "正文继续。",
        ]);
        assert_eq!(
            k,
            [
                Some(Kind::Download),
                Some(Kind::Download),
                Some(Kind::Download),
                None
            ]
        );
        // The footer's short lines go with it; the date above it stays.
        let k = kinds(&[
            "特此通知。",
            "某某市人民政府",
            "2021年3月5日",
            "网站地图 | 联系我们",
            "地址：某某市中心路1号",
            "主办单位：某某市人民政府办公室",
        ]);
        assert_eq!(
            k,
            [
                None,
                None,
                None,
                Some(Kind::Widget),
                Some(Kind::Footer),
                Some(Kind::Footer)
            ]
        );
        // The titles under 相关稿件, up to a blank line.
        let k = kinds(&[
            "相关稿件：",
            "国务院关于某某工作的通知",
            "某某部 2021-03-22",
            "",
            "某某市人民政府",
        ]);
        assert_eq!(
            k,
            [
                Some(Kind::Sibling),
                Some(Kind::Sibling),
                Some(Kind::Sibling),
                None,
                None
            ]
        );
        // Above the breadcrumb: the site's name.
        let k = kinds(&[
            "某某市人民政府门户网站",
            "首页 > 通知公告",
            "关于测试的通知",
        ]);
        assert_eq!(k, [Some(Kind::Header), Some(Kind::Breadcrumb), None]);
    }
}

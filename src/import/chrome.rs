//! Web-page chrome: lines that belong to the page a text was copied from,
//! not to the document (`信息预览`, `发表日期:…`, `【打印】 【关闭】`, lines of
//! only no-break spaces).

use crate::date::Date;

/// Why a line is chrome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chrome {
    /// Only spaces (U+0020, U+00A0, U+3000 …): left over from layout.
    Blank,
    /// The page's publication date (`发表日期:2019-08-14`), kept as a hint
    /// for the 成文日期.
    Published(Option<Date>),
    /// A page label or control (`信息预览`, `【打印】`, `来源:…`).
    Page,
}

/// Whitespace as web pages write it, including no-break and zero-width.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{00A0}' | '\u{3000}' | '\u{200B}' | '\u{FEFF}')
}

/// Labels that are chrome on a line of their own.
const LABELS: &[&str] = &[
    "信息预览",
    "正文",
    "打印本页",
    "关闭窗口",
    "打印",
    "关闭",
    "返回顶部",
    "返回",
    "分享到",
    "扫一扫",
    "收藏",
    "字体",
    "字号",
    "大",
    "中",
    "小",
    "默认",
    "相关链接",
    "相关文章",
    "上一篇",
    "下一篇",
    "保存",
    "纠错",
    "【",
    "】",
    "[",
    "]",
    "|",
    "：",
    ":",
    "大中小",
];

/// Prefixes of metadata lines (followed by a colon).
const META: &[&str] = &[
    "发表日期",
    "发布日期",
    "发布时间",
    "更新时间",
    "来源",
    "作者",
    "浏览次数",
    "点击数",
    "阅读次数",
    "访问量",
    "字号",
    "索引号",
    "信息来源",
    "文章来源",
    "编辑",
    "责任编辑",
    "当前位置",
    "您当前的位置",
    "您的位置",
];

/// Classifies one line (`None`: document text).
pub fn classify(line: &str) -> Option<Chrome> {
    let t = line.trim_matches(is_space);
    if t.is_empty() {
        return (!line.is_empty()).then_some(Chrome::Blank);
    }
    if t.chars().count() > 60 {
        return None;
    }
    for label in META {
        if let Some(rest) = t.strip_prefix(label) {
            let rest = rest.trim_start_matches(is_space);
            if let Some(value) = rest.strip_prefix([':', '：']) {
                let published = label.contains("日期") || label.contains("时间");
                return Some(if published {
                    Chrome::Published(published_date(value))
                } else {
                    Chrome::Page
                });
            }
        }
    }
    // A line made only of page labels and brackets: `【打印】 【关闭】`.
    let mut rest = t.to_string();
    let mut labels: Vec<&str> = LABELS.to_vec();
    labels.sort_by_key(|l| std::cmp::Reverse(l.len()));
    for l in labels {
        if l.chars().count() > 1 || "【】[]|：:".contains(l) {
            rest = rest.replace(l, "");
        }
    }
    let rest: String = rest.chars().filter(|&c| !is_space(c)).collect();
    let bracketed = t.contains('【') || t.contains('[');
    if rest.is_empty() && (bracketed || LABELS.contains(&t)) {
        return Some(Chrome::Page);
    }
    None
}

/// `2019-08-14`, `2019/8/14`, `2019年8月14日`, with an optional time after.
fn published_date(value: &str) -> Option<Date> {
    let digits: Vec<u32> = value
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(3)
        .map(|s| s.parse::<u32>().ok())
        .collect::<Option<_>>()?;
    match digits[..] {
        [y, m, d] if (1000..=9999).contains(&y) && m <= 12 && d <= 31 => {
            Date::new(y as u16, m as u8, d as u8).ok()
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_chrome() {
        assert_eq!(classify("信息预览"), Some(Chrome::Page));
        assert_eq!(classify("【打印】 【关闭】"), Some(Chrome::Page));
        assert_eq!(classify("\u{00A0}"), Some(Chrome::Blank));
        assert_eq!(
            classify("发表日期:2019-08-14"),
            Some(Chrome::Published(Some(Date::new(2019, 8, 14).unwrap())))
        );
        assert_eq!(classify("来源：区委办公室"), Some(Chrome::Page));
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
            "",
        ] {
            assert_eq!(classify(l), None, "{l}");
        }
    }
}

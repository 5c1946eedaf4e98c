//! The metadata tables of government portals (索引号, 发布机构, 文号,
//! 成文日期, 发布时间 …): their labels, what each states, and where labels
//! stand in a line. [`super::chrome`] drops these lines; what they state is
//! evidence for the document ([`super::evidence`]).

use crate::date::Date;
use crate::text::punct::is_space;

/// What a metadata label states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// 文号, 发文字号: the 发文字号 (§7.2.5).
    Number,
    /// 成文日期, 发文日期: the 成文日期 (§7.3.5.4).
    Written,
    /// 发布机构, 发文机关: the 发文机关 (§7.3.5).
    Issuer,
    /// 发布日期, 发布时间: when the page went up.
    Published,
    /// 名称, 标题: the 标题 (§7.3.1).
    Title,
    /// Anything else (索引号, 主题分类, 有效性 …).
    Other,
}

/// A metadata label: (label, what it states, strong).
pub(super) type Label = (&'static str, Field, bool);

/// Metadata labels: (label, what it states, strong). A strong label is
/// chrome wherever it starts a line with a colon; a weak one (名称, 时间 …,
/// words a document may use too) only inside a metadata block or beside a
/// strong one.
pub(super) const LABELS: &[Label] = &[
    ("信息索引号", Field::Other, true),
    ("索引号", Field::Other, true),
    ("发布机构", Field::Issuer, true),
    ("发布单位", Field::Issuer, true),
    ("发文机关", Field::Issuer, true),
    ("发文单位", Field::Issuer, true),
    ("成文日期", Field::Written, true),
    ("发文日期", Field::Written, true),
    ("签发日期", Field::Written, true),
    ("发文字号", Field::Number, true),
    ("文号", Field::Number, true),
    ("发布日期", Field::Published, true),
    ("发布时间", Field::Published, true),
    ("发表日期", Field::Published, true),
    ("发表时间", Field::Published, true),
    ("公开日期", Field::Published, true),
    ("更新时间", Field::Published, true),
    ("更新日期", Field::Published, true),
    ("生成日期", Field::Published, true),
    ("有效性", Field::Other, true),
    ("废止日期", Field::Other, true),
    ("失效日期", Field::Other, true),
    ("主题分类", Field::Other, true),
    ("体裁分类", Field::Other, true),
    ("组配分类", Field::Other, true),
    ("信息分类", Field::Other, true),
    ("服务对象", Field::Other, true),
    ("公开方式", Field::Other, true),
    ("公开范围", Field::Other, true),
    ("公开形式", Field::Other, true),
    ("公开时限", Field::Other, true),
    ("公开属性", Field::Other, true),
    ("信息来源", Field::Other, true),
    ("文章来源", Field::Other, true),
    ("来源", Field::Other, true),
    ("浏览次数", Field::Other, true),
    ("浏览量", Field::Other, true),
    ("点击数", Field::Other, true),
    ("点击量", Field::Other, true),
    ("点击次数", Field::Other, true),
    ("阅读次数", Field::Other, true),
    ("阅读量", Field::Other, true),
    ("访问量", Field::Other, true),
    ("访问次数", Field::Other, true),
    ("责任编辑", Field::Other, true),
    ("信息名称", Field::Title, false),
    ("文件名称", Field::Title, false),
    ("名称", Field::Title, false),
    ("标题", Field::Title, false),
    ("主题词", Field::Other, false),
    ("关键词", Field::Other, false),
    ("关键字", Field::Other, false),
    ("作者", Field::Other, false),
    ("编辑", Field::Other, false),
    ("审核", Field::Other, false),
    ("校对", Field::Other, false),
    ("生效日期", Field::Other, false),
    ("实施日期", Field::Other, false),
    ("时效", Field::Other, false),
    ("文种", Field::Other, false),
    ("分类", Field::Other, false),
    ("所属机构", Field::Other, false),
    ("统一编号", Field::Other, false),
    ("登记号", Field::Other, false),
    ("内容概述", Field::Other, false),
    ("摘要", Field::Other, false),
    ("阅读", Field::Other, false),
    ("浏览", Field::Other, false),
    ("字号", Field::Other, false),
    ("字体", Field::Other, false),
    ("时间", Field::Published, false),
    ("日期", Field::Published, false),
];

/// A value the page's metadata states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    /// Index of the line in the input.
    pub line: usize,
    pub label: &'static str,
    pub field: Field,
    pub value: String,
}

/// One label found in a line: char start, char end (after the colon if
/// any), the label.
pub(super) struct Found {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) label: &'static Label,
    /// Followed by a space only, no colon or tab (`索引号 0000…`).
    pub(super) loose: bool,
}

/// Where `label` ends if it stands at `chars[i..]`, spaced out or not
/// (`标　　题`, `索 引 号`).
pub(super) fn label_at(chars: &[char], i: usize, label: &str) -> Option<usize> {
    let mut j = i;
    for (k, c) in label.chars().enumerate() {
        if k > 0 {
            while chars
                .get(j)
                .is_some_and(|&s| matches!(s, ' ' | '\u{3000}' | '\u{00A0}'))
            {
                j += 1;
            }
        }
        if chars.get(j) != Some(&c) {
            return None;
        }
        j += 1;
    }
    Some(j)
}

/// Metadata labels in `chars`, each at the start or after a separator,
/// followed by a colon, a tab, or the end of the line.
pub(super) fn find_labels(chars: &[char]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let at_boundary = i == 0 || is_separator(chars[i - 1]);
        let hit = at_boundary
            .then(|| {
                LABELS
                    .iter()
                    .find_map(|l| label_at(chars, i, l.0).map(|end| (l, end)))
            })
            .flatten();
        let Some((entry, mut j)) = hit else {
            i += 1;
            continue;
        };
        let label_end = j;
        while j < chars.len() && matches!(chars[j], ' ' | '\u{3000}' | '\u{00A0}') {
            j += 1;
        }
        match chars.get(j) {
            Some(':' | '：') => {
                out.push(Found {
                    start: i,
                    end: j + 1,
                    label: entry,
                    loose: false,
                });
                i = j + 1;
            }
            Some('\t') | None => {
                out.push(Found {
                    start: i,
                    end: j,
                    label: entry,
                    loose: false,
                });
                i = j.max(i + 1);
            }
            Some(_) if j > label_end => {
                out.push(Found {
                    start: i,
                    end: j,
                    label: entry,
                    loose: true,
                });
                i = j;
            }
            _ => i += 1,
        }
    }
    out
}

/// `2019-08-14`, `2019/8/14`, `2019年8月14日`, with an optional time after.
pub fn page_date(value: &str) -> Option<Date> {
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

/// Brackets and separators that hold widgets together.
pub(super) fn is_separator(c: char) -> bool {
    is_space(c) || "【】[]［］|｜丨/／:：·•>»›".contains(c)
}

//! Where a title may break, by meaning (§7.3.1 "词意完整").
//!
//! A title is 发文机关 + 关于 + 事由 + 的 + 文种, and the 事由 often names a
//! place, an organisation, a document in 《》 or an amount. Each place
//! between two characters gets a [`Boundary`]:
//!
//! * [`Boundary::Phrase`], the best places: before 关于 (after the issuer),
//!   before the 的 that starts the closing 的 + 文种 (`的通知`, `的实施意见`),
//!   before and after a 《》 or “” name that fits on a line;
//! * [`Boundary::Word`]: between two other words;
//! * [`Boundary::AfterFunctionWord`]: after a preposition or conjunction;
//! * [`Boundary::InsideUnit`]: between two words of a unit that fits on a
//!   line and should stay whole — a place or organisation name (a run of
//!   name words ending in 省/市/县/区/镇/乡/街道/村…, 局/委/厅/办/部/院/政府/
//!   委员会…: `滨江市临江区`, `滨江市人民政府`, `中共大连市沙河口区委`), a
//!   quoted or bracketed name, a number with its unit (`2024年度`, `10万元`,
//!   a date, a range `2027—2029年`, `第十四届`), a run of Latin letters and
//!   digits, the closing 的 + 文种;
//! * [`Boundary::InsideWord`]: inside a word, or before a 的 that does not
//!   start the closing 的 + 文种;
//! * [`Boundary::Never`]: where a closing mark would start a line or an
//!   opening mark end one, or a line would start with a space.

use crate::compose::linebreak::{no_line_end, no_line_start};
use crate::model::Kind;

use super::words::Word;

/// How acceptable a line break between two characters is (best first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Boundary {
    Phrase,
    Word,
    /// After a preposition or conjunction (`关于` / `…`, `和` / `…`), which
    /// belongs with what follows it.
    AfterFunctionWord,
    InsideUnit,
    InsideWord,
    Never,
}

/// Place-name endings (行政区划).
const PLACE_ENDINGS: [&str; 17] = [
    "省",
    "市",
    "县",
    "区",
    "镇",
    "乡",
    "村",
    "州",
    "盟",
    "旗",
    "街道",
    "社区",
    "自治区",
    "自治州",
    "自治县",
    "新区",
    "开发区",
];

/// Organisation-name endings (机关、单位).
const ORGAN_ENDINGS: [&str; 34] = [
    "局",
    "委",
    "厅",
    "办",
    "部",
    "院",
    "署",
    "处",
    "室",
    "所",
    "站",
    "政府",
    "委员会",
    "常委会",
    "办公厅",
    "办公室",
    "中心",
    "公司",
    "集团",
    "大学",
    "学院",
    "学校",
    "医院",
    "银行",
    "法院",
    "检察院",
    "党组",
    "党委",
    "支部",
    "协会",
    "联合会",
    "总会",
    "管委会",
    "领导小组",
];

/// Characters of a unit of measure or count that stays with the number
/// before it (`2024年`, `3月`, `10万元`, `第十四届`, `5个`, `30%`).
const UNIT_CHARS: &str =
    "年月日时分秒号届次个项条款章节名人户家元角万亿千百周岁期批倍米吨亩里度季天％%";

/// Chinese numerals (after 第: `第十四届`).
const HAN_DIGITS: &str = "〇零一二三四五六七八九十百千两";

/// Marks between the two numbers of a range (连接号 and 至).
const RANGE_MARKS: &str = "—–～~-至";

/// Paired brackets and quotes, opening and closing.
const PAIRS: [(char, char); 10] = [
    ('《', '》'),
    ('“', '”'),
    ('‘', '’'),
    ('（', '）'),
    ('〈', '〉'),
    ('「', '」'),
    ('『', '』'),
    ('【', '】'),
    ('〔', '〕'),
    ('(', ')'),
];

/// The boundaries of `chars` (split into `words`): entry `b` judges a
/// break before `chars[b]`, for `b` in `0..=len` (entries 0 and `len` are
/// unused). `fits(a, b)` says whether `chars[a..b]` fits on one line.
pub fn boundaries(
    chars: &[char],
    words: &[Word],
    fits: &dyn Fn(usize, usize) -> bool,
) -> Vec<Boundary> {
    let n = chars.len();
    let mut out = vec![Boundary::InsideWord; n + 1];
    for (k, w) in words.iter().enumerate() {
        let after_function = k > 0 && matches!(words[k - 1].tag.as_str(), "p" | "c");
        out[w.start] = if after_function {
            Boundary::AfterFunctionWord
        } else {
            Boundary::Word
        };
    }
    let mut units: Vec<(usize, usize)> = Vec::new();
    let mut phrase_at: Vec<usize> = Vec::new();

    // Names in 《》 and “” as a whole; other brackets stay whole.
    for (open, close) in bracket_spans(chars) {
        if fits(open, close + 1) {
            units.push((open, close + 1));
            if matches!(chars[open], '《' | '“') {
                phrase_at.extend([open, close + 1]);
            }
        }
    }
    units.extend(number_spans(chars));
    units.extend(name_spans(words, fits));
    // The closing 的 + 文种.
    for (de, end) in kind_tails(chars) {
        units.push((de, end));
        phrase_at.push(de);
    }
    // After the issuer: before 关于.
    phrase_at.extend(words.iter().filter(|w| w.text == "关于").map(|w| w.start));

    for &(a, b) in &units {
        for slot in &mut out[a + 1..b] {
            *slot = (*slot).max(Boundary::InsideUnit);
        }
    }
    for &b in &phrase_at {
        if out[b] == Boundary::Word {
            out[b] = Boundary::Phrase;
        }
    }
    for (b, slot) in out.iter_mut().enumerate().take(n).skip(1) {
        // 的 never starts a line, except the closing 的 + 文种.
        if chars[b] == '的' && *slot > Boundary::Phrase {
            *slot = (*slot).max(Boundary::InsideWord);
        }
        if no_line_start(chars[b]) || no_line_end(chars[b - 1]) || chars[b] == ' ' {
            *slot = Boundary::Never;
        }
    }
    out
}

/// Matched bracket pairs, as (opening index, closing index).
fn bracket_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut out = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if let Some(&(_, close)) = PAIRS.iter().find(|(o, _)| *o == c) {
            stack.push((i, close));
        } else if PAIRS.iter().any(|(_, cl)| *cl == c)
            && let Some(k) = stack.iter().rposition(|&(_, cl)| cl == c)
        {
            out.push((stack[k].0, i));
            stack.truncate(k);
        }
    }
    out
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Numbers with their units: a run of Latin letters, digits and symbols
/// (`GB/T`, `2024`, `3.5%`), with up to two unit characters after a final
/// digit; 第 + Chinese numerals + a unit character; a date or a time
/// (number-unit pieces written together); a range (two such pieces joined
/// by a 连接号 or 至).
fn number_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let n = chars.len();
    // One piece starting at `i`, if there is one: its end.
    let piece = |i: usize| -> Option<usize> {
        let c = chars[i];
        let mut j = i;
        if c.is_ascii_graphic() || is_digit(c) {
            // A space between two Latin pieces belongs to the run (`GB/T 9704`).
            let latin =
                |k: usize| chars[k].is_ascii_graphic() || is_digit(chars[k]) || chars[k] == '．';
            while j < n && (latin(j) || chars[j] == ' ' && j + 1 < n && latin(j + 1)) {
                j += 1;
            }
            if !is_digit(chars[j - 1]) {
                return (j - i > 1).then_some(j);
            }
        } else if c == '第' && i + 1 < n && HAN_DIGITS.contains(chars[i + 1]) {
            j = i + 1;
            while j < n && HAN_DIGITS.contains(chars[j]) {
                j += 1;
            }
        } else {
            return None;
        }
        let digits_end = j;
        while j < n && j < digits_end + 2 && UNIT_CHARS.contains(chars[j]) {
            j += 1;
        }
        (j - i > 1).then_some(j)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let Some(mut end) = piece(i) else {
            i += 1;
            continue;
        };
        loop {
            // A date or time continues with the next piece; a range with a
            // 连接号 and the next number.
            if end < n && is_digit(chars[end]) {
                match piece(end) {
                    Some(e) => end = e,
                    None => break,
                }
            } else if end + 1 < n && RANGE_MARKS.contains(chars[end]) && is_digit(chars[end + 1]) {
                match piece(end + 1) {
                    Some(e) => end = e,
                    None => break,
                }
            } else {
                break;
            }
        }
        out.push((i, end));
        i = end;
    }
    out
}

fn ends_with_any(text: &str, endings: &[&str]) -> bool {
    endings.iter().any(|e| text.ends_with(e))
}

/// Whether a name's last word makes it a place (`滨江市`, `临江`+`区`).
fn is_place(w: &Word) -> bool {
    w.tag == "ns" || ends_with_any(&w.text, &PLACE_ENDINGS)
}

fn is_bare_ending(text: &str) -> bool {
    PLACE_ENDINGS.contains(&text) || ORGAN_ENDINGS.contains(&text)
}

/// Whether a word ends a place or organisation name: a name ending on its
/// own (`县` after `滨江`), a word the dictionary tags as a place (`ns`) or
/// organisation (`nt`), or a noun ending in one (`区委`, `公安局`,
/// `人民政府`).
fn ends_name(w: &Word) -> bool {
    if is_bare_ending(&w.text) || matches!(w.tag.as_str(), "ns" | "nt") {
        return true;
    }
    let nounish = matches!(w.tag.as_str(), "n" | "nz" | "j" | "zg" | "x" | "ng");
    nounish && (ends_with_any(&w.text, &PLACE_ENDINGS) || ends_with_any(&w.text, &ORGAN_ENDINGS))
}

/// Whether a word can be part of a name before its ending: proper names,
/// abbreviations (`中共`), nouns (`生态环境局`), verbal nouns and adjectives
/// (`发展和改革委员会`, `自由贸易试验区`), words the dictionary does not have
/// (most place names), other names, and a single hanzi that is no function
/// word (`沙河` `口` `区委`).
fn in_name(w: &Word) -> bool {
    // A bracketed part of a name (`中国（云岭）自由贸易试验区`).
    if w.text == "（" || w.text == "）" {
        return true;
    }
    let hanzi = w
        .text
        .chars()
        .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let single = w.text.chars().count() == 1
        && !is_function_word(w)
        && !w.tag.starts_with(['v', 'd', 'r', 'f', 'm']);
    ends_name(w)
        || hanzi
            && (single
                || matches!(
                    w.tag.as_str(),
                    "ns" | "nt"
                        | "nr"
                        | "nrt"
                        | "nrfg"
                        | "nz"
                        | "j"
                        | "x"
                        | "zg"
                        | "ng"
                        | "n"
                        | "b"
                        | "vn"
                        | "a"
                        | "an"
                ))
}

/// Prepositions, conjunctions and particles (`关于`, `和`, `的`): they bind
/// to the words after them (or, for a particle, before them).
fn is_function_word(w: &Word) -> bool {
    w.tag == "p" || w.tag == "c" || w.tag.starts_with('u')
}

/// Place and organisation names, as char spans: each word that ends a name
/// with the name words before it. A bare ending (`县`, `局`) takes the word
/// before it whatever its tag, unless that is a function word. A place and
/// the name after it (`滨江市` `临江区`, `滨江市` `人民政府`) are one name when
/// the whole fits on a line, else each stays whole on its own; two
/// organisations in a row (joint issuers) are two names.
fn name_spans(words: &[Word], fits: &dyn Fn(usize, usize) -> bool) -> Vec<(usize, usize)> {
    // Each name: (first word, last word), in order, not overlapping.
    let mut names: Vec<(usize, usize)> = Vec::new();
    for (k, w) in words.iter().enumerate() {
        if !ends_name(w) {
            continue;
        }
        let floor = names.last().map_or(0, |&(_, last)| last + 1);
        let mut first = k;
        if is_bare_ending(&w.text)
            && k > floor
            && !is_function_word(&words[k - 1])
            && words[k - 1]
                .text
                .chars()
                .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        {
            first = k - 1;
        }
        while first > floor && in_name(&words[first - 1]) {
            first -= 1;
        }
        names.push((first, k));
    }
    let span = |a: usize, b: usize| (words[a].start, words[b].end);
    let mut out = Vec::new();
    let mut i = 0;
    while i < names.len() {
        // The run of adjacent names starting at i.
        let mut j = i;
        while j + 1 < names.len()
            && names[j + 1].0 == names[j].1 + 1
            && is_place(&words[names[j].1])
        {
            j += 1;
        }
        let (a, b) = span(names[i].0, names[j].1);
        if fits(a, b) {
            out.push((a, b));
        } else {
            out.extend(
                names[i..=j]
                    .iter()
                    .map(|&(x, y)| span(x, y))
                    .filter(|&(a, b)| fits(a, b)),
            );
        }
        i = j + 1;
    }
    out
}

/// The closing 的 + 文种 of the title or of a quoted name in it (`的通知`,
/// `的实施意见`, `的通知》`): from the 的 to the end, when the 文种 is at most
/// four characters after it.
fn kind_tails(chars: &[char]) -> Vec<(usize, usize)> {
    let n = chars.len();
    let mut out = Vec::new();
    for (i, _) in chars.iter().enumerate().filter(|(_, c)| **c == '的') {
        let mut end = i + 1;
        while end < n && end <= i + 5 && !no_line_start(chars[end]) && !no_line_end(chars[end]) {
            end += 1;
        }
        // The tail must end the title or the quoted name, or come before
        // a bracketed remark (`的实施意见（试行）`).
        let closes = end == n
            || PAIRS
                .iter()
                .any(|(o, cl)| *cl == chars[end] || *o == chars[end]);
        if !closes {
            continue;
        }
        let tail: String = chars[i + 1..end].iter().collect();
        let is_kind = Kind::NAMES
            .iter()
            .any(|(name, _)| !name.contains('（') && tail.ends_with(name));
        if is_kind {
            out.push((i, end));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    /// The title's pieces between boundaries at least as good as `worst`.
    fn pieces(text: &str, worst: Boundary) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let ws = words(text);
        let bs = boundaries(&chars, &ws, &|a, b| b - a <= 20);
        let mut out = Vec::new();
        let mut start = 0;
        for b in 1..chars.len() {
            if bs[b] <= worst {
                out.push(chars[start..b].iter().collect());
                start = b;
            }
        }
        out.push(chars[start..].iter().collect());
        out
    }

    #[test]
    fn place_names_stay_whole() {
        let p = pieces(
            "滨江市人民政府关于撤销滨江县设立滨江市临江区的请示",
            Boundary::AfterFunctionWord,
        );
        assert!(p.contains(&"滨江县".to_string()), "{p:?}");
        assert!(p.contains(&"滨江市临江区".to_string()), "{p:?}");
        assert_eq!(p[0], "滨江市人民政府", "{p:?}");
    }

    #[test]
    fn organisation_names_stay_whole() {
        let p = pieces(
            "中共大连市沙河口区委关于省委巡视整改情况的通报",
            Boundary::AfterFunctionWord,
        );
        assert_eq!(p[0], "中共大连市沙河口区委", "{p:?}");
        let p = pieces(
            "青山县生态环境局关于开展入河排污口排查整治的通知",
            Boundary::AfterFunctionWord,
        );
        assert_eq!(p[0], "青山县生态环境局", "{p:?}");
    }

    #[test]
    fn phrases_are_marked() {
        let p = pieces(
            "滨江市人民政府关于撤销滨江县设立滨江市临江区的请示",
            Boundary::Phrase,
        );
        assert_eq!(
            p,
            ["滨江市人民政府", "关于撤销滨江县设立滨江市临江区", "的请示"]
        );
        let p = pieces(
            "关于转发《省教育厅关于做好学生资助工作的通知》的通知",
            Boundary::Phrase,
        );
        assert_eq!(
            p,
            [
                "关于转发",
                "《省教育厅关于做好学生资助工作的通知》",
                "的通知"
            ]
        );
    }

    #[test]
    fn numbers_keep_their_units() {
        for (text, unit) in [
            ("关于下达2024年度第二批中央财政补助资金的通知", "2024年度"),
            ("关于安排2027—2029年重点项目建设计划的通知", "2027—2029年"),
            ("关于3月5日—3月31日开展安全检查的通知", "3月5日—3月31日"),
            ("关于拨付10万元救灾资金的请示", "10万元"),
            ("关于召开第十四届运动会的通知", "第十四届"),
            ("关于贯彻GB/T 9704-2012标准的通知", "GB/T 9704-2012"),
        ] {
            let chars: Vec<char> = text.chars().collect();
            let bs = boundaries(&chars, &words(text), &|a, b| b - a <= 20);
            let start = text[..text.find(unit).unwrap()].chars().count();
            let len = unit.chars().count();
            for (b, boundary) in bs.iter().enumerate().take(start + len).skip(start + 1) {
                assert!(
                    *boundary >= Boundary::InsideUnit,
                    "{text}: breaks at {b} in {unit}"
                );
            }
        }
    }

    #[test]
    fn a_name_too_long_for_a_line_may_break_inside() {
        let text = "关于转发《国务院办公厅关于进一步加强和改进新形势下全国基层政府信息公开标准化规范化工作的实施意见》的通知";
        let p = pieces(text, Boundary::AfterFunctionWord);
        assert!(p.len() > 5, "{p:?}");
        // Its own phrases still count: 关于 inside the name, 的实施意见 whole.
        let p = pieces(text, Boundary::Phrase);
        assert!(p.iter().any(|s| s.starts_with("关于进一步")), "{p:?}");
        assert!(p.iter().any(|s| s == "的实施意见》"), "{p:?}");
    }
}

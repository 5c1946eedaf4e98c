//! The front of a document: 发文字号 (§7.2.5), 标题 (§7.3.1) with its 文种
//! (条例 第八条), and 主送机关 (§7.3.2).

use crate::model::Kind;
use crate::text::punct::is_space;

use super::report::{Action, Note};
use super::{Line, clean::clean, frame};

/// The 文种 a title ends with (the longest of `Kind::NAMES` that matches),
/// and the title without it.
fn split_kind(title: &str) -> Option<(&str, Kind)> {
    let t = title.trim_end_matches(|c: char| "。.，,；;：:！!？?）)》”\"".contains(c));
    Kind::NAMES
        .iter()
        .filter(|(name, _)| t.ends_with(name))
        .max_by_key(|(name, _)| name.len())
        .map(|&(name, k)| (&t[..t.len() - name.len()], k))
}

/// The 文种 a title ends with (the longest of `Kind::NAMES` that matches).
pub fn kind_of(title: &str) -> Option<Kind> {
    split_kind(title).map(|(_, k)| k)
}

/// A 发文字号 written as GB/T 9704-2012 §7.2.5 writes it (year in 〔〕, no
/// 第, no leading zero), if `t` is one in any common form.
pub fn normalise_doc_number(t: &str) -> Option<String> {
    let chars: Vec<char> = t.chars().collect();
    if chars.len() > 40 || !t.ends_with('号') {
        return None;
    }
    let open = chars.iter().position(|c| "〔[【(（［﹝".contains(*c))?;
    let year: String = chars.get(open + 1..open + 5)?.iter().collect();
    if !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let close = *chars.get(open + 5)?;
    if !"〕]】)）］﹞".contains(close) {
        return None;
    }
    let agency: String = chars[..open].iter().collect();
    let seq: String = chars[open + 6..chars.len() - 1].iter().collect();
    let digits = seq.trim_start_matches('第');
    if agency.is_empty() || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number = digits.trim_start_matches('0');
    let number = if number.is_empty() { "0" } else { number };
    Some(format!("{agency}〔{year}〕{number}号"))
}

/// A 发文字号 on a line of its own: the number with its year brackets
/// made 〔〕, any 第 and leading zeros removed (all certain repairs).
pub fn doc_number(line: &Line, notes: &mut Vec<Note>) -> Option<String> {
    let t = line.content.as_str();
    let chars: Vec<char> = t.chars().collect();
    let fixed = normalise_doc_number(t)?;
    if fixed != t {
        notes.push(Note {
            line: line.number,
            column: line.column(0),
            end_column: line.column(chars.len()),
            action: Action::Repaired,
            rule: "doc-number",
            text: t.to_string(),
            message: "发文字号 written as GB/T 9704-2012 §7.2.5 writes it: year in 〔〕, no 第, no leading zero".into(),
            replacement: Some(fixed.clone()),
            alternatives: Vec::new(),
        });
    }
    Some(fixed)
}

/// A 主送机关 line: ends in a colon, no sentence inside it.
pub fn addressees(line: &Line, notes: &mut Vec<Note>) -> Option<Vec<String>> {
    let t = line.content.as_str();
    let body = t.strip_suffix(['：', ':'])?;
    if body.is_empty() || body.chars().count() > 120 || body.contains(['。', '；', ';', '：', ':'])
    {
        return None;
    }
    if crate::text::marker::parse(t).is_some() {
        return None;
    }
    let cleaned = clean(line, 0, body, notes);
    let groups = split_groups(&cleaned);
    (!groups.is_empty()).then_some(groups)
}

/// A 主送 line broken over two or three lines (a hard-wrapped draft): the
/// lines before the one ending in `：` end in no sentence punctuation and
/// start no heading. Returns the groups and how many lines they took.
fn wrapped_addressees(lines: &[Line], notes: &mut Vec<Note>) -> Option<(Vec<String>, usize)> {
    let mut joined = lines.first()?.clone();
    for (k, next) in lines.iter().enumerate().skip(1).take(2) {
        if joined.content.contains(['。', '；', ';', '：', ':'])
            || next.blank_before
            || crate::text::marker::parse(&next.content).is_some()
        {
            return None;
        }
        let at = joined.content.chars().count();
        joined.joins.push(super::Join {
            at,
            number: next.number,
            lead: next.lead,
        });
        joined.content.push_str(&next.content);
        if next.content.ends_with(['：', ':']) {
            return addressees(&joined, notes).map(|a| (a, k + 1));
        }
    }
    None
}

/// A 主送 list split into its groups at each `，` outside brackets: the
/// groups of organs offices separate with `，` (`各区人民政府，市政府各部门`),
/// each keeping the `、` between its members, so that printing the groups
/// joined by `，` gives the line back.
pub fn split_groups(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut cur = String::new();
    for c in line.chars() {
        match c {
            '（' | '(' | '《' | '〔' | '[' | '【' => depth += 1,
            '）' | ')' | '》' | '〕' | ']' | '】' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if c == '，' && depth == 0 {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    out.push(cur);
    out.into_iter()
        .map(|s| s.trim_matches(is_space).to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// `第23期` (a 纪要's 期号) or `第7号` (a 令's 令号), alone on a line.
fn serial_number(t: &str) -> Option<(String, char)> {
    let t: String = t.chars().filter(|c| !is_space(*c)).collect();
    let inner = t.strip_prefix('第')?;
    let last = inner.chars().last()?;
    let digits = inner.strip_suffix(['期', '号'])?;
    (!digits.is_empty()
        && digits.chars().count() <= 8
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || "〇一二三四五六七八九十百千".contains(c)))
    .then(|| (t.clone(), last))
}

/// A joint 发文机关标志 as Word lays it out: a table of one row, the
/// organs stacked in its first cell and `文件` (or nothing) in the second.
fn joint_mark(l: &Line) -> Option<(Vec<String>, Option<String>)> {
    let cells = &l.hints.cells;
    let organs = cells.first()?;
    if organs.len() < 2
        || cells.len() > 2
        || organs
            .iter()
            .any(|o| o.chars().count() > 30 || o.contains(['，', '。', '：', ':']))
    {
        return None;
    }
    let suffix = match cells.get(1).map(Vec::as_slice) {
        None | Some([]) => None,
        Some([one]) if one.chars().count() <= 4 => Some(one.trim_matches(is_space).to_string()),
        _ => return None,
    };
    Some((
        organs
            .iter()
            .map(|o| o.trim_matches(is_space).to_string())
            .collect(),
        suffix,
    ))
}

/// A name alone on a line: an organ's (the 发文机关标志 of a 信函 or of a
/// mark without `文件`).
fn organ_name(t: &str) -> bool {
    let n = t.chars().count();
    (4..=30).contains(&n)
        && t.chars()
            .all(|c| crate::text::punct::is_han(c) || "（）()".contains(c))
}

/// `000023 清应急函〔2026〕17号`: the 份号 (six digits) and the 发文字号 on
/// one line, as a 信函 prints them.
fn copy_and_number(t: &str) -> Option<(String, String)> {
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() != 6 {
        return None;
    }
    let rest = t[6..].trim_start_matches(is_space);
    normalise_doc_number(rest).map(|d| (digits, d))
}

/// What the front of a document holds, and where its title was looked for.
#[derive(Debug, Default)]
pub struct Front {
    pub doc_number: Option<String>,
    pub title: Option<String>,
    pub kind: Option<Kind>,
    pub addressees: Vec<String>,
    /// 发文机关标志 (§7.2.4), typed above the title.
    pub issuer_mark: Option<String>,
    /// 签发人 (§7.2.6).
    pub signers: Vec<String>,
    /// The title's line, or where it was looked for.
    pub title_line: usize,
    /// A joint mark's organs and suffix (§7.2.4).
    pub joint_mark: Option<(Vec<String>, Option<String>)>,
    /// 期号 of a 纪要 (`第23期`) or 令号 of a 令 (`第7号`), under the mark.
    pub serial: Option<(String, char)>,
    /// 份号 (§7.2.1).
    pub copy_number: Option<String>,
}

/// How many lines from the top a title is looked for in.
const TITLE_WINDOW: usize = 12;

/// A line that can be (part of) a title: short, no sentence, no number.
fn title_like(l: &Line) -> bool {
    let t = l.content.as_str();
    !t.ends_with(['。', '.', '：', ':', '；', ';', '，', ','])
        && !t.contains('。')
        && t.chars().count() <= 80
        && crate::text::marker::parse(t).is_none()
        && normalise_doc_number(t).is_none()
}

/// A title: ends in a 文种 after at least two characters that are not
/// themselves a 文种 (`通知公告` is a site's column, not a 公告).
fn is_title(t: &str) -> bool {
    split_kind(t)
        .is_some_and(|(before, _)| before.chars().count() >= 2 && kind_of(before).is_none())
}

/// The lines a title is made of, from `i`: one line ending in a 文种, or a
/// title broken over two lines (`关于印发《…》` / `的通知`), or centred Word
/// paragraphs that together end in one.
fn title_at(lines: &[Line], i: usize) -> Option<usize> {
    let l = &lines[i];
    if !title_like(l) {
        return None;
    }
    if is_title(&l.content) {
        return Some(1);
    }
    let centred = |l: &Line| l.hints.align == super::Align::Centre;
    let mut text = l.content.clone();
    for (k, next) in lines.iter().enumerate().skip(i + 1).take(2) {
        let both_centred = centred(l) && centred(next);
        let broken = l.content.contains("关于") && !next.content.contains("关于");
        if !title_like(next) || !(both_centred || broken) || next.blank_before && !both_centred {
            return None;
        }
        text.push_str(&next.content);
        if text.chars().count() > 80 {
            return None;
        }
        if is_title(&text) {
            return Some(k - i + 1);
        }
    }
    None
}

/// Takes the front off `lines`: the 发文字号, the 标题 (the first line near
/// the top that ends in a 文种, even below lines that look like titles),
/// and the 主送机关. Lines above the title that are none of these (a
/// site's heading, the 发文机关's name) are dropped and reported; so is the
/// title repeated under itself. Returns the rest.
pub fn take(mut lines: Vec<Line>, notes: &mut Vec<Note>) -> (Front, Vec<Line>) {
    let mut front = Front {
        title_line: lines.first().map_or(1, |l| l.number),
        ..Front::default()
    };
    // The window ends at the first sentence, heading number or 主送机关.
    let window = lines
        .iter()
        .take(TITLE_WINDOW)
        .position(|l| {
            l.content.contains('。')
                || l.content.ends_with(['：', ':'])
                || crate::text::marker::parse(&l.content).is_some()
        })
        .unwrap_or(lines.len().min(TITLE_WINDOW));
    // A mark with a 期号 or 令号 under it: the title (if any) is below.
    let serial_at = (0..window.min(lines.len().saturating_sub(1)))
        .find(|&i| serial_number(&lines[i + 1].content).is_some() && title_like(&lines[i]));
    if let Some(i) = serial_at {
        front.serial = serial_number(&lines[i + 1].content);
        front.issuer_mark = Some(lines[i].content.clone());
        notes.push(frame::read_as(&lines[i], "发文机关标志", "§7.2.4, §10"));
        notes.push(frame::read_as(&lines[i + 1], "期号 or 令号", "§10"));
    }
    let from = serial_at.map_or(0, |i| i + 2);
    let window = if serial_at.is_some() {
        (from..lines.len().min(from + TITLE_WINDOW))
            .find(|&i| {
                let l = &lines[i].content;
                l.contains('。')
                    || l.ends_with(['：', ':'])
                    || crate::text::marker::parse(l).is_some()
            })
            .unwrap_or(lines.len().min(from + TITLE_WINDOW))
    } else {
        window
    };
    let found = (from..window).find_map(|i| title_at(&lines, i).map(|n| (i, n)));
    if serial_at.is_some() && found.is_none() {
        // A 令 without a title: the 正文 follows the 令号.
        let rest = lines.split_off(from.min(lines.len()));
        front.title_line = rest.first().map_or(1, |l| l.number);
        return (front, rest);
    }
    let mut idx = 0;
    match found {
        Some((at, n)) => {
            let head = &lines[from..at];
            let number_at = head.iter().position(|l| {
                normalise_doc_number(&l.content).is_some()
                    || copy_and_number(&l.content).is_some()
                    || frame::signers(l).is_some()
            });
            // A joint mark typed as lines: two or more organ names stacked
            // above the 发文字号, `文件` after the last or on a line of its
            // own under them (a web page's text of the mark) (§7.2.4).
            let stacked = number_at.and_then(|n| {
                let alone = n >= 1 && head[n - 1].content == "文件";
                let top = n - usize::from(alone);
                let names = head[..top]
                    .iter()
                    .rposition(|l| !organ_name(&l.content))
                    .map_or(0, |p| p + 1);
                (top - names >= 2 && (alone || head[top - 1].content.ends_with("文件")))
                    .then_some(names..n)
            });
            if let Some(r) = stacked.clone() {
                let mut organs: Vec<String> = head[r].iter().map(|l| l.content.clone()).collect();
                let last = organs.pop().unwrap_or_default();
                if last != "文件" {
                    organs.push(last.trim_end_matches("文件").to_string());
                }
                notes.push(frame::read_as(
                    &head[stacked.clone().map_or(0, |r| r.start)],
                    "发文机关标志 of a joint document",
                    "§7.2.4",
                ));
                front.joint_mark = Some((organs, Some("文件".to_string())));
            }
            for (k, l) in head.iter().enumerate() {
                if stacked.as_ref().is_some_and(|r| r.contains(&k)) {
                    continue;
                }
                if front.joint_mark.is_none()
                    && front.issuer_mark.is_none()
                    && let Some(j) = joint_mark(l)
                {
                    notes.push(frame::read_as(
                        l,
                        "发文机关标志 of a joint document",
                        "§7.2.4",
                    ));
                    front.joint_mark = Some(j);
                    continue;
                }
                if front.doc_number.is_none()
                    && let Some((copy, number)) = copy_and_number(&l.content)
                {
                    notes.push(frame::read_as(l, "份号 and 发文字号", "§7.2.1, §7.2.5"));
                    front.copy_number = Some(copy);
                    front.doc_number = Some(number);
                    continue;
                }
                if front.issuer_mark.is_none()
                    && front.joint_mark.is_none()
                    && number_at.is_some_and(|n| k < n)
                    && organ_name(&l.content)
                {
                    notes.push(frame::read_as(l, "发文机关标志", "§7.2.4"));
                    front.issuer_mark = Some(l.content.clone());
                    continue;
                }
                if front.doc_number.is_none()
                    && let Some(d) = doc_number(l, notes)
                {
                    front.doc_number = Some(d);
                    continue;
                }
                if front.issuer_mark.is_none()
                    && let Some(m) = frame::issuer_mark(l)
                {
                    notes.push(Note {
                        line: l.number,
                        column: l.column(0),
                        end_column: l.column(l.content.chars().count()),
                        action: Action::Repaired,
                        rule: "head",
                        text: l.content.clone(),
                        message: format!(
                            "`{m}` above the title read as the 发文机关标志 (GB/T 9704-2012 §7.2.4)"
                        ),
                        replacement: None,
                        alternatives: Vec::new(),
                    });
                    front.issuer_mark = Some(m);
                    continue;
                }
                if front.signers.is_empty()
                    && let Some((before, names)) = frame::signers(l)
                {
                    let number = Line {
                        content: before.clone(),
                        ..l.clone()
                    };
                    match doc_number(&number, notes) {
                        Some(d) if front.doc_number.is_none() => front.doc_number = Some(d),
                        _ if before.is_empty() => {}
                        _ => notes.push(Note::dropped(
                            l.number,
                            &before,
                            "front",
                            format!("`{before}` before the 签发人 is no 发文字号; left out"),
                        )),
                    }
                    notes.push(frame::read_as(l, "签发人", "§7.2.6"));
                    front.signers = names;
                    continue;
                }
                notes.push(Note::dropped(
                    l.number,
                    &l.raw,
                    "front",
                    format!(
                        "`{}` stands above the title (a page heading or the 发文机关's name, not the 标题); left out",
                        l.content
                    ),
                ));
            }
            let parts = &lines[at..at + n];
            let mut title = String::new();
            for (k, p) in parts.iter().enumerate() {
                title.push_str(&clean(p, 0, &p.content, notes));
                // A space before a soft line break (`w:br`) is the title's:
                // Word breaks the line after it.
                if parts.get(k + 1).is_some_and(|n| n.hints.continues) {
                    let trailing: String = p
                        .raw
                        .chars()
                        .rev()
                        .take_while(|&c| c == ' ' || c == '\u{3000}')
                        .collect();
                    title.push_str(&trailing);
                }
            }
            if n > 1 {
                let last = &parts[n - 1];
                notes.push(Note {
                    line: last.number,
                    column: last.column(0),
                    end_column: last.column(last.content.chars().count()),
                    action: Action::Repaired,
                    rule: "title",
                    text: last.content.clone(),
                    message: format!("the title is broken over {n} lines; joined: `{title}`"),
                    replacement: None,
                    alternatives: Vec::new(),
                });
            }
            front.title_line = parts[0].number;
            front.kind = kind_of(&title);
            front.title = Some(title);
            idx = at + n;
        }
        None => {
            if let Some(l) = lines.first()
                && let Some(d) = doc_number(l, notes)
            {
                front.doc_number = Some(d);
                idx = 1;
            }
            if let Some(l) = lines.get(idx)
                && title_like(l)
            {
                let title = clean(l, 0, &l.content, notes);
                front.title_line = l.number;
                front.kind = kind_of(&title);
                front.title = Some(title);
                idx += 1;
            } else if let Some(l) = lines.get(idx) {
                front.title_line = l.number;
            }
        }
    }
    // The title again, right under itself (a page's heading and the
    // document's own title).
    while let (Some(t), Some(l)) = (&front.title, lines.get(idx)) {
        if l.content.replace(is_space, "") != t.replace(is_space, "") {
            break;
        }
        notes.push(Note::dropped(
            l.number,
            &l.raw,
            "front",
            "the title again, right under itself; left out".into(),
        ));
        idx += 1;
    }
    if front.doc_number.is_none()
        && let Some(d) = lines.get(idx).and_then(|l| doc_number(l, notes))
    {
        front.doc_number = Some(d);
        idx += 1;
    }
    if let Some(a) = lines.get(idx).and_then(|l| addressees(l, notes)) {
        front.addressees = a;
        idx += 1;
    } else if let Some((a, n)) = wrapped_addressees(&lines[idx.min(lines.len())..], notes) {
        // A 主送 line hard-wrapped over the next lines.
        front.addressees = a;
        idx += n;
    }
    let rest = lines.split_off(idx.min(lines.len()));
    (front, rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(s: &str) -> Line {
        Line {
            number: 1,
            content: s.to_string(),
            ..Line::default()
        }
    }

    #[test]
    fn kinds_from_titles() {
        assert_eq!(
            kind_of("中共大连市沙河口区委关于省委巡视整改情况的通报"),
            Some(Kind::Circular)
        );
        assert_eq!(kind_of("关于印发《办法》的通知"), Some(Kind::Notice));
        assert_eq!(kind_of("关于商请支持的函"), Some(Kind::Letter));
        assert_eq!(kind_of("国务院令"), Some(Kind::Order));
        assert_eq!(kind_of("关于某事的请示。"), Some(Kind::Request));
        assert_eq!(kind_of("年度工作总结"), None);
    }

    #[test]
    fn doc_numbers() {
        let mut notes = Vec::new();
        assert_eq!(
            doc_number(&line("国办发〔2012〕1号"), &mut notes).as_deref(),
            Some("国办发〔2012〕1号")
        );
        assert!(notes.is_empty());
        assert_eq!(
            doc_number(&line("大政发[2019]第03号"), &mut notes).as_deref(),
            Some("大政发〔2019〕3号")
        );
        assert_eq!(notes.len(), 1);
        assert_eq!(doc_number(&line("关于2019年工作的通知"), &mut notes), None);
    }

    #[test]
    fn the_title_is_the_line_ending_in_a_kind() {
        let mut notes = Vec::new();
        let (f, rest) = take(
            Line::numbered(&[
                "某某市人民政府",
                "某府〔2021〕3号",
                "某某市人民政府关于做好春耕工作的通知",
                "某某市人民政府关于做好春耕工作的通知",
                "各区人民政府：",
                "正文。",
            ]),
            &mut notes,
        );
        assert_eq!(
            f.title.as_deref(),
            Some("某某市人民政府关于做好春耕工作的通知")
        );
        assert_eq!(f.kind, Some(Kind::Notice));
        assert_eq!(f.doc_number.as_deref(), Some("某府〔2021〕3号"));
        assert_eq!(f.addressees, ["各区人民政府"]);
        assert_eq!(rest.len(), 1);
        let dropped: Vec<usize> = notes
            .iter()
            .filter(|n| n.action == Action::Dropped)
            .map(|n| n.line)
            .collect();
        // The organ's name above the 发文字号 is the 发文机关标志 (§7.2.4:
        // the full name, `文件` optional); the repeated title is dropped.
        assert_eq!(f.issuer_mark.as_deref(), Some("某某市人民政府"));
        assert_eq!(dropped, [4]);
    }

    #[test]
    fn a_column_name_is_no_title() {
        assert!(!is_title("通知公告"));
        assert!(!is_title("公告"));
        assert!(is_title("国务院令"));
        assert!(is_title("某某市人民政府公告"));
        assert!(is_title("关于测试的通知。"));
    }

    #[test]
    fn a_title_over_two_lines() {
        let mut notes = Vec::new();
        let (f, _) = take(
            Line::numbered(&["关于印发《某某市城市更新", "实施办法》的通知", "正文。"]),
            &mut notes,
        );
        assert_eq!(
            f.title.as_deref(),
            Some("关于印发《某某市城市更新实施办法》的通知")
        );
        assert!(notes.iter().any(|n| n.rule == "title" && n.line == 2));
    }

    /// Found by tests/import_generated.rs: a 主送 line hard-wrapped.
    #[test]
    fn a_wrapped_addressee_line() {
        let mut notes = Vec::new();
        let (f, rest) = take(
            Line::numbered(&[
                "关于做好汛期地质灾害防治的通知",
                "县直有关单位，各市（州）发展改革委、生态",
                "环境局：",
                "正文。",
            ]),
            &mut notes,
        );
        assert_eq!(
            f.addressees,
            ["县直有关单位", "各市（州）发展改革委、生态环境局"]
        );
        assert_eq!(rest.len(), 1);
    }

    #[test]
    fn addressee_lines() {
        let mut notes = Vec::new();
        assert_eq!(
            addressees(&line("各区委、区政府,各部门:"), &mut notes),
            Some(vec!["各区委、区政府".to_string(), "各部门".to_string()])
        );
        assert_eq!(
            addressees(&line("联系方式：电话84368824；邮箱："), &mut notes),
            None
        );
        assert_eq!(addressees(&line("一、总体要求："), &mut notes), None);
    }
}

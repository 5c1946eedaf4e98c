//! The import report beside the form: each note of `gen import` (a line
//! dropped, a repair, a place to review) with the field of the imported
//! document its line went to, so that the UI can take the user there in
//! one click, and its kind in Chinese.

use crate::import::report::{Action, Note};
use crate::spans::Index;

/// How many ideographs of a line identify it in the document: enough to
/// be unlikely twice, few enough to survive a line joined to the next.
const KEY_CHARS: usize = 8;

/// The field each note's input line went to, in the order of `notes`
/// (`None`: nowhere — a dropped line with no kept line after it, or a
/// line the document does not hold). `lines`: the input's lines as the
/// import read them (1-based in the notes). A dropped line points at the
/// field of the next line that was kept: where it stood.
pub fn fields(notes: &[Note], lines: &[String], yaml: &str) -> Vec<Option<String>> {
    let Ok(index) = Index::build(yaml) else {
        return vec![None; notes.len()];
    };
    let texts: Vec<(&str, String)> = index
        .nodes
        .iter()
        .filter_map(|n| Some((n.path.as_str(), ideographs(n.text()?))))
        .filter(|(p, t)| !t.is_empty() && !p.is_empty())
        .collect();
    let field_of_line = |k: usize| -> Option<String> {
        let key = ideographs(lines.get(k.checked_sub(1)?)?);
        if key.is_empty() {
            return None;
        }
        // The line's middle: its first characters may be a number the
        // import took off (一、), its last ones joined to the next line.
        let chars: Vec<char> = key.chars().collect();
        (0..chars.len().min(3))
            .find_map(|skip| {
                let rest = &chars[skip..];
                let take = rest.len().min(KEY_CHARS);
                if take < 2 {
                    return None;
                }
                let from = (rest.len() - take) / 2;
                let needle: String = rest[from..from + take].iter().collect();
                texts
                    .iter()
                    .find(|(_, t)| t.contains(&needle))
                    .map(|(p, _)| p.to_string())
            })
            // A line that holds several fields (a table's row): the longest
            // field it holds.
            .or_else(|| {
                texts
                    .iter()
                    .filter(|(_, t)| t.chars().count() >= 2 && key.contains(t.as_str()))
                    .max_by_key(|(_, t)| t.chars().count())
                    .map(|(p, _)| p.to_string())
            })
    };
    notes
        .iter()
        .map(|n| {
            if n.action == Action::Dropped {
                (n.line + 1..=lines.len()).find_map(field_of_line)
            } else {
                field_of_line(n.line)
            }
        })
        .collect()
}

/// The CJK ideographs of a text (what repairs of spacing, punctuation and
/// numbering leave as they were).
fn ideographs(s: &str) -> String {
    s.chars()
        .filter(|c| matches!(*c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF))
        .collect()
}

/// A note's kind in Chinese.
pub fn kind(rule: &str) -> &'static str {
    match rule {
        "chrome" => "网页上的其他内容",
        "metadata" => "网页的元数据",
        "head-foot" => "页眉页脚",
        "head" => "版头",
        "join" => "断行接续",
        "encoding" => "编码",
        "control" => "控制字符",
        "punctuation" => "标点",
        "digits" => "数字",
        "date" => "日期",
        "marker" | "auto-number" => "序号",
        "title" => "标题",
        "table" => "表格",
        "symbol" => "符号",
        "signers" => "签发人",
        "issuer" => "发文机关署名",
        "cc" => "抄送机关",
        "addressees" => "主送机关",
        "attachment" => "附件",
        "doc-number" => "发文字号",
        "blank" | "space" | "spaces" => "空白",
        _ => "其他",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(line: usize, action: Action) -> Note {
        Note {
            line,
            column: 1,
            end_column: 1,
            action,
            rule: "chrome",
            text: String::new(),
            message: String::new(),
            replacement: None,
            alternatives: Vec::new(),
        }
    }

    #[test]
    fn notes_find_their_fields() {
        let yaml = "title: 关于开展安全生产检查的通知\nbody:\n- heading: 总体要求\n- 各单位要高度重视，认真组织自查自纠。\n";
        let lines: Vec<String> = [
            "首页 > 通知公告",
            "关于开展安全生产检查的通知",
            "一、总体要求",
            "各单位要高度重视，认真组",
            "织自查自纠。",
        ]
        .map(String::from)
        .to_vec();
        let notes = [
            note(1, Action::Dropped),
            note(3, Action::Repaired),
            note(5, Action::Review),
        ];
        assert_eq!(
            fields(&notes, &lines, yaml),
            vec![
                Some("title".into()),
                Some("body[0].heading".into()),
                Some("body[1]".into())
            ]
        );
    }
}

//! The page's metadata as evidence: a 文号, 成文日期 or 发布机构 the page's
//! metadata table states fills the document's element when the text lacks
//! it, and is reported for review when the text says otherwise.

use crate::date::Date;

use super::Imported;
use super::date_line::{DateLine, date_line};
use super::front::normalise_doc_number;
use super::metadata::{Field, Meta, page_date};
use super::report::{Action, Note};

fn note(line: usize, action: Action, text: &str, message: String) -> Note {
    Note {
        line,
        column: 1,
        end_column: 1,
        action,
        rule: "metadata",
        text: text.to_string(),
        message,
        replacement: None,
        alternatives: Vec::new(),
    }
}

/// A date as a metadata value writes it.
fn meta_date(value: &str) -> Option<Date> {
    match date_line(value) {
        Some(DateLine::Exact(d) | DateLine::Variant(d)) => Some(d),
        _ => page_date(value),
    }
}

/// Fills `doc` from the page's metadata where the text is silent, and
/// reports disagreements. `number` gives a metadata line's input line
/// number. Returns whether a 成文日期 was stated.
pub fn reconcile(
    doc: &mut Imported,
    meta: &[Meta],
    number: impl Fn(usize) -> usize,
    notes: &mut Vec<Note>,
) -> bool {
    let mut written = false;
    for m in meta {
        let line = number(m.line);
        let label = m.label;
        match m.field {
            Field::Number => {
                let Some(value) = normalise_doc_number(&m.value) else {
                    continue;
                };
                match &doc.doc_number {
                    None => {
                        notes.push(note(
                            line,
                            Action::Repaired,
                            &m.value,
                            format!("发文字号 {value} taken from the page's metadata ({label}); the text has none"),
                        ));
                        doc.doc_number = Some(value);
                    }
                    Some(n) if *n == value => {}
                    Some(n) => notes.push(note(
                        line,
                        Action::Review,
                        &m.value,
                        format!("the page's metadata ({label}) says 发文字号 {value}, the text says {n}; the YAML has the text's"),
                    )),
                }
            }
            Field::Written => {
                let Some(value) = meta_date(&m.value) else {
                    continue;
                };
                written = true;
                match doc.date {
                    None => {
                        notes.push(note(
                            line,
                            Action::Repaired,
                            &m.value,
                            format!("成文日期 {value} taken from the page's metadata ({label}); the text has none"),
                        ));
                        doc.date = Some(value);
                    }
                    Some(d) if d == value => {}
                    Some(d) => notes.push(note(
                        line,
                        Action::Review,
                        &m.value,
                        format!("the page's metadata ({label}) says 成文日期 {value}, the text says {d}; the YAML has the text's"),
                    )),
                }
            }
            Field::Issuer => {
                let value = m.value.trim().to_string();
                if value.is_empty() {
                    continue;
                }
                if doc.issuer.is_empty() {
                    notes.push(note(
                        line,
                        Action::Review,
                        &m.value,
                        format!("the text has no 署名; the issuer is the page's {label} `{value}`: check that it is the 发文机关"),
                    ));
                    doc.issuer = vec![value];
                } else if !doc.issuer.contains(&value) {
                    notes.push(note(
                        line,
                        Action::Review,
                        &m.value,
                        format!(
                            "the page's metadata ({label}) names `{value}`, the 署名 is `{}`; the YAML has the 署名",
                            doc.issuer.join("、")
                        ),
                    ));
                }
            }
            Field::Title => {
                let value = m.value.trim();
                if doc.title.is_none() && super::front::kind_of(value).is_some() {
                    notes.push(note(
                        line,
                        Action::Review,
                        &m.value,
                        format!("the text has no title; the title is the page's {label} `{value}`: check it"),
                    ));
                    doc.kind = super::front::kind_of(value);
                    doc.title = Some(value.to_string());
                }
            }
            Field::Published | Field::Other => {}
        }
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(field: Field, label: &'static str, value: &str) -> Meta {
        Meta {
            line: 0,
            label,
            field,
            value: value.into(),
        }
    }

    #[test]
    fn fills_what_the_text_lacks_and_flags_disagreement() {
        let mut doc = Imported {
            date: Some(Date::new(2021, 3, 5).unwrap()),
            ..Imported::default()
        };
        let mut notes = Vec::new();
        let written = reconcile(
            &mut doc,
            &[
                meta(Field::Number, "文号", "深府[2021]第012号"),
                meta(Field::Written, "成文日期", "2021-03-04"),
                meta(Field::Issuer, "发布机构", "深圳市人民政府"),
            ],
            |i| i + 1,
            &mut notes,
        );
        assert!(written);
        assert_eq!(doc.doc_number.as_deref(), Some("深府〔2021〕12号"));
        assert_eq!(doc.date, Some(Date::new(2021, 3, 5).unwrap()));
        assert_eq!(doc.issuer, ["深圳市人民政府"]);
        let actions: Vec<Action> = notes.iter().map(|n| n.action).collect();
        assert_eq!(actions, [Action::Repaired, Action::Review, Action::Review]);
    }
}

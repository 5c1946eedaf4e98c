//! The editor's form loses nothing: any document, read into the form's
//! model and written back as YAML (paper order, blanks left out), loads as
//! the same document. Generated documents: optional fields of every part,
//! nested sections with run-in text, tables with blank cells, and text
//! with the characters YAML treats specially.

mod common;

use gongwen::load::{self, Source};
use gongwen::serve::form;
use proptest::prelude::*;

/// Text as people write it, with YAML's special characters among it.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("通知"),
            Just("工作"),
            Just("，"),
            Just("。"),
            Just(": "),
            Just("#"),
            Just("- "),
            Just("'"),
            Just("\""),
            Just("{"),
            Just("["),
            Just("2024"),
            Just("yes"),
            Just("~"),
            Just("null"),
            Just("（一）"),
            Just("&a"),
            Just("*"),
        ],
        1..8,
    )
    .prop_map(|parts| format!("正{}文", parts.concat()))
}

fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// A block of the 正文 at `depth`, as YAML lines indented by `indent`.
fn block(depth: u32) -> BoxedStrategy<String> {
    let paragraph = text().prop_map(|t| q(&t)).boxed();
    if depth >= 3 {
        return paragraph;
    }
    let section = (
        text(),
        proptest::option::of(text()),
        proptest::collection::vec(block(depth + 1), 0..3),
    )
        .prop_map(|(h, run_in, body)| {
            let mut s = format!("{{heading: {}", q(&h));
            if let Some(t) = run_in {
                s.push_str(&format!(", text: {}", q(&t)));
            }
            if !body.is_empty() {
                s.push_str(&format!(", body: [{}]", body.join(", ")));
            }
            s.push('}');
            s
        })
        .boxed();
    let table = (1usize..4, 1usize..4, any::<u8>())
        .prop_map(|(rows, cols, blank)| {
            let row = |r: usize| {
                let cells: Vec<String> = (0..cols)
                    .map(|c| {
                        if (r * cols + c) as u8 % 5 == blank % 5 {
                            "''".into()
                        } else {
                            q(&format!("格{r}{c}"))
                        }
                    })
                    .collect();
                format!("[{}]", cells.join(", "))
            };
            let header = format!(
                "[{}]",
                (0..cols)
                    .map(|c| q(&format!("列{c}")))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            format!(
                "{{table: {{header: [{header}], rows: [{}]}}}}",
                (0..rows).map(row).collect::<Vec<_>>().join(", ")
            )
        })
        .boxed();
    prop_oneof![3 => paragraph, 2 => section, 1 => table].boxed()
}

fn document() -> impl Strategy<Value = String> {
    (
        text(),
        proptest::collection::vec(block(0), 1..6),
        proptest::option::of(text()),
        proptest::collection::vec(text(), 0..3),
        proptest::collection::vec(text(), 0..3),
        proptest::option::of(Just("copy_number: '000012'\nurgency: 特急\n")),
        proptest::option::of(text()),
    )
        .prop_map(|(title, body, note, addressees, cc, head, organ)| {
            let mut y = String::new();
            // Fields deliberately out of paper order.
            y.push_str("date: 2024-05-06\n");
            y.push_str(&format!("body: [{}]\n", body.join(", ")));
            y.push_str(&format!("title: {}\n", q(&title)));
            y.push_str("kind: 通知\nissuer: 测试局\n");
            if let Some(h) = head {
                y.push_str(h);
            }
            if let Some(n) = note {
                y.push_str(&format!("note: {}\n", q(&n)));
            }
            let list = |v: &[String]| v.iter().map(|s| q(s)).collect::<Vec<_>>().join(", ");
            y.push_str(&format!(
                "addressees: [{}]\ncc: [{}]\n",
                list(&addressees),
                list(&cc)
            ));
            if let Some(o) = organ {
                y.push_str(&format!(
                    "printing: {{organ: {}, date: 2024-05-07}}\n",
                    q(&o)
                ));
            }
            y
        })
}

fn parse(text: &str) -> gongwen::model::Document {
    load::parse(&Source {
        path: "t.yaml".into(),
        text: text.to_string(),
    })
    .unwrap_or_else(|e| panic!("{e}\n{text}"))
}

proptest! {
    #![proptest_config(common::proptest_config(200))]

    #[test]
    fn the_form_round_trip_keeps_the_document(yaml in document()) {
        let before = parse(&yaml);
        let model = form::to_json(&yaml).expect("a map");
        let written = form::to_yaml(&model).unwrap();
        let after = parse(&written);
        prop_assert_eq!(&before, &after, "{}\n---\n{}", yaml, written);
        // Paper order: kind before title before body before issuer before date.
        let at = |k: &str| written.find(&format!("\n{k}:")).or_else(|| written.starts_with(&format!("{k}:")).then_some(0));
        prop_assert!(at("kind") < at("title") && at("title") < at("body") && at("body") < at("issuer") && at("issuer") < at("date"), "{}", written);
    }
}

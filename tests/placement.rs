//! The composition's placement intent (`Item::align`, what the DOCX
//! writes) agrees with its indents (what the PDF draws), and places the
//! closing as the standard says (§7.3.5): over generated closings with and
//! without seals, names and dates of every length.

mod common;

use std::path::Path;
use std::sync::OnceLock;

use common::standard::{BLOCK_W, CELL};
use gongwen::assets::Assets;
use gongwen::compose::{self, Align, Composition, Item, ItemKind};
use gongwen::fonts::{FontSet, Role};
use proptest::prelude::*;

/// Millimetres as points.
fn pt(mm: f64) -> f64 {
    mm * 72.0 / 25.4
}

/// How close two placements must agree, in points (a hundredth of a
/// millimetre is far below what any writer shows).
const TOL: f64 = 0.03;

fn fonts() -> &'static FontSet {
    static FONTS: OnceLock<FontSet> = OnceLock::new();
    FONTS.get_or_init(FontSet::bundled)
}

fn compose_yaml(yaml: &str) -> Composition {
    // Beside data/, so that `seals/…` resolves to the sample seals.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/placement-test.yaml");
    let (doc, source) = gongwen::load::load_bytes(&path, yaml.as_bytes().to_vec())
        .unwrap_or_else(|e| panic!("{e}\n{yaml}"));
    let assets = Assets::load(&doc, &source, None).expect("the sample seals load");
    compose::compose(&doc, &source, fonts(), &assets).unwrap_or_else(|e| panic!("{e}\n{yaml}"))
}

fn width(runs: &[gongwen::content::Run]) -> f64 {
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    compose::measure(fonts(), Role::Body, &text)
}

/// The right edge of an item's one line, points from the 版心's left edge.
fn right_edge(item: &Item) -> f64 {
    item.first_indent + width(&item.runs)
}

/// Every item's intent agrees with where its indents put it.
fn agrees(c: &Composition) -> Result<(), TestCaseError> {
    let block = pt(BLOCK_W);
    for item in &c.items {
        match &item.align {
            Align::Indents => {}
            Align::RightChars(n) => prop_assert!(
                (right_edge(item) - (block - *n as f64 * pt(CELL))).abs() < TOL,
                "{:?} is {n} characters from the right edge, but ends at {}",
                item.kind,
                right_edge(item)
            ),
            Align::RightInset(inset) => {
                prop_assert!((right_edge(item) - (block - inset)).abs() < TOL)
            }
            Align::CentreOn(x) => {
                prop_assert!((item.first_indent + width(&item.runs) / 2.0 - x).abs() < TOL)
            }
            Align::Columns(centres) => {
                prop_assert_eq!(centres.len(), item.columns.len());
                for (col, x) in item.columns.iter().zip(centres) {
                    prop_assert!((col.x + width(&col.runs) / 2.0 - x).abs() < TOL);
                }
            }
        }
    }
    Ok(())
}

fn name() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        proptest::sample::select(
            &[
                "清", "河", "市", "人", "民", "政", "府", "办", "公", "室", "局",
            ][..],
        ),
        2..24,
    )
    .prop_map(|v| v.concat())
}

fn date() -> impl Strategy<Value = String> {
    (2000u32..2100, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}"))
}

/// How the document is authenticated.
#[derive(Debug, Clone, Copy)]
enum Auth {
    None,
    Seals,
    Signature,
}

fn yaml(issuers: &[String], date: &str, auth: Auth) -> String {
    let list = issuers.join(", ");
    let mut y = format!(
        "kind: 通知\ntitle: 关于做好有关工作的通知\nbody:\n  - 现将有关事项通知如下。\n\
         issuer: [{list}]\ndate: {date}\n"
    );
    match auth {
        Auth::None => {}
        Auth::Seals => {
            let seals = vec!["seals/emergency.png"; issuers.len()].join(", ");
            y.push_str(&format!("seal: [{seals}]\n"));
        }
        Auth::Signature => {
            y = y.replace(&format!("issuer: [{list}]\n"), "");
            y.push_str(&format!(
                "format: order\nissuer_mark: 清河市人民政府令\norder_number: 第3号\nsignature_seal:\n  \
                 title: {}\n  image: seals/signature.png\n",
                issuers[0]
            ));
            y = y.replace("kind: 通知\n", "kind: 令\n");
        }
    }
    y
}

proptest! {
    #![proptest_config(common::proptest_config(48))]

    #[test]
    fn the_placement_intent_agrees_with_the_indents(
        issuers in proptest::collection::vec(name(), 1..4),
        date in date(),
        auth in prop_oneof![Just(Auth::None), Just(Auth::Seals), Just(Auth::Signature)],
    ) {
        let c = compose_yaml(&yaml(&issuers, &date, auth));
        agrees(&c)?;
        let of = |kind: ItemKind| c.items.iter().filter(move |i| i.kind == kind);
        let date_item = of(ItemKind::Date).next().expect("a 成文日期");
        match auth {
            // §7.3.5.2: the 署名 右空二字, unless a longer date (then
            // 右空二字) pushes it left.
            Auth::None => {
                let date_right = matches!(date_item.align, Align::RightChars(2));
                for s in of(ItemKind::Signature) {
                    if date_right {
                        prop_assert!(matches!(s.align, Align::RightInset(i) if i > 2.0 * pt(CELL)));
                    } else {
                        prop_assert_eq!(&s.align, &Align::RightChars(2));
                        prop_assert_eq!(&date_item.align, &Align::Indents);
                        // The date's first character two right of the
                        // 署名's (the longest name's) first.
                        let first = of(ItemKind::Signature)
                            .map(|s| s.first_indent)
                            .fold(f64::INFINITY, f64::min);
                        prop_assert!((date_item.first_indent - first - 2.0 * pt(CELL)).abs() < TOL);
                    }
                }
            }
            // §7.3.5.1: the date centred under the last seal.
            Auth::Seals => prop_assert!(matches!(date_item.align, Align::CentreOn(_))),
            // §7.3.5.3: the date 右空四字.
            Auth::Signature => prop_assert_eq!(&date_item.align, &Align::RightChars(4)),
        }
    }
}

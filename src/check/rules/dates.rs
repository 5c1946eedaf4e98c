//! Real calendar dates. The 成文日期 (GB/T 9704-2012 §7.3.5.4) and the
//! 印发日期 (§7.4.3) must exist; so must every date written in the text, and
//! digit runs that lost their 年 or 月 (`201934日`) are flagged with their
//! readings (§9: numbers as GB/T 15835 writes them).

use super::{Context, Place, texts};
use crate::check::{Finding, Severity};
use crate::date::{Date, DateError};
use crate::text::damage::{self, DamageKind};

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (path, clause, what) in [
        ("date", "GB/T 9704-2012 §7.3.5.4", "成文日期"),
        ("printing.date", "GB/T 9704-2012 §7.4.3", "印发日期"),
    ] {
        let Some(node) = cx.index.get(path) else {
            continue;
        };
        let Some(value) = node.text() else { continue };
        let message = match Date::parse(value.trim()) {
            Ok(_) => continue,
            Err(DateError::Impossible(_, why)) => {
                format!("{what} `{value}` is not a real date: {why}")
            }
            Err(DateError::Form(_)) => {
                format!("{what} `{value}` is not written YYYY-MM-DD (e.g. 2019-08-14)")
            }
        };
        out.push(Finding::new(
            "date",
            clause,
            Severity::Error,
            path,
            cx.index.start(node),
            message,
        ));
    }
    for (node, text, place) in texts(cx.index) {
        if place == Place::DocNumber {
            continue;
        }
        for d in damage::scan(text) {
            let pos = cx.index.pos_in(node, d.start);
            let f = match d.kind {
                DamageKind::Impossible => Finding::new(
                    "date",
                    "GB/T 9704-2012 §9",
                    Severity::Error,
                    &node.path,
                    pos,
                    d.message,
                ),
                DamageKind::Date | DamageKind::YearRange => {
                    let mut message = d.message;
                    if d.readings.len() > 1 {
                        message.push_str(&format!("; it could be {}", d.readings.join(" or ")));
                    }
                    let f = Finding::new(
                        "damaged-date",
                        "GB/T 9704-2012 §9",
                        Severity::Warning,
                        &node.path,
                        pos,
                        message,
                    );
                    match d.readings.first() {
                        Some(r) => f.suggest(r.clone()),
                        None => f,
                    }
                }
            };
            out.push(f);
        }
    }
}

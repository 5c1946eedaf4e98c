//! 信函格式 (GB/T 9704-2012 §10.1): what a letter carries and what it does
//! not. A 信函 needs its 发文机关标志 (the double line is placed against
//! it), the name alone (no 文件) and, when issued jointly, the lead organ's
//! only; its 版记 has no 印发机关和印发日期; the format has no place for
//! 签发人. A 信函 without 发文字号 is complete (no finding).

use super::Context;
use crate::check::{Finding, Severity};
use crate::spans::Value;

const CLAUSE: &str = "GB/T 9704-2012 §10.1";
const RULE: &str = "letter-format";

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    if cx.index.text("format").map(str::trim) != Some("letter") {
        return;
    }
    let format_pos = cx
        .index
        .get("format")
        .map(|n| cx.index.start(n))
        .unwrap_or(crate::error::Pos { line: 1, column: 1 });
    let error = |path: &str, pos, message: &str| {
        Finding::new(
            RULE,
            CLAUSE,
            Severity::Error,
            path,
            pos,
            message.to_string(),
        )
    };

    match cx.index.get("issuer_mark") {
        None => out.push(
            error(
                "format",
                format_pos,
                "a 信函 has no 发文机关标志; its red double line is placed 4 mm below the mark",
            )
            .suggest("add `issuer_mark: ` with the organ's name (without 文件)"),
        ),
        Some(node) => {
            if let Some(text) = node.text() {
                let name = text.trim();
                if let Some(bare) = name.strip_suffix("文件").filter(|b| !b.is_empty()) {
                    out.push(
                        error(
                            "issuer_mark",
                            cx.index.start(node),
                            &format!(
                                "a 信函's 发文机关标志 is the organ's name without 文件: `{name}`"
                            ),
                        )
                        .suggest(bare.to_string()),
                    );
                }
            } else if cx.index.get("issuer_mark.organs[1]").is_some() {
                let lead = cx.index.text("issuer_mark.organs[0]").unwrap_or_default();
                out.push(
                    error(
                        "issuer_mark",
                        cx.index.start(node),
                        "a 信函 issued jointly carries the lead organ's 发文机关标志 only",
                    )
                    .suggest(format!("issuer_mark: {lead}")),
                );
            }
        }
    }

    if let Some(node) = cx.index.get("printing") {
        out.push(
            error(
                "printing",
                cx.index.start(node),
                "a 信函's 版记 carries no 印发机关和印发日期 (gen pdf and gen docx refuse it)",
            )
            .suggest("remove `printing`"),
        );
    }

    let signers = cx.index.nodes.iter().find(|n| {
        (n.path == "signers" && n.text().is_some_and(|t| !t.trim().is_empty()))
            || (n.path.starts_with("signers[")
                && matches!(&n.value, Value::Scalar(t) if !t.trim().is_empty()))
    });
    if let Some(node) = signers {
        out.push(
            error(
                "signers",
                cx.index.start(node),
                "the 信函格式 has no place for 签发人: only 份号, 密级, 紧急程度 and the \
                 发文字号 stand under its double line",
            )
            .suggest("remove `signers`, or use the general format for a 上行文 (§7.2.6)"),
        );
    }
}

//! Each special format's own rules (GB/T 9704-2012 §10): a 命令（令） is
//! headed by the organ's name and 命令 or 令, numbered by its 令号 (not a
//! 发文字号) and signed with the 签发人's 签名章 (§10.2, §7.3.5.3); a 纪要 is
//! headed by `×××纪要` and carries no seal and no 签发人 (§10.3).

use super::Context;
use crate::check::{Finding, Severity};
use crate::model::Kind;
use crate::spans::Node;

const ORDER: &str = "GB/T 9704-2012 §10.2";
const MINUTES: &str = "GB/T 9704-2012 §10.3";

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(format) = cx.index.get("format") else {
        return;
    };
    match format.text().map(str::trim) {
        Some("order") => order(cx, format, out),
        Some("minutes") => minutes(cx, format, out),
        _ => {}
    }
}

/// A finding of this rule at `node`.
fn finding(
    cx: &Context,
    clause: &'static str,
    severity: Severity,
    path: &str,
    node: &Node,
    message: String,
) -> Finding {
    // `order-format` and `minutes-format`, beside the 信函's
    // `letter-format`.
    let rule = if clause == ORDER {
        "order-format"
    } else {
        "minutes-format"
    };
    Finding::new(rule, clause, severity, path, cx.index.start(node), message)
}

/// Whether `path` holds a value other than an empty one.
fn present<'a>(cx: &'a Context, path: &str) -> Option<&'a Node> {
    cx.index
        .get(path)
        .filter(|n| n.text().is_none_or(|t| !t.trim().is_empty()))
}

/// The mark's text (one line, or a joint mark's suffix), and its node.
fn mark<'a>(cx: &'a Context) -> Option<(&'a str, &'a Node)> {
    ["issuer_mark", "issuer_mark.suffix"]
        .into_iter()
        .find_map(|p| cx.index.get(p).and_then(|n| Some((n.text()?.trim(), n))))
}

/// The 文种 written in `kind`, if it is one.
fn kind<'a>(cx: &'a Context) -> Option<(Kind, &'a Node)> {
    let node = cx.index.get("kind")?;
    Some((Kind::from_name(node.text()?.trim())?, node))
}

/// Whether a 令号 is written `第N号` (Arabic digits, no padding).
fn is_order_number(s: &str) -> bool {
    let Some(digits) = s.strip_prefix('第').and_then(|r| r.strip_suffix('号')) else {
        return false;
    };
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0')
}

fn order(cx: &Context, format: &Node, out: &mut Vec<Finding>) {
    // Signed with the 签发人's title and 签名章 (§10.2 → §7.3.5.3).
    let title = present(cx, "signature_seal.title");
    let image = present(cx, "signature_seal.image");
    if title.is_none() || image.is_none() {
        let at = cx.index.get("signature_seal").unwrap_or(format);
        let missing = match (title, image) {
            (None, None) => "the 签发人's title and 签名章",
            (None, Some(_)) => "the 签发人's title",
            _ => "the 签名章's image",
        };
        out.push(
            finding(
                cx,
                ORDER,
                Severity::Error,
                "signature_seal",
                at,
                format!(
                    "a 命令（令） is signed with {missing} missing here: its 签发人's title, 签名章 and \
                     成文日期 are set as §7.3.5.3 places them"
                ),
            )
            .suggest("signature_seal: {title: 市长, image: seals/signature.png}"),
        );
    }
    if let Some(seal) = present(cx, "seal").filter(|n| {
        n.text()
            .is_none_or(|t| !matches!(t.trim(), "none" | "signature"))
    }) {
        out.push(finding(
            cx,
            ORDER,
            Severity::Error,
            "seal",
            seal,
            "a 命令（令） is signed with the 签发人's 签名章 (`signature_seal`), not with 印章"
                .into(),
        ));
    }
    match present(cx, "order_number") {
        None => out.push(
            finding(
                cx,
                ORDER,
                Severity::Error,
                "format",
                format,
                "a 命令（令） carries its 令号, centred two lines below the mark".into(),
            )
            .suggest("order_number: 第1号"),
        ),
        Some(n) => {
            let value = n.text().unwrap_or_default().trim();
            if !is_order_number(value) {
                out.push(finding(
                    cx,
                    ORDER,
                    Severity::Warning,
                    "order_number",
                    n,
                    format!(
                        "令号 `{value}` is not written `第N号` with Arabic digits (e.g. 第3号)"
                    ),
                ));
            }
        }
    }
    if let Some(n) = present(cx, "doc_number") {
        let value = n.text().unwrap_or_default().trim();
        let mut f = finding(
            cx,
            ORDER,
            Severity::Error,
            "doc_number",
            n,
            "a 命令（令） is numbered by its 令号 (`order_number`), not by a 发文字号".into(),
        );
        if is_order_number(value) {
            f = f.suggest(format!("order_number: {value}"));
        }
        out.push(f);
    }
    if let Some(n) = present(cx, "signers") {
        out.push(finding(
            cx,
            ORDER,
            Severity::Error,
            "signers",
            n,
            "a 命令（令） has no 签发人 line in its 版头: its 签发人 signs with the 签名章 \
             (`signature_seal`)"
                .into(),
        ));
    }
    match mark(cx) {
        None => out.push(
            finding(
                cx,
                ORDER,
                Severity::Error,
                "format",
                format,
                "a 命令（令） is headed by its mark, the organ's full name and 命令 or 令".into(),
            )
            .suggest("issuer_mark: 清河市人民政府令"),
        ),
        Some((text, node)) if !(text.ends_with('令')) => out.push(finding(
            cx,
            ORDER,
            Severity::Error,
            "issuer_mark",
            node,
            format!("the mark `{text}` does not end in 命令 or 令 (the organ's full name and 命令 or 令)"),
        )),
        Some(_) => {}
    }
    if let Some((k, node)) = kind(cx).filter(|(k, _)| *k != Kind::Order) {
        out.push(finding(
            cx,
            ORDER,
            Severity::Warning,
            "kind",
            node,
            format!(
                "the 命令（令） format is for a 命令（令）, and this is a {}",
                k.name()
            ),
        ));
    }
}

fn minutes(cx: &Context, format: &Node, out: &mut Vec<Finding>) {
    if let Some(seal) = present(cx, "seal").filter(|n| n.text().is_none_or(|t| t.trim() != "none"))
    {
        out.push(
            finding(
                cx,
                MINUTES,
                Severity::Error,
                "seal",
                seal,
                "a 纪要 carries no seal (纪要不加盖印章)".into(),
            )
            .suggest("remove `seal`"),
        );
    }
    if let Some(n) = present(cx, "signature_seal") {
        out.push(
            finding(
                cx,
                MINUTES,
                Severity::Error,
                "signature_seal",
                n,
                "a 纪要 carries no seal and no 签名章".into(),
            )
            .suggest("remove `signature_seal`"),
        );
    }
    if let Some(n) = present(cx, "signers") {
        out.push(
            finding(
                cx,
                MINUTES,
                Severity::Error,
                "signers",
                n,
                "a 纪要 has no 签发人".into(),
            )
            .suggest("remove `signers`"),
        );
    }
    if let Some(n) = present(cx, "doc_number") {
        let value = n.text().unwrap_or_default().trim();
        out.push(
            finding(
                cx,
                MINUTES,
                Severity::Error,
                "doc_number",
                n,
                "a 纪要 is numbered by its 期号 under the mark (`issue_number`), not by a 发文字号"
                    .into(),
            )
            .suggest(format!("issue_number: {value}")),
        );
    }
    match mark(cx) {
        None => out.push(
            finding(
                cx,
                MINUTES,
                Severity::Error,
                "format",
                format,
                "a 纪要 is headed by its mark, `×××纪要`".into(),
            )
            .suggest("issuer_mark: 清河市人民政府专题会议纪要"),
        ),
        Some((text, node)) if !text.ends_with("纪要") => out.push(finding(
            cx,
            MINUTES,
            Severity::Warning,
            "issuer_mark",
            node,
            format!("the mark `{text}` does not end in 纪要 (`×××纪要`)"),
        )),
        Some(_) => {}
    }
    if let Some((k, node)) = kind(cx).filter(|(k, _)| *k != Kind::Minutes) {
        out.push(finding(
            cx,
            MINUTES,
            Severity::Warning,
            "kind",
            node,
            format!("the 纪要 format is for a 纪要, and this is a {}", k.name()),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_numbers() {
        for ok in ["第3号", "第713号"] {
            assert!(is_order_number(ok), "{ok}");
        }
        for bad in ["3号", "第03号", "第三号", "第号", "〔2024〕3号", "第3期"] {
            assert!(!is_order_number(bad), "{bad}");
        }
    }
}

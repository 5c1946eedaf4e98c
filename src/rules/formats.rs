//! The rules each format (§7, §10) sets on which fields a document has: a
//! 命令 is headed by the organ's name and 命令 or 令, numbered by its 令号
//! (not a 发文字号) and may lack a title (§10.2); a 纪要 is headed by
//! `×××纪要`, has no seal and no 签发人 (§10.3); a 信函 is placed against
//! its 发文机关标志, the lead organ's name alone, and has no 印发 row and
//! no 签发人 (§10.1); the 令号, 期号 and attendance lists belong to their
//! format only.

use super::{Severity, Violation};
use crate::model::{Document, Format, IssuerMark, Kind, Seal};

const ORDER: &str = "GB/T 9704-2012 §10.2";
const MINUTES: &str = "GB/T 9704-2012 §10.3";
const LETTER: &str = "GB/T 9704-2012 §10.1";

/// Every format rule `doc` breaks: first those that stop every writer, in
/// the order they are checked on loading, then the 信函's, then what only
/// `gen check` reports.
pub fn violations(doc: &Document) -> Vec<Violation> {
    let mut out = Vec::new();
    fields(doc, &mut out);
    if doc.format == Format::Letter {
        letter(doc, &mut out);
    }
    lints(doc, &mut out);
    out
}

/// Whether a 令号 is written `第N号` (Arabic digits, no padding).
fn is_order_number(s: &str) -> bool {
    let Some(digits) = s.strip_prefix('第').and_then(|r| r.strip_suffix('号')) else {
        return false;
    };
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0')
}

/// Which fields each format has and lacks; no writer takes a document
/// that breaks one.
fn fields(doc: &Document, out: &mut Vec<Violation>) {
    let refuse = |rule, clause, field: &'static str, message: String| {
        Violation::new(rule, clause, Severity::Refused, field, message)
    };
    let order = doc.format == Format::Order;
    let minutes = doc.format == Format::Minutes;
    if doc.title.is_none() && !order {
        out.push(refuse(
            "format",
            ORDER,
            "title",
            "missing field `title`; only a 命令（令） (`format: order`) may go without one \
             (GB/T 9704-2012 §10.2)"
                .into(),
        ));
    }
    if order {
        if doc.issuer_mark.is_none() {
            out.push(
                refuse(
                    "order-format",
                    ORDER,
                    "format",
                    "a 命令（令） is headed by its mark, the organ's full name and 命令 or 令 \
                     (GB/T 9704-2012 §10.2): add e.g. `issuer_mark: 清河市人民政府令`"
                        .into(),
                )
                .suggest("issuer_mark: 清河市人民政府令"),
            );
        }
        if doc.order_number.is_none() {
            out.push(
                refuse(
                    "order-format",
                    ORDER,
                    "format",
                    "a 命令（令） carries its 令号 under the mark (GB/T 9704-2012 §10.2): add \
                     e.g. `order_number: 第3号`"
                        .into(),
                )
                .suggest("order_number: 第1号"),
            );
        }
        if let Some(number) = &doc.doc_number {
            let mut v = refuse(
                "order-format",
                ORDER,
                "doc_number",
                "a 命令（令） is numbered by its 令号, not a 发文字号 (GB/T 9704-2012 §10.2): \
                 write it as `order_number: 第3号`"
                    .into(),
            );
            if is_order_number(number.trim()) {
                v = v.suggest(format!("order_number: {}", number.trim()));
            }
            out.push(v);
        }
        if !doc.signers.is_empty() {
            out.push(refuse(
                "order-format",
                ORDER,
                "signers",
                "a 命令（令） has no 签发人 line in its 版头: the 签发人 signs it with the 签名章 \
                 (`signature_seal: {title: …, image: …}`, GB/T 9704-2012 §10.2, §7.3.5.3); \
                 remove `signers`"
                    .into(),
            ));
        }
    } else if doc.order_number.is_some() {
        out.push(refuse(
            "order-format",
            ORDER,
            "order_number",
            "a 令号 belongs to the 命令（令） format (GB/T 9704-2012 §10.2): add \
             `format: order`, or write a 发文字号 as `doc_number`"
                .into(),
        ));
    }
    if minutes {
        let no_seal = "a 纪要 carries no seal and no 签名章 (GB/T 9704-2012 §10.3; the \
                       应用指南: 纪要不加盖印章)";
        if doc.issuer_mark.is_none() {
            out.push(
                refuse(
                    "minutes-format",
                    MINUTES,
                    "format",
                    "a 纪要 is headed by its mark, `×××纪要` (GB/T 9704-2012 §10.3): add e.g. \
                     `issuer_mark: 清河市人民政府专题会议纪要`"
                        .into(),
                )
                .suggest("issuer_mark: 清河市人民政府专题会议纪要"),
            );
        }
        if doc.seal != Seal::None {
            out.push(
                refuse(
                    "minutes-format",
                    MINUTES,
                    "seal",
                    format!("{no_seal}: remove `seal`"),
                )
                .suggest("remove `seal`"),
            );
        }
        if doc.signature_seal.is_some() {
            out.push(
                refuse(
                    "minutes-format",
                    MINUTES,
                    "signature_seal",
                    format!("{no_seal}: remove `signature_seal`"),
                )
                .suggest("remove `signature_seal`"),
            );
        }
        if !doc.signers.is_empty() {
            out.push(
                refuse(
                    "minutes-format",
                    MINUTES,
                    "signers",
                    "a 纪要 has no 签发人 line in its 版头 (GB/T 9704-2012 §10.3): remove \
                     `signers`"
                        .into(),
                )
                .suggest("remove `signers`"),
            );
        }
        if let Some(number) = &doc.doc_number {
            out.push(
                refuse(
                    "minutes-format",
                    MINUTES,
                    "doc_number",
                    "a 纪要 is numbered by its 期号 under the mark, not a 发文字号 \
                     (GB/T 9704-2012 §10.3): write it as `issue_number: 第23期`"
                        .into(),
                )
                .suggest(format!("issue_number: {}", number.trim())),
            );
        }
        if doc
            .attendance
            .as_ref()
            .is_some_and(|a| a.lists().is_empty())
        {
            out.push(refuse(
                "minutes-format",
                MINUTES,
                "attendance",
                "the attendance lists name no one: give `present`, `on_leave` or \
                 `attending`, or remove `attendance`"
                    .into(),
            ));
        }
    } else {
        if doc.issue_number.is_some() {
            out.push(refuse(
                "minutes-format",
                MINUTES,
                "issue_number",
                "a 期号 belongs to the 纪要 format (`format: minutes`, GB/T 9704-2012 §10.3)"
                    .into(),
            ));
        }
        if doc.attendance.is_some() {
            out.push(refuse(
                "minutes-format",
                MINUTES,
                "attendance",
                "the attendance lists (出席, 请假, 列席) belong to the 纪要 format \
                 (`format: minutes`, GB/T 9704-2012 §10.3)"
                    .into(),
            ));
        }
    }
}

/// What a 信函 has no place for (§10.1): the pages cannot be set without
/// its 发文机关标志, nor with what the format leaves out.
fn letter(doc: &Document, out: &mut Vec<Violation>) {
    let refuse = |field: &'static str, message: &str| {
        Violation::new(
            "letter-format",
            LETTER,
            Severity::Unprintable,
            field,
            message,
        )
        .or_at("format")
    };
    match &doc.issuer_mark {
        None => out.push(
            refuse(
                "issuer_mark",
                "a 信函 (format: letter) is placed against its 发文机关标志, which it lacks: \
                 add `issuer_mark: ` with the organ's name, without 文件 (GB/T 9704-2012 §10.1)",
            )
            .suggest("add `issuer_mark: ` with the organ's name (without 文件)"),
        ),
        Some(IssuerMark::Joint(j)) if j.organs.len() > 1 => out.push(
            refuse(
                "issuer_mark",
                "a 信函 jointly issued carries the lead organ's 发文机关标志 only: write \
                 `issuer_mark: ` with that organ's name (GB/T 9704-2012 §10.1)",
            )
            .suggest(format!("issuer_mark: {}", j.organs[0])),
        ),
        Some(_) => {}
    }
    if doc.printing.is_some() {
        out.push(
            refuse(
                "printing",
                "a 信函's 版记 carries no 印发机关和印发日期 (GB/T 9704-2012 §10.1): remove \
                 `printing`, or typeset the document in the general format",
            )
            .suggest("remove `printing`"),
        );
    }
    if !doc.signers.is_empty() {
        out.push(
            refuse(
                "signers",
                "the 信函格式 has no place for 签发人 (GB/T 9704-2012 §10.1 places only 份号, \
                 密级, 紧急程度 and 发文字号 under the double line): remove `signers`, or \
                 typeset a 上行文 in the general format (§7.2.6)",
            )
            .suggest("remove `signers`, or use the general format for a 上行文 (§7.2.6)"),
        );
    }
}

/// The mark's last words as written, and their field: a one-line mark, or
/// a joint mark's suffix (its names when it has none).
fn mark_end(mark: &IssuerMark) -> (String, &'static str) {
    match mark {
        IssuerMark::Single(t) => (t.trim().to_string(), "issuer_mark"),
        IssuerMark::Joint(j) => match &j.suffix {
            Some(s) => (s.as_str().to_string(), "issuer_mark.suffix"),
            None => (mark.text(), "issuer_mark"),
        },
    }
}

/// What breaks a format's practice without stopping the writers: a mark
/// or 令号 not written as the format writes it, a 文种 another format is
/// for.
fn lints(doc: &Document, out: &mut Vec<Violation>) {
    match doc.format {
        Format::Order => {
            if let Some(n) = &doc.order_number
                && !is_order_number(n.as_str())
            {
                out.push(Violation::new(
                    "order-format",
                    ORDER,
                    Severity::Warning,
                    "order_number",
                    format!(
                        "令号 `{}` is not written `第N号` with Arabic digits (e.g. 第3号)",
                        n.as_str()
                    ),
                ));
            }
            if let Some((text, field)) = doc.issuer_mark.as_ref().map(mark_end)
                && !text.ends_with('令')
            {
                out.push(Violation::new(
                    "order-format",
                    ORDER,
                    Severity::Error,
                    field,
                    format!(
                        "the mark `{text}` does not end in 命令 or 令 (the organ's full name \
                         and 命令 or 令)"
                    ),
                ));
            }
            if doc.kind != Kind::Order {
                out.push(Violation::new(
                    "order-format",
                    ORDER,
                    Severity::Warning,
                    "kind",
                    format!(
                        "the 命令（令） format is for a 命令（令）, and this is a {}",
                        doc.kind.name()
                    ),
                ));
            }
        }
        Format::Minutes => {
            if let Some((text, field)) = doc.issuer_mark.as_ref().map(mark_end)
                && !text.ends_with("纪要")
            {
                out.push(Violation::new(
                    "minutes-format",
                    MINUTES,
                    Severity::Warning,
                    field,
                    format!("the mark `{text}` does not end in 纪要 (`×××纪要`)"),
                ));
            }
            if doc.kind != Kind::Minutes {
                out.push(Violation::new(
                    "minutes-format",
                    MINUTES,
                    Severity::Warning,
                    "kind",
                    format!(
                        "the 纪要 format is for a 纪要, and this is a {}",
                        doc.kind.name()
                    ),
                ));
            }
        }
        Format::Letter => {
            if let Some(IssuerMark::Single(text)) = &doc.issuer_mark {
                let name = text.trim();
                if let Some(bare) = name.strip_suffix("文件").filter(|b| !b.is_empty()) {
                    out.push(
                        Violation::new(
                            "letter-format",
                            LETTER,
                            Severity::Error,
                            "issuer_mark",
                            format!(
                                "a 信函's 发文机关标志 is the organ's name without 文件: `{name}`"
                            ),
                        )
                        .suggest(bare),
                    );
                }
            }
        }
        Format::General => {}
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

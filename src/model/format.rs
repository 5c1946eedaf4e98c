//! The rules each format (§7, §10) sets on which fields a document has.

use super::{Document, Format, Seal};

/// A field that the document's format (§10) does not allow, or one it
/// lacks: the field the message is about, and the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    /// Where the message points, e.g. `seal` (`format` for a missing
    /// field the format needs).
    pub field: &'static str,
    pub message: String,
}

impl Document {
    /// The rules each format (§7, §10) sets on which fields a document has:
    /// a 命令 has a 令号 and may lack a title (§10.2); a 纪要 has no seal and
    /// no 签发人 (§10.3); the 令号, 期号 and attendance lists belong to their
    /// format only.
    pub fn check_format(&self) -> Result<(), FormatError> {
        let fail = |field: &'static str, message: String| Err(FormatError { field, message });
        let order = self.format == Format::Order;
        let minutes = self.format == Format::Minutes;
        if self.title.is_none() && !order {
            return fail(
                "title",
                "missing field `title`; only a 命令（令） (`format: order`) may go without \
                 one (GB/T 9704-2012 §10.2)"
                    .into(),
            );
        }
        if order {
            if self.issuer_mark.is_none() {
                return fail(
                    "format",
                    "a 命令（令） is headed by its mark, the organ's full name and 命令 or 令 \
                     (GB/T 9704-2012 §10.2): add e.g. `issuer_mark: 清河市人民政府令`"
                        .into(),
                );
            }
            if self.order_number.is_none() {
                return fail(
                    "format",
                    "a 命令（令） carries its 令号 under the mark (GB/T 9704-2012 §10.2): add \
                     e.g. `order_number: 第3号`"
                        .into(),
                );
            }
            if self.doc_number.is_some() {
                return fail(
                    "doc_number",
                    "a 命令（令） is numbered by its 令号, not a 发文字号 (GB/T 9704-2012 \
                     §10.2): write it as `order_number: 第3号`"
                        .into(),
                );
            }
            if !self.signers.is_empty() {
                return fail(
                    "signers",
                    "a 命令（令） has no 签发人 line in its 版头: the 签发人 signs it with the \
                     签名章 (`signature_seal: {title: …, image: …}`, GB/T 9704-2012 §10.2, \
                     §7.3.5.3); remove `signers`"
                        .into(),
                );
            }
        } else if self.order_number.is_some() {
            return fail(
                "order_number",
                "a 令号 belongs to the 命令（令） format (GB/T 9704-2012 §10.2): add \
                 `format: order`, or write a 发文字号 as `doc_number`"
                    .into(),
            );
        }
        if minutes {
            let no_seal = "a 纪要 carries no seal and no 签名章 (GB/T 9704-2012 §10.3; the \
                           应用指南: 纪要不加盖印章)";
            if self.issuer_mark.is_none() {
                return fail(
                    "format",
                    "a 纪要 is headed by its mark, `×××纪要` (GB/T 9704-2012 §10.3): add e.g. \
                     `issuer_mark: 清河市人民政府专题会议纪要`"
                        .into(),
                );
            }
            if self.seal != Seal::None {
                return fail("seal", format!("{no_seal}: remove `seal`"));
            }
            if self.signature_seal.is_some() {
                return fail(
                    "signature_seal",
                    format!("{no_seal}: remove `signature_seal`"),
                );
            }
            if !self.signers.is_empty() {
                return fail(
                    "signers",
                    "a 纪要 has no 签发人 line in its 版头 (GB/T 9704-2012 §10.3): remove \
                     `signers`"
                        .into(),
                );
            }
            if self.doc_number.is_some() {
                return fail(
                    "doc_number",
                    "a 纪要 is numbered by its 期号 under the mark, not a 发文字号 \
                     (GB/T 9704-2012 §10.3): write it as `issue_number: 第23期`"
                        .into(),
                );
            }
            if self
                .attendance
                .as_ref()
                .is_some_and(|a| a.lists().is_empty())
            {
                return fail(
                    "attendance",
                    "the attendance lists name no one: give `present`, `on_leave` or \
                     `attending`, or remove `attendance`"
                        .into(),
                );
            }
        } else {
            if self.issue_number.is_some() {
                return fail(
                    "issue_number",
                    "a 期号 belongs to the 纪要 format (`format: minutes`, GB/T 9704-2012 \
                     §10.3)"
                        .into(),
                );
            }
            if self.attendance.is_some() {
                return fail(
                    "attendance",
                    "the attendance lists (出席, 请假, 列席) belong to the 纪要 format \
                     (`format: minutes`, GB/T 9704-2012 §10.3)"
                        .into(),
                );
            }
        }
        Ok(())
    }
}

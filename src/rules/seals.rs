//! How a document is authenticated (§7.3.5): 印章 (§7.3.5.1), one per
//! 署名, standing on it; no seal (§7.3.5.2); or the 签发人签名章
//! (§7.3.5.3), which a 命令 must carry (§10.2). The seal fields must fit
//! together and with the 署名 before the pages can place them; the images
//! themselves are read and checked by [`crate::assets`].

use super::{Severity, Violation};
use crate::model::{Document, Format, Seal, SealImage, SignatureSeal};

const SEAL: &str = "GB/T 9704-2012 §7.3.5.1";
const SIGNATURE: &str = "GB/T 9704-2012 §7.3.5.3";

/// How the document is authenticated, as its fields say.
#[derive(Debug, Clone, Copy)]
pub enum Authentication<'a> {
    /// 不加盖印章 (§7.3.5.2).
    None,
    /// 加盖印章 (§7.3.5.1): one image per issuer, in issuer order.
    Seals(&'a [SealImage]),
    /// 加盖签发人签名章 (§7.3.5.3).
    Signature(&'a SignatureSeal),
}

/// How `doc` is authenticated, or why its seal fields cannot be placed.
pub fn authentication(doc: &Document) -> Result<Authentication<'_>, Box<Violation>> {
    let refuse = |clause, field: &'static str, message: String| {
        Err(Box::new(Violation::new(
            "seal",
            clause,
            Severity::Unprintable,
            field,
            message,
        )))
    };
    match (&doc.seal, &doc.signature_seal) {
        (Seal::None, None) => Ok(Authentication::None),
        (Seal::Unspecified, _) => refuse(
            SEAL,
            "seal",
            "`seal: seal` names no image; write the 印章's image path, e.g. \
             `seal: seals/office.png` (GB/T 9704-2012 §7.3.5.1)"
                .into(),
        ),
        (Seal::Signature, None) => refuse(
            SIGNATURE,
            "signature_seal",
            "`seal: signature` needs `signature_seal: {title: …, image: …}`, the signer's \
             title and the 签名章's image (GB/T 9704-2012 §7.3.5.3)"
                .into(),
        )
        .map_err(|v| Box::new((*v).or_at("seal"))),
        (Seal::Images(_), Some(_)) => refuse(
            SIGNATURE,
            "signature_seal",
            "a document carries either 印章 (`seal`, §7.3.5.1) or a 签发人签名章 \
             (`signature_seal`, §7.3.5.3), not both"
                .into(),
        ),
        (Seal::None | Seal::Signature, Some(s)) => Ok(Authentication::Signature(s)),
        (Seal::Images(seals), None) => {
            if doc.issuer.is_empty() {
                return refuse(
                    SEAL,
                    "seal",
                    "a seal stands on the 发文机关署名, and there is none: add `issuer` \
                     (no blank seal, GB/T 9704-2012 §7.3.5.1)"
                        .into(),
                );
            }
            if seals.len() != doc.issuer.len() {
                return refuse(
                    SEAL,
                    "seal",
                    format!(
                        "{} seal image(s) for {} issuer(s); a sealed document has one seal \
                         per issuer, in the order of `issuer` (GB/T 9704-2012 §7.3.5.1)",
                        seals.len(),
                        doc.issuer.len()
                    ),
                );
            }
            Ok(Authentication::Seals(seals))
        }
    }
}

/// The seal rules `doc` breaks: its seal fields, and a 命令 signed without
/// its 签名章.
pub fn violations(doc: &Document) -> Vec<Violation> {
    let authentication = match authentication(doc) {
        Ok(a) => a,
        Err(v) => return vec![*v],
    };
    // A 命令 is signed with the 签发人's 签名章 (§10.2 refers to §7.3.5.3):
    // without one, or with 印章 instead, it cannot be typeset as a 命令.
    if doc.format == Format::Order && !matches!(authentication, Authentication::Signature(_)) {
        let has_seal = matches!(authentication, Authentication::Seals(_));
        return vec![
            Violation::new(
                "order-format",
                "GB/T 9704-2012 §10.2",
                Severity::Unprintable,
                if has_seal { "seal" } else { "signature_seal" },
                format!(
                    "a 命令（令） is signed by its 签发人: the title, the 签名章 and the 成文日期 \
                     as §7.3.5.3 places them (GB/T 9704-2012 §10.2){}; add `signature_seal: \
                     {{title: …, image: …}}`",
                    if has_seal { ", not with 印章" } else { "" }
                ),
            )
            .or_at("format")
            .suggest("signature_seal: {title: 市长, image: seals/signature.png}"),
        ];
    }
    Vec::new()
}

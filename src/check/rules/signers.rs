//! 上行文 (请示, 报告) carry a 签发人 (条例 第九条（六）; GB/T 9704-2012
//! §7.2.6).

use super::Context;
use crate::check::{Finding, Severity};
use crate::model::Kind;
use crate::spans::Value;

pub fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(kind) = cx.index.get("kind") else {
        return;
    };
    let Some(name) = kind.text().map(str::trim) else {
        return;
    };
    if !Kind::from_name(name).is_some_and(Kind::is_upward) {
        return;
    }
    let has_signer = cx.index.nodes.iter().any(|n| {
        (n.path == "signers" && n.text().is_some_and(|t| !t.trim().is_empty()))
            || (n.path.starts_with("signers[")
                && matches!(&n.value, Value::Scalar(t) if !t.trim().is_empty()))
    });
    if !has_signer {
        out.push(
            Finding::new(
                "signer",
                "条例 第九条（六）; GB/T 9704-2012 §7.2.6",
                Severity::Error,
                "kind",
                cx.index.start(kind),
                format!("a {name} is 上行文 (sent to a higher organ), which must name its 签发人"),
            )
            .suggest("add `signers: [签发人姓名]`"),
        );
    }
}

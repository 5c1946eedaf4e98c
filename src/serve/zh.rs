//! The editor speaks 简体中文: each kind of `gen check` finding and each
//! kind of refusal (what the writers will not typeset) in Chinese, with
//! the specifics of the case (the values the English message quotes) and
//! the clause beside it in the UI. The command line keeps its English
//! messages; this is the UI's rendering of the same findings.
//!
//! A rule without a sentence here would show its English message: the
//! test `every_rule_has_chinese` reads the rule names out of `src/` and
//! fails on one this catalogue does not know.

/// The rules this catalogue renders (each `Finding` and `Violation` rule
/// name written in `src/`).
pub const RULES: &[&str] = &[
    "attachment-duplicate",
    "attachment-number",
    "attachment-punctuation",
    "attachment-reference",
    "attachment-title",
    "damaged-date",
    "date",
    "doc-number",
    "format",
    "hand-numbered-heading",
    "letter-format",
    "minutes-format",
    "missing-glyph",
    "numbering",
    "order-format",
    "punctuation",
    "schema",
    "seal",
    "seal-image",
    "signer",
    "table-cells",
    "table-column-width",
    "title-break",
    "title-punctuation",
    "yaml",
];

/// The Chinese name of a top-level field (the form's label).
pub fn label(field: &str) -> Option<&'static str> {
    Some(match field {
        "format" => "格式",
        "kind" => "文种",
        "copy_number" => "份号",
        "classification" => "密级和保密期限",
        "urgency" => "紧急程度",
        "issuer_mark" => "发文机关标志",
        "order_number" => "令号",
        "issue_number" => "期号",
        "doc_number" => "发文字号",
        "signers" => "签发人",
        "title" => "标题",
        "addressees" => "主送机关",
        "body" => "正文",
        "attachments" => "附件说明",
        "issuer" => "发文机关署名",
        "date" => "成文日期",
        "seal" => "印章",
        "signature_seal" => "签发人签名章",
        "attendance" => "出席、请假、列席名单",
        "note" => "附注",
        "cc" => "抄送机关",
        "printing" => "印发机关和印发日期",
        "table_size" => "表格字号",
        "single_sided" => "单面印刷",
        "header" => "版头",
        _ => return None,
    })
}

/// Where a field path is, in words: `body[2].body[0].heading` →
/// `正文第 3 项中第 1 项的标题`.
pub fn place(path: &str) -> String {
    if path.is_empty() {
        return "整个文档".into();
    }
    let top = path.split(['.', '[']).next().unwrap_or_default();
    let mut out = label(top).map_or_else(|| format!("“{top}”"), str::to_string);
    let rest = &path[top.len()..];
    let mut first = true;
    // Inside a table's rows: the indexes are a row and a cell.
    let mut cells = 0;
    for part in rest.split(['.', '[']).filter(|p| !p.is_empty()) {
        if let Some(k) = part.strip_suffix(']').and_then(|k| k.parse::<usize>().ok()) {
            match cells {
                1 => out.push_str(&format!("第 {} 行", k + 1)),
                2 => out.push_str(&format!("第 {} 格", k + 1)),
                _ => out.push_str(&format!("{}第 {} 项", if first { "" } else { "中" }, k + 1)),
            }
            if cells > 0 {
                cells += 1;
            }
            first = false;
            continue;
        }
        cells = usize::from(part == "rows" || part == "header");
        let word = match part {
            "heading" => "的标题",
            "text" => "的文字",
            "body" => "",
            "table" => "的表格",
            "rows" => "",
            "header" => "表头",
            "caption" => "的表题",
            "columns" => "的列",
            "title" => "的标题",
            "image" => "的图片",
            "organs" => "的机关",
            "suffix" => "的后缀",
            "level" => "的密级",
            "period" => "的保密期限",
            "organ" => "的印发机关",
            "date" => "的日期",
            "present" => "的出席",
            "on_leave" => "的请假",
            "attending" => "的列席",
            _ => "",
        };
        out.push_str(word);
        if part != "body" {
            first = true;
        }
    }
    out
}

/// The values a message quotes in backticks or “ ”.
fn quoted(message: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (open, close) in [('`', '`'), ('“', '”')] {
        let mut rest = message;
        while let Some(a) = rest.find(open) {
            let after = &rest[a + open.len_utf8()..];
            let Some(b) = after.find(close) else { break };
            out.push(after[..b].to_string());
            rest = &after[b + close.len_utf8()..];
        }
    }
    out
}

/// The numbers a message writes, in order.
fn numbers(message: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in message.chars() {
        if c.is_ascii_digit() || (c == '.' && !cur.is_empty()) {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(cur.trim_end_matches('.').to_string());
            cur.clear();
        }
    }
    if !cur.is_empty() {
        out.push(cur.trim_end_matches('.').to_string());
    }
    out
}

fn q(v: &[String], k: usize) -> &str {
    v.get(k).map_or("", String::as_str)
}

/// A finding of `gen check` in Chinese (without its clause, which the UI
/// shows beside it).
pub fn finding(rule: &str, path: &str, message: &str, suggestion: Option<&str>) -> String {
    let v = quoted(message);
    let n = numbers(message);
    let has = |s: &str| message.contains(s);
    let top = path.split(['.', '[']).next().unwrap_or_default();
    match rule {
        "punctuation" => {
            let to = suggestion.and_then(|s| s.chars().next());
            match to {
                Some(to) => format!("中文里用了半角标点“{}”，应改为全角“{to}”", q(&v, 0)),
                None => format!("中文里用了半角标点“{}”", q(&v, 0)),
            }
        }
        "doc-number" => {
            let problems: Vec<String> = message
                .split_once("` ")
                .map_or(message, |(_, p)| p)
                .split("; ")
                .filter(|p| !p.starts_with("the standard uses"))
                .map(doc_number_problem)
                .collect();
            format!("发文字号“{}”{}", q(&v, 0), problems.join("；"))
        }
        "date" => {
            let what = if top == "printing" {
                "印发日期"
            } else if top == "date" {
                "成文日期"
            } else {
                "日期"
            };
            if has("not written YYYY-MM-DD") {
                format!("{what}“{}”应写作 年-月-日（如 2019-08-14）", q(&v, 0))
            } else if has("days, not") {
                format!(
                    "{what}“{}”不存在：该月只有 {} 天",
                    q(&v, 0),
                    n.iter().rev().nth(1).map_or("", String::as_str)
                )
            } else if has("not a date in the calendar") {
                format!("“{}”不是日历上有的日期", q(&v, 0))
            } else {
                format!("{what}“{}”不是真实的日期", q(&v, 0))
            }
        }
        "damaged-date" => {
            let mut s = if has("years") {
                format!("“{}”像是两个年份连在了一起（年份区间丢了连接号）", q(&v, 0))
            } else {
                format!("“{}”像是丢了“年”或“月”的日期", q(&v, 0))
            };
            if let Some(r) = suggestion {
                s.push_str(&format!("，可能是“{r}”"));
            }
            s
        }
        "hand-numbered-heading" => format!(
            "标题自己写了序号“{}”，而序号由标题的层级自动生成（一、（一）1.（1）），会编两次号",
            q(&v, 0)
        ),
        "numbering" => {
            let what = if has("repeats") {
                "与上一个重复"
            } else {
                "不连续"
            };
            format!(
                "手写的段落序号“{}”{what}，接下来应为“{}”",
                q(&v, 0),
                suggestion.unwrap_or_default()
            )
        }
        "title-punctuation" => format!("标题末尾不加标点（这里是“{}”）", q(&v, 0)),
        "title-break" => format!(
            "标题第 {} 处换行把词语“{}”拆开了，应在词与词之间换行",
            q(&n, 0),
            q(&v, 0)
        ),
        "attachment-title" => format!(
            "附件说明写的是“{}”，附件的标题却是“{}”，二者应一致",
            q(&v, 0),
            q(&v, 1)
        ),
        "attachment-number" if has("`附件`") => {
            "附件名称以“附件”开头，附件说明会自己写“附件：”".into()
        }
        "attachment-number" => {
            format!("附件名称以序号“{}”开头，附件说明会自己编号", q(&v, 0))
        }
        "attachment-punctuation" => format!("附件名称后不加标点（这里是“{}”）", q(&v, 0)),
        "attachment-duplicate" => format!("附件“{}”列了两次", q(&v, 0)),
        "attachment-reference" => match (has("lists none") || has("lists no"), n.as_slice()) {
            (true, [k, ..]) => format!("正文提到附件{k}，但文档没有附件说明"),
            (true, []) => "正文提到附件，但文档没有附件说明".into(),
            (false, [k, c, ..]) => format!("正文提到附件{k}，但附件说明只列了 {c} 个附件"),
            _ => "正文提到的附件与附件说明不符".into(),
        },
        "signer" => "上行文（报送上级机关）应标注签发人：请填写“签发人”".into(),
        "table-cells" => table_problem(message),
        "table-column-width" => format!(
            "第 {} 列宽 {} mm，放不下“{}”（连同边距需 {} mm），已从最宽的列借宽；请加大这一列的宽度",
            q(&n, 0),
            q(&n, 1),
            q(&quoted_plain(message), 0),
            n.get(2).map_or("", String::as_str)
        ),
        "seal-image" => {
            let (image, why) = message.split_once(": ").unwrap_or(("", message));
            format!(
                "图片“{image}”不能用：{}；生成 PDF 和 Word 时会被拒绝",
                image_problem(why)
            )
        }
        "schema" | "yaml" => format!("文档读不进来：{}", model_problem(message)),
        "missing-glyph" => glyph(message),
        "format" => "缺少标题：只有命令（令）可以没有标题".into(),
        "seal" => seal(message),
        "order-format" => order(top, message, &v),
        "minutes-format" => minutes(top, message, &v),
        "letter-format" => letter(top, message),
        _ => "不符合规范（详见原文）".into(),
    }
}

/// Text in plain double quotes (`"…"`).
fn quoted_plain(message: &str) -> Vec<String> {
    message
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

fn doc_number_problem(p: &str) -> String {
    let v = quoted(p);
    if p.starts_with("has no year") {
        "缺少用六角括号〔〕括入的年份（如 国办发〔2012〕1号）".to_string()
    } else if p.starts_with("opens a bracket") {
        "年份的括号没有闭合".into()
    } else if let Some(r) = p.strip_prefix("writes the year in ") {
        let pair: String = r.chars().take(2).collect();
        format!("年份用了“{pair}”，应使用六角括号〔〕")
    } else if p.starts_with("year ") {
        format!("年份“{}”不是四位阿拉伯数字", q(&v, 0))
    } else if p.starts_with("has no 机关代字") {
        "年份前缺少机关代字".into()
    } else if p.starts_with("writes 第") {
        "序号前不加“第”".into()
    } else if p.starts_with("has no Arabic number") {
        "年份后缺少阿拉伯数字序号".into()
    } else if p.starts_with("pads the number") {
        format!("序号“{}”不编虚位（前面不加 0）", q(&v, 0))
    } else if p.starts_with("does not end in 号") {
        "末尾缺少“号”".into()
    } else if p.starts_with("has `") {
        format!("序号后只写“号”，不写“{}”", q(&v, 0))
    } else {
        "写法不合规范（应如 国办发〔2012〕1号）".into()
    }
}

fn table_problem(m: &str) -> String {
    let n = numbers(m);
    if m.contains("typesets at most") {
        format!(
            "表格有 {} 行，一个表格最多 {} 行：请拆成几个表格（或把名册放进单独的附件）",
            q(&n, 0),
            q(&n, 1)
        )
    } else if m.contains("columns; at most") {
        format!(
            "表格有 {} 列，横排页最多放 {} 列：请拆成几个表格",
            q(&n, 0),
            q(&n, 1)
        )
    } else if m.contains("at least one body row") {
        "表格至少要有一行表体".into()
    } else if m.contains("first row has no cells") {
        "表格的第一行没有单元格".into()
    } else if m.contains("give a `width`") {
        format!(
            "{} 列中只有 {} 列给了宽度：要么每列都给，要么都不给（按内容定宽）",
            q(&n, 1),
            q(&n, 0)
        )
    } else if m.contains("header cell spans rows into the body") {
        "表头的单元格跨行跨进了表体：表头的跨行只能在表头之内".into()
    } else if m.contains("this row has") {
        format!(
            "这一行有 {} 个单元格，但表格有 {} 列、这一行空着 {} 格：请增删单元格，或调整跨列",
            q(&n, 0),
            q(&n, 1),
            q(&n, 2)
        )
    } else if m.contains("spanning rows from above") {
        format!(
            "这个单元格跨 {} 列，但上面跨行下来的单元格占了其中一格",
            q(&n, 0)
        )
    } else if m.contains("rows, past the last row") {
        format!("这个单元格跨 {} 行，超出了表格的最后一行", q(&n, 0))
    } else {
        "表格的行和列对不齐：请检查每行的单元格数和合并".into()
    }
}

fn image_problem(why: &str) -> String {
    if why.contains("No such file") || why.contains("not found") {
        "找不到这个文件".into()
    } else if why.contains("outside") {
        "文件在所服务的文件夹之外".into()
    } else if why.contains("cannot read") {
        "读不出这个文件".into()
    } else if why.contains("PNG") || why.contains("SVG") || why.contains("image") {
        "不是可用的 PNG 或 SVG 图片".into()
    } else {
        "读不出这张图片".into()
    }
}

/// The model's objections (serde's words) in Chinese.
fn model_problem(m: &str) -> String {
    let m = m.strip_prefix("the document does not load: ").unwrap_or(m);
    let v = quoted(m);
    let name = |f: &str| label(f).map_or_else(|| format!("“{f}”"), |l| format!("“{l}”"));
    if m.contains("unknown field") {
        format!("没有 {} 这个字段（请检查拼写）", q(&v, 0))
    } else if m.contains("missing field") {
        format!("缺少{}", name(q(&v, 0)))
    } else if m.contains("unknown variant") {
        format!("“{}”不是可选的值之一", q(&v, 0))
    } else if m.contains("invalid type") {
        "这里的值类型不对（该写文字的写成了列表，或反之）".into()
    } else if m.contains("is not a real date") || m.contains("not written YYYY-MM-DD") {
        "日期不是真实的日期，或不是 年-月-日 的写法".into()
    } else if m.contains("duplicate") {
        "同一个字段写了两次".into()
    } else if m.contains("empty") || m.contains("blank") {
        "这个字段是空的".into()
    } else if m.contains("not YAML")
        || m.contains("did not find expected")
        || m.contains("mapping values")
    {
        "YAML 写法有误（缩进或冒号）".into()
    } else {
        "不符合文档的结构（请看 YAML 页）".into()
    }
}

fn glyph(m: &str) -> String {
    let ch = m.split('\'').nth(1).unwrap_or("");
    let code = m
        .split("(U+")
        .nth(1)
        .and_then(|r| r.split(')').next())
        .unwrap_or("");
    format!(
        "所有字体都没有字符“{ch}”（U+{code}），印出来会是空框：请换一个字，或用 --font-dir 加上有这个字的字体"
    )
}

fn seal(m: &str) -> String {
    let n = numbers(m);
    if m.contains("names no image") {
        "印章没有写图片：请上传印章图片".into()
    } else if m.contains("`seal: signature` needs") {
        "选了签名章，但没有填写签发人签名章（职务和签名章图片）".into()
    } else if m.contains("not both") {
        "印章和签发人签名章只能用一种".into()
    } else if m.contains("there is none") {
        "印章盖在发文机关署名上，但没有署名：请填写发文机关署名".into()
    } else if m.contains("seal image(s) for") {
        format!(
            "有 {} 个印章、{} 个署名机关：每个署名机关一个印章，顺序与署名相同",
            q(&n, 0),
            q(&n, 1)
        )
    } else {
        "印章的写法不对".into()
    }
}

fn order(field: &str, m: &str, v: &[String]) -> String {
    match field {
        "format" if m.contains("令号") => {
            "命令（令）在标志下标注令号：请填写令号，如“第3号”".into()
        }
        "format" => {
            "命令（令）以发文机关标志开头（机关全称加“命令”或“令”）：请填写，如“清河市人民政府令”"
                .into()
        }
        "doc_number" => "命令（令）用令号编号，不用发文字号：请改填令号，如“第3号”".into(),
        "signers" => "命令（令）的版头没有签发人一行，由签发人签名章签署：请删去签发人".into(),
        "order_number" if m.contains("belongs to") => {
            "令号只用于命令（令）格式：请改填发文字号，或新建命令（令）".into()
        }
        "order_number" => format!("令号“{}”应写作“第N号”（阿拉伯数字，如 第3号）", q(v, 0)),
        "issuer_mark" => format!(
            "命令（令）的发文机关标志应以“命令”或“令”结尾（这里是“{}”）",
            q(v, 0)
        ),
        "kind" => "命令（令）格式用于命令（令），这份文档的文种不是命令".into(),
        "seal" | "signature_seal" => {
            "命令（令）由签发人签署：职务、签名章和成文日期（不盖印章）：请填写签发人签名章".into()
        }
        _ => "不符合命令（令）格式".into(),
    }
}

fn minutes(field: &str, m: &str, v: &[String]) -> String {
    match field {
        "format" => {
            "纪要以“×××纪要”为标志：请填写发文机关标志，如“清河市人民政府专题会议纪要”".into()
        }
        "seal" | "signature_seal" => "纪要不加盖印章，也不用签名章：请删去".into(),
        "signers" => "纪要的版头没有签发人：请删去签发人".into(),
        "doc_number" => "纪要在标志下标注期号，不用发文字号：请改填期号，如“第23期”".into(),
        "attendance" if m.contains("name no one") => "出席、请假、列席名单里一个人也没有".into(),
        "attendance" => "出席、请假、列席名单只用于纪要格式".into(),
        "issue_number" => "期号只用于纪要格式".into(),
        "issuer_mark" | "issuer_mark.suffix" => {
            format!("纪要的标志应以“纪要”结尾（这里是“{}”）", q(v, 0))
        }
        "kind" => "纪要格式用于纪要，这份文档的文种不是纪要".into(),
        _ => "不符合纪要格式".into(),
    }
}

fn letter(field: &str, m: &str) -> String {
    match field {
        "issuer_mark" if m.contains("which it lacks") => {
            "信函格式以发文机关标志定位：请填写机关名称（不加“文件”）".into()
        }
        "issuer_mark" if m.contains("jointly") => "联合行文的信函只标主办机关的标志".into(),
        "issuer_mark" => "信函的发文机关标志只写机关名称，不加“文件”".into(),
        "printing" => "信函的版记不印印发机关和印发日期：请删去".into(),
        "signers" => "信函格式没有签发人的位置：请删去签发人（上行文请用通用格式）".into(),
        _ => "不符合信函格式".into(),
    }
}

/// A refusal's message (the layout's, the composition's, an image's) in
/// Chinese. `rule`: the finding it repeats, when `gen check` has one.
pub fn refusal(message: &str) -> String {
    let v = quoted(message);
    let what = |m: &str| {
        if m.contains("the seal “") {
            format!("印章“{}”", q(&quoted(m), 0))
        } else if m.contains("the text “") {
            format!("文字“{}”", q(&quoted(m), 0))
        } else if m.contains("a rule") {
            "一条线".into()
        } else {
            "一幅图".into()
        }
    };
    if message.contains("runs off the paper") {
        format!("{}超出了纸张：内容太长，请缩短", what(message))
    } else if message.contains("stands outside the 版心") {
        format!(
            "{}超出了版心（只有页码可以在版心外）：请缩短",
            what(message)
        )
    } else if let Some((a, b)) = message.split_once(" is set over ") {
        format!("{}压在{}上：这个字段太长，放不下，请缩短", what(a), what(b))
    } else if message.contains("is on no page") {
        format!("文字“{}”排不进任何一页：请缩短，或拆成几段", q(&v, 0))
    } else if message.contains("only the closing") {
        "这一页只有落款（署名、成文日期、附注），上面没有正文".into()
    } else if message.contains("only a heading") {
        "这一页只有一个标题，没有它下面的文字".into()
    } else if message.contains("only a table's caption") {
        "这一页只有表题，没有表格".into()
    } else if message.contains("odd page") {
        "双面印刷时版记应在偶数页（最后一面）".into()
    } else if message.contains("no bundled or chosen font") {
        glyph(message)
    } else if message.contains("cannot read") || message.contains("not a PNG") {
        format!("图片不能用：{}", image_problem(message))
    } else if message.starts_with("typesetting failed") {
        "排版失败（内部错误），请把文档发给维护者".into()
    } else {
        "这个字段排不出版面：请检查或缩短".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Chinese rendering names no English: only quoted values, clause
    /// marks and digits may be Latin.
    fn chinese(s: &str) -> bool {
        let mut rest = s.to_string();
        for v in quoted(s) {
            rest = rest.replace(&v, "");
        }
        // Names the user meets as they are.
        for word in [
            "PNG",
            "SVG",
            "YAML",
            "PDF",
            "Word",
            "--font-dir",
            "mm",
            "U+",
        ] {
            rest = rest.replace(word, "");
        }
        !rest.chars().any(|c| c.is_ascii_alphabetic())
    }

    /// Every rule name `src/` writes (the first text given to
    /// `Finding::new` or `Violation::new`, and the formats' rules) has its
    /// Chinese here; a new rule without one fails.
    #[test]
    fn every_rule_has_chinese() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![root.clone()];
        let mut names = std::collections::BTreeSet::new();
        while let Some(p) = files.pop() {
            if p.ends_with("serve") {
                continue;
            }
            if p.is_dir() {
                files.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            if p.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            for call in ["Finding::new(", "Violation::new("] {
                for (at, _) in text.match_indices(call) {
                    let rest = &text[at + call.len()..];
                    let first = rest.split(',').next().unwrap_or("").trim();
                    if let Some(name) = first.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
                        names.insert(name.to_string());
                    }
                }
            }
            for (at, _) in text.match_indices("-format\"") {
                let start = text[..at].rfind('"').unwrap() + 1;
                names.insert(text[start..at + "-format".len()].to_string());
            }
        }
        assert!(names.len() >= 20, "{names:?}");
        for name in &names {
            assert!(
                RULES.contains(&name.as_str()),
                "rule `{name}` has no Chinese in serve::zh"
            );
        }
        for rule in RULES {
            let s = finding(rule, "body[0]", "something `x` happened", None);
            assert_ne!(s, "something `x` happened", "{rule}");
            assert!(chinese(&s), "{rule}: {s}");
        }
    }

    #[test]
    fn places_in_words() {
        assert_eq!(
            place("body[2].body[0].heading"),
            "正文第 3 项中第 1 项的标题"
        );
        assert_eq!(place("doc_number"), "发文字号");
        assert_eq!(
            place("body[1].table.rows[2][0]"),
            "正文第 2 项的表格第 3 行第 1 格"
        );
        assert_eq!(
            place("body[1].table.header[0][1]"),
            "正文第 2 项的表格表头第 1 行第 2 格"
        );
        assert_eq!(place(""), "整个文档");
    }

    #[test]
    fn doc_numbers_in_chinese() {
        let s = finding(
            "doc-number",
            "doc_number",
            "发文字号 `国办发[2012]01号` writes the year in []; the standard uses 六角括号 〔〕 (U+3014/U+3015); pads the number `01` with zeros",
            Some("国办发〔2012〕1号"),
        );
        assert_eq!(
            s,
            "发文字号“国办发[2012]01号”年份用了“[]”，应使用六角括号〔〕；序号“01”不编虚位（前面不加 0）"
        );
    }

    #[test]
    fn refusals_in_chinese() {
        let s = refusal(
            "header: the text “签发人：” (its box -16.6–-10.9 mm across, 37.0–42.6 mm down) runs off the paper; shorten it (or, for seals, use fewer on one document)",
        );
        assert_eq!(s, "文字“签发人：”超出了纸张：内容太长，请缩短");
        assert!(chinese(&s));
    }
}

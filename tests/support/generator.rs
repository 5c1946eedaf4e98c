//! Random documents for the pagination property tests (issue 18 item 5):
//! every format (a 通知 and the other 文种 of the general format, 信函,
//! 命令, 纪要), the 版头's fields, titles and paragraphs of any length,
//! sections, tables (header rows with spans, row groups joined by a span,
//! long cells, portrait or landscape), 0–6 attachments named or with
//! content, 0–4 organs sealed or not (a 命令's 签名章), a 附注 of 0–80
//! characters, a 版记 or none, one or two sides. Each is valid input: what
//! the rulebook refuses is not generated (a 纪要 has no seal, a 信函 no
//! 印发 row, a 命令 no 发文字号).
//!
//! The text is made of a few 汉字 and the body's punctuation; the organs'
//! names of characters no other field uses, so that a test can tell the
//! 署名 (which a seal may press) from everything else.

use std::collections::HashMap;

use proptest::prelude::*;

/// Characters the generated text is made of: common 汉字 and the body's
/// punctuation.
pub const CHARS: &[char] = &[
    '测', '试', '文', '字', '公', '通', '知', '关', '于', '工', '作', '组', '织', '落', '实', '，',
    '。', '、', '；',
];

/// The characters of the organs' names: none is in [`CHARS`].
pub const ORGAN_CHARS: [char; 4] = ['甲', '乙', '丙', '丁'];

/// The 签名章's title (a 命令's 签发人, §7.3.5.3).
pub const SIGNER_TITLE: &str = "市长";

/// Whether `c` may stand under a seal: a character of a 署名, of the
/// 签发人's title or of the 成文日期 (§7.3.5.1, §7.3.5.3: the seal presses
/// those only).
pub fn pressed(c: char) -> bool {
    ORGAN_CHARS.contains(&c)
        || c == '厅'
        || c.is_ascii_digit()
        || "年月日".contains(c)
        || SIGNER_TITLE.contains(c)
}

/// Text of `min..=max` characters after a leading 汉字.
pub fn text(min: usize, max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(CHARS), min..=max)
        .prop_map(|v| v.into_iter().collect::<String>())
        // Punctuation cannot open a YAML plain scalar's meaning, but a
        // leading mark is unusual; start every text with a 汉字.
        .prop_map(|s| format!("测{s}"))
}

/// The format (§7, §10) and, in the general format, the 文种.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    General(&'static str),
    Letter,
    Order,
    Minutes,
}

/// A block of a body.
#[derive(Debug, Clone)]
pub enum Block {
    Paragraph(String),
    Section { heading: String, body: Vec<Block> },
    Table(Table),
}

/// A table (§8).
#[derive(Debug, Clone)]
pub struct Table {
    pub caption: Option<String>,
    pub columns: usize,
    /// Two header rows: the first columns spanning both, the last two
    /// under one group cell; else one.
    pub two_headers: bool,
    /// Body rows, each `columns` texts (a cell under a row span from above
    /// is not written).
    pub rows: Vec<Vec<String>>,
    /// Lengths of the row groups that column 0 joins by a span, from the
    /// first row (1: no span).
    pub groups: Vec<usize>,
    /// `auto`, `portrait` or `landscape`.
    pub orientation: &'static str,
}

/// An attachment (§7.3.7).
#[derive(Debug, Clone)]
pub enum Attachment {
    Named(String),
    Content { title: String, body: Vec<Block> },
}

/// The 版记 (§7.4).
#[derive(Debug, Clone)]
pub struct Record {
    pub cc: Vec<String>,
    pub printing: bool,
}

/// The 版头's fields (§7.2).
#[derive(Debug, Clone)]
pub struct Head {
    pub copy_number: bool,
    pub classification: Option<&'static str>,
    pub urgency: Option<&'static str>,
    /// Whether the general format has a 发文机关标志 (the other formats
    /// always have one).
    pub mark: bool,
    pub doc_number: bool,
    pub signers: Vec<String>,
}

/// One generated document.
#[derive(Debug, Clone)]
pub struct Generated {
    pub form: Form,
    pub head: Head,
    pub title: Option<String>,
    pub addressees: Vec<String>,
    pub body: Vec<Block>,
    pub attachments: Vec<Attachment>,
    /// How many organs sign (0–4).
    pub organs: usize,
    pub sealed: bool,
    pub note: Option<String>,
    pub record: Option<Record>,
    pub single_sided: bool,
    /// A 纪要's attendance lists: 出席, 请假, 列席.
    pub attendance: [Vec<String>; 3],
}

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => text(0, 5),
        2 => (0u32..100_000).prop_map(|n| n.to_string()),
        1 => Just(String::new()),
        2 => text(10, 60),
    ]
}

fn table() -> impl Strategy<Value = Table> {
    (
        2usize..=6,
        1usize..=28,
        any::<bool>(),
        proptest::option::of(text(2, 20)),
        proptest::collection::vec(prop_oneof![3 => Just(1usize), 1 => 2usize..=12], 1..=8),
        prop_oneof![
            4 => Just("auto"),
            2 => Just("portrait"),
            1 => Just("landscape"),
        ],
    )
        .prop_flat_map(|(columns, n, two_headers, caption, groups, orientation)| {
            proptest::collection::vec(proptest::collection::vec(cell(), columns), n).prop_map(
                move |rows| Table {
                    caption: caption.clone(),
                    columns,
                    two_headers: two_headers && columns >= 3,
                    rows,
                    groups: groups.clone(),
                    orientation,
                },
            )
        })
}

fn leaf() -> impl Strategy<Value = Block> {
    prop_oneof![
        5 => text(0, 300).prop_map(Block::Paragraph),
        1 => table().prop_map(Block::Table),
    ]
}

fn section() -> impl Strategy<Value = Block> {
    (text(1, 24), proptest::collection::vec(leaf(), 1..=3))
        .prop_map(|(heading, body)| Block::Section { heading, body })
}

/// A body of `1..=max` blocks: paragraphs, tables, sections.
fn body(max: usize) -> impl Strategy<Value = Vec<Block>> {
    proptest::collection::vec(
        prop_oneof![
            5 => leaf(),
            2 => section(),
        ],
        1..=max,
    )
}

fn attachment() -> impl Strategy<Value = Attachment> {
    prop_oneof![
        2 => text(1, 40).prop_map(Attachment::Named),
        1 => (text(2, 30), body(3)).prop_map(|(title, body)| Attachment::Content { title, body }),
    ]
}

fn form() -> impl Strategy<Value = Form> {
    prop_oneof![
        8 => proptest::sample::select(vec![
            "通知", "决定", "公告", "通报", "请示", "报告", "意见", "批复", "函", "通告",
        ])
        .prop_map(Form::General),
        1 => Just(Form::Letter),
        1 => Just(Form::Order),
        1 => Just(Form::Minutes),
    ]
}

fn head() -> impl Strategy<Value = Head> {
    (
        any::<bool>(),
        proptest::option::of(proptest::sample::select(vec!["秘密", "机密", "绝密"])),
        proptest::option::of(proptest::sample::select(vec!["特急", "加急"])),
        any::<bool>(),
        any::<bool>(),
        proptest::collection::vec(text(1, 3), 0..=2),
    )
        .prop_map(
            |(copy_number, classification, urgency, mark, doc_number, signers)| Head {
                copy_number,
                classification,
                urgency,
                mark,
                doc_number,
                signers,
            },
        )
}

/// Generated documents of every format.
pub fn generated() -> impl Strategy<Value = Generated> {
    (
        (
            form(),
            head(),
            text(2, 60),
            proptest::collection::vec(text(1, 12), 0..=3),
        ),
        body(6),
        proptest::collection::vec(attachment(), 0..=6),
        (0usize..=4, any::<bool>()),
        proptest::option::of(text(0, 80)),
        proptest::option::of(
            (proptest::collection::vec(text(1, 10), 1..=4), any::<bool>())
                .prop_map(|(cc, printing)| Record { cc, printing }),
        ),
        any::<bool>(),
        (
            proptest::collection::vec(text(1, 8), 1..=10),
            proptest::collection::vec(text(1, 8), 0..=3),
            proptest::collection::vec(text(1, 8), 0..=3),
        ),
    )
        .prop_map(
            |(
                (form, mut head, title, addressees),
                body,
                attachments,
                (organs, sealed),
                note,
                mut record,
                single_sided,
                (present, on_leave, attending),
            )| {
                // What each format has no place for (§10) is not generated.
                let mut organs = organs;
                let mut sealed = sealed;
                match form {
                    Form::General(_) => {
                        organs = organs.max(usize::from(sealed));
                    }
                    Form::Letter => {
                        organs = 1;
                        head.signers.clear();
                        if let Some(r) = &mut record {
                            r.printing = false;
                        }
                    }
                    Form::Order => {
                        organs = 0;
                        sealed = false;
                        head.doc_number = false;
                        head.signers.clear();
                    }
                    Form::Minutes => {
                        organs = organs.min(1);
                        sealed = false;
                        head.doc_number = false;
                        head.signers.clear();
                    }
                }
                if !head.doc_number {
                    head.signers.clear();
                }
                Generated {
                    form,
                    head,
                    // A 命令 usually has no title (§10.2).
                    title: (form != Form::Order || title.chars().count() % 2 == 0).then_some(title),
                    addressees,
                    body,
                    attachments,
                    organs,
                    sealed: sealed && organs > 0,
                    note,
                    record,
                    single_sided,
                    attendance: [present, on_leave, attending],
                }
            },
        )
}

/// YAML's double-quoted form of `s`.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn list(v: &[String]) -> String {
    format!(
        "[{}]",
        v.iter().map(|s| quoted(s)).collect::<Vec<_>>().join(", ")
    )
}

impl Table {
    fn yaml(&self, indent: &str, out: &mut String) {
        out.push_str(&format!("{indent}- table:\n"));
        let i = format!("{indent}    ");
        if let Some(c) = &self.caption {
            out.push_str(&format!("{i}caption: {}\n", quoted(c)));
        }
        out.push_str(&format!("{i}orientation: {}\n", self.orientation));
        let names: Vec<String> = (0..self.columns).map(|k| format!("栏目{k}")).collect();
        out.push_str(&format!("{i}header:\n"));
        if self.two_headers {
            let n = self.columns;
            let mut first: Vec<String> = names[..n - 2]
                .iter()
                .map(|h| format!("{{text: {h}, rowspan: 2}}"))
                .collect();
            first.push("{text: 分组, colspan: 2}".into());
            out.push_str(&format!("{i}  - [{}]\n", first.join(", ")));
            out.push_str(&format!("{i}  - [{}, {}]\n", names[n - 2], names[n - 1]));
        } else {
            out.push_str(&format!("{i}  - [{}]\n", names.join(", ")));
        }
        out.push_str(&format!("{i}rows:\n"));
        // Column 0's row groups: a span over each group's rows.
        let mut starts: HashMap<usize, usize> = HashMap::new();
        let mut r = 0;
        for &g in &self.groups {
            if r >= self.rows.len() {
                break;
            }
            let g = g.min(self.rows.len() - r);
            starts.insert(r, g);
            r += g;
        }
        let mut covered = 0;
        for (r, row) in self.rows.iter().enumerate() {
            let mut cells: Vec<String> = Vec::new();
            for (c, text) in row.iter().enumerate() {
                if c == 0 {
                    if covered > 0 {
                        covered -= 1;
                        continue;
                    }
                    match starts.get(&r) {
                        Some(&g) if g > 1 => {
                            cells.push(format!("{{text: {}, rowspan: {g}}}", quoted(text)));
                            covered = g - 1;
                            continue;
                        }
                        _ => {}
                    }
                }
                cells.push(quoted(text));
            }
            out.push_str(&format!("{i}  - [{}]\n", cells.join(", ")));
        }
    }

    /// The texts the table's cells give.
    fn texts<'a>(&'a self, out: &mut Vec<&'a str>) {
        // Column 0 under a span is not written.
        let mut r = 0;
        let mut written = vec![true; self.rows.len()];
        for &g in &self.groups {
            if r >= self.rows.len() {
                break;
            }
            let g = g.min(self.rows.len() - r);
            for w in written.iter_mut().skip(r + 1).take(g - 1) {
                *w = false;
            }
            r += g;
        }
        for (row, w) in self.rows.iter().zip(written) {
            let skip = usize::from(!w);
            out.extend(row.iter().skip(skip).map(String::as_str));
        }
        out.extend(self.caption.as_deref());
    }
}

fn blocks_yaml(blocks: &[Block], indent: &str, out: &mut String) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => out.push_str(&format!("{indent}- {}\n", quoted(p))),
            Block::Section { heading, body } => {
                out.push_str(&format!("{indent}- heading: {}\n", quoted(heading)));
                out.push_str(&format!("{indent}  body:\n"));
                blocks_yaml(body, &format!("{indent}    "), out);
            }
            Block::Table(t) => t.yaml(indent, out),
        }
    }
}

fn blocks_texts<'a>(blocks: &'a [Block], out: &mut Vec<&'a str>) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => out.push(p),
            Block::Section { heading, body } => {
                out.push(heading);
                blocks_texts(body, out);
            }
            Block::Table(t) => t.texts(out),
        }
    }
}

impl Generated {
    /// The organs' names: `甲甲厅`, `乙乙厅`, …
    pub fn organ_names(&self) -> Vec<String> {
        (0..self.organs)
            .map(|k| format!("{c}{c}厅", c = ORGAN_CHARS[k]))
            .collect()
    }

    /// The document as gongwen's YAML; seal images under `seals/`.
    pub fn yaml(&self) -> String {
        let mut y = String::new();
        let organs = self.organ_names();
        // The mark's organ: the first signing one, else a fixed name.
        let lead = organs.first().cloned().unwrap_or_else(|| "丙丙厅".into());
        let kind = match self.form {
            Form::General(k) => k,
            Form::Letter => "函",
            Form::Order => "令",
            Form::Minutes => "纪要",
        };
        match self.form {
            Form::General(_) => {}
            Form::Letter => y += "format: letter\n",
            Form::Order => y += "format: order\n",
            Form::Minutes => y += "format: minutes\n",
        }
        y += &format!("kind: {kind}\n");
        let h = &self.head;
        if h.copy_number {
            y += "copy_number: \"000123\"\n";
        }
        if let Some(level) = h.classification {
            y += &format!("classification: {{level: {level}, period: 1年}}\n");
        }
        if let Some(u) = h.urgency {
            y += &format!("urgency: {u}\n");
        }
        match self.form {
            Form::General(_) if h.mark => {
                if organs.len() > 1 {
                    y += &format!("issuer_mark: {{organs: {}, suffix: 文件}}\n", list(&organs));
                } else {
                    y += &format!("issuer_mark: {lead}文件\n");
                }
            }
            Form::General(_) => {}
            Form::Letter => y += &format!("issuer_mark: {lead}\n"),
            Form::Order => y += &format!("issuer_mark: {lead}令\norder_number: 第3号\n"),
            Form::Minutes => y += &format!("issuer_mark: {lead}会议纪要\nissue_number: 第2期\n"),
        }
        if h.doc_number {
            y += "doc_number: 测发〔2026〕12号\n";
        }
        if !h.signers.is_empty() {
            y += &format!("signers: {}\n", list(&h.signers));
        }
        if let Some(t) = &self.title {
            y += &format!("title: {}\n", quoted(&format!("关于{t}的{kind}")));
        }
        if !self.addressees.is_empty() {
            y += &format!("addressees: {}\n", list(&self.addressees));
        }
        y += "body:\n";
        blocks_yaml(&self.body, "  ", &mut y);
        if !self.attachments.is_empty() {
            y += "attachments:\n";
            for a in &self.attachments {
                match a {
                    Attachment::Named(n) => y += &format!("  - {}\n", quoted(n)),
                    Attachment::Content { title, body } => {
                        y += &format!("  - title: {}\n    body:\n", quoted(title));
                        blocks_yaml(body, "      ", &mut y);
                    }
                }
            }
        }
        if self.form == Form::Minutes {
            y += "attendance:\n";
            for (field, names) in ["present", "on_leave", "attending"]
                .iter()
                .zip(&self.attendance)
            {
                if !names.is_empty() {
                    y += &format!("  {field}: {}\n", list(names));
                }
            }
        }
        if !organs.is_empty() {
            y += &format!("issuer: {}\n", list(&organs));
        }
        if self.sealed {
            let seals = ["culture", "education", "sports", "emergency"];
            let seals: Vec<String> = (0..organs.len())
                .map(|k| format!("seals/{}.png", seals[k % seals.len()]))
                .collect();
            y += &format!("seal: {}\n", list(&seals));
        }
        if self.form == Form::Order {
            y +=
                &format!("signature_seal: {{title: {SIGNER_TITLE}, image: seals/signature.png}}\n");
        }
        y += "date: 2026-06-18\n";
        if let Some(n) = &self.note {
            y += &format!("note: {}\n", quoted(n));
        }
        if let Some(r) = &self.record {
            y += &format!("cc: {}\n", list(&r.cc));
            if r.printing {
                y += "printing: {organ: 测试办公室, date: 2026-06-19}\n";
            }
        }
        if self.single_sided {
            y += "single_sided: true\n";
        }
        y
    }

    /// Every character the fields give (as written: labels, numbers and
    /// punctuation gongwen adds are not counted).
    pub fn chars(&self) -> HashMap<char, usize> {
        let mut texts: Vec<&str> = Vec::new();
        texts.extend(self.title.as_deref());
        texts.extend(self.addressees.iter().map(String::as_str));
        blocks_texts(&self.body, &mut texts);
        for a in &self.attachments {
            match a {
                Attachment::Named(n) => texts.push(n),
                Attachment::Content { title, body } => {
                    // Listed in the 附件说明 and set on its page.
                    texts.push(title);
                    texts.push(title);
                    blocks_texts(body, &mut texts);
                }
            }
        }
        texts.extend(self.note.as_deref());
        if let Some(r) = &self.record {
            texts.extend(r.cc.iter().map(String::as_str));
        }
        if self.form == Form::Minutes {
            texts.extend(self.attendance.iter().flatten().map(String::as_str));
        }
        texts.extend(self.head.signers.iter().map(String::as_str));
        let organs = self.organ_names();
        texts.extend(organs.iter().map(String::as_str));
        let mut n = HashMap::new();
        for t in texts {
            for c in t.chars().filter(|c| !c.is_whitespace()) {
                *n.entry(c).or_default() += 1;
            }
        }
        n
    }

    /// The characters a table may draw more than once: its header rows
    /// (repeated on every page it runs over) and the cells spanning rows
    /// (their text repeated where a page breaks the span).
    pub fn repeated_chars(&self) -> Vec<char> {
        fn tables<'a>(blocks: &'a [Block], out: &mut Vec<&'a Table>) {
            for b in blocks {
                match b {
                    Block::Table(t) => out.push(t),
                    Block::Section { body, .. } => tables(body, out),
                    Block::Paragraph(_) => {}
                }
            }
        }
        let mut all = Vec::new();
        tables(&self.body, &mut all);
        for a in &self.attachments {
            if let Attachment::Content { body, .. } = a {
                tables(body, &mut all);
            }
        }
        let mut out: Vec<char> = Vec::new();
        if !all.is_empty() {
            out.extend("栏目分组0123456789".chars());
        }
        for t in all {
            let mut r = 0;
            for &g in &t.groups {
                if r >= t.rows.len() {
                    break;
                }
                if g > 1 {
                    out.extend(t.rows[r][0].chars());
                }
                r += g.min(t.rows.len() - r);
            }
        }
        out
    }

    /// Whether a 版记 is printed.
    pub fn has_record(&self) -> bool {
        self.record.is_some()
    }
}

//! Reading a Word file (DOCX, Office Open XML): the paragraphs of
//! `word/document.xml` in order, each with its text and what Word knows of
//! it — alignment, outline level, heading style — as evidence for the
//! element finders. Fields give their result (not their code), tabs become
//! spaces, a soft line break starts a line that continues the paragraph.
//! Tables: gongwen has no table syntax yet, so each table is reported for
//! review and its text kept, one paragraph per row.

use std::collections::HashMap;
use std::io::Read as _;

use roxmltree::{Document, Node};

use super::report::{Action, Note};
use super::sniff::ImportError;
use super::{Align, Hints, RawLine};
use crate::limits::{MAX_LEVEL_TEXT_CHARS, MAX_PART, MAX_XML_DEPTH, MAX_ZIP_ENTRIES};
use crate::model::table::{
    Align as TableAlign, Cell as TableCell, Column, Orientation, Table, TableSize,
};

/// WordprocessingML, transitional and strict.
const W: &[&str] = &[
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Cells of a table row are kept apart by an ideographic space.
const CELL_SEPARATOR: &str = "\u{3000}";

/// What a DOCX holds, as lines for the import.
pub struct Docx {
    pub lines: Vec<RawLine>,
    /// The tables kept as tables, by [`Hints::table_of`].
    pub tables: Vec<Table>,
    /// Tables and symbols the text cannot carry, for review.
    pub notes: Vec<Note>,
    /// The size the tables' text is set in, when every table in the text
    /// (not the floating 版记) agrees on one of gongwen's table sizes.
    pub table_size: Option<TableSize>,
}

fn is_w(n: Node, name: &str) -> bool {
    n.is_element()
        && n.tag_name().name() == name
        && n.tag_name().namespace().is_some_and(|ns| W.contains(&ns))
}

fn w_attr<'a>(n: Node<'a, '_>, name: &str) -> Option<&'a str> {
    n.attributes()
        .find(|a| a.name() == name && a.namespace().is_some_and(|ns| W.contains(&ns)))
        .map(|a| a.value())
}

/// Parses an XML part and refuses one nested deeper than
/// [`MAX_XML_DEPTH`].
fn parse_part<'i>(name: &str, xml: &'i str) -> Result<Document<'i>, ImportError> {
    let doc = Document::parse(xml)
        .map_err(|e| ImportError::Docx(format!("{name} is not well-formed XML: {e}")))?;
    check_depth(name, &doc)?;
    Ok(doc)
}

/// Refuses a part nested deeper than [`MAX_XML_DEPTH`].
fn check_depth(name: &str, doc: &Document) -> Result<(), ImportError> {
    // Depth of each node by its parent's, in document order (parents come
    // first), without recursion.
    let mut depth = vec![0usize; doc.descendants().count()];
    for n in doc.descendants() {
        let d = n.parent().map_or(0, |p| depth[p.id().get_usize()] + 1);
        depth[n.id().get_usize()] = d;
        if d > MAX_XML_DEPTH {
            return Err(ImportError::Docx(format!(
                "{name} nests its elements more than {MAX_XML_DEPTH} deep (Word writes a few dozen); gongwen does not read it"
            )));
        }
    }
    Ok(())
}

/// The paragraphs of a block container (a text box, a table cell) in
/// document order: its own `w:p`s, also inside tables and content
/// controls, but not the paragraphs of text boxes inside those paragraphs
/// (walking a paragraph reads its text boxes once).
fn own_paragraphs<'a, 'i>(container: Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    let mut out = Vec::new();
    let mut stack: Vec<Node> = container.children().filter(Node::is_element).collect();
    stack.reverse();
    while let Some(n) = stack.pop() {
        if is_w(n, "p") {
            out.push(n);
            continue;
        }
        let start = stack.len();
        stack.extend(n.children().filter(Node::is_element));
        stack[start..].reverse();
    }
    out
}

fn child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| is_w(*c, name))
}

fn part(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, ImportError> {
    let file = match zip.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        // Present but unreadable (compressed with LZMA or BZIP2, which
        // Word never writes, or encrypted): say so, not "missing".
        Err(e) => {
            return Err(ImportError::Docx(format!(
                "{name} cannot be read: {e}; save the file again from Word (plain DOCX)"
            )));
        }
    };
    let mut bytes = Vec::new();
    file.take(MAX_PART + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ImportError::Docx(format!("{name} cannot be unpacked: {e}")))?;
    if bytes.len() as u64 > MAX_PART {
        return Err(ImportError::Docx(format!(
            "{name} unpacks to more than 64 MB"
        )));
    }
    let (text, _, _) = encoding_rs::UTF_8.decode(&bytes);
    let text = match encoding_rs::Encoding::for_bom(&bytes) {
        Some((enc, _)) => enc.decode(&bytes).0.into_owned(),
        None => text.into_owned(),
    };
    Ok(Some(text))
}

/// A paragraph style: its name, alignment and outline level, and the
/// style it is based on.
#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    align: Option<Align>,
    outline: Option<u8>,
    /// Automatic numbering: (numId, ilvl).
    num: Option<(String, usize)>,
    based_on: Option<String>,
}

fn align_of(v: &str) -> Align {
    match v {
        "center" => Align::Centre,
        "right" | "end" => Align::Right,
        "both" | "distribute" => Align::Justified,
        _ => Align::Left,
    }
}

/// `heading 2`, `Heading 2`, `标题 2`: outline level 1.
fn heading_level(name: &str) -> Option<u8> {
    let lower = name.to_lowercase();
    let rest = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("标题"))?;
    let n: u8 = rest.trim().parse().ok()?;
    (1..=9).contains(&n).then(|| n - 1)
}

fn outline_of(ppr: Node) -> Option<u8> {
    child(ppr, "outlineLvl")
        .and_then(|o| w_attr(o, "val"))
        .and_then(|v| v.parse::<u8>().ok())
        .filter(|&v| v < 9)
}

/// A paragraph's automatic numbering (`w:numPr`): (numId, ilvl).
fn num_of(ppr: Node) -> Option<(String, usize)> {
    let np = child(ppr, "numPr")?;
    let id = child(np, "numId").and_then(|n| w_attr(n, "val"))?;
    let level = child(np, "ilvl")
        .and_then(|n| w_attr(n, "val"))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Some((id.to_string(), level))
}

/// One level of a list definition (`w:lvl`): start, format, text.
#[derive(Debug, Clone)]
struct Level {
    start: usize,
    format: String,
    text: String,
}

/// Word's automatic numbering (numbering.xml): the levels of each numId,
/// and the counters as the paragraphs are read.
#[derive(Debug, Default)]
struct Numbering {
    levels: HashMap<String, Vec<Level>>,
    counters: HashMap<String, Vec<usize>>,
}

impl Numbering {
    fn parse(xml: &str) -> Result<Numbering, ImportError> {
        // Numbering that is not XML is left out (the numbers are then
        // not drawn, as Word would not draw them either).
        let Ok(doc) = Document::parse(xml) else {
            return Ok(Numbering::default());
        };
        check_depth("word/numbering.xml", &doc)?;
        for l in doc.descendants().filter(|n| is_w(*n, "lvlText")) {
            let chars = w_attr(l, "val").map_or(0, |v| v.chars().count());
            if chars > MAX_LEVEL_TEXT_CHARS {
                return Err(ImportError::Docx(format!(
                    "word/numbering.xml has a list number text (w:lvlText) of {chars} characters; Word's are a few (`%1.`), and gongwen reads at most {MAX_LEVEL_TEXT_CHARS}"
                )));
            }
        }
        let levels_of = |n: Node| -> Vec<Level> {
            let mut out: Vec<Level> = Vec::new();
            for l in n.children().filter(|c| is_w(*c, "lvl")) {
                let val = |name: &str| child(l, name).and_then(|c| w_attr(c, "val"));
                let ilvl: usize = w_attr(l, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                if ilvl > 8 {
                    continue;
                }
                while out.len() <= ilvl {
                    out.push(Level {
                        start: 1,
                        format: "decimal".into(),
                        text: String::new(),
                    });
                }
                out[ilvl] = Level {
                    start: val("start").and_then(|v| v.parse().ok()).unwrap_or(1),
                    format: val("numFmt").unwrap_or("decimal").to_string(),
                    text: val("lvlText").unwrap_or("").to_string(),
                };
            }
            out
        };
        let root = doc.root_element();
        let abstracts: HashMap<&str, Vec<Level>> = root
            .children()
            .filter(|c| is_w(*c, "abstractNum"))
            .filter_map(|a| Some((w_attr(a, "abstractNumId")?, levels_of(a))))
            .collect();
        let mut levels = HashMap::new();
        for num in root.children().filter(|c| is_w(*c, "num")) {
            let (Some(id), Some(abs)) = (
                w_attr(num, "numId"),
                child(num, "abstractNumId").and_then(|a| w_attr(a, "val")),
            ) else {
                continue;
            };
            let Some(mut lv) = abstracts.get(abs).cloned() else {
                continue;
            };
            for o in num.children().filter(|c| is_w(*c, "lvlOverride")) {
                let ilvl: usize = w_attr(o, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                if let (Some(l), Some(start)) = (
                    lv.get_mut(ilvl),
                    child(o, "startOverride")
                        .and_then(|s| w_attr(s, "val"))
                        .and_then(|v| v.parse().ok()),
                ) {
                    l.start = start;
                }
            }
            levels.insert(id.to_string(), lv);
        }
        Ok(Numbering {
            levels,
            counters: HashMap::new(),
        })
    }

    /// The number Word draws before the next paragraph of list `id` at
    /// `ilvl` (`一、`, `（一）`, `1.`), counting it.
    fn next(&mut self, id: &str, ilvl: usize) -> Option<String> {
        let levels = self.levels.get(id)?;
        let level = levels.get(ilvl)?;
        let counters = self
            .counters
            .entry(id.to_string())
            .or_insert_with(|| vec![0; levels.len()]);
        counters[ilvl] = if counters[ilvl] == 0 {
            level.start
        } else {
            counters[ilvl] + 1
        };
        for c in counters.iter_mut().skip(ilvl + 1) {
            *c = 0;
        }
        if level.format == "bullet" || level.format == "none" {
            return None;
        }
        let mut text = level.text.clone();
        for (k, l) in levels.iter().enumerate().take(ilvl + 1) {
            let n = counters[k].max(l.start);
            text = text.replace(&format!("%{}", k + 1), &format_number(&l.format, n));
        }
        Some(text)
    }
}

/// A number in one of Word's formats (`w:numFmt`).
fn format_number(format: &str, n: usize) -> String {
    let enclosed = |first: u32, max: usize| {
        (1..=max)
            .contains(&n)
            .then(|| char::from_u32(first + n as u32 - 1))
            .flatten()
            .map_or_else(|| n.to_string(), String::from)
    };
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "chineseLegalSimplified"
        | "ideographTraditional"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "japaneseCounting" => crate::numbering::chinese_numeral(n),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => enclosed(0x2460, 20),
        "decimalEnclosedParen" => enclosed(0x2474, 20),
        "decimalEnclosedFullstop" => enclosed(0x2488, 20),
        "upperLetter" => enclosed(u32::from('A'), 26),
        "lowerLetter" => enclosed(u32::from('a'), 26),
        _ => n.to_string(),
    }
}

fn styles(xml: &str) -> Result<HashMap<String, Style>, ImportError> {
    let Ok(doc) = Document::parse(xml) else {
        return Ok(HashMap::new());
    };
    check_depth("word/styles.xml", &doc)?;
    let mut out = HashMap::new();
    for s in doc.descendants().filter(|n| is_w(*n, "style")) {
        if w_attr(s, "type").is_some_and(|t| t != "paragraph") {
            continue;
        }
        let Some(id) = w_attr(s, "styleId") else {
            continue;
        };
        let name = child(s, "name")
            .and_then(|n| w_attr(n, "val"))
            .unwrap_or(id)
            .to_string();
        let ppr = child(s, "pPr");
        let style = Style {
            align: ppr
                .and_then(|p| child(p, "jc"))
                .and_then(|j| w_attr(j, "val"))
                .map(align_of),
            outline: ppr.and_then(outline_of).or_else(|| heading_level(&name)),
            num: ppr.and_then(num_of),
            based_on: child(s, "basedOn")
                .and_then(|b| w_attr(b, "val"))
                .map(str::to_string),
            name,
        };
        out.insert(id.to_string(), style);
    }
    Ok(out)
}

/// A style's property, looked up through the styles it is based on.
fn inherited<T>(
    styles: &HashMap<String, Style>,
    id: &str,
    get: impl Fn(&Style) -> Option<T>,
) -> Option<T> {
    let mut id = Some(id.to_string());
    for _ in 0..16 {
        let s = styles.get(id.as_deref()?)?;
        if let Some(v) = get(s) {
            return Some(v);
        }
        id = s.based_on.clone();
    }
    None
}

/// Collects the text of paragraphs, in order.
struct Reader<'s> {
    styles: &'s HashMap<String, Style>,
    numbering: Numbering,
    lines: Vec<RawLine>,
    notes: Vec<Note>,
    tables: Vec<Table>,
    /// Each in-text table's size (`None`: not one of gongwen's sizes).
    table_sizes: Vec<Option<TableSize>>,
    /// The bundled fonts, parsed once, when a table's widths are compared
    /// with the ones gongwen would give it.
    fonts: std::cell::OnceCell<crate::fonts::FontSet>,
    /// The line each footnote and endnote is referred to from.
    references: HashMap<(&'static str, String), usize>,
}

/// A vertically merged cell's part (`w:vMerge`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Merge {
    Restart,
    Continue,
}

/// One cell of a Word table as read.
#[derive(Debug, Clone)]
struct GridCell {
    col: usize,
    span: usize,
    merge: Option<Merge>,
    text: String,
    align: Align,
}

/// A run's formatting as a comparable string: its character style, fonts,
/// bold, italic and size.
fn run_format(r: Node) -> String {
    let Some(rpr) = child(r, "rPr") else {
        return String::new();
    };
    let mut out = String::new();
    for name in ["rStyle", "rFonts", "b", "i", "sz"] {
        if let Some(c) = child(rpr, name) {
            out.push_str(name);
            for a in c.attributes() {
                out.push_str(&format!(" {}={}", a.name(), a.value()));
            }
            out.push(';');
        }
    }
    out
}

/// Column widths as the smallest whole-number ratios that match them to
/// within 1 % (Word stores twentieths of a point: `1396:1862:2328` is
/// `3:4:5`), or the widths in points when no small ratio does.
fn width_ratios(widths: &[f64]) -> Vec<f64> {
    let Some(min) = widths.iter().copied().filter(|w| *w > 0.0).reduce(f64::min) else {
        return Vec::new();
    };
    if widths.iter().any(|w| *w <= 0.0) {
        return Vec::new();
    }
    for k in 1..=12 {
        let unit = min / k as f64;
        let ratios: Vec<f64> = widths.iter().map(|w| w / unit).collect();
        if ratios
            .iter()
            .all(|r| (r - r.round()).abs() <= 0.01 * r.round().max(1.0) + 0.02)
        {
            return ratios.iter().map(|r| r.round()).collect();
        }
    }
    widths
        .iter()
        .map(|w| (w / 20.0 * 10.0).round() / 10.0)
        .collect()
}

/// A Word table as a gongwen table: header rows (`w:tblHeader`), cells
/// spanning columns (`w:gridSpan`) and rows (`w:vMerge`), each column's
/// width ratio and its body cells' alignment.
///
/// Widths that are the ones gongwen gives the same content at `size`
/// anyway (within 1 % of the table's width) are not written: the table's
/// widths come from its content, as an author who gave none asked.
fn gongwen_table(
    grid: &[(bool, Vec<GridCell>)],
    widths: &[f64],
    size: Option<TableSize>,
    fonts: &std::cell::OnceCell<crate::fonts::FontSet>,
) -> Table {
    let mut header = Vec::new();
    let mut rows = Vec::new();
    let ncols = grid
        .iter()
        .map(|(_, r)| r.iter().map(|c| c.col + c.span).max().unwrap_or(0))
        .max()
        .unwrap_or(0);
    for (i, (is_header, row)) in grid.iter().enumerate() {
        let mut cells = Vec::new();
        for c in row {
            if c.merge == Some(Merge::Continue) {
                continue;
            }
            let mut rowspan = 1;
            if c.merge == Some(Merge::Restart) {
                for (_, below) in &grid[i + 1..] {
                    let continues = below
                        .iter()
                        .any(|b| b.col == c.col && b.merge == Some(Merge::Continue));
                    if !continues {
                        break;
                    }
                    rowspan += 1;
                }
            }
            cells.push(TableCell {
                text: c.text.clone(),
                colspan: c.span,
                rowspan,
            });
        }
        if *is_header && rows.is_empty() {
            header.push(cells);
        } else {
            rows.push(cells);
        }
    }
    // A column's alignment: its body cells' (when they agree), Word's
    // left (the paragraph default) read as gongwen's left only when
    // written so; a centred column is gongwen's default.
    let ratios = if widths.len() == ncols {
        width_ratios(widths)
    } else {
        Vec::new()
    };
    let mut columns = Vec::new();
    for col in 0..ncols {
        let aligns: Vec<Align> = grid
            .iter()
            .filter(|(h, _)| !h)
            .flat_map(|(_, r)| r.iter().filter(|c| c.col == col && c.span == 1))
            .map(|c| c.align)
            .collect();
        let align = match aligns.first() {
            Some(a) if aligns.iter().all(|x| x == a) => match a {
                Align::Left => TableAlign::Left,
                Align::Right => TableAlign::Right,
                _ => TableAlign::Center,
            },
            _ => TableAlign::Center,
        };
        columns.push(Column {
            width: ratios.get(col).copied(),
            align,
        });
    }
    let mut table = Table {
        caption: None,
        columns,
        header,
        rows,
        orientation: Orientation::Auto,
    };
    if let Some(size) = size
        && table.columns.iter().any(|c| c.width.is_some())
        && widths.len() == ncols
    {
        let mut auto = table.clone();
        for c in &mut auto.columns {
            c.width = None;
        }
        let fonts = fonts.get_or_init(crate::fonts::FontSet::bundled);
        let composed = crate::compose::table::compose(&auto, "", size.points(), fonts);
        let (given, computed): (f64, f64) = (widths.iter().sum(), composed.columns.iter().sum());
        let same = composed.columns.len() == ncols
            && given > 0.0
            && computed > 0.0
            && widths
                .iter()
                .zip(&composed.columns)
                .all(|(w, c)| (w / given - c / computed).abs() <= 0.01);
        if same {
            table.columns = auto.columns;
        }
    }
    if table
        .columns
        .iter()
        .all(|c| c.width.is_none() && c.align == TableAlign::Center)
    {
        table.columns.clear();
    }
    table
}

/// The text of one paragraph: its lines (split at soft breaks), and the
/// text-box paragraphs found inside it.
#[derive(Default)]
struct Para {
    parts: Vec<String>,
    /// Inside a complex field's code (between `begin` and `separate`).
    in_code: bool,
    boxes: Vec<Vec<String>>,
    symbols: Vec<String>,
    /// The formatting of the first run with text, and where (in chars of
    /// the first line) a run formatted otherwise first starts.
    first_format: Option<String>,
    format_change: Option<usize>,
    /// Footnotes and endnotes referred to (`w:footnoteReference`): the
    /// part (`footnote`, `endnote`) and the note's id.
    references: Vec<(&'static str, String)>,
}

impl Para {
    /// Notes a run of formatting `format` about to add text.
    fn run(&mut self, format: String) {
        match &self.first_format {
            None => self.first_format = Some(format),
            Some(f) if *f != format && self.format_change.is_none() && self.parts.len() == 1 => {
                self.format_change = Some(self.parts[0].chars().count());
            }
            _ => {}
        }
    }

    fn push(&mut self, s: &str) {
        if self.parts.is_empty() {
            self.parts.push(String::new());
        }
        self.parts.last_mut().expect("a part").push_str(s);
    }
}

impl Reader<'_> {
    fn hints(&self, p: Node) -> Hints {
        let ppr = child(p, "pPr");
        let style_id = ppr
            .and_then(|x| child(x, "pStyle"))
            .and_then(|s| w_attr(s, "val"));
        let style = style_id.and_then(|id| self.styles.get(id));
        let align = ppr
            .and_then(|x| child(x, "jc"))
            .and_then(|j| w_attr(j, "val"))
            .map(align_of)
            .or_else(|| style_id.and_then(|id| inherited(self.styles, id, |s| s.align)))
            .unwrap_or(Align::Left);
        let outline = ppr
            .and_then(outline_of)
            .or_else(|| style_id.and_then(|id| inherited(self.styles, id, |s| s.outline)));
        Hints {
            align,
            outline,
            style: style.map(|s| s.name.clone()),
            table: false,
            paragraph: true,
            continues: false,
            ..Hints::default()
        }
    }

    /// Walks a paragraph's content in document order.
    fn walk(&self, n: Node, para: &mut Para) {
        for c in n.children().filter(Node::is_element) {
            let name = c.tag_name().name();
            let ns = c.tag_name().namespace();
            if ns == Some(MC) {
                // Markup compatibility: the first choice Word understood;
                // the fallback repeats it.
                if name == "AlternateContent"
                    && let Some(first) = c.children().find(Node::is_element)
                {
                    self.walk(first, para);
                }
                continue;
            }
            if !ns.is_some_and(|ns| W.contains(&ns)) {
                // Drawings and shapes: only their text boxes hold text.
                self.walk(c, para);
                continue;
            }
            match name {
                "r" => {
                    // Runs of punctuation, digits or Latin letters often
                    // carry a font of their own: only a run with Chinese
                    // text tells a heading's font from the body's.
                    if !para.in_code
                        && c.children().any(|t| {
                            is_w(t, "t")
                                && t.text()
                                    .unwrap_or_default()
                                    .chars()
                                    .any(crate::text::punct::is_han)
                        })
                    {
                        para.run(run_format(c));
                    }
                    self.walk(c, para);
                }
                "t" if !para.in_code => para.push(c.text().unwrap_or_default()),
                "tab" | "ptab" if c.parent().is_some_and(|p| is_w(p, "r")) => para.push(" "),
                "br" | "cr" => {
                    if !matches!(w_attr(c, "type"), Some("page" | "column")) {
                        para.parts.push(String::new());
                    }
                }
                "noBreakHyphen" => para.push("-"),
                "footnoteReference" | "endnoteReference" => {
                    if let Some(id) = w_attr(c, "id") {
                        let kind = if name == "footnoteReference" {
                            "footnote"
                        } else {
                            "endnote"
                        };
                        para.references.push((kind, id.to_string()));
                    }
                }
                "sym" => {
                    let ch = w_attr(c, "char")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .and_then(char::from_u32);
                    match ch {
                        Some(ch) if !('\u{E000}'..='\u{F8FF}').contains(&ch) => {
                            para.push(&ch.to_string());
                        }
                        _ => para.symbols.push(format!(
                            "{} {}",
                            w_attr(c, "font").unwrap_or("?"),
                            w_attr(c, "char").unwrap_or("?")
                        )),
                    }
                }
                "fldChar" => match w_attr(c, "fldCharType") {
                    Some("begin") => para.in_code = true,
                    Some("separate" | "end") => para.in_code = false,
                    _ => {}
                },
                // Field codes, deleted text, properties: not the text.
                "instrText" | "delInstrText" | "del" | "moveFrom" | "pPr" | "rPr" | "delText" => {}
                "txbxContent" => {
                    let mut lines = Vec::new();
                    for p in own_paragraphs(c) {
                        let mut inner = Para::default();
                        self.walk(p, &mut inner);
                        lines.extend(inner.parts);
                        // Boxes inside this box's paragraphs, after them.
                        lines.extend(inner.boxes.into_iter().flatten());
                    }
                    para.boxes.push(lines);
                }
                _ => self.walk(c, para),
            }
        }
    }

    /// The number Word draws before paragraph `p`, if it is in a list.
    fn number(&mut self, p: Node) -> Option<String> {
        let ppr = child(p, "pPr");
        let num = ppr.and_then(num_of).or_else(|| {
            let id = ppr
                .and_then(|x| child(x, "pStyle"))
                .and_then(|s| w_attr(s, "val"))?;
            inherited(self.styles, id, |s| s.num.clone())
        })?;
        self.numbering.next(&num.0, num.1)
    }

    fn paragraph(&mut self, p: Node) {
        let hints = self.hints(p);
        let mut para = Para::default();
        if let Some(number) = self.number(p) {
            para.push(&number);
            self.notes.push(Note {
                line: self.lines.len() + 1,
                column: 1,
                end_column: number.chars().count() + 1,
                action: Action::Repaired,
                rule: "auto-number",
                text: number.clone(),
                message: format!(
                    "`{number}` is drawn by Word's automatic numbering (numbering.xml), not typed; read as if typed"
                ),
                replacement: None,
                alternatives: Vec::new(),
            });
        }
        self.walk(p, &mut para);
        let first_line = self.lines.len() + 1;
        for (kind, id) in std::mem::take(&mut para.references) {
            self.references.entry((kind, id)).or_insert(first_line);
        }
        if para.parts.is_empty() {
            para.parts.push(String::new());
        }
        let run_change = para.format_change;
        for (k, text) in para.parts.into_iter().enumerate() {
            self.lines.push(RawLine {
                text,
                hints: Hints {
                    continues: k > 0,
                    run_change: run_change.filter(|_| k == 0),
                    ..hints.clone()
                },
            });
        }
        for b in para.boxes {
            for text in b {
                self.lines.push(RawLine {
                    text,
                    hints: Hints {
                        paragraph: true,
                        ..Hints::default()
                    },
                });
            }
        }
        if !para.symbols.is_empty() {
            self.notes.push(Note {
                line: first_line,
                column: 1,
                end_column: 1,
                action: Action::Review,
                rule: "symbol",
                text: para.symbols.join(", "),
                message: format!(
                    "{} symbol(s) from a symbol font ({}) have no Unicode character; left out",
                    para.symbols.len(),
                    para.symbols.join(", ")
                ),
                replacement: None,
                alternatives: Vec::new(),
            });
        }
    }

    fn table(&mut self, t: Node) {
        let first_line = self.lines.len() + 1;
        let floating = child(t, "tblPr").is_some_and(|p| child(p, "tblpPr").is_some());
        let index = self.tables.len();
        let mut rows = 0;
        let mut columns = 0;
        // The grid: each row's cells as (grid column, colspan, vMerge
        // state, text, alignment, header row).
        let mut grid: Vec<(bool, Vec<GridCell>)> = Vec::new();
        // The runs' sizes in half-points (`w:sz`), counted per size.
        let mut sizes: HashMap<u32, usize> = HashMap::new();
        for tr in t.children().filter(|c| is_w(*c, "tr")) {
            let header = child(tr, "trPr").is_some_and(|p| child(p, "tblHeader").is_some());
            let mut cells = Vec::new();
            let mut paragraphs = Vec::new();
            let mut row = Vec::new();
            let mut col = 0;
            for tc in tr.children().filter(|c| is_w(*c, "tc") || is_w(*c, "sdt")) {
                let mut text = Vec::new();
                let mut align = None;
                for p in own_paragraphs(tc) {
                    if align.is_none() {
                        align = Some(self.hints(p).align);
                    }
                    for r in p.children().filter(|r| is_w(*r, "r")) {
                        let sz = child(r, "rPr")
                            .and_then(|pr| child(pr, "sz"))
                            .and_then(|z| w_attr(z, "val"))
                            .and_then(|v| v.parse::<u32>().ok());
                        if let Some(sz) = sz {
                            *sizes.entry(sz).or_default() += 1;
                        }
                    }
                    let mut para = Para::default();
                    self.walk(p, &mut para);
                    let boxes = para.boxes.into_iter().flatten();
                    text.extend(
                        para.parts
                            .into_iter()
                            .chain(boxes)
                            .filter(|s| !s.trim().is_empty()),
                    );
                }
                let tcpr = child(tc, "tcPr");
                let span: usize = tcpr
                    .and_then(|p| child(p, "gridSpan"))
                    .and_then(|g| w_attr(g, "val"))
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(1)
                    .max(1);
                let merge = tcpr.and_then(|p| child(p, "vMerge")).map(|m| {
                    if w_attr(m, "val") == Some("restart") {
                        Merge::Restart
                    } else {
                        Merge::Continue
                    }
                });
                cells.push(text.join(" "));
                row.push(GridCell {
                    col,
                    span,
                    merge,
                    text: text.concat(),
                    align: align.unwrap_or_default(),
                });
                paragraphs.push(text);
                col += span;
            }
            rows += 1;
            columns = columns.max(cells.len());
            grid.push((header, row));
            self.lines.push(RawLine {
                text: cells.join(CELL_SEPARATOR),
                hints: Hints {
                    table: true,
                    paragraph: true,
                    table_of: (!floating).then_some(index),
                    cells: paragraphs,
                    ..Hints::default()
                },
            });
        }
        let widths: Vec<f64> = child(t, "tblGrid")
            .map(|g| {
                g.children()
                    .filter(|c| is_w(*c, "gridCol"))
                    .filter_map(|c| w_attr(c, "w").and_then(|v| v.parse().ok()))
                    .collect()
            })
            .unwrap_or_default();
        // The table's size: its runs' commonest, when it is one of
        // gongwen's table sizes (三号 when no run names one).
        let size = match sizes.iter().max_by_key(|(sz, n)| (**n, **sz)) {
            None => Some(TableSize::Sanhao),
            Some((32, _)) => Some(TableSize::Sanhao),
            Some((28, _)) => Some(TableSize::Sihao),
            Some((24, _)) => Some(TableSize::Xiaosi),
            Some(_) => None,
        };
        self.tables
            .push(gongwen_table(&grid, &widths, size, &self.fonts));
        if floating {
            return;
        }
        self.table_sizes.push(size);
        self.notes.push(Note {
            line: first_line,
            column: 1,
            end_column: 1,
            action: Action::Repaired,
            rule: "table",
            text: String::new(),
            message: format!(
                "a table of {rows} row(s) and {columns} column(s) kept as a table (`table:`), its header rows, spans, column widths and alignments as Word has them"
            ),
            replacement: None,
            alternatives: Vec::new(),
        });
    }

    fn block(&mut self, n: Node) {
        for c in n.children().filter(Node::is_element) {
            if is_w(c, "p") {
                self.paragraph(c);
            } else if is_w(c, "tbl") {
                self.table(c);
            } else if is_w(c, "sdt") || is_w(c, "sdtContent") || is_w(c, "customXml") {
                self.block(c);
            }
        }
    }
}

impl Reader<'_> {
    /// The text of a part's paragraphs (a header, a footer, a footnote),
    /// each paragraph's lines joined by a space.
    fn text_of(&self, container: Node) -> String {
        let mut out: Vec<String> = Vec::new();
        for p in own_paragraphs(container) {
            let mut para = Para::default();
            self.walk(p, &mut para);
            let text = para
                .parts
                .iter()
                .chain(para.boxes.iter().flatten())
                .map(|t| t.trim_matches(crate::text::punct::is_space))
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            if !text.is_empty() {
                out.push(text);
            }
        }
        out.join(" ")
    }

    /// Headers, footers, footnotes and endnotes: text the 正文 does not
    /// hold, reported (never mixed into the body, never dropped silently).
    /// A header or footer is page furniture (gongwen prints its own page
    /// numbers and 版头): dropped, each distinct text once. A footnote or
    /// endnote is the document's text: left for a person, at the line
    /// that refers to it.
    fn furniture(
        &mut self,
        zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    ) -> Result<(), ImportError> {
        let mut names: Vec<String> = zip
            .file_names()
            .filter(|n| {
                (n.starts_with("word/header") || n.starts_with("word/footer"))
                    && n.ends_with(".xml")
            })
            .map(String::from)
            .collect();
        // Headers first, then footers, each in the part names' order.
        names.sort_by_key(|n| (n.starts_with("word/footer"), n.clone()));
        let mut seen: Vec<String> = Vec::new();
        for name in names {
            let Some(xml) = part(zip, &name)? else {
                continue;
            };
            let doc = parse_part(&name, &xml)?;
            let text = self.text_of(doc.root_element());
            if text.is_empty() || seen.contains(&text) {
                continue;
            }
            seen.push(text.clone());
            let what = if name.starts_with("word/header") {
                "header"
            } else {
                "footer"
            };
            self.notes.push(Note {
                line: 1,
                column: 1,
                end_column: 1,
                action: Action::Dropped,
                rule: what,
                text: text.clone(),
                message: format!(
                    "the page {what} `{text}` ({name}) is page furniture, not the document's text: left out (gongwen prints its own page numbers)"
                ),
                replacement: None,
                alternatives: Vec::new(),
            });
        }
        for (kind, name) in [
            ("footnote", "word/footnotes.xml"),
            ("endnote", "word/endnotes.xml"),
        ] {
            let Some(xml) = part(zip, name)? else {
                continue;
            };
            let doc = parse_part(name, &xml)?;
            for n in doc.root_element().children().filter(|c| is_w(*c, kind)) {
                // Separators (`w:type`) are Word's rules above the notes.
                if w_attr(n, "type").is_some_and(|t| t != "normal") {
                    continue;
                }
                let text = self.text_of(n);
                if text.is_empty() {
                    continue;
                }
                let id = w_attr(n, "id").unwrap_or_default().to_string();
                let line = self.references.get(&(kind, id)).copied().unwrap_or(1);
                self.notes.push(Note {
                    line,
                    column: 1,
                    end_column: 1,
                    action: Action::Review,
                    rule: kind,
                    text: text.clone(),
                    message: format!(
                        "a {kind} `{text}` is not printed in a 公文's 正文 and is not in the YAML: write it into the text where it belongs (in parentheses), or leave it out"
                    ),
                    replacement: None,
                    alternatives: Vec::new(),
                });
            }
        }
        Ok(())
    }
}

/// Reads a DOCX's paragraphs.
pub fn read(bytes: &[u8]) -> Result<Docx, ImportError> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ImportError::Docx(format!("the zip cannot be read: {e}")))?;
    if zip.len() > MAX_ZIP_ENTRIES {
        return Err(ImportError::Docx(format!(
            "the zip holds {} entries; a Word file holds a few dozen, and gongwen reads at most {MAX_ZIP_ENTRIES}",
            zip.len()
        )));
    }
    let document = part(&mut zip, "word/document.xml")?
        .ok_or_else(|| ImportError::Docx("word/document.xml is missing".into()))?;
    let styles = part(&mut zip, "word/styles.xml")?
        .map(|s| styles(&s))
        .transpose()?
        .unwrap_or_default();
    let doc = parse_part("word/document.xml", &document)?;
    let body = doc
        .root_element()
        .children()
        .find(|c| is_w(*c, "body"))
        .ok_or_else(|| ImportError::Docx("word/document.xml has no w:body".into()))?;
    let numbering = part(&mut zip, "word/numbering.xml")?
        .map(|s| Numbering::parse(&s))
        .transpose()?
        .unwrap_or_default();
    let mut reader = Reader {
        styles: &styles,
        numbering,
        lines: Vec::new(),
        notes: Vec::new(),
        tables: Vec::new(),
        table_sizes: Vec::new(),
        fonts: std::cell::OnceCell::new(),
        references: HashMap::new(),
    };
    reader.block(body);
    reader.furniture(&mut zip)?;
    let table_size = match reader.table_sizes.split_first() {
        Some((first, rest)) if rest.iter().all(|s| s == first) => *first,
        _ => None,
    };
    Ok(Docx {
        lines: reader.lines,
        tables: reader.tables,
        notes: reader.notes,
        table_size,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

    fn docx(body: &str, styles: Option<&str>) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut w = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        w.start_file("word/document.xml", opts).unwrap();
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}</w:body></w:document>"#
        );
        std::io::Write::write_all(&mut w, xml.as_bytes()).unwrap();
        if let Some(s) = styles {
            w.start_file("word/styles.xml", opts).unwrap();
            let xml = format!(r#"<w:styles {NS}>{s}</w:styles>"#);
            std::io::Write::write_all(&mut w, xml.as_bytes()).unwrap();
        }
        w.finish().unwrap();
        buf.into_inner()
    }

    /// A page header and footer (one repeated on the first page), a
    /// footnote and its reference: reported, none in the lines.
    #[test]
    fn headers_footers_and_footnotes_are_reported_not_read_as_text() {
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut w = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        let parts = [
            (
                "word/document.xml",
                format!(
                    r#"<w:document {NS}><w:body><w:p><w:r><w:t>正文第一段。</w:t></w:r></w:p><w:p><w:r><w:t>依据有关规定</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t>办理。</w:t></w:r></w:p></w:body></w:document>"#
                ),
            ),
            (
                "word/header1.xml",
                format!(r#"<w:hdr {NS}><w:p><w:r><w:t>内部资料</w:t></w:r></w:p></w:hdr>"#),
            ),
            (
                "word/header2.xml",
                format!(r#"<w:hdr {NS}><w:p><w:r><w:t>内部资料</w:t></w:r></w:p></w:hdr>"#),
            ),
            (
                "word/footer1.xml",
                format!(
                    r#"<w:ftr {NS}><w:p><w:r><w:t>— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t> —</w:t></w:r></w:p></w:ftr>"#
                ),
            ),
            (
                "word/footnotes.xml",
                format!(
                    r#"<w:footnotes {NS}><w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>见《安全生产法》第二十一条。</w:t></w:r></w:p></w:footnote></w:footnotes>"#
                ),
            ),
        ];
        for (name, xml) in parts {
            w.start_file(name, opts).unwrap();
            std::io::Write::write_all(&mut w, xml.as_bytes()).unwrap();
        }
        w.finish().unwrap();
        let r = read(&buf.into_inner()).unwrap();
        assert_eq!(texts(&r), ["正文第一段。", "依据有关规定办理。"]);
        let notes: Vec<(usize, Action, &str, &str)> = r
            .notes
            .iter()
            .map(|n| (n.line, n.action, n.rule, n.text.as_str()))
            .collect();
        assert_eq!(
            notes,
            [
                (1, Action::Dropped, "header", "内部资料"),
                (1, Action::Dropped, "footer", "— 1 —"),
                (
                    2,
                    Action::Review,
                    "footnote",
                    "见《安全生产法》第二十一条。"
                ),
            ]
        );
    }

    fn texts(r: &Docx) -> Vec<&str> {
        r.lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn runs_fields_tabs_and_breaks() {
        let r = read(&docx(
            r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>关于</w:t></w:r><w:r><w:t>测试的通知</w:t></w:r></w:p>
            <w:p><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t><w:tab/><w:t>甲</w:t><w:br/><w:t>乙</w:t></w:r></w:p>
            <w:p><w:fldSimple w:instr="DATE"><w:r><w:t>2021年3月5日</w:t></w:r></w:fldSimple><w:del><w:r><w:delText>删</w:delText></w:r></w:del><w:ins><w:r><w:t>增</w:t></w:r></w:ins></w:p>
            <w:p/>
            <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
            None,
        ))
        .unwrap();
        assert_eq!(
            texts(&r),
            [
                "关于测试的通知",
                "第3页 甲",
                "乙",
                "2021年3月5日增",
                "",
                "",
                "框内"
            ]
        );
        assert_eq!(r.lines[0].hints.align, Align::Centre);
        assert!(r.lines[2].hints.continues && !r.lines[1].hints.continues);
    }

    #[test]
    fn styles_give_outline_levels_and_alignment() {
        let styles = r#"<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
            <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/></w:style>
            <w:style w:type="paragraph" w:styleId="sig"><w:name w:val="署名"/><w:pPr><w:jc w:val="right"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="lvl"><w:name w:val="x"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>"#;
        let r = read(&docx(
            r#"<w:p><w:pPr><w:pStyle w:val="2"/></w:pPr><w:r><w:t>甲</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="sig"/></w:pPr><w:r><w:t>乙</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="lvl"/></w:pPr><w:r><w:t>丙</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>单位</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>人数</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t>甲局</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
            Some(styles),
        ))
        .unwrap();
        assert_eq!(
            texts(&r),
            ["甲", "乙", "丙", "单位\u{3000}人数", "甲局\u{3000}12"]
        );
        assert_eq!(r.lines[0].hints.outline, Some(1));
        assert_eq!(r.lines[0].hints.style.as_deref(), Some("heading 2"));
        assert_eq!(r.lines[1].hints.align, Align::Right);
        assert_eq!(r.lines[2].hints.outline, Some(2));
        assert!(r.lines[3].hints.table);
        assert_eq!(r.notes.len(), 1);
        assert!(r.notes[0].message.contains("2 row(s) and 2 column(s)"));
    }

    #[test]
    fn automatic_numbering_is_written_out() {
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut w = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        let p = |num: &str, lvl: usize, t: &str| {
            format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#
            )
        };
        let body = [
            p("1", 0, "总体要求"),
            p("1", 1, "加强领导"),
            p("1", 1, "强化保障"),
            p("1", 0, "工作措施"),
            p("1", 1, "明确分工"),
            p("1", 2, "细化任务"),
            p("2", 0, "要点"),
        ]
        .concat();
        w.start_file("word/document.xml", opts).unwrap();
        let xml = format!(r#"<w:document {NS}><w:body>{body}</w:body></w:document>"#);
        std::io::Write::write_all(&mut w, xml.as_bytes()).unwrap();
        w.start_file("word/numbering.xml", opts).unwrap();
        let numbering = format!(
            r#"<w:numbering {NS}>
            <w:abstractNum w:abstractNumId="7">
              <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
              <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
              <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
            </w:abstractNum>
            <w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="8"/></w:num>
            </w:numbering>"#
        );
        std::io::Write::write_all(&mut w, numbering.as_bytes()).unwrap();
        w.finish().unwrap();
        let r = read(&buf.into_inner()).unwrap();
        assert_eq!(
            texts(&r),
            [
                "一、总体要求",
                "（一）加强领导",
                "（二）强化保障",
                "二、工作措施",
                "（一）明确分工",
                "1.细化任务",
                "要点"
            ]
        );
    }

    #[test]
    fn broken_parts_are_errors_not_panics() {
        let e = read(&docx("<w:p>", None)).err().unwrap().to_string();
        assert!(e.contains("not well-formed"), "{e}");
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        for tag in ["w:sdt", "w:r", "x:foreign"] {
            let open = format!("<{tag} xmlns:x=\"urn:x\">").repeat(20_000);
            let close = format!("</{tag}>").repeat(20_000);
            let e = read(&docx(&format!("<w:p>{open}{close}</w:p>"), None))
                .err()
                .unwrap()
                .to_string();
            assert!(e.contains("nests its elements"), "{tag}: {e}");
        }
        // Nesting within the limit reads.
        let open = "<w:sdt><w:sdtContent>".repeat(50);
        let close = "</w:sdtContent></w:sdt>".repeat(50);
        let r = read(&docx(
            &format!("{open}<w:p><w:r><w:t>深处</w:t></w:r></w:p>{close}"),
            None,
        ))
        .unwrap();
        assert_eq!(texts(&r), ["深处"]);
    }

    #[test]
    fn nested_text_boxes_are_read_once_each() {
        // Each box holds a line and the next box: every line once, in
        // order (each level once doubled the work and repeated the text).
        let depth = 30;
        let mut xml = String::new();
        for k in 0..depth {
            xml.push_str(&format!(
                "<w:p><w:r><w:t>第{k}层</w:t></w:r><w:r><w:drawing><w:txbxContent>"
            ));
        }
        for _ in 0..depth {
            xml.push_str("</w:txbxContent></w:drawing></w:r></w:p>");
        }
        let r = read(&docx(&xml, None)).unwrap();
        let got: Vec<&str> = texts(&r).into_iter().filter(|t| !t.is_empty()).collect();
        let want: Vec<String> = (0..depth).map(|k| format!("第{k}层")).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_long_list_number_text_is_refused() {
        let lvl = format!(
            r#"<w:numbering {NS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="{}%1"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#,
            "长".repeat(MAX_LEVEL_TEXT_CHARS + 1)
        );
        let e = Numbering::parse(&lvl).err().unwrap().to_string();
        assert!(e.contains("lvlText"), "{e}");
        let ok = lvl.replace(&"长".repeat(MAX_LEVEL_TEXT_CHARS + 1), "（");
        let mut n = Numbering::parse(&ok).unwrap();
        assert_eq!(n.next("1", 0).as_deref(), Some("（1"));
    }
}

//! A table's column widths from its content (issue: tables a statistics
//! office would sign): the composition both writers draw, measured on
//! tables written here — a county table, a project table with long header
//! texts — and on generated ones. The expected widths come from the fonts'
//! advances and the standard's 版心 (156 mm, turned 225 mm), not from the
//! code under test.

mod common;

use gongwen::compose::table::{Composed, compose};
use gongwen::fonts::{FontSet, Role};
use gongwen::model::table::{Cell, Column, Orientation, Table};
use proptest::prelude::*;

/// 1 mm in points.
const MM: f64 = 72.0 / 25.4;
/// The 版心's width (§5.2.1), pt.
const PORTRAIT: f64 = 156.0 * MM;
/// Turned: the 版心's height, pt.
const LANDSCAPE: f64 = 225.0 * MM;
/// A cell's text starts 1.5 mm from either border (gongwen's choice,
/// README), and the line breaker leaves half a point.
const PAD: f64 = 2.0 * 1.5 * MM + 0.5;
const SIHAO: f64 = 14.0;

fn fonts() -> &'static FontSet {
    static F: std::sync::OnceLock<FontSet> = std::sync::OnceLock::new();
    F.get_or_init(FontSet::bundled)
}

fn cell(text: &str) -> Cell {
    Cell {
        text: text.to_string(),
        colspan: 1,
        rowspan: 1,
    }
}

fn span(text: &str, colspan: usize, rowspan: usize) -> Cell {
    Cell {
        text: text.to_string(),
        colspan,
        rowspan,
    }
}

/// Width of `text` set in `role` at `size`, pt.
fn width(text: &str, role: Role, size: f64) -> f64 {
    text.chars()
        .map(|c| fonts().advance(role, c).expect("a bundled glyph") * size)
        .sum()
}

fn table(header: Vec<Vec<Cell>>, rows: Vec<Vec<Cell>>) -> Table {
    Table {
        caption: None,
        columns: Vec::new(),
        header,
        rows,
        orientation: Orientation::Auto,
    }
}

/// The body cells of `t` (rows after the header), each as its lines.
fn body_cells(t: &Composed) -> Vec<&Vec<String>> {
    t.rows[t.header_rows..]
        .iter()
        .flat_map(|r| r.cells.iter().map(|c| &c.lines))
        .collect()
}

/// 41 counties of a province, 2 to 4 characters (invented).
const COUNTIES: [&str; 41] = [
    "城区",
    "青岚县",
    "白石县",
    "梅林县",
    "柳河县",
    "东山县",
    "西坪县",
    "龙潭县",
    "石门县",
    "杨柳县",
    "桃源县",
    "双河县",
    "高岭县",
    "凤凰县",
    "长乐县",
    "新田县",
    "梅河口市",
    "青溪市",
    "安宁区",
    "江北区",
    "南湖区",
    "北塘区",
    "云岭县",
    "平川县",
    "黄花岭县",
    "望江县",
    "金沙县",
    "红河县",
    "清水县",
    "宁远县",
    "永和县",
    "九龙坡区",
    "太平县",
    "三江县",
    "兴隆县",
    "和平区",
    "丰收县",
    "五峰县",
    "六合县",
    "七星关区",
    "八步区",
];

/// A 12-column county table with two header rows, as a statistics bureau
/// sets it.
fn county_table() -> Table {
    let header = vec![
        vec![
            span("序号", 1, 2),
            span("县（市、区）", 1, 2),
            span("常住人口（万人）", 1, 2),
            span("地区生产总值", 2, 1),
            span("一般公共预算收入", 2, 1),
            span("固定资产投资增速（%）", 1, 2),
            span("社会消费品零售总额", 2, 1),
            span("居民人均可支配收入（元）", 2, 1),
        ],
        [
            "总量（亿元）",
            "增速（%）",
            "总量（亿元）",
            "增速（%）",
            "总量（亿元）",
            "增速（%）",
            "城镇",
            "农村",
        ]
        .into_iter()
        .map(cell)
        .collect(),
    ];
    let rows = COUNTIES
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let f = k as f64;
            [
                format!("{}", k + 1),
                name.to_string(),
                format!("{:.2}", 12.0 + f * 1.37),
                format!("{:.2}", 180.0 + f * 23.91),
                format!("{:.1}", 6.5 - f * 0.31),
                format!("{:.2}", 9.0 + f * 0.77),
                format!("{:.1}", 3.2 - f * 0.27),
                format!("{:.1}", -4.0 + f * 0.4),
                format!("{:.2}", 61.0 + f * 8.13),
                format!("{:.1}", 5.1 + f * 0.1),
                format!("{}", 41000 + k * 317),
                format!("{}", 19000 + k * 211),
            ]
            .iter()
            .map(|s| cell(s))
            .collect()
        })
        .collect();
    table(header, rows)
}

#[test]
fn a_county_table_at_sihao_turns_and_no_name_wraps() {
    let t = compose(&county_table(), "body[0].table", SIHAO, fonts());
    assert!(t.landscape, "12 columns at 四号 do not fit 156 mm");
    assert!((t.width() - LANDSCAPE).abs() < 1e-6);
    eprintln!(
        "county table, columns (mm): {:?}",
        t.columns
            .iter()
            .map(|w| (w / MM * 10.0).round() / 10.0)
            .collect::<Vec<_>>()
    );
    // Every body cell on one line: the names (2-4 characters) and numbers.
    for (k, lines) in body_cells(&t).iter().enumerate() {
        assert_eq!(lines.len(), 1, "body cell {k}: {lines:?}");
    }
    // Each column at least as wide as its widest body cell on one line
    // (measured here from the fonts), the name column as wide as 四个字.
    for (c, &w) in t.columns.iter().enumerate() {
        let widest = county_table()
            .rows
            .iter()
            .map(|r| width(&r[c].text, Role::Body, SIHAO) + PAD)
            .fold(0.0, f64::max);
        assert!(w + 1e-6 >= widest, "column {c}: {w} < {widest}");
    }
    assert!(t.columns[1] >= 4.0 * SIHAO + PAD);
    assert!(t.narrow.is_empty());
    // Every row one body line (the header's two rows may take more).
    assert!(t.rows[t.header_rows..].iter().all(|r| r.lines == 1));
}

/// A project table: five columns, long header texts, short body cells.
fn project_table() -> Table {
    let header = vec![
        [
            "序号",
            "项目名称",
            "计划总投资（万元）",
            "2027年1—6月完成投资（万元）",
            "完成投资占计划比例（%）",
        ]
        .into_iter()
        .map(cell)
        .collect(),
    ];
    let projects = [
        ("城区供水管网改造", 12500.0, 6830.5),
        ("白石水库除险加固", 8600.0, 5120.0),
        ("梅林镇污水处理厂", 6400.0, 2210.75),
        ("柳河堤防整治", 4800.0, 3960.0),
        ("东山灌区节水改造", 15200.0, 7305.25),
        ("龙潭乡饮水安全", 2100.0, 1720.0),
    ];
    let rows = projects
        .iter()
        .enumerate()
        .map(|(k, (name, plan, done))| {
            vec![
                cell(&format!("{}", k + 1)),
                cell(name),
                cell(&format!("{plan:.2}")),
                cell(&format!("{done:.2}")),
                cell(&format!("{:.1}", done / plan * 100.0)),
            ]
        })
        .collect();
    table(header, rows)
}

#[test]
fn a_portrait_table_wraps_its_header_before_its_body() {
    let p = project_table();
    let t = compose(&p, "body[0].table", 16.0, fonts());
    assert!(!t.landscape, "the body cells fit 156 mm");
    assert!((t.width() - PORTRAIT).abs() < 1e-6);
    for (k, lines) in body_cells(&t).iter().enumerate() {
        assert_eq!(lines.len(), 1, "body cell {k}: {lines:?}");
    }
    // The header texts on one line would need more than the 版心.
    let header_natural: f64 = p.header[0]
        .iter()
        .map(|c| width(&c.text, Role::Hei, 16.0) + PAD)
        .sum();
    assert!(header_natural > PORTRAIT);
    let wrapped = t.rows[0].cells.iter().filter(|c| c.lines.len() > 1).count();
    assert!(wrapped >= 1, "{:?}", t.rows[0].cells);
    // Text kept: the header's lines are its cells.
    for (c, h) in t.rows[0].cells.iter().zip(&p.header[0]) {
        assert_eq!(c.lines.concat(), h.text);
    }
}

#[test]
fn given_shares_that_fit_the_portrait_block_stay_portrait() {
    // Five columns of eight-character phrases: on one line (capped at six
    // characters, 6 × 16 pt + the insets each) they ask for 5 × 105 pt,
    // more than 156 mm (442 pt), and `auto` turns the table.
    let phrase = "农田水利改造工程";
    let rows = vec![(0..5).map(|_| cell(phrase)).collect::<Vec<_>>(); 3];
    let mut t = table(Vec::new(), rows);
    assert!(compose(&t, "body[0].table", 16.0, fonts()).landscape);
    // With the author's shares, whose columns hold every token (a hanzi)
    // on the portrait 版心, it stays upright and the shares are kept.
    t.columns = [1.0, 2.0, 1.0, 1.0, 1.0]
        .into_iter()
        .map(|w| Column {
            width: Some(w),
            align: Default::default(),
        })
        .collect();
    let c = compose(&t, "body[0].table", 16.0, fonts());
    assert!(!c.landscape);
    assert!((c.columns[1] - PORTRAIT / 3.0).abs() < 1e-6);
    assert!(c.narrow.is_empty());
}

#[test]
fn a_document_number_and_closing_marks_stay_whole_in_a_cell() {
    // A 发文字号 in a column that could break it: the column widens to it.
    let text = "×××〔2027〕12号";
    let rows = vec![vec![cell(text), cell(&"国".repeat(80))]];
    let t = compose(&table(Vec::new(), rows), "body[0].table", 16.0, fonts());
    assert_eq!(t.rows[0].cells[0].lines, [text]);
    assert!(t.columns[0] >= width(text, Role::Body, 16.0) + PAD - 1e-6);
    // 避头尾: no line of a narrow cell starts with a closing mark, whatever
    // the column's width.
    for mark in ['）', '】', '》', '，', '。', '；', '：'] {
        for n in 3..12 {
            let text: String = format!("{}{mark}", "国".repeat(n)).repeat(3);
            let rows = vec![vec![cell(&text), cell(&"国".repeat(60))]];
            let t = compose(&table(Vec::new(), rows), "body[0].table", 16.0, fonts());
            let lines = &t.rows[0].cells[0].lines;
            assert_eq!(lines.concat(), text);
            for l in lines {
                assert!(!l.starts_with(mark), "{mark} starts {lines:?}");
            }
        }
    }
}

// ------------------------------------------------------------------
// Generated tables
// ------------------------------------------------------------------

/// A piece of a cell: text that must not break (a number, a code, a
/// 发文字号), or hanzi that may.
#[derive(Debug, Clone)]
enum Piece {
    Token(String),
    Words(String),
}

fn number() -> impl Strategy<Value = String> {
    (
        prop::bool::ANY,
        1u32..10_000_000,
        prop::option::of(0u32..100),
        prop::bool::ANY,
    )
        .prop_map(|(neg, int, frac, pct)| {
            let mut s = String::new();
            if neg {
                s.push('-');
            }
            s.push_str(&int.to_string());
            if let Some(f) = frac {
                s.push_str(&format!(".{f:02}"));
            }
            if pct {
                s.push('%');
            }
            s
        })
}

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        number().prop_map(Piece::Token),
        (2020u32..2040, 1u32..100).prop_map(|(y, n)| Piece::Token(format!("QY{y}-{n}"))),
        "[a-zA-Z]{2,12}".prop_map(Piece::Token),
        (1usize..20).prop_map(|n| Piece::Words(
            "农田水利改造工程项目建设".chars().cycle().take(n).collect()
        )),
    ]
}

/// A cell: pieces joined, hanzi between tokens (so that two tokens never
/// touch), sometimes a 发文字号 first.
fn cell_text() -> impl Strategy<Value = (String, Vec<String>)> {
    (
        prop::option::weighted(0.15, 1u32..1000),
        prop::collection::vec(piece(), 0..4),
    )
        .prop_map(|(doc, pieces)| {
            let mut text = String::new();
            let mut tokens = Vec::new();
            if let Some(n) = doc {
                let t = format!("×××〔2027〕{n}号");
                text.push_str(&t);
                tokens.push(t);
            }
            for p in pieces {
                match p {
                    Piece::Token(t) => {
                        if !text.is_empty() {
                            text.push('及');
                        }
                        text.push_str(&t);
                        tokens.push(t);
                        text.push('项');
                    }
                    Piece::Words(w) => text.push_str(&w),
                }
            }
            (text, tokens)
        })
}

#[derive(Debug, Clone)]
struct Generated {
    table: Table,
    /// Each cell's unbreakable tokens, in the order of the table's cells.
    tokens: Vec<Vec<String>>,
    size: f64,
}

fn generated() -> impl Strategy<Value = Generated> {
    (1usize..=12, 1usize..=8, 0usize..=2, 0usize..3, 0usize..3)
        .prop_flat_map(|(n, rows, header, size, orient)| {
            let cells = prop::collection::vec(cell_text(), (rows + header) * n);
            // A cell spanning two columns in some rows (where n > 1).
            let spans =
                prop::collection::vec(prop::option::weighted(0.2, 0..n.max(2) - 1), rows + header);
            (Just((n, rows, header, size, orient)), cells, spans)
        })
        .prop_map(|((n, _rows, header, size, orient), cells, spans)| {
            let mut all: Vec<Vec<Cell>> = Vec::new();
            let mut tokens = Vec::new();
            let mut it = cells.into_iter();
            for span in &spans {
                let mut row = Vec::new();
                let mut c = 0;
                while c < n {
                    let (text, toks) = it.next().expect("enough cells");
                    let colspan = match *span {
                        Some(at) if at == c && n > 1 => 2,
                        _ => 1,
                    };
                    row.push(Cell {
                        text,
                        colspan,
                        rowspan: 1,
                    });
                    tokens.push(toks);
                    c += colspan;
                }
                all.push(row);
            }
            let body = all.split_off(header);
            let mut table = table(all, body);
            table.orientation = [
                Orientation::Auto,
                Orientation::Portrait,
                Orientation::Landscape,
            ][orient];
            Generated {
                table,
                tokens,
                size: [12.0, 14.0, 16.0][size],
            }
        })
}

proptest! {
    #![proptest_config(common::proptest_config(256))]

    /// No text lost; when the columns' tokens fit the table's width, no
    /// token is split and no column is narrower than its widest token.
    #[test]
    fn generated_tables_keep_their_text_and_tokens(g in generated()) {
        let placed = g.table.layout().expect("a full table");
        let t = compose(&g.table, "body[0].table", g.size, fonts());
        let full = if t.landscape { LANDSCAPE } else { PORTRAIT };
        prop_assert!((t.width() - full).abs() < 1e-6);
        let cells: Vec<_> = t.rows.iter().flat_map(|r| &r.cells).collect();
        let written: Vec<&Cell> = g.table.header.iter().chain(&g.table.rows).flatten().collect();
        prop_assert_eq!(cells.len(), written.len());
        // Each column's least: its one-column cells' widest token, or one
        // character; a body cell of 2-4 hanzi is a name and counts whole (a
        // header's word may break when room is short).
        let n = g.table.column_count();
        let header_rows = g.table.header.len();
        let mut least = vec![g.size + PAD; n];
        for ((p, cell), toks) in placed.iter().zip(&written).zip(&g.tokens) {
            let role = if p.row < header_rows { Role::Hei } else { Role::Body };
            if p.colspan == 1 {
                let name = p.row >= header_rows
                    && (2..=4).contains(&cell.text.chars().count())
                    && cell.text.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
                let names = name.then(|| cell.text.clone());
                for tok in toks.iter().chain(&names) {
                    least[p.col] = least[p.col].max(width(tok, role, g.size) + PAD);
                }
            }
        }
        // A cell spanning columns may ask them for more: at most its widest
        // token (so the check below runs only where the tokens surely fit).
        let spanning: f64 = placed
            .iter()
            .zip(&written)
            .zip(&g.tokens)
            .filter(|((p, _), _)| p.colspan > 1)
            .map(|((p, _), toks)| {
                let role = if p.row < header_rows { Role::Hei } else { Role::Body };
                toks.iter().map(|t| width(t, role, g.size) + PAD).fold(0.0, f64::max)
            })
            .sum();
        let fits = least.iter().sum::<f64>() + spanning <= full;
        for (k, (c, w)) in cells.iter().zip(&written).enumerate() {
            prop_assert_eq!(c.lines.concat(), w.text.clone(), "cell {} lost text", k);
        }
        if fits {
            for (c, &w) in t.columns.iter().enumerate() {
                prop_assert!(w + 1e-6 >= least[c], "column {} at {} < {}", c, w, least[c]);
            }
            // Each token on one line of its cell.
            for ((c, p), toks) in cells.iter().zip(&placed).zip(&g.tokens) {
                // The composed cells are in the written order.
                prop_assert_eq!((c.col, c.colspan), (p.col, p.colspan));
                for tok in toks {
                    prop_assert!(
                        c.lines.iter().any(|l| l.contains(tok.as_str())),
                        "{} split in {:?}", tok, c.lines
                    );
                }
            }
        }
    }
}

//! Fonts: the bundled open fonts, an office's own fonts, and which font
//! sets each character of each role.
//!
//! The bundled fonts are compiled into the binary, so `gen` needs no system
//! fonts. An office that owns the official fonts (方正小标宋简体, 仿宋_GB2312,
//! 楷体_GB2312, 黑体, 宋体, Times New Roman) points `--font-dir` (or
//! `GONGWEN_FONT_DIR`) at them; they are then preferred, role by role, and
//! the bundled fonts remain the fallback.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::layout::Abs;
use typst::text::{
    Font, FontBook, FontInstance, FontStretch, FontStyle, FontVariant, FontVariations, FontWeight,
};

/// A font compiled into the binary.
struct Bundled {
    file: &'static str,
    data: &'static [u8],
}

macro_rules! bundled {
    ($($file:literal),* $(,)?) => {
        [$(Bundled { file: $file, data: include_bytes!(concat!("../fonts/", $file)) }),*]
    };
}

/// The bundled fonts (see `fonts/README.md` for sources and licences).
static BUNDLED: [Bundled; 6] = bundled![
    "FandolFang-Regular.subset.otf",
    "NotoSerifCJKsc-Bold.subset.otf",
    "NotoSerifCJKsc-Regular.subset.otf",
    "NotoSansCJKsc-Medium.subset.otf",
    "GongwenKai-Regular.ttf",
    "LiberationSerif-Regular.ttf",
];

/// The bundled extension fonts ([`EXTENSION_FAMILY`]): 17 MB that few
/// documents need, parsed only when one asks for a character no other
/// font has (see [`FontSet::resolve`]).
static BUNDLED_EXTENSION: [Bundled; 2] = bundled![
    "NotoSerifCJKsc-Regular.ext.otf",
    "NotoSerifCJKsc-Bold.ext.otf",
];

/// The family that catches the common characters a role's own fonts lack
/// (GBK's hanzi and office symbols; the 宋体 of page numbers).
pub const FALLBACK_FAMILY: &str = "Noto Serif CJK SC";

/// The last link of every role's chain: everything else Noto Serif CJK SC
/// maps (Extension A, the names' Extension B–F characters, ㎡, ㉑–㊿, ⑴–⒇
/// …), in two weights: Bold for the 标题 (weight 700 selects it), Regular
/// for every other role (400 and 500 select it). Kept apart from the
/// fallback above so that the fonts every document uses stay small.
pub const EXTENSION_FAMILY: &str = "Noto Serif CJK SC Ext";

/// The role of a piece of text, which decides its typeface (§7.3.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// 仿宋: body text, 3rd and 4th level headings, 署名, 成文日期.
    Body,
    /// 黑体: 1st level headings (一、), 密级和保密期限, 紧急程度, table
    /// heads and captions, the attendance labels.
    Hei,
    /// 楷体: 2nd level headings (（一）), the 签发人's names.
    Kai,
    /// 小标宋: the 标题.
    Title,
    /// 宋体: page numbers.
    Song,
}

impl Role {
    /// The typeface's name as the standard calls it (仿宋, 黑体 …), for
    /// messages.
    pub fn typeface(self) -> &'static str {
        match self {
            Role::Body => "仿宋",
            Role::Hei => "黑体",
            Role::Kai => "楷体",
            Role::Title => "小标宋",
            Role::Song => "宋体",
        }
    }
}

/// What a role asks for: the official font's names first (any of the names
/// an installed copy may carry), then the bundled substitute.
struct RoleSpec {
    /// Official names, Chinese and English, in order of preference.
    official: &'static [&'static str],
    /// The bundled family.
    bundled: &'static str,
    /// The weight to select within each family.
    weight: u16,
}

fn spec(role: Role) -> RoleSpec {
    match role {
        // 3号仿宋 (§5.2.2).
        Role::Body => RoleSpec {
            official: &["仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong"],
            // Typst names families by name ID 1, which is "FandolFang R" here.
            bundled: "FandolFang R",
            weight: 400,
        },
        // 黑体 (§7.3.3, first-level headings).
        Role::Hei => RoleSpec {
            official: &["黑体", "SimHei"],
            bundled: "Noto Sans CJK SC",
            weight: 500,
        },
        // 楷体 (§7.3.3, second-level headings).
        Role::Kai => RoleSpec {
            official: &["楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi"],
            bundled: "Gongwen Kai",
            weight: 400,
        },
        // 小标宋体 (§7.3.1).
        Role::Title => RoleSpec {
            official: &[
                "方正小标宋简体",
                "FZXiaoBiaoSong-B05S",
                "方正小标宋_GBK",
                "FZXiaoBiaoSong-B05",
            ],
            bundled: "Noto Serif CJK SC",
            weight: 700,
        },
        // 宋体 (§7.5, page numbers).
        Role::Song => RoleSpec {
            official: &["宋体", "SimSun"],
            bundled: "Noto Serif CJK SC",
            weight: 400,
        },
    }
}

/// Latin letters and digits: Times New Roman by agency convention,
/// Liberation Serif (metric-compatible) bundled.
const LATIN_OFFICIAL: &[&str] = &["Times New Roman"];
const LATIN_BUNDLED: &str = "Liberation Serif";

/// Characters that exist in Latin fonts but must come from the CJK font
/// (Typst's `latin-in-cjk` coverage, which the PDF template uses): the
/// middle dot, dashes, curly quotes and ellipses.
pub fn cjk_preferred(c: char) -> bool {
    matches!(
        c,
        '\u{00B7}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{2025}'..='\u{2027}' | '\u{2E3A}'
    )
}

/// Errors while loading fonts.
#[derive(Debug, thiserror::Error)]
pub enum FontError {
    #[error("font directory {path}: {source}")]
    Dir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("font directory {0} holds no font Typst can read (.ttf, .otf, .ttc, .otc)")]
    Empty(PathBuf),
}

/// A character as set: the index of its font and its advance in em.
pub type Glyph = (usize, f64);

/// The fonts of one run, and which font sets each character.
pub struct FontSet {
    /// The office's fonts, then the bundled ones, without the extension.
    fonts: Vec<Font>,
    book: FontBook,
    /// `fonts` followed by the extension fonts, and their book: parsed
    /// the first time a character needs them.
    extended: OnceLock<(Vec<Font>, FontBook)>,
    /// Per role: the family chain (resolved Typst family names).
    chains: HashMap<Role, Vec<String>>,
    latin: String,
    /// Font files that were read from a font directory.
    user_files: Vec<PathBuf>,
    instances: std::sync::Mutex<HashMap<usize, FontInstance>>,
    /// (role, char) → the font that sets it and its advance in em, or
    /// `None` if no font has it: asked for every character of every line,
    /// so computed once.
    glyphs: std::sync::RwLock<HashMap<(Role, char), Option<Glyph>, KeyHash>>,
    /// Per font index: its coverage as sorted ranges, made the first time
    /// the font is asked for a character (see [`Ranges`]).
    ranges: std::sync::Mutex<HashMap<usize, std::sync::Arc<Ranges>>>,
}

/// The glyph cache's hasher: its keys are a role and a character, asked
/// for every character of every text (80,000 times for the seed), and the
/// standard library's SipHash cost 14 M instructions of a cold `gen pdf`
/// there. Multiplying by an odd constant mixes the few bits that differ
/// into the high bits the table reads; nobody chooses these keys to
/// collide.
type KeyHash = std::hash::BuildHasherDefault<KeyHasher>;

#[derive(Default)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        // 2^64 / φ, odd (Fibonacci hashing).
        self.0 = (self.0.rotate_left(26) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_isize(&mut self, n: isize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A font's coverage (Typst's, the same code points) as sorted, disjoint
/// inclusive ranges, searched by bisection. Typst's `Coverage::contains`
/// walks its runs from the start, which is thousands of steps for a CJK
/// font: for the seed that was 59 M instructions, 5 % of a cold `gen pdf`.
struct Ranges(Vec<(u32, u32)>);

impl Ranges {
    fn of(font: &Font) -> Self {
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        for c in font.info().coverage.iter() {
            match ranges.last_mut() {
                Some((_, end)) if *end + 1 == c => *end = c,
                _ => ranges.push((c, c)),
            }
        }
        Self(ranges)
    }

    fn contains(&self, c: u32) -> bool {
        let i = self.0.partition_point(|&(_, end)| end < c);
        self.0.get(i).is_some_and(|&(start, _)| start <= c)
    }
}

const ALL_ROLES: [Role; 5] = [Role::Body, Role::Hei, Role::Kai, Role::Title, Role::Song];

impl FontSet {
    /// Only the bundled fonts.
    pub fn bundled() -> Self {
        Self::build(Vec::new(), Vec::new())
    }

    /// The fonts in `dir` (not recursive) before the bundled ones.
    pub fn with_dir(dir: &Path) -> Result<Self, FontError> {
        let err = |source| FontError::Dir {
            path: dir.to_path_buf(),
            source,
        };
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(err)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    matches!(
                        e.to_ascii_lowercase().as_str(),
                        "ttf" | "otf" | "ttc" | "otc"
                    )
                })
            })
            .collect();
        files.sort();
        let mut fonts = Vec::new();
        let mut used = Vec::new();
        for path in files {
            let data = std::fs::read(&path).map_err(err)?;
            let before = fonts.len();
            fonts.extend(Font::iter(Bytes::new(data)));
            if fonts.len() > before {
                used.push(path);
            }
        }
        if fonts.is_empty() {
            return Err(FontError::Empty(dir.to_path_buf()));
        }
        Ok(Self::build(fonts, used))
    }

    fn build(user: Vec<Font>, user_files: Vec<PathBuf>) -> Self {
        // Every localised family name of the user's fonts, so that an
        // office font is found by its Chinese name too.
        let mut aliases: HashMap<String, String> = HashMap::new();
        for font in &user {
            let instance = instantiate(font);
            for name in instance.ttf().names() {
                if matches!(name.name_id, 1 | 16)
                    && let Some(s) = name.to_string()
                {
                    aliases
                        .entry(s.to_lowercase())
                        .or_insert_with(|| font.info().family.clone());
                }
            }
            aliases
                .entry(font.info().family.to_lowercase())
                .or_insert_with(|| font.info().family.clone());
        }
        let mut fonts = user;
        parse_bundled(&BUNDLED, &mut fonts);
        let book = FontBook::from_fonts(&fonts);
        let official = |names: &[&str]| -> Option<String> {
            names
                .iter()
                .find_map(|n| aliases.get(&n.to_lowercase()).cloned())
        };
        let mut chains = HashMap::new();
        for role in ALL_ROLES {
            let s = spec(role);
            let mut chain: Vec<String> = Vec::new();
            for family in official(s.official)
                .into_iter()
                .chain([s.bundled, FALLBACK_FAMILY, EXTENSION_FAMILY].map(String::from))
            {
                if !chain.iter().any(|f| f.eq_ignore_ascii_case(&family)) {
                    chain.push(family);
                }
            }
            chains.insert(role, chain);
        }
        let latin = official(LATIN_OFFICIAL).unwrap_or_else(|| LATIN_BUNDLED.to_string());
        Self {
            fonts,
            book,
            extended: OnceLock::new(),
            chains,
            latin,
            user_files,
            instances: Default::default(),
            glyphs: Default::default(),
            ranges: Default::default(),
        }
    }

    /// All fonts, the extension fonts included (parsed now if no
    /// character needed them yet). An index from [`Self::resolve`] is an
    /// index into this list.
    pub fn fonts(&self) -> &[Font] {
        &self.extended().0
    }

    /// Font `index` of [`Self::fonts`], without parsing the extension
    /// fonts for an index below them (Typst's `World` asks only for the
    /// fonts of the book it was given).
    pub fn font(&self, index: usize) -> Option<Font> {
        match self.fonts.get(index) {
            Some(font) => Some(font.clone()),
            None => self.extended().0.get(index).cloned(),
        }
    }

    /// The font book, for Typst's `World`: with the extension fonts, or
    /// without them (the book of a document that needs none of their
    /// characters; see [`Self::needs_extension`]).
    pub fn book(&self, extension: bool) -> &FontBook {
        if extension {
            &self.extended().1
        } else {
            &self.book
        }
    }

    /// The fonts and book with the extension fonts, parsed on first use.
    fn extended(&self) -> &(Vec<Font>, FontBook) {
        self.extended.get_or_init(|| {
            let mut fonts = self.fonts.clone();
            parse_bundled(&BUNDLED_EXTENSION, &mut fonts);
            let book = FontBook::from_fonts(&fonts);
            (fonts, book)
        })
    }

    /// Whether any character of `texts` (role, text) is set in an
    /// extension font, so that the document's layout needs them.
    pub fn needs_extension<'t>(&self, texts: impl IntoIterator<Item = (Role, &'t str)>) -> bool {
        let core = self.fonts.len();
        texts.into_iter().any(|(role, text)| {
            text.chars()
                .any(|c| self.glyph(role, c).is_some_and(|(index, _)| index >= core))
        })
    }

    /// The font files read from a font directory.
    pub fn user_files(&self) -> &[PathBuf] {
        &self.user_files
    }

    /// The CJK family chain of a role, most preferred first.
    pub fn chain(&self, role: Role) -> &[String] {
        &self.chains[&role]
    }

    /// The Latin family (letters and digits in every role but page numbers).
    pub fn latin(&self) -> &str {
        &self.latin
    }

    /// Whether a role sets Latin letters and digits in the Latin font
    /// (Times New Roman by agency convention). The 标题 and the page number
    /// take them from their own face: the title's digits in the title's
    /// weight, the page number's in 宋体 (§7.5 "半角宋体阿拉伯数字").
    pub fn uses_latin_font(role: Role) -> bool {
        !matches!(role, Role::Title | Role::Song)
    }

    /// The weight a role selects within its families.
    pub fn weight(role: Role) -> u16 {
        spec(role).weight
    }

    /// The official East Asian font name of a role (what a DOCX names).
    pub fn official_name(role: Role) -> &'static str {
        spec(role).official[0]
    }

    /// The bundled font's family as Word and fontconfig name it (name ID 1,
    /// which includes the weight for Noto Sans CJK SC Medium).
    pub fn bundled_legacy_name(role: Role) -> &'static str {
        match role {
            Role::Hei => "Noto Sans CJK SC Medium",
            _ => spec(role).bundled,
        }
    }

    /// The official Latin font (agency convention).
    pub fn official_latin() -> &'static str {
        LATIN_OFFICIAL[0]
    }

    /// The bundled Latin font.
    pub fn bundled_latin() -> &'static str {
        LATIN_BUNDLED
    }

    fn variant(role: Role) -> FontVariant {
        FontVariant::new(
            FontStyle::Normal,
            FontWeight::from_number(Self::weight(role)),
            FontStretch::NORMAL,
        )
    }

    /// The index of the font that sets `c` in `role`, as the PDF template
    /// asks Typst for it: the Latin font for what it covers (except
    /// [`cjk_preferred`] characters), else the first font of the role's
    /// chain that has the character. `None`: no font has it.
    ///
    /// The extension fonts close every chain: they are parsed only for a
    /// character that no other font of the chain has.
    pub fn resolve(&self, role: Role, c: char) -> Option<usize> {
        let variant = Self::variant(role);
        let covers = |book: &FontBook, fonts: &[Font], family: &str| {
            book.select(&family.to_lowercase(), variant)
                .filter(|&i| self.has(i, &fonts[i], c))
        };
        if Self::uses_latin_font(role)
            && !cjk_preferred(c)
            && let Some(i) = covers(&self.book, &self.fonts, &self.latin)
        {
            return Some(i);
        }
        let chain = self.chain(role);
        chain
            .iter()
            .find_map(|f| covers(&self.book, &self.fonts, f))
            .or_else(|| {
                // The chain again, in the book that has the extension: a
                // family of the extension is in no other book.
                let (fonts, book) = self.extended();
                chain.iter().find_map(|f| covers(book, fonts, f))
            })
    }

    /// Whether font `index` (which is `font`) covers `c`, as its Typst
    /// coverage says.
    fn has(&self, index: usize, font: &Font, c: char) -> bool {
        let ranges = {
            let mut all = self.ranges.lock().unwrap_or_else(|e| e.into_inner());
            all.entry(index)
                .or_insert_with(|| std::sync::Arc::new(Ranges::of(font)))
                .clone()
        };
        ranges.contains(c as u32)
    }

    /// Whether some font of `role` has `c`.
    pub fn covers(&self, role: Role, c: char) -> bool {
        c.is_whitespace() || c.is_control() || self.advance(role, c).is_some()
    }

    /// The advance of `c` in `role`, in em, or `None` if no font has it.
    pub fn advance(&self, role: Role, c: char) -> Option<f64> {
        self.glyph(role, c).map(|(_, advance)| advance)
    }

    /// The index of the font that sets `c` in `role` (as [`Self::resolve`])
    /// and the advance of `c` in it, in em; cached.
    pub fn glyph(&self, role: Role, c: char) -> Option<Glyph> {
        let cached = self
            .glyphs
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&(role, c))
            .copied();
        if let Some(glyph) = cached {
            return glyph;
        }
        let glyph = self.compute_glyph(role, c);
        self.glyphs
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert((role, c), glyph);
        glyph
    }

    fn compute_glyph(&self, role: Role, c: char) -> Option<Glyph> {
        let index = self.resolve(role, c)?;
        let font = self.font(index)?;
        let mut cache = self.instances.lock().unwrap_or_else(|e| e.into_inner());
        let instance = cache.entry(index).or_insert_with(|| instantiate(&font));
        let glyph = instance.ttf().glyph_index(c)?;
        instance.x_advance(glyph.0).map(|em| (index, em.get()))
    }

    /// For the font that sets `c` in `role`: the top of `c`'s ink above the
    /// baseline and the font's descent below it, both in em. (Word
    /// processors hang a single line from the font's descent; the DOCX
    /// footer is placed with these so that the 一字线's top lands where
    /// §7.5 puts it.)
    pub fn ink_top_and_descent(&self, role: Role, c: char) -> Option<(f64, f64)> {
        let index = self.resolve(role, c)?;
        let font = self.font(index)?;
        let mut cache = self.instances.lock().unwrap_or_else(|e| e.into_inner());
        let instance = cache.entry(index).or_insert_with(|| instantiate(&font));
        let face = instance.ttf();
        let glyph = face.glyph_index(c)?;
        let bbox = face.glyph_bounding_box(glyph)?;
        let upem = f64::from(face.units_per_em());
        Some((
            f64::from(bbox.y_max) / upem,
            -f64::from(face.descender()) / upem,
        ))
    }

    /// The family name of font `index`.
    pub fn family(&self, index: usize) -> &str {
        match self.fonts.get(index) {
            Some(font) => &font.info().family,
            None => &self.extended().0[index].info().family,
        }
    }
}

/// Parses bundled fonts onto the end of `fonts`.
fn parse_bundled(bundled: &[Bundled], fonts: &mut Vec<Font>) {
    for b in bundled {
        let before = fonts.len();
        fonts.extend(Font::iter(Bytes::new(b.data)));
        debug_assert!(
            fonts.len() > before,
            "bundled font {} did not parse",
            b.file
        );
    }
}

fn instantiate(font: &Font) -> FontInstance {
    font.clone().instantiate(
        font.info().variant,
        Abs::pt(16.0),
        &FontVariations::default(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_roles_resolve_to_the_intended_families() {
        let fonts = FontSet::bundled();
        let fam = |role, c| fonts.family(fonts.resolve(role, c).unwrap()).to_string();
        assert_eq!(fam(Role::Body, '国'), "FandolFang R");
        assert_eq!(fam(Role::Hei, '国'), "Noto Sans CJK SC");
        assert_eq!(fam(Role::Kai, '国'), "Gongwen Kai");
        assert_eq!(fam(Role::Title, '国'), "Noto Serif CJK SC");
        assert_eq!(fam(Role::Body, '8'), "Liberation Serif");
        assert_eq!(fam(Role::Body, '，'), "FandolFang R");
        assert_eq!(fam(Role::Body, '“'), "FandolFang R");
        // 啰 is not in GB 2312 and so not in FandolFang: Noto Serif has it.
        assert_eq!(fam(Role::Body, '啰'), "Noto Serif CJK SC");
        // The page-number role takes digits from 宋体, the title from its
        // own face, not from the Latin font.
        assert_eq!(fam(Role::Song, '8'), "Noto Serif CJK SC");
        assert_eq!(fam(Role::Title, '2'), "Noto Serif CJK SC");
    }

    #[test]
    fn title_uses_the_bold_face() {
        let fonts = FontSet::bundled();
        let i = fonts.resolve(Role::Title, '国').unwrap();
        assert_eq!(fonts.fonts()[i].info().variant.weight.to_number(), 700);
        let j = fonts.resolve(Role::Body, '啰').unwrap();
        assert_eq!(fonts.fonts()[j].info().variant.weight.to_number(), 400);
    }

    #[test]
    fn uncovered_characters_resolve_to_none() {
        let fonts = FontSet::bundled();
        // U+20000 (CJK Extension B) is in no bundled font.
        assert!(fonts.resolve(Role::Body, '\u{20000}').is_none());
        assert!(!fonts.covers(Role::Body, '\u{20000}'));
    }

    /// The ranges answer as Typst's coverage does for every bundled font
    /// (the extension's too): at both ends of every range and next to
    /// them, and at every 97th code point of Unicode.
    #[test]
    fn ranges_agree_with_typsts_coverage() {
        let fonts = FontSet::bundled();
        for font in fonts.fonts() {
            let ranges = Ranges::of(font);
            let coverage = &font.info().coverage;
            assert!(ranges.0.len() > 10, "{}", font.info().family);
            let ends = ranges
                .0
                .iter()
                .flat_map(|&(start, end)| [start.saturating_sub(1), start, end, end + 1]);
            for c in ends.chain((0..0x11_0000).step_by(97)) {
                assert_eq!(
                    ranges.contains(c),
                    coverage.contains(c),
                    "{} U+{c:04X}",
                    font.info().family
                );
            }
        }
    }

    #[test]
    fn advances() {
        let fonts = FontSet::bundled();
        assert_eq!(fonts.advance(Role::Body, '国'), Some(1.0));
        assert_eq!(fonts.advance(Role::Body, '，'), Some(1.0));
        assert_eq!(fonts.advance(Role::Body, '0'), Some(0.5));
    }
}

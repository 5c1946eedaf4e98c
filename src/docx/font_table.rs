//! `word/fontTable.xml`: each font the document names, with the data a word
//! processor uses to substitute it when it is not installed.
//!
//! ISO/IEC 29500-1 §17.8.3 gives a font's `altName` (§17.8.3.1, other names
//! to try), `panose1` (§17.8.3.13, its PANOSE-1 classification), `charset`,
//! `family`, `pitch` and `sig` (§17.8.3.16, the Unicode and code-page
//! ranges it covers, from its OS/2 table), and the Part 3 primer names
//! panose1, charset, family, pitch and sig as the font substitution data.
//! What each application does with them, as far as documented:
//!
//! * Word: [MS-OI29500] documents no substitution algorithm; Word is known
//!   to write and read these elements (they appear in every file it saves),
//!   and its font-substitution dialog (文件 → 选项 → 高级 → 字体替换) shows
//!   the face it picked. Whether it tries `altName` first is not
//!   documented; not checked here (no Word).
//! * WPS: no public documentation; it is widely reported to map the
//!   *_GB2312 faces to 仿宋/楷体 by name. Not checked here.
//! * LibreOffice 7.4 reads `altName` into the font's alternative names and
//!   uses fontconfig for the rest.
//!
//! The PANOSE and signature values of the official fonts are those Word and
//! WPS write for the fonts Windows ships (仿宋_GB2312 and 楷体_GB2312 from
//! the GB2312 editions, 黑体 = SimHei, 宋体 = SimSun, Times New Roman), as
//! read from their own fontTable.xml; 方正小标宋简体's are not documented in
//! anything checked here, so none are written for it. The bundled fonts'
//! values are read from the files in `fonts/` (tests/docx.rs checks them
//! against the files with fontTools).

use super::xml::Xml;
use super::{FontNames, role_font};
use crate::fonts::Role;

/// What the font table says about one font.
struct FontInfo {
    name: &'static str,
    /// Other names to try, most similar first (written comma-separated,
    /// §17.8.3.1).
    alternates: &'static [&'static str],
    /// PANOSE-1, ten bytes in hex.
    panose: Option<&'static str>,
    /// `charset`: 86 = GB2312, 00 = ANSI.
    charset: &'static str,
    family: &'static str,
    pitch: &'static str,
    /// usb0–usb3, csb0, csb1.
    sig: Option<[&'static str; 6]>,
}

const GB2312_FANGSONG_KAI_SIG: [&str; 6] = [
    "00000001", "080E0000", "00000000", "00000000", "00040000", "00000000",
];

fn info(name: &'static str) -> FontInfo {
    let cjk = |alternates, panose, sig| FontInfo {
        name,
        alternates,
        panose,
        charset: "86",
        family: "modern",
        pitch: "fixed",
        sig,
    };
    match name {
        "仿宋_GB2312" => cjk(
            &["仿宋", "FangSong", "FangSong_GB2312", "华文仿宋"],
            Some("02010609030101010101"),
            Some(GB2312_FANGSONG_KAI_SIG),
        ),
        "楷体_GB2312" => cjk(
            &["楷体", "KaiTi", "KaiTi_GB2312", "华文楷体"],
            Some("02010609030101010101"),
            Some(GB2312_FANGSONG_KAI_SIG),
        ),
        "黑体" => cjk(
            &["SimHei", "微软雅黑", "华文黑体"],
            Some("02010609060101010101"),
            Some([
                "800002BF", "38CF7CFA", "00000016", "00000000", "00040001", "00000000",
            ]),
        ),
        "宋体" => FontInfo {
            family: "auto",
            pitch: "variable",
            ..cjk(
                &["SimSun", "新宋体", "NSimSun"],
                Some("02010600030101010101"),
                Some([
                    "00000003", "288F0000", "00000016", "00000000", "00040001", "00000000",
                ]),
            )
        },
        "方正小标宋简体" => FontInfo {
            family: "auto",
            pitch: "variable",
            ..cjk(
                &["FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "华文中宋", "宋体"],
                None,
                None,
            )
        },
        "Times New Roman" => FontInfo {
            name,
            alternates: &["Liberation Serif"],
            panose: Some("02020603050405020304"),
            charset: "00",
            family: "roman",
            pitch: "variable",
            sig: Some([
                "E0002EFF", "C000785B", "00000009", "00000000", "400001FF", "FFFF0000",
            ]),
        },
        // The bundled fonts (values from the files in fonts/).
        "FandolFang R" => FontInfo {
            pitch: "variable",
            ..cjk(
                &["仿宋_GB2312", "仿宋"],
                Some("00000500000000000000"),
                Some([
                    "80000001", "00002000", "00000000", "00000000", "00060004", "00000000",
                ]),
            )
        },
        "Gongwen Kai" => FontInfo {
            pitch: "variable",
            ..cjk(
                &["楷体_GB2312", "楷体"],
                Some("02020500000000000000"),
                Some([
                    "800002AF", "084F6CF8", "00000014", "00000000", "20140004", "00100000",
                ]),
            )
        },
        "Noto Sans CJK SC Medium" => FontInfo {
            family: "swiss",
            pitch: "variable",
            ..cjk(
                &["黑体", "Noto Sans CJK SC"],
                Some("020B0600000000000000"),
                Some([
                    "00000083", "084F2C10", "00000014", "00000000", "20060004", "00000000",
                ]),
            )
        },
        "Noto Serif CJK SC" => FontInfo {
            family: "roman",
            pitch: "variable",
            ..cjk(
                &["宋体", "Source Han Serif SC"],
                Some("02020400000000000000"),
                Some([
                    "00000083", "084F2C10", "00000014", "00000000", "20060004", "00000000",
                ]),
            )
        },
        "Liberation Serif" => FontInfo {
            name,
            alternates: &["Times New Roman"],
            panose: Some("02020603050405020304"),
            charset: "00",
            family: "roman",
            pitch: "variable",
            sig: Some([
                "E0000AFF", "500078FF", "00000021", "00000000", "600001BF", "DFF70000",
            ]),
        },
        // A name no role uses: nothing known about it.
        _ => FontInfo {
            name,
            alternates: &[],
            panose: None,
            charset: "00",
            family: "auto",
            pitch: "variable",
            sig: None,
        },
    }
}

fn font_xml(x: &mut Xml, f: &FontInfo) {
    x.open("w:font", &[("w:name", f.name)]);
    if !f.alternates.is_empty() {
        x.empty("w:altName", &[("w:val", &f.alternates.join(","))]);
    }
    if let Some(p) = f.panose {
        x.empty("w:panose1", &[("w:val", p)]);
    }
    x.empty("w:charset", &[("w:val", f.charset)]);
    x.empty("w:family", &[("w:val", f.family)]);
    x.empty("w:pitch", &[("w:val", f.pitch)]);
    if let Some([usb0, usb1, usb2, usb3, csb0, csb1]) = f.sig {
        x.empty(
            "w:sig",
            &[
                ("w:usb0", usb0),
                ("w:usb1", usb1),
                ("w:usb2", usb2),
                ("w:usb3", usb3),
                ("w:csb0", csb0),
                ("w:csb1", csb1),
            ],
        );
    }
    x.close();
}

pub fn font_table(names: FontNames) -> String {
    let mut fonts: Vec<&'static str> = Vec::new();
    for role in [Role::Body, Role::Hei, Role::Kai, Role::Title, Role::Song] {
        let f = role_font(role, names);
        for name in [f.east_asia, f.latin] {
            if !fonts.contains(&name) {
                fonts.push(name);
            }
        }
    }
    let mut x = Xml::new();
    x.open("w:fonts", &[("xmlns:w", super::parts::NS_W)]);
    for name in fonts {
        font_xml(&mut x, &info(name));
    }
    x.close();
    x.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_font_has_substitution_data() {
        for names in [FontNames::Official, FontNames::Bundled] {
            let xml = font_table(names);
            for role in [Role::Body, Role::Hei, Role::Kai, Role::Title, Role::Song] {
                let f = role_font(role, names);
                let i = info(f.east_asia);
                assert!(i.alternates.len() >= 2, "{}", f.east_asia);
                assert_eq!(i.charset, "86", "{}", f.east_asia);
                assert!(xml.contains(&format!("<w:font w:name=\"{}\">", f.east_asia)));
            }
        }
        // The _GB2312 faces fall back to the faces Windows ships.
        let fang = font_table(FontNames::Official);
        assert!(fang.contains(
            "<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋,FangSong,FangSong_GB2312,华文仿宋\"/><w:panose1 w:val=\"02010609030101010101\"/><w:charset w:val=\"86\"/><w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/><w:sig "
        ), "{fang}");
    }
}

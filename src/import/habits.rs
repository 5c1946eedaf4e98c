//! Typing habits of drafts typed with a Chinese input method: full-width
//! digits (`２０２１年`, `２１５．６吨`), which GB/T 15835 (and GB/T 9704-2012
//! §9) write half-width. Each is one char for one char, so columns stay.

/// The half-width form of a full-width digit.
fn half_digit(c: char) -> Option<char> {
    ('０'..='９')
        .contains(&c)
        .then(|| char::from(b'0' + (c as u32 - '０' as u32) as u8))
}

/// `text` with full-width digits made half-width, and a full-width `．`
/// between two digits made `.`; the char indices changed.
pub fn fold_digits(text: &str) -> (String, Vec<usize>) {
    let chars: Vec<char> = text.chars().collect();
    if !chars.iter().any(|&c| half_digit(c).is_some()) {
        return (text.to_string(), Vec::new());
    }
    let is_digit =
        |c: Option<&char>| c.is_some_and(|&c| c.is_ascii_digit() || half_digit(c).is_some());
    let mut out = String::with_capacity(text.len());
    let mut changed = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if let Some(h) = half_digit(c) {
            out.push(h);
            changed.push(i);
        } else if c == '．' && i > 0 && is_digit(chars.get(i - 1)) && is_digit(chars.get(i + 1)) {
            out.push('.');
            changed.push(i);
        } else {
            out.push(c);
        }
    }
    (out, changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_become_half_width() {
        assert_eq!(fold_digits("２０２１年").0, "2021年");
        assert_eq!(
            fold_digits("共１２６人，２１５．６吨").0,
            "共126人，215.6吨"
        );
        assert_eq!(fold_digits("（１）加强").0, "（1）加强");
        let (t, at) = fold_digits("第１．");
        assert_eq!((t.as_str(), at), ("第1．", vec![1]));
    }

    #[test]
    fn other_text_is_untouched() {
        for s in ["2021年", "一．总体要求", "ＡＢＣ", "。．"] {
            assert_eq!(fold_digits(s), (s.to_string(), vec![]), "{s}");
        }
    }
}

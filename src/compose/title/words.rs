//! The title's words: jieba segmentation with a part-of-speech tag for each
//! word, from a dictionary restricted to the words the title contains.

/// The segmenter's dictionary: the words of jieba's own dictionary
/// (jieba-rs 0.11, `src/data/dict.txt`, MIT licence) written in GB 2312
/// hanzi, at most eight long, with a frequency of at least 20: 77,828 words
/// of its 349,045, each with its frequency and its part-of-speech tag
/// (`ns` place name, `nt` organisation, `v` verb, `p` preposition …).
/// Titles are written in common words. Made with:
///
/// ```text
/// python3 -c 'import re,sys
/// for l in open(sys.argv[1]):
///   r=l.split()
///   try: ok=len(r)>2 and int(r[1])>=20 and re.fullmatch("[\u4e00-\u9fff]{1,8}",r[0]) and r[0].encode("gb2312")
///   except UnicodeEncodeError: ok=False
///   if ok: print(r[0],r[1],r[2])' dict.txt | LC_ALL=C sort > src/compose/title/words.txt
/// ```
///
/// Sorted by bytes (so by code point): the words that start with one
/// character are one block of lines ([`starting_with`]).
const WORDS: &str = include_str!("words.txt");

/// The sum of the frequencies in [`WORDS`] (a test adds them up).
const TOTAL: usize = 58_481_187;

/// The lines of [`WORDS`] whose word starts with `first`, found by
/// bisection: reading all 77,828 lines for each title cost 54 M
/// instructions, 5 % of a cold `gen pdf` of the seed.
fn starting_with(first: char) -> &'static str {
    let from = first_line(|c| c >= first);
    let to = first_line(|c| c > first);
    &WORDS[from..to]
}

/// The start of the first line of [`WORDS`] whose first character
/// satisfies `after` (false for the lines before it, true from it on), or
/// the end.
fn first_line(after: impl Fn(char) -> bool) -> usize {
    let bytes = WORDS.as_bytes();
    // Invariant: `lo` starts a line, and the answer is in lo..=hi.
    let (mut lo, mut hi) = (0, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = bytes[lo..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(lo, |i| lo + i + 1);
        if WORDS[start..].chars().next().is_some_and(&after) {
            hi = start;
        } else {
            lo = bytes[start..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |i| start + i + 1);
        }
    }
    lo
}

/// One word of the title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    /// Char offsets in the title.
    pub start: usize,
    pub end: usize,
    /// The dictionary's part-of-speech tag (`x` for a word the dictionary
    /// does not have).
    pub tag: String,
}

/// A segmenter for `text` alone: only the dictionary's words that occur in
/// `text`, plus one placeholder word that can never match carrying the
/// frequency of all the others, so that every probability is what the
/// whole dictionary gives and the segmentation is the same. Building the
/// whole dictionary's trie took 19 ms; this takes a scan of the list.
pub(super) fn segmenter_for(text: &str) -> jieba_rs::Jieba {
    let mut jieba = jieba_rs::Jieba::empty();
    let mut used = 0usize;
    let mut present: Vec<char> = text.chars().collect();
    present.sort_unstable();
    present.dedup();
    // In the order of the list, as it is sorted by the first character.
    for line in present.into_iter().flat_map(|c| starting_with(c).lines()) {
        let mut fields = line.split(' ');
        let (Some(word), Some(freq), tag) = (fields.next(), fields.next(), fields.next()) else {
            continue;
        };
        if text.contains(word) {
            let freq: usize = freq.parse().unwrap_or(0);
            jieba.add_word(word, Some(freq), tag);
            used += freq;
        }
    }
    // U+E000 (private use) never occurs in a title's hanzi run.
    jieba.add_word("\u{E000}", Some(TOTAL - used), None);
    jieba
}

/// The words of `text`, in order, covering it.
pub fn words(text: &str) -> Vec<Word> {
    segmenter_for(text)
        .tag(text, true)
        .into_iter()
        .map(|t| Word {
            text: t.word.to_string(),
            start: t.start,
            end: t.end,
            tag: t.tag.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    pub(crate) fn full_dictionary() -> jieba_rs::Jieba {
        let plain: String = WORDS
            .lines()
            .map(|l| l.split(' ').take(2).collect::<Vec<_>>().join(" ") + "\n")
            .collect();
        jieba_rs::Jieba::with_dict(&mut plain.as_bytes()).unwrap()
    }

    #[test]
    fn the_sub_dictionary_segments_like_the_whole() {
        let whole = full_dictionary();
        for t in [
            "中共大连市沙河口区委关于省委巡视整改情况的通报",
            "国务院办公厅关于进一步加强和改进新形势下全国基层政府信息公开标准化规范化工作的实施意见",
            "关于做好2020年元旦春节期间安全生产工作的通知",
            "滨江市人民政府关于撤销滨江县设立滨江市临江区的请示",
        ] {
            let a: Vec<&str> = whole.cut(t, true).iter().map(|w| w.word).collect();
            let b: Vec<String> = words(t).into_iter().map(|w| w.text).collect();
            assert_eq!(a, b, "{t}");
        }
    }

    #[test]
    fn the_total_is_the_sum_of_the_frequencies() {
        let sum: usize = WORDS
            .lines()
            .map(|l| l.split(' ').nth(1).unwrap().parse::<usize>().unwrap())
            .sum();
        assert_eq!(sum, TOTAL);
    }

    /// The bisection finds exactly the lines a scan finds, for every first
    /// character of the list, the characters next to them and a few that
    /// sort before, between and after its words.
    #[test]
    fn starting_with_finds_the_block_a_scan_finds() {
        let mut scan: std::collections::BTreeMap<char, Vec<&str>> = Default::default();
        for line in WORDS.lines() {
            let first = line.chars().next().unwrap();
            scan.entry(first).or_default().push(line);
        }
        let near = scan.keys().flat_map(|&c| {
            [c as u32 - 1, c as u32 + 1]
                .into_iter()
                .filter_map(char::from_u32)
        });
        let odd = ['\0', 'A', '\u{E000}', '\u{10FFFF}'];
        for c in scan.keys().copied().chain(near).chain(odd) {
            let found: Vec<&str> = starting_with(c).lines().collect();
            assert_eq!(found, scan.get(&c).cloned().unwrap_or_default(), "{c}");
        }
    }

    fn whole() -> &'static jieba_rs::Jieba {
        static WHOLE: std::sync::OnceLock<jieba_rs::Jieba> = std::sync::OnceLock::new();
        WHOLE.get_or_init(full_dictionary)
    }

    proptest::proptest! {
        // A fixed seed unless PROPTEST_RNG_SEED is set, as in tests/common.
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 64,
            failure_persistence: None,
            rng_seed: match proptest::prelude::ProptestConfig::default().rng_seed {
                proptest::test_runner::RngSeed::Random => proptest::test_runner::RngSeed::Fixed(9704),
                seed => seed,
            },
            ..proptest::prelude::ProptestConfig::default()
        })]

        /// Texts made of the dictionary's words (every 13th), single
        /// characters and a few that are in no word segment as the whole
        /// dictionary does.
        #[test]
        fn random_texts_segment_like_the_whole_dictionary(
            pieces in proptest::collection::vec(
                proptest::prop_oneof![
                    4 => proptest::sample::select(
                        WORDS.lines().step_by(13).map(|l| l.split(' ').next().unwrap()).collect::<Vec<_>>()
                    ).prop_map(str::to_string),
                    2 => proptest::sample::select(
                        WORDS.lines().step_by(7).filter_map(|l| l.chars().last()).collect::<Vec<_>>()
                    ).prop_map(String::from),
                    1 => proptest::sample::select(vec!["2024", "年", "（", "）", "、", "龘", "𠀀"]).prop_map(str::to_string),
                ],
                1..40,
            )
        ) {
            let t = pieces.concat();
            let a: Vec<&str> = whole().cut(&t, true).iter().map(|w| w.word).collect();
            let b: Vec<String> = words(&t).into_iter().map(|w| w.text).collect();
            proptest::prop_assert_eq!(a, b, "{}", t);
        }
    }

    #[test]
    fn words_carry_their_tags() {
        let ws = words("滨江市人民政府关于撤销滨江县的请示");
        let tag = |w: &str| ws.iter().find(|x| x.text == w).map(|x| x.tag.as_str());
        assert_eq!(tag("关于"), Some("p"));
        assert_eq!(tag("撤销"), Some("v"));
        assert_eq!(tag("人民政府"), Some("nt"));
        // Words cover the text without gaps.
        let mut at = 0;
        for w in &ws {
            assert_eq!(w.start, at);
            at = w.end;
        }
        assert_eq!(at, "滨江市人民政府关于撤销滨江县的请示".chars().count());
    }
}

//! Breaking the 标题 into lines (GB/T 9704-2012 §7.3.1): "回行时，要做到
//! 词意完整，排列对称，长短适宜，间距恰当，标题排列应当使用梯形或菱形".
//!
//! Lines break only between words (found with the jieba segmenter), never
//! before closing or after opening punctuation, and never before 的. Among
//! the breaks that fit the 版心, the fewest lines win; among those, shapes
//! with a line shorter than both its neighbours (an hourglass) are
//! rejected, and the most even lines win, a two-line title preferring the
//! shorter line on top (a 正梯形) when the choice is otherwise close.
//! An author forces breaks with line feeds in the title.

use crate::fonts::FontSet;
use crate::geometry;
use crate::linebreak::{no_line_end, no_line_start};
use crate::model::Role;

/// The segmenter's dictionary: the words of jieba's own dictionary
/// (jieba-rs 0.11, `src/data/dict.txt`, MIT licence) written in GB 2312
/// hanzi, at most eight long, with a frequency of at least 20: 77,828 words
/// of its 349,045. Titles are written in common words. Made with:
///
/// ```text
/// python3 -c 'import re,sys
/// for l in open(sys.argv[1]):
///   r=l.split()
///   try: ok=len(r)>1 and int(r[1])>=20 and re.fullmatch("[\u4e00-\u9fff]{1,8}",r[0]) and r[0].encode("gb2312")
///   except UnicodeEncodeError: ok=False
///   if ok: print(r[0],r[1])' dict.txt > src/title-words.txt
/// ```
const WORDS: &str = include_str!("title-words.txt");

/// A segmenter for `text` alone: only the dictionary's words that occur in
/// `text`, plus one placeholder word that can never match carrying the
/// frequency of all the others, so that every probability is what the
/// whole dictionary gives and the segmentation is the same. Building the
/// whole dictionary's trie took 19 ms; this takes a scan of the list.
fn segmenter_for(text: &str) -> jieba_rs::Jieba {
    let mut jieba = jieba_rs::Jieba::empty();
    let (mut total, mut used) = (0usize, 0usize);
    let mut present: Vec<char> = text.chars().collect();
    present.sort_unstable();
    for line in WORDS.lines() {
        let Some((word, freq)) = line.split_once(' ') else {
            continue;
        };
        let freq: usize = freq.parse().unwrap_or(0);
        total += freq;
        let first = word.chars().next().unwrap_or_default();
        if present.binary_search(&first).is_ok() && text.contains(word) {
            jieba.add_word(word, Some(freq), None);
            used += freq;
        }
    }
    // U+E000 (private use) never occurs in a title's hanzi run.
    jieba.add_word("\u{E000}", Some(total - used), None);
    jieba
}

/// Word boundaries of `text` as char offsets (excluding 0 and the end).
pub fn word_boundaries(text: &str) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for token in segmenter_for(text).cut(text, true) {
        let b = token.end;
        if b == 0 || b >= chars.len() {
            continue;
        }
        // Punctuation stays with its neighbour; 的 never starts a line.
        if no_line_start(chars[b]) || no_line_end(chars[b - 1]) || chars[b] == '的' {
            continue;
        }
        out.push(b);
    }
    out
}

/// The title's lines.
pub fn break_title(title: &str, fonts: &FontSet) -> Vec<String> {
    title
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .flat_map(|line| break_one(line, fonts))
        .collect()
}

fn break_one(text: &str, fonts: &FontSet) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let widths: Vec<f64> = chars
        .iter()
        .map(|&c| fonts.advance(Role::Title, c).unwrap_or(1.0) * geometry::TITLE_SIZE)
        .collect();
    let total: f64 = widths.iter().sum();
    let max = geometry::TITLE_MAX_WIDTH + 0.01;
    if total <= max {
        return vec![text.to_string()];
    }
    let mut candidates = word_boundaries(text);
    let best = best_split(&widths, &candidates, max).or_else(|| {
        // No word boundary gives lines that fit: fall back to any break
        // the punctuation rules allow.
        candidates = (1..chars.len())
            .filter(|&b| !no_line_start(chars[b]) && !no_line_end(chars[b - 1]))
            .collect();
        best_split(&widths, &candidates, max)
    });
    let breaks = best.unwrap_or_default();
    let mut out = Vec::new();
    let mut start = 0;
    for b in breaks.into_iter().chain([chars.len()]) {
        out.push(chars[start..b].iter().collect());
        start = b;
    }
    out
}

/// The best set of breaks among `candidates`, or `None` if no set makes
/// every line fit within `max`.
fn best_split(widths: &[f64], candidates: &[usize], max: f64) -> Option<Vec<usize>> {
    let total: f64 = widths.iter().sum();
    let min_lines = (total / max).ceil() as usize;
    let width = |a: usize, b: usize| widths[a..b].iter().sum::<f64>();
    for lines in min_lines.max(2)..=candidates.len() + 1 {
        let mut best: Option<(f64, Vec<usize>)> = None;
        let mut chosen = Vec::with_capacity(lines - 1);
        search(candidates, 0, lines - 1, &mut chosen, &mut |breaks| {
            let mut ws = Vec::with_capacity(lines);
            let mut start = 0;
            for &b in breaks.iter().chain([widths.len()].iter()) {
                ws.push(width(start, b));
                start = b;
            }
            if ws.iter().any(|&w| w > max) {
                return;
            }
            if let Some(cost) = shape_cost(&ws)
                && best.as_ref().is_none_or(|(c, _)| cost < *c)
            {
                best = Some((cost, breaks.to_vec()));
            }
        });
        if let Some((_, breaks)) = best {
            return Some(breaks);
        }
    }
    None
}

/// Calls `f` with every increasing choice of `k` elements of `from[i..]`.
fn search(
    from: &[usize],
    i: usize,
    k: usize,
    chosen: &mut Vec<usize>,
    f: &mut impl FnMut(&[usize]),
) {
    if k == 0 {
        f(chosen);
        return;
    }
    for j in i..from.len() {
        if from.len() - j < k {
            break;
        }
        chosen.push(from[j]);
        search(from, j + 1, k - 1, chosen, f);
        chosen.pop();
    }
}

/// The cost of a shape (lower is better), `None` for an hourglass.
fn shape_cost(ws: &[f64]) -> Option<f64> {
    let n = ws.len();
    // An interior line shorter than both neighbours makes an hourglass.
    if (1..n.saturating_sub(1)).any(|i| ws[i] < ws[i - 1] && ws[i] < ws[i + 1]) {
        return None;
    }
    let longest = ws.iter().cloned().fold(0.0, f64::max);
    let mut cost: f64 = ws.iter().map(|w| longest - w).sum();
    // Two lines: prefer the shorter one on top (正梯形), by half a character.
    if n == 2 && ws[0] > ws[1] {
        cost += geometry::TITLE_SIZE * 0.5;
    }
    Some(cost)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_titles_stay_on_one_line() {
        let fonts = FontSet::bundled();
        assert_eq!(
            break_title("关于做好安全工作的通知", &fonts),
            ["关于做好安全工作的通知"]
        );
    }

    #[test]
    fn the_seed_title_breaks_between_words() {
        let fonts = FontSet::bundled();
        let lines = break_title("中共大连市沙河口区委关于省委巡视整改情况的通报", &fonts);
        assert_eq!(lines.len(), 2, "{lines:?}");
        // Every break is a word boundary.
        let words: Vec<String> = full_dictionary()
            .cut("中共大连市沙河口区委关于省委巡视整改情况的通报", true)
            .into_iter()
            .map(|t| t.word.to_string())
            .collect();
        let first = &lines[0];
        let mut acc = String::new();
        assert!(
            words.iter().any(|w| {
                acc.push_str(w);
                &acc == first
            }),
            "{lines:?} vs {words:?}"
        );
    }

    fn full_dictionary() -> jieba_rs::Jieba {
        jieba_rs::Jieba::with_dict(&mut WORDS.as_bytes()).unwrap()
    }

    #[test]
    fn the_sub_dictionary_segments_like_the_whole() {
        let whole = full_dictionary();
        for t in [
            "中共大连市沙河口区委关于省委巡视整改情况的通报",
            "国务院办公厅关于进一步加强和改进新形势下全国基层政府信息公开标准化规范化工作的实施意见",
            "关于做好2020年元旦春节期间安全生产工作的通知",
        ] {
            let a: Vec<&str> = whole.cut(t, true).iter().map(|w| w.word).collect();
            let b: Vec<&str> = segmenter_for(t)
                .cut(t, true)
                .iter()
                .map(|w| w.word)
                .collect();
            assert_eq!(a, b, "{t}");
        }
    }

    #[test]
    fn forced_breaks_are_kept() {
        let fonts = FontSet::bundled();
        assert_eq!(
            break_title("关于\n测试的通知", &fonts),
            ["关于", "测试的通知"]
        );
    }

    #[test]
    fn hourglass_is_rejected() {
        assert!(shape_cost(&[10.0, 4.0, 10.0]).is_none());
        assert!(shape_cost(&[6.0, 10.0, 8.0]).is_some());
        assert!(shape_cost(&[6.0, 8.0, 10.0]).is_some());
    }

    #[test]
    fn long_titles_get_a_good_shape() {
        let fonts = FontSet::bundled();
        let t = "国务院办公厅关于进一步加强和改进新形势下全国基层政府信息公开标准化规范化工作的实施意见";
        let lines = break_title(t, &fonts);
        assert!(lines.len() >= 3, "{lines:?}");
        assert_eq!(lines.concat(), t);
        let ws: Vec<f64> = lines.iter().map(|l| l.chars().count() as f64).collect();
        assert!(shape_cost(&ws).is_some(), "{lines:?}");
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
    }
}

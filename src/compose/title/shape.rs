//! Choosing the title's breaks: dynamic programming over break points
//! (§7.3.1 "排列对称，长短适宜 … 梯形或菱形").
//!
//! Among the allowed breaks, in this order:
//! 1. every line fits the measure;
//! 2. the shape is a trapezoid (正梯形 or 倒梯形) or a diamond (菱形):
//!    line lengths rise, then fall — never an hourglass (沙漏形), where a line
//!    is shorter than one above it and one below it (lengths within the
//!    tolerance count as equal);
//! 3. the fewest lines;
//! 4. the least cost: the squared distance of each line's length from the
//!    mean length (even lines), plus each break's own cost (a phrase
//!    boundary is free, a plain word boundary is not), plus, for two lines,
//!    a small cost when the upper line is the longer (正梯形 preferred).
//!
//! A line's cost depends only on its own length, and the shape rule only on
//! the line before, so the best choice is found over states (last two
//! breaks, rising or falling): a line is at most one measure long, so each
//! break has a bounded number of predecessors and the work grows linearly
//! with the title's length.

/// One way to end the previous line, with the best prefix reaching it.
#[derive(Debug, Clone, Copy)]
struct State {
    /// Index (in the candidate list) of the break that started the last line.
    from: usize,
    /// Whether the lengths have started to fall.
    falling: bool,
    lines: usize,
    cost: f64,
    /// The state this one extends: (break index, position in its list).
    back: Option<(usize, usize)>,
}

/// Lengths equal to within this many points count as equal.
const EPS: f64 = 0.01;

/// The breaks' settings.
pub struct Problem<'a> {
    /// Each character's advance, in points.
    pub widths: &'a [f64],
    /// `costs[b]`: the cost of a break before char `b`, `None` where no break
    /// may be (index 0 and `len` are ignored).
    pub costs: &'a [Option<f64>],
    /// The measure, in points.
    pub max: f64,
    /// The unit lengths are measured in for the cost (one character).
    pub unit: f64,
    /// Whether the shape rule applies.
    pub shape: bool,
    /// While the lengths rise, a line shorter than the one above by at most
    /// this much (points) does not start the fall (a block of nearly equal
    /// lines); once they fall, no line is longer than the one above.
    pub tolerance: f64,
    /// The cost of a two-line title whose upper line is the longer.
    pub top_longer: f64,
}

/// The best breaks (char offsets, increasing), or `None` if no choice of
/// allowed breaks satisfies rules 1 and 2.
pub fn best_breaks(p: &Problem) -> Option<Vec<usize>> {
    let n = p.widths.len();
    let mut cum = Vec::with_capacity(n + 1);
    cum.push(0.0);
    for w in p.widths {
        cum.push(cum.last().copied().unwrap_or(0.0) + w);
    }
    let total = cum[n];
    let mut lines = ((total / p.max) - 1e-9).ceil().max(1.0) as usize;
    // The mean length depends on the number of lines the best choice has:
    // solve again if it differs from the guess.
    let mut best = None;
    for _ in 0..4 {
        let (breaks, k) = solve(p, &cum, total / lines as f64)?;
        best = Some(breaks);
        if k == lines {
            break;
        }
        lines = k;
    }
    best
}

fn solve(p: &Problem, cum: &[f64], mean: f64) -> Option<(Vec<usize>, usize)> {
    let n = p.widths.len();
    let cand: Vec<usize> = std::iter::once(0)
        .chain((1..n).filter(|&b| p.costs[b].is_some()))
        .chain(std::iter::once(n))
        .collect();
    let last = cand.len() - 1;
    let width = |a: usize, b: usize| cum[cand[b]] - cum[cand[a]];
    let line_cost = |w: f64| ((w - mean) / p.unit).powi(2);
    let break_cost = |k: usize| {
        if k == last {
            0.0
        } else {
            p.costs[cand[k]].unwrap_or(0.0)
        }
    };
    let better = |a: (usize, f64), b: (usize, f64)| a.0 < b.0 || (a.0 == b.0 && a.1 < b.1 - 1e-12);

    let mut states: Vec<Vec<State>> = vec![Vec::new(); cand.len()];
    for (k, slot) in states.iter_mut().enumerate().skip(1) {
        let w = width(0, k);
        if w > p.max + EPS {
            break;
        }
        slot.push(State {
            from: 0,
            falling: false,
            lines: 1,
            cost: line_cost(w) + break_cost(k),
            back: None,
        });
    }
    for j in 1..last {
        for s_idx in 0..states[j].len() {
            let s = states[j][s_idx];
            let w1 = width(s.from, j);
            for (k, slot) in states.iter_mut().enumerate().skip(j + 1) {
                let w2 = width(j, k);
                if w2 > p.max + EPS {
                    break;
                }
                let tol = p.tolerance.max(EPS);
                let falling = if !p.shape {
                    false
                } else if s.falling {
                    if w2 > w1 + EPS {
                        continue;
                    }
                    true
                } else {
                    w2 < w1 - tol
                };
                let mut cost = s.cost + line_cost(w2) + break_cost(k);
                if k == last && s.lines == 1 && w1 > w2 + EPS {
                    cost += p.top_longer;
                }
                let next = State {
                    from: j,
                    falling,
                    lines: s.lines + 1,
                    cost,
                    back: Some((j, s_idx)),
                };
                match slot
                    .iter_mut()
                    .find(|t| t.from == j && t.falling == falling)
                {
                    Some(t) => {
                        if better((next.lines, next.cost), (t.lines, t.cost)) {
                            *t = next;
                        }
                    }
                    None => slot.push(next),
                }
            }
        }
    }
    let mut end: Option<usize> = None;
    for (i, s) in states[last].iter().enumerate() {
        if end.is_none_or(|e| {
            better(
                (s.lines, s.cost),
                (states[last][e].lines, states[last][e].cost),
            )
        }) {
            end = Some(i);
        }
    }
    let end = end?;
    let lines = states[last][end].lines;
    let mut breaks = Vec::new();
    let mut at = (last, end);
    while let Some(back) = states[at.0][at.1].back {
        breaks.push(cand[back.0]);
        at = back;
    }
    breaks.reverse();
    Some((breaks, lines))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn solve_chars(lens: &[usize], breaks_at: &[usize], max: usize) -> Option<Vec<usize>> {
        let n: usize = lens.iter().sum();
        let widths = vec![1.0; n];
        let mut costs = vec![None; n + 1];
        for &b in breaks_at {
            costs[b] = Some(0.0);
        }
        best_breaks(&Problem {
            widths: &widths,
            costs: &costs,
            max: max as f64,
            unit: 1.0,
            shape: true,
            tolerance: 0.0,
            top_longer: 0.5,
        })
    }

    fn line_lengths(n: usize, breaks: &[usize]) -> Vec<usize> {
        let mut out = Vec::new();
        let mut start = 0;
        for &b in breaks.iter().chain([n].iter()) {
            out.push(b - start);
            start = b;
        }
        out
    }

    #[test]
    fn an_hourglass_is_never_chosen() {
        // 30 characters, breaks every 2: lengths like 10/10/10 are possible
        // and 12/6/12 must never be picked.
        let all: Vec<usize> = (2..30).step_by(2).collect();
        let b = solve_chars(&[30], &all, 12).unwrap();
        let ls = line_lengths(30, &b);
        for i in 1..ls.len() - 1 {
            assert!(!(ls[i] < ls[i - 1] && ls[i] < ls[i + 1]), "{ls:?}");
        }
        assert_eq!(ls.len(), 3);
    }

    #[test]
    fn where_only_an_hourglass_fits_another_line_is_taken() {
        // Breaks at 10, 14 and 24 (of 34), lines of at most 12: the only
        // choice is 10/4/10/10, an hourglass, so there is no answer.
        assert_eq!(solve_chars(&[34], &[10, 14, 24], 12), None);
        // A break at 22 as well allows 10/12/12, which rises.
        let b = solve_chars(&[34], &[10, 14, 22, 24], 12).unwrap();
        assert_eq!(line_lengths(34, &b), [10, 12, 12]);
    }

    #[test]
    fn two_lines_prefer_the_shorter_on_top() {
        // 21 characters, breaks at 10 and 11: 10/11 (正梯形) beats 11/10.
        let b = solve_chars(&[21], &[10, 11], 20).unwrap();
        assert_eq!(b, [10]);
    }

    #[test]
    fn fewest_lines_first() {
        let all: Vec<usize> = (1..40).collect();
        let b = solve_chars(&[40], &all, 20).unwrap();
        assert_eq!(line_lengths(40, &b), [20, 20]);
    }
}

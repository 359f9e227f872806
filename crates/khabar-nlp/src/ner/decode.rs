//! BIO-constrained Viterbi decoding over label indices, with max-marginal margins.
//!
//! Labels: 0 is `O`; for type `t` (PERS, LOC, ORG, MISC), `1 + 2t` is `B-` and `2 + 2t` is `I-`.
//! An `I-` label may only follow the `B-` or `I-` of its own type, so every decoded sequence is a
//! valid BIO sequence.

use crate::ner::LABELS;

/// The score of an unreachable label (far from overflow when added to).
const NEG: i64 = i64::MIN / 4;

/// Whether label `to` may follow `from` (`None`: the sentence start).
pub fn allowed(from: Option<usize>, to: usize) -> bool {
    if to == 0 || to % 2 == 1 {
        return true;
    }
    match from {
        Some(f) if f != 0 => f.div_ceil(2) == to / 2,
        _ => false,
    }
}

/// The best label sequence under BIO constraints, and for each token the margin between the best
/// path and the best path giving that token another label (0 when tied).
pub fn viterbi(
    emissions: &[[i64; LABELS]],
    transition: impl Fn(Option<usize>, usize) -> i64,
) -> (Vec<usize>, Vec<i64>) {
    let n = emissions.len();
    if n == 0 {
        return (Vec::new(), Vec::new());
    }
    let mut trans = [[NEG; LABELS]; LABELS + 1];
    for (row, r) in trans.iter_mut().enumerate() {
        let from = row.checked_sub(1);
        for (to, cell) in r.iter_mut().enumerate() {
            if allowed(from, to) {
                *cell = transition(from, to);
            }
        }
    }
    // The labels each label may follow: every label for `O` and `B-`, the `B-` and `I-` of its
    // type for `I-` (issue 9: the disallowed pairs were visited and skipped).
    let froms = |to: usize| if to == 0 || to % 2 == 1 { 0..LABELS } else { to - 1..to + 1 };
    // Forward: best score of a prefix ending in each label (emission included).
    let mut alpha = vec![[NEG; LABELS]; n];
    let mut back = vec![[0u8; LABELS]; n];
    for to in 0..LABELS {
        if trans[0][to] > NEG {
            alpha[0][to] = trans[0][to] + emissions[0][to];
        }
    }
    // With scores far from NEG (the model's always are), only the first token has unreachable
    // labels (`I-` at the sentence start) and they never win a comparison: the pairs need no
    // check (issue 9).
    let small = |v: i64| v.unsigned_abs() < 1 << 40;
    let plain = trans[1..].iter().flatten().all(|&t| t == NEG || small(t))
        && (0..LABELS).all(|to| froms(to).all(|from| trans[from + 1][to] != NEG))
        && emissions.iter().flatten().all(|&e| small(e));
    for i in (1..n).filter(|_| plain) {
        let prev = alpha[i - 1];
        let row = &mut alpha[i];
        for to in (2..LABELS).step_by(2) {
            // `I-`: from its `B-` or itself.
            let (b, same) = (prev[to - 1] + trans[to][to], prev[to] + trans[to + 1][to]);
            let (best, arg) = if same > b { (same, to) } else { (b, to - 1) };
            row[to] = best + emissions[i][to];
            back[i][to] = arg as u8;
        }
        for to in std::iter::once(0).chain((1..LABELS).step_by(2)) {
            // `O` and `B-`: from any label.
            let mut best = prev[0] + trans[1][to];
            let mut arg = 0;
            for from in 1..LABELS {
                let s = prev[from] + trans[from + 1][to];
                if s > best {
                    best = s;
                    arg = from;
                }
            }
            row[to] = best + emissions[i][to];
            back[i][to] = arg as u8;
        }
    }
    for i in (1..n).filter(|_| !plain) {
        let prev = alpha[i - 1];
        for to in 0..LABELS {
            let mut best = NEG;
            let mut arg = 0;
            for from in froms(to) {
                let t = trans[from + 1][to];
                if t == NEG || prev[from] == NEG {
                    continue;
                }
                let s = prev[from] + t;
                if s > best {
                    best = s;
                    arg = from;
                }
            }
            if best > NEG {
                alpha[i][to] = best + emissions[i][to];
                back[i][to] = arg as u8;
            }
        }
    }
    // Backward: best score of a suffix after each label (emissions after the token only).
    let mut beta = vec![[0i64; LABELS]; n];
    for i in (0..n - 1).rev() {
        // What each label contributes after the token: its emission and the best suffix.
        let mut ahead = [0i64; LABELS];
        for (to, a) in ahead.iter_mut().enumerate() {
            *a = emissions[i + 1][to] + beta[i + 1][to];
        }
        let mut row = [NEG; LABELS];
        for (to, &a) in ahead.iter().enumerate() {
            for from in froms(to) {
                let t = trans[from + 1][to];
                if t != NEG {
                    row[from] = row[from].max(t + a);
                }
            }
        }
        beta[i] = row;
    }
    best_path(&alpha, &beta, &back)
}

/// The best label sequence from the forward scores and back-pointers, and each token's margin
/// from the forward and backward scores (see [`viterbi`]).
fn best_path(
    alpha: &[[i64; LABELS]],
    beta: &[[i64; LABELS]],
    back: &[[u8; LABELS]],
) -> (Vec<usize>, Vec<i64>) {
    let n = alpha.len();
    let mut last = 0;
    for to in 1..LABELS {
        if alpha[n - 1][to] > alpha[n - 1][last] {
            last = to;
        }
    }
    let mut labels = vec![0; n];
    labels[n - 1] = last;
    for i in (1..n).rev() {
        labels[i - 1] = usize::from(back[i][labels[i]]);
    }
    let margins = labels
        .iter()
        .enumerate()
        .map(|(i, &l)| {
            let through = |t: usize| {
                if alpha[i][t] == NEG || beta[i][t] == NEG {
                    NEG
                } else {
                    alpha[i][t] + beta[i][t]
                }
            };
            let best = through(l);
            let other = (0..LABELS)
                .filter(|&t| t != l)
                .map(through)
                .max()
                .unwrap_or(NEG);
            if other == NEG {
                i64::MAX
            } else {
                (best - other).max(0)
            }
        })
        .collect();
    (labels, margins)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn i_needs_its_own_b() {
        assert!(allowed(Some(1), 2));
        assert!(allowed(Some(2), 2));
        assert!(!allowed(Some(3), 2));
        assert!(!allowed(Some(0), 2));
        assert!(!allowed(None, 4));
        assert!(allowed(None, 3));
    }

    /// The decoder before issue 9 visited every pair of labels and skipped the disallowed ones
    /// (its forward and backward passes; the path and margins are read the same way).
    fn reference_viterbi(
        emissions: &[[i64; LABELS]],
        transition: impl Fn(Option<usize>, usize) -> i64,
    ) -> (Vec<usize>, Vec<i64>) {
        let n = emissions.len();
        if n == 0 {
            return (Vec::new(), Vec::new());
        }
            let mut trans = [[NEG; LABELS]; LABELS + 1];
        for (row, r) in trans.iter_mut().enumerate() {
            let from = row.checked_sub(1);
            for (to, cell) in r.iter_mut().enumerate() {
                if allowed(from, to) {
                    *cell = transition(from, to);
                }
            }
        }
        // Forward: best score of a prefix ending in each label (emission included).
        let mut alpha = vec![[NEG; LABELS]; n];
        let mut back = vec![[0u8; LABELS]; n];
        for to in 0..LABELS {
            if trans[0][to] > NEG {
                alpha[0][to] = trans[0][to] + emissions[0][to];
            }
        }
        for i in 1..n {
            for to in 0..LABELS {
                let mut best = NEG;
                let mut arg = 0;
                for from in 0..LABELS {
                    let t = trans[from + 1][to];
                    if t == NEG || alpha[i - 1][from] == NEG {
                        continue;
                    }
                    let s = alpha[i - 1][from] + t;
                    if s > best {
                        best = s;
                        arg = from;
                    }
                }
                if best > NEG {
                    alpha[i][to] = best + emissions[i][to];
                    back[i][to] = arg as u8;
                }
            }
        }
        // Backward: best score of a suffix after each label (emissions after the token only).
        let mut beta = vec![[0i64; LABELS]; n];
        for i in (0..n - 1).rev() {
            for from in 0..LABELS {
                let mut best = NEG;
                for to in 0..LABELS {
                    let t = trans[from + 1][to];
                    if t == NEG {
                        continue;
                    }
                    let s = t + emissions[i + 1][to] + beta[i + 1][to];
                    best = best.max(s);
                }
                beta[i][from] = best;
            }
        }
        best_path(&alpha, &beta, &back)
    }

    /// Issue 9: the decoder that visits only allowed pairs gives the same labels and margins.
    #[test]
    fn same_as_visiting_every_pair() {
        let mut x: u64 = 7;
        let mut next = |range: i64| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (x >> 33) as i64 % range - range / 2
        };
        for (len, trange) in (0..12).flat_map(|len| [(len, 40), (len, 3), (len, 1)]) {
            // Small ranges make ties, which must break the same way (range 1: all 0).
            let transitions: Vec<i64> =
                (0..(LABELS + 1) * LABELS).map(|_| next(trange)).collect();
            let transition = |from: Option<usize>, to: usize| {
                transitions[from.map_or(0, |f| f + 1) * LABELS + to]
            };
            for _ in 0..30 {
                let range = match (trange, len % 2) {
                    (1, _) => 2,
                    (_, 0) => 6,
                    _ => 300,
                };
                let mut e: Vec<[i64; LABELS]> =
                    (0..len).map(|_| std::array::from_fn(|_| next(range))).collect();
                // Scores too large for the unchecked path take the checked one.
                if len % 3 == 2 {
                    e[1][3] = 1 << 41;
                }
                assert_eq!(viterbi(&e, transition), reference_viterbi(&e, transition));
            }
        }
    }

    #[test]
    fn constraint_beats_emission() {
        // The emission prefers I-PERS at the start, which is not allowed.
        let mut e = [[0i64; LABELS]; 2];
        e[0][2] = 100;
        e[0][1] = 10;
        e[1][2] = 5;
        let (labels, margins) = viterbi(&e, |_, _| 0);
        assert_eq!(labels, vec![1, 2]);
        assert_eq!(margins[0], 15);
    }
}

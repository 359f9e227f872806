//! Viterbi decoding over label indices constrained to a tag encoding, with max-marginal margins.
//!
//! Labels: 0 is `O`; for type `t` (PERS, LOC, ORG, MISC) and kind `k` (`B-`, `I-`, `S-`),
//! `1 + 3t + k` ([`crate::ner::label_at`]). An `I-` label may only follow the `B-` or `I-` of its
//! own type. In BIO `S-` never occurs; in BIOS a `B-` must be followed by its `I-` (a one-token
//! entity is `S-`), also at the end of a sentence. So every decoded sequence is valid in its
//! scheme.

use crate::ner::{Kind, LABELS, Scheme, kind_of};

/// The score of an unreachable label (far from overflow when added to).
const NEG: i64 = i64::MIN / 4;

/// Whether label `to` may follow `from` (`None`: the sentence start) in `scheme`.
pub const fn allowed(scheme: Scheme, from: Option<usize>, to: usize) -> bool {
    if !scheme.uses(to) {
        return false;
    }
    let (from_kind, must_continue) = match from {
        Some(f) if !scheme.uses(f) => return false,
        Some(f) => (kind_of(f), scheme.must_continue(f)),
        None => (None, false),
    };
    match (kind_of(to), from_kind) {
        // Continuing an entity: after its `B-` or `I-`.
        (Some((Kind::Inside, t)), Some((Kind::Begin | Kind::Inside, f))) => t as usize == f as usize,
        (Some((Kind::Inside, _)), _) => false,
        // Anything else: where no entity must go on.
        _ => !must_continue,
    }
}

/// Whether a sentence may end with label `label` in `scheme` (not where an entity must go on).
pub const fn may_end(scheme: Scheme, label: usize) -> bool {
    scheme.uses(label) && !scheme.must_continue(label)
}

/// The labels each label may follow in a scheme, in increasing order (issue 9: the disallowed
/// pairs were visited and skipped).
struct Froms {
    labels: [[u8; LABELS]; LABELS],
    len: [usize; LABELS],
}

impl Froms {
    const fn of(scheme: Scheme) -> Froms {
        let mut f = Froms {
            labels: [[0; LABELS]; LABELS],
            len: [0; LABELS],
        };
        let mut to = 0;
        while to < LABELS {
            let mut from = 0;
            while from < LABELS {
                if allowed(scheme, Some(from), to) {
                    f.labels[to][f.len[to]] = from as u8;
                    f.len[to] += 1;
                }
                from += 1;
            }
            to += 1;
        }
        f
    }

    #[inline]
    fn get(&self, to: usize) -> &[u8] {
        &self.labels[to][..self.len[to]]
    }
}

/// [`Froms`] of each scheme, by its discriminant.
static FROMS: [Froms; 2] = [Froms::of(Scheme::Bio), Froms::of(Scheme::Bios)];

/// A scheme's transition scores as a table: row 0 from the sentence start, row `1 + a` from
/// label `a`, a pair the scheme forbids unreachable. Built once for the sentences of a document
/// (issue 10: building it for every sentence cost as much as decoding a short one).
#[derive(Debug, Clone)]
pub struct Transitions {
    scheme: Scheme,
    table: [[i64; LABELS]; LABELS + 1],
}

impl Transitions {
    /// The table of `transition` (`None`: from the sentence start) in `scheme`.
    pub fn new(scheme: Scheme, transition: impl Fn(Option<usize>, usize) -> i64) -> Transitions {
        let mut table = [[NEG; LABELS]; LABELS + 1];
        for (row, r) in table.iter_mut().enumerate() {
            let from = row.checked_sub(1);
            for (to, cell) in r.iter_mut().enumerate() {
                if allowed(scheme, from, to) {
                    *cell = transition(from, to);
                }
            }
        }
        Transitions { scheme, table }
    }
}

/// The best label sequence under `scheme`'s constraints, and for each token the margin between
/// the best path and the best path giving that token another label (0 when tied).
pub fn viterbi(
    scheme: Scheme,
    emissions: &[[i64; LABELS]],
    transition: impl Fn(Option<usize>, usize) -> i64,
) -> (Vec<usize>, Vec<i64>) {
    viterbi_in(&Transitions::new(scheme, transition), emissions)
}

/// [`viterbi`] with the transitions as a table.
pub fn viterbi_in(transitions: &Transitions, emissions: &[[i64; LABELS]]) -> (Vec<usize>, Vec<i64>) {
    viterbi_pairs(transitions, emissions, &[])
}

/// The number of (from, to) label pairs a transition table has: from the sentence start or a
/// label, to a label (index `(1 + from) × LABELS + to`, the sentence start as `from = -1`).
pub const PAIRS: usize = (LABELS + 1) * LABELS;

/// A transition table as one row: pair `(row, to)` at `row × LABELS + to` ([`PAIRS`]).
pub type PairScores = [i32; PAIRS];

/// [`viterbi_in`] with label-pair scores (issue 10): `pairs[i]` (if given, one per token) adds
/// to the transitions into token `i` (from the sentence start at token 0), the scores of the
/// features of the previous label together with the words there.
pub fn viterbi_pairs(
    transitions: &Transitions,
    emissions: &[[i64; LABELS]],
    pairs: &[PairScores],
) -> (Vec<usize>, Vec<i64>) {
    let n = emissions.len();
    if n == 0 {
        return (Vec::new(), Vec::new());
    }
    let scheme = transitions.scheme;
    let base = &transitions.table;
    // Each token's transitions into it: the table, plus its pair scores on the allowed pairs.
    let tables: Vec<[[i64; LABELS]; LABELS + 1]> = pairs
        .iter()
        .take(n)
        .map(|p| {
            let mut t = *base;
            for (k, cell) in t.iter_mut().flatten().enumerate() {
                if *cell != NEG {
                    *cell += i64::from(p[k]);
                }
            }
            t
        })
        .collect();
    let at = |i: usize| tables.get(i).unwrap_or(base);
    let froms = &FROMS[scheme as usize];
    // Forward: best score of a prefix ending in each label (emission included).
    let mut alpha = vec![[NEG; LABELS]; n];
    let mut back = vec![[0u8; LABELS]; n];
    for to in 0..LABELS {
        if at(0)[0][to] > NEG {
            alpha[0][to] = at(0)[0][to] + emissions[0][to];
        }
    }
    // With scores far from NEG (the model's always are), only the first token has unreachable
    // labels (`I-` at the sentence start) besides the labels the scheme lacks, and they never
    // win a comparison: the pairs need no check (issue 9).
    let small = |v: i64| v.unsigned_abs() < 1 << 40;
    let plain = base[1..].iter().flatten().all(|&t| t == NEG || small(t))
        && (0..LABELS).all(|to| {
            froms
                .get(to)
                .iter()
                .all(|&from| base[usize::from(from) + 1][to] != NEG)
        })
        && emissions.iter().flatten().all(|&e| small(e));
    for i in (1..n).filter(|_| plain) {
        let trans = at(i);
        let prev = alpha[i - 1];
        let row = &mut alpha[i];
        for (to, cell) in row.iter_mut().enumerate() {
            let Some((&first, rest)) = froms.get(to).split_first() else {
                continue;
            };
            let mut arg = usize::from(first);
            let mut best = prev[arg] + trans[arg + 1][to];
            for &from in rest {
                let from = usize::from(from);
                let s = prev[from] + trans[from + 1][to];
                if s > best {
                    best = s;
                    arg = from;
                }
            }
            *cell = best + emissions[i][to];
            back[i][to] = arg as u8;
        }
    }
    for i in (1..n).filter(|_| !plain) {
        let trans = at(i);
        let prev = alpha[i - 1];
        for to in 0..LABELS {
            let mut best = NEG;
            let mut arg = 0;
            for &from in froms.get(to) {
                let from = usize::from(from);
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
    beta[n - 1] = std::array::from_fn(|l| if may_end(scheme, l) { 0 } else { NEG });
    for i in (0..n - 1).rev() {
        let trans = at(i + 1);
        // What each label contributes after the token: its emission and the best suffix.
        let mut ahead = [NEG; LABELS];
        for (to, a) in ahead.iter_mut().enumerate() {
            if beta[i + 1][to] != NEG {
                *a = emissions[i + 1][to] + beta[i + 1][to];
            }
        }
        let mut row = [NEG; LABELS];
        for (to, &a) in ahead.iter().enumerate().filter(|&(_, &a)| a != NEG) {
            for &from in froms.get(to) {
                let from = usize::from(from);
                let t = trans[from + 1][to];
                // Plain: every pair the scheme permits has a transition score (see above).
                if plain || t != NEG {
                    row[from] = row[from].max(t + a);
                }
            }
        }
        beta[i] = row;
    }
    best_path(scheme, &alpha, &beta, &back)
}

/// The best label sequence from the forward scores and back-pointers, and each token's margin
/// from the forward and backward scores (see [`viterbi`]).
fn best_path(
    scheme: Scheme,
    alpha: &[[i64; LABELS]],
    beta: &[[i64; LABELS]],
    back: &[[u8; LABELS]],
) -> (Vec<usize>, Vec<i64>) {
    let n = alpha.len();
    let mut last = 0;
    for to in (1..LABELS).filter(|&l| may_end(scheme, l)) {
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
    use crate::ner::{NerType, label_at};
    use crate::ner::train::Lcg;

    const B_PERS: usize = label_at(Kind::Begin, NerType::Pers);
    const I_PERS: usize = label_at(Kind::Inside, NerType::Pers);
    const S_PERS: usize = label_at(Kind::Single, NerType::Pers);
    const B_LOC: usize = label_at(Kind::Begin, NerType::Loc);
    const I_LOC: usize = label_at(Kind::Inside, NerType::Loc);
    const S_LOC: usize = label_at(Kind::Single, NerType::Loc);

    #[test]
    fn i_needs_its_own_b() {
        let bio = Scheme::Bio;
        assert!(allowed(bio, Some(B_PERS), I_PERS));
        assert!(allowed(bio, Some(I_PERS), I_PERS));
        assert!(!allowed(bio, Some(B_LOC), I_PERS));
        assert!(!allowed(bio, Some(0), I_PERS));
        assert!(!allowed(bio, None, I_LOC));
        assert!(allowed(bio, None, B_LOC));
        assert!(allowed(bio, Some(I_PERS), B_PERS));
        assert!(allowed(bio, Some(B_PERS), 0));
        assert!(!allowed(bio, None, S_PERS));
        assert!(!allowed(bio, Some(S_LOC), 0));
        assert!(may_end(bio, B_PERS) && may_end(bio, I_PERS) && !may_end(bio, S_PERS));
    }

    /// Issue 10: in BIOS a `B-` starts an entity of several tokens, a one-token entity is `S-`.
    #[test]
    fn bios_b_goes_on_into_its_i() {
        let bios = Scheme::Bios;
        assert!(allowed(bios, Some(B_PERS), I_PERS));
        assert!(!allowed(bios, Some(B_PERS), 0));
        assert!(!allowed(bios, Some(B_PERS), B_PERS));
        assert!(!allowed(bios, Some(B_PERS), S_LOC));
        assert!(!allowed(bios, Some(B_LOC), I_PERS));
        assert!(allowed(bios, Some(I_PERS), I_PERS));
        assert!(allowed(bios, Some(I_PERS), 0));
        assert!(allowed(bios, Some(I_PERS), S_PERS));
        assert!(allowed(bios, Some(S_PERS), B_PERS));
        assert!(allowed(bios, Some(S_PERS), S_PERS));
        assert!(!allowed(bios, Some(S_PERS), I_PERS));
        assert!(allowed(bios, None, S_PERS));
        assert!(!allowed(bios, None, I_PERS));
        assert!(!may_end(bios, B_PERS));
        assert!(may_end(bios, I_LOC) && may_end(bios, S_PERS) && may_end(bios, 0));
    }

    /// The decoder before issue 9 visited every pair of labels and skipped the disallowed ones
    /// (its forward and backward passes; the path and margins are read the same way).
    fn reference_viterbi(
        scheme: Scheme,
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
                if allowed(scheme, from, to) {
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
        let mut beta = vec![[NEG; LABELS]; n];
        for (l, b) in beta[n - 1].iter_mut().enumerate() {
            if may_end(scheme, l) {
                *b = 0;
            }
        }
        for i in (0..n - 1).rev() {
            for from in 0..LABELS {
                let mut best = NEG;
                for to in 0..LABELS {
                    let t = trans[from + 1][to];
                    if t == NEG || beta[i + 1][to] == NEG {
                        continue;
                    }
                    let s = t + emissions[i + 1][to] + beta[i + 1][to];
                    best = best.max(s);
                }
                beta[i][from] = best;
            }
        }
        best_path(scheme, &alpha, &beta, &back)
    }

    /// Issue 9 (and 10, for both schemes): the decoder that visits only allowed pairs gives the
    /// same labels and margins.
    #[test]
    fn same_as_visiting_every_pair() {
        let mut rng = Lcg(7);
        let mut next = |range: i64| rng.next_value() as i64 % range - range / 2;
        for scheme in Scheme::ALL {
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
                    let (labels, margins) = viterbi(scheme, &e, transition);
                    let reference = reference_viterbi(scheme, &e, transition);
                    assert_eq!((&labels, &margins), (&reference.0, &reference.1), "{scheme:?}");
                    // Every decoded sequence is valid in its scheme.
                    let mut prev = None;
                    for &l in &labels {
                        assert!(allowed(scheme, prev, l), "{scheme:?} {labels:?}");
                        prev = Some(l);
                    }
                    assert!(prev.is_none_or(|l| may_end(scheme, l)), "{scheme:?} {labels:?}");
                }
            }
        }
    }

    /// Issue 10: with label-pair scores per token, the path and margins are those of
    /// enumerating every allowed path.
    #[test]
    fn pair_scores_decode_as_enumerated() {
        let mut rng = Lcg(3);
        let mut next = |range: i64| rng.next_value() as i64 % range - range / 2;
        for scheme in Scheme::ALL {
            for len in 1..4 {
                let base: Vec<i64> = (0..PAIRS).map(|_| next(40)).collect();
                let transitions = Transitions::new(scheme, |from, to| {
                    base[from.map_or(0, |f| f + 1) * LABELS + to]
                });
                let e: Vec<[i64; LABELS]> =
                    (0..len).map(|_| std::array::from_fn(|_| next(300))).collect();
                let pairs: Vec<PairScores> =
                    (0..len).map(|_| std::array::from_fn(|_| next(200) as i32)).collect();
                // Every allowed path with its score.
                let mut paths: Vec<(Vec<usize>, i64)> = vec![(Vec::new(), 0)];
                for i in 0..len {
                    paths = paths
                        .into_iter()
                        .flat_map(|(p, score)| {
                            let from = p.last().copied();
                            let (base, pairs, e) = (&base, &pairs, &e);
                            (0..LABELS).filter(move |&to| allowed(scheme, from, to)).map(
                                move |to| {
                                    let k = from.map_or(0, |f| f + 1) * LABELS + to;
                                    let s = base[k] + i64::from(pairs[i][k]) + e[i][to];
                                    ([p.clone(), vec![to]].concat(), score + s)
                                },
                            )
                        })
                        .collect();
                }
                paths.retain(|(p, _)| p.last().is_some_and(|&l| may_end(scheme, l)));
                let best = paths.iter().map(|(_, s)| *s).max().unwrap();
                let (labels, margins) = viterbi_pairs(&transitions, &e, &pairs);
                let score = paths.iter().find(|(p, _)| *p == labels).map(|(_, s)| *s);
                assert_eq!(score, Some(best), "{scheme:?} {len}");
                for i in 0..len {
                    let other = paths.iter().filter(|(p, _)| p[i] != labels[i]).map(|(_, s)| *s);
                    let margin = other.max().map_or(i64::MAX, |o| (best - o).max(0));
                    assert_eq!(margins[i], margin, "{scheme:?} {len} {i}");
                }
            }
        }
    }

    #[test]
    fn constraint_beats_emission() {
        // The emission prefers I-PERS at the start, which is not allowed.
        let mut e = [[0i64; LABELS]; 2];
        e[0][I_PERS] = 100;
        e[0][B_PERS] = 10;
        e[1][I_PERS] = 5;
        let (labels, margins) = viterbi(Scheme::Bio, &e, |_, _| 0);
        assert_eq!(labels, vec![B_PERS, I_PERS]);
        assert_eq!(margins[0], 15);
    }

    /// Issue 10: in BIOS a name may not end on its `B-`.
    #[test]
    fn bios_closes_the_last_name() {
        let mut e = [[0i64; LABELS]; 2];
        e[0][0] = 30;
        e[1][B_PERS] = 50;
        e[1][S_PERS] = 10;
        let (labels, _) = viterbi(Scheme::Bios, &e, |_, _| 0);
        assert_eq!(labels, vec![0, S_PERS]);
        let (labels, _) = viterbi(Scheme::Bio, &e, |_, _| 0);
        assert_eq!(labels, vec![0, B_PERS]);
    }
}

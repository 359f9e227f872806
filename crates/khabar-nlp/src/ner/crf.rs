//! Training by a linear-chain conditional random field: the same features and label transitions as
//! the perceptron ([`crate::ner::train`]), fitted by maximum conditional likelihood with an L2
//! penalty instead of by mistake-driven updates (issue 10: WikiFANE's inconsistent gold spans are
//! label noise, which a regularised probabilistic model averages over).
//!
//! AdaGrad, one sentence at a time: each weight's step is the rate divided by the root of its
//! summed squared gradients, so that rare features (most of them) move fast and common ones
//! slowly. The L2 penalty is applied lazily: a feature's weights pay the penalty of the steps they
//! missed when their feature is next seen, so a step touches only the features of its sentence.
//! The weights written are the mean over all steps (averaging, as the perceptron's). Training is
//! cost-augmented (softmax-margin, Gimpel and Smith 2010): a wrong label scores a little more
//! during training, most on an entity's tokens, so the model keeps a margin over the errors that
//! cost most (a plain CRF misses entities: recall fell ~4 points below precision). Forward–backward
//! runs in log space over the transitions [`allowed`] permits in the tag encoding trained
//! ([`Scheme`]), a `B-` that must go on excluded from a sentence's end, as the decoder does.
//!
//! Deterministic: one thread, sentences in an order shuffled each epoch by [`Lcg`] from a fixed
//! seed, a fixed number of epochs.

use crate::ner::decode::allowed;
use crate::ner::{LABELS, Scheme};
use crate::ner::train::Lcg;

/// Options of the CRF trainer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CrfConfig {
    /// Passes over the data.
    pub epochs: usize,
    /// L2 strength: the objective is the corpus' negative log-likelihood plus `l2 / 2 · ‖w‖²`.
    pub l2: f64,
    /// AdaGrad's rate.
    pub rate: f64,
    /// The softmax-margin cost of a wrong label on an `O` token in training (0: plain likelihood).
    pub cost: f64,
    /// The cost of a wrong label on a token of an entity, in units of `cost`.
    pub recall: f64,
}

impl Default for CrfConfig {
    /// The settings measured best on the dev sets (issue 10; `cargo xtask eval-ner --trainer crf
    /// --l2 X --rate X --cost X --recall-cost X`).
    fn default() -> CrfConfig {
        CrfConfig {
            epochs: 8,
            l2: 10.0,
            rate: 0.3,
            cost: 1.0,
            recall: 2.0,
        }
    }
}

/// The score units a CRF weight of 1 is written as ([`crate::ner::SCORE_UNITS`]).
pub use crate::ner::SCORE_UNITS;

/// Rows of the transition table: the sentence start, then one per label.
const ROWS: usize = 1 + LABELS;

/// The cells of the transition table.
const PAIRS: usize = ROWS * LABELS;

/// Label-pair features (issue 10: the previous label together with the word or its cluster):
/// for each sentence, for each token, the dense ids of the features that score the transition
/// into that token, over `count` features.
#[derive(Debug, Clone, Copy)]
pub struct PairFeatures<'a> {
    /// Per sentence, per token, the feature ids.
    pub data: &'a [Vec<Vec<u32>>],
    /// How many features there are.
    pub count: usize,
}

/// What [`fit`] is given besides the features and the gold labels.
#[derive(Clone, Copy, Default)]
pub struct Given<'a> {
    /// Per sentence, per token, log scores added to each label's emission, held fixed (the
    /// stacked pass, [`crate::ner::stack`], fits a correction to the first pass's scores so).
    pub offsets: Option<&'a [Vec<[f64; LABELS]>]>,
    /// Label-pair features, each with a table like the transitions' added to the transitions
    /// into the tokens it is on.
    pub pair_features: Option<PairFeatures<'a>>,
    /// Adds to a buffer of [`PAIRS`] log scores per token those held fixed for the transitions
    /// into each token of sentence `si` (the first pass's label-pair scores, for the stacked
    /// pass).
    pub pair_offsets: Option<PairOffsets<'a>>,
}

/// Adds the fixed label-pair scores of sentence `si` to a buffer ([`Given::pair_offsets`]).
pub type PairOffsets<'a> = &'a dyn Fn(usize, &mut [f64]);

impl std::fmt::Debug for Given<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Given")
            .field("offsets", &self.offsets.map(<[_]>::len))
            .field("pair_features", &self.pair_features.map(|p| p.count))
            .field("pair_offsets", &self.pair_offsets.is_some())
            .finish()
    }
}

/// The weights [`fit`] finds.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    /// By feature id and label.
    pub emissions: Vec<f64>,
    /// The transition table: row 0 from the sentence start, row `1 + a` from label `a`.
    pub transitions: Vec<f64>,
    /// By pair feature id, a table like the transitions' (empty without pair features).
    pub pairs: Vec<f64>,
}

/// The transitions `scheme` permits: the labels each label may follow (the sentence start is not
/// among them) and those that may follow it.
struct Links {
    scheme: Scheme,
    into: [Vec<usize>; LABELS],
    out: [Vec<usize>; LABELS],
}

impl Links {
    fn new(scheme: Scheme) -> Links {
        let link = |from, to| allowed(scheme, Some(from), to);
        Links {
            scheme,
            into: std::array::from_fn(|to| (0..LABELS).filter(|&f| link(f, to)).collect()),
            out: std::array::from_fn(|from| (0..LABELS).filter(|&to| link(from, to)).collect()),
        }
    }

    /// The labels a sentence may start with.
    fn starts(&self) -> impl Iterator<Item = usize> + '_ {
        (0..LABELS).filter(|&to| allowed(self.scheme, None, to))
    }
}

/// log(Σ exp(x)) of the values `xs` yields (−∞ when there are none).
fn log_sum_exp(xs: impl Iterator<Item = f64> + Clone) -> f64 {
    let max = xs.clone().fold(f64::NEG_INFINITY, f64::max);
    if max == f64::NEG_INFINITY {
        return max;
    }
    max + xs.map(|x| (x - max).exp()).sum::<f64>().ln()
}

/// The lattice of one sentence: forward and backward log scores and the log partition function.
struct Lattice {
    alpha: Vec<[f64; LABELS]>,
    beta: Vec<[f64; LABELS]>,
    log_z: f64,
}

impl Lattice {
    /// Forward–backward over `emissions` (log scores per token and label) and `trans` (the
    /// transition table, row 0 from the sentence start, row `1 + a` from label `a`), plus,
    /// if not empty, `pairs`: for each token, [`PAIRS`] scores added to the transitions into it.
    fn new(emissions: &[[f64; LABELS]], trans: &[f64], pairs: &[f64], links: &Links) -> Lattice {
        let n = emissions.len();
        let tr = |i: usize, k: usize| transition_into(trans, pairs, i, k);
        let mut alpha = vec![[f64::NEG_INFINITY; LABELS]; n];
        let mut beta = vec![[0.0; LABELS]; n];
        if let Some(last) = beta.last_mut() {
            for (l, b) in last.iter_mut().enumerate() {
                if links.scheme.must_continue(l) {
                    *b = f64::NEG_INFINITY;
                }
            }
        }
        for to in links.starts() {
            alpha[0][to] = tr(0, to) + emissions[0][to];
        }
        for i in 1..n {
            for to in 0..LABELS {
                let prev = &alpha[i - 1];
                let into = links.into[to].iter();
                let from = into.map(|&f| prev[f] + tr(i, (f + 1) * LABELS + to));
                alpha[i][to] = log_sum_exp(from) + emissions[i][to];
            }
        }
        for i in (0..n.saturating_sub(1)).rev() {
            let mut row = [f64::NEG_INFINITY; LABELS];
            for (from, cell) in row.iter_mut().enumerate() {
                let next = links.out[from].iter().map(|&to| {
                    tr(i + 1, (from + 1) * LABELS + to) + emissions[i + 1][to] + beta[i + 1][to]
                });
                *cell = log_sum_exp(next);
            }
            beta[i] = row;
        }
        let log_z = match (alpha.last(), beta.last()) {
            (Some(a), Some(b)) => log_sum_exp(a.iter().zip(b).map(|(x, y)| x + y)),
            _ => 0.0,
        };
        Lattice { alpha, beta, log_z }
    }

    /// The probability of label `l` at token `i`.
    fn marginal(&self, i: usize, l: usize) -> f64 {
        (self.alpha[i][l] + self.beta[i][l] - self.log_z).exp()
    }
}

/// The score of cell `k` of the transition table into token `i`: the table's (`trans`) plus,
/// if there are any, the token's label-pair scores (`pairs`, [`PAIRS`] per token).
fn transition_into(trans: &[f64], pairs: &[f64], i: usize, k: usize) -> f64 {
    trans[k] + pairs.get(i * PAIRS + k).copied().unwrap_or(0.0)
}

/// The weights being fitted: emissions by feature id and label, then the transition table,
/// then the label-pair weights by pair feature id and pair ([`PAIRS`]).
struct Weights {
    v: Vec<f64>,
    n_emissions: usize,
}

impl Weights {
    fn emissions(&self, feats: &[Vec<u32>]) -> Vec<[f64; LABELS]> {
        feats
            .iter()
            .map(|fs| {
                let mut s = [0.0; LABELS];
                for &f in fs {
                    for (x, &y) in s.iter_mut().zip(&self.v[f as usize * LABELS..][..LABELS]) {
                        *x += y;
                    }
                }
                s
            })
            .collect()
    }
    fn transitions(&self) -> &[f64] {
        &self.v[self.n_emissions..][..PAIRS]
    }

    /// Adds to `out` (for each token, [`PAIRS`] scores) the weights of each token's pair
    /// features (`pair_feats`).
    fn add_pairs(&self, pair_feats: &[Vec<u32>], out: &mut [f64]) {
        let table = &self.v[self.n_emissions + PAIRS..];
        for (fs, row) in pair_feats.iter().zip(out.chunks_exact_mut(PAIRS)) {
            for &f in fs {
                for (x, y) in row.iter_mut().zip(&table[f as usize * PAIRS..][..PAIRS]) {
                    *x += y;
                }
            }
        }
    }
}

/// One sentence's gradient: by row (a feature's weights, or a row of the transition table) and
/// label, with the rows it touches.
struct Gradient {
    values: Vec<f64>,
    rows: Vec<usize>,
    /// The step at which each row was last added to.
    stamp: Vec<u32>,
}

impl Gradient {
    fn add(&mut self, row: usize, t: u32, delta: &[f64; LABELS]) {
        if self.stamp[row] != t {
            self.stamp[row] = t;
            self.rows.push(row);
        }
        for (x, d) in self.values[row * LABELS..][..LABELS].iter_mut().zip(delta) {
            *x += d;
        }
    }
}

/// Fits a CRF to `data` (per sentence, per token, the dense feature ids of [`crate::ner::train`])
/// and `gold` (per sentence, a label of `scheme` per token), over `n_features` features, visiting the
/// sentences in an order shuffled each epoch from `seed`; returns the emission weights (by
/// feature id and label) and the transition table (row 0 from the sentence start, row `1 + a`
/// from label `a`). With `offsets` (per sentence, per token, log scores in the same units),
/// each token's emissions are its features' weights plus what `given` adds ([`Given`]).
pub fn fit(
    data: &[Vec<Vec<u32>>],
    given: Given<'_>,
    gold: &[&[usize]],
    n_features: usize,
    config: &CrfConfig,
    scheme: Scheme,
    seed: u64,
) -> Fitted {
    let links = Links::new(scheme);
    let n_emissions = n_features * LABELS;
    let Given {
        offsets,
        pair_features,
        pair_offsets,
    } = given;
    let n_pairs = pair_features.map_or(0, |p| p.count);
    // A pair feature's weights are `ROWS` rows of the gradient, after the transition table's.
    let pair_row = |f: u32, from_row: usize| n_features + ROWS + f as usize * ROWS + from_row;
    let rows = n_features + ROWS + n_pairs * ROWS;
    let mut w = Weights {
        v: vec![0.0; rows * LABELS],
        n_emissions,
    };
    let n = data.len().max(1) as f64;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Lcg(seed ^ 0x0063_7266);
    let mut grad = Gradient {
        values: vec![0.0; rows * LABELS],
        rows: Vec::new(),
        stamp: vec![0; rows],
    };
    // The summed squared gradients, and the step at which each row was last updated.
    let mut squares = vec![0.0f64; rows * LABELS];
    let mut last = vec![0u32; rows];
    // Each update times the step it was made at, summed: the mean of the weights over the steps
    // is then `v - timed / steps` (the perceptron's trick).
    let mut timed = vec![0.0f64; rows * LABELS];
    let mut t: u32 = 0;
    let mut pairs: Vec<f64> = Vec::new();
    let no_pairs: Vec<Vec<u32>> = Vec::new();
    for _ in 0..config.epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let (feats, gold) = (&data[si], gold[si]);
            if feats.is_empty() {
                continue;
            }
            let mut emissions = w.emissions(feats);
            if let Some(offsets) = offsets.and_then(|o| o.get(si)) {
                for (e, o) in emissions.iter_mut().zip(offsets) {
                    for (x, y) in e.iter_mut().zip(o) {
                        *x += y;
                    }
                }
            }
            for (e, &g) in emissions.iter_mut().zip(gold) {
                let cost = if g == 0 { config.cost } else { config.cost * config.recall };
                for (l, x) in e.iter_mut().enumerate() {
                    if l != g {
                        *x += cost;
                    }
                }
            }
            let pair_feats = pair_features.and_then(|p| p.data.get(si)).unwrap_or(&no_pairs);
            pairs.clear();
            if pair_features.is_some() || pair_offsets.is_some() {
                pairs.resize(feats.len() * PAIRS, 0.0);
                w.add_pairs(pair_feats, &mut pairs);
                if let Some(add) = pair_offsets {
                    add(si, &mut pairs);
                }
            }
            let trans = w.transitions();
            let lattice = Lattice::new(&emissions, trans, &pairs, &links);
            if !lattice.log_z.is_finite() {
                continue;
            }
            t += 1;
            // The gradient of the log-likelihood: observed minus expected counts.
            for (i, fs) in feats.iter().enumerate() {
                let delta: [f64; LABELS] = std::array::from_fn(|l| {
                    f64::from(u8::from(gold[i] == l)) - lattice.marginal(i, l)
                });
                if delta.iter().all(|d| d.abs() < 1e-9) {
                    continue;
                }
                for &f in fs {
                    grad.add(f as usize, t, &delta);
                }
            }
            // Per token, the observed minus the expected count of each pair into it; summed
            // for the transitions, and given to the token's pair features.
            let mut dt = [[0.0; LABELS]; ROWS];
            for (i, e) in emissions.iter().enumerate() {
                let mut di = [[0.0; LABELS]; ROWS];
                di[if i == 0 { 0 } else { gold[i - 1] + 1 }][gold[i]] += 1.0;
                if i == 0 {
                    for to in links.starts() {
                        di[0][to] -= lattice.marginal(0, to);
                    }
                } else {
                    let (a, b) = (&lattice.alpha[i - 1], &lattice.beta[i]);
                    for to in 0..LABELS {
                        for &from in &links.into[to] {
                            let k = (from + 1) * LABELS + to;
                            let tk = transition_into(trans, &pairs, i, k);
                            let p = (a[from] + tk + e[to] + b[to] - lattice.log_z).exp();
                            di[from + 1][to] -= p;
                        }
                    }
                }
                for (total, d) in dt.iter_mut().zip(&di) {
                    for (x, y) in total.iter_mut().zip(d) {
                        *x += y;
                    }
                }
                for &f in pair_feats.get(i).map_or(&[][..], Vec::as_slice) {
                    for (from_row, d) in di.iter().enumerate() {
                        if d.iter().any(|x| x.abs() >= 1e-9) {
                            grad.add(pair_row(f, from_row), t, d);
                        }
                    }
                }
            }
            for (row, d) in dt.iter().enumerate() {
                grad.add(n_features + row, t, d);
            }
            for &row in &grad.rows {
                // The L2 penalty's gradient over the steps since the row was last updated.
                let missed = f64::from(t - last[row]);
                last[row] = t;
                for j in row * LABELS..(row + 1) * LABELS {
                    let g = grad.values[j] - config.l2 * missed / n * w.v[j];
                    grad.values[j] = 0.0;
                    squares[j] += g * g;
                    if squares[j] > 0.0 {
                        let d = config.rate * g / squares[j].sqrt();
                        w.v[j] += d;
                        timed[j] += f64::from(t) * d;
                    }
                }
            }
            grad.rows.clear();
        }
    }
    let steps = f64::from(t + 1);
    let mut emissions: Vec<f64> = w.v.iter().zip(&timed).map(|(x, u)| x - u / steps).collect();
    let mut transitions = emissions.split_off(n_emissions);
    let pairs = transitions.split_off(PAIRS);
    Fitted {
        emissions,
        transitions,
        pairs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The log score of the label sequence `gold` (with per-token pair scores `pairs`, if any).
    fn path_score(emissions: &[[f64; LABELS]], trans: &[f64], pairs: &[f64], gold: &[usize]) -> f64 {
        let mut s = 0.0;
        for (i, &g) in gold.iter().enumerate() {
            let row = if i == 0 { 0 } else { gold[i - 1] + 1 };
            let k = row * LABELS + g;
            s += transition_into(trans, pairs, i, k) + emissions[i][g];
        }
        s
    }

    /// Every label sequence of length `n` that [`allowed`] permits in `scheme`, ending where an
    /// entity may end.
    fn paths(scheme: Scheme, n: usize) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new()];
        for _ in 0..n {
            out = out
                .into_iter()
                .flat_map(|p: Vec<usize>| {
                    let last = p.last().copied();
                    (0..LABELS)
                        .filter(move |&l| allowed(scheme, last, l))
                        .map(move |l| [p.clone(), vec![l]].concat())
                })
                .collect();
        }
        out.retain(|p| p.last().is_none_or(|&l| !scheme.must_continue(l)));
        out
    }

    fn sample(len: usize) -> (Vec<[f64; LABELS]>, Vec<f64>) {
        let mut rng = Lcg(11);
        let mut next = || (rng.next_value() % 1000) as f64 / 250.0 - 2.0;
        let e = (0..len).map(|_| std::array::from_fn(|_| next())).collect();
        let t = (0..ROWS * LABELS).map(|_| next()).collect();
        (e, t)
    }

    /// Issue 10: the partition function and the marginals are those of enumerating every allowed
    /// path, in each tag encoding.
    #[test]
    fn forward_backward_matches_enumeration() {
        for scheme in Scheme::ALL {
            let links = Links::new(scheme);
            for (len, with_pairs) in (1..4).flat_map(|len| [(len, false), (len, true)]) {
                let (e, t) = sample(len);
                // Pair scores: the transitions of another sample, a table per token.
                let pairs: Vec<f64> = match with_pairs {
                    true => (0..len).flat_map(|i| sample(i + 2).1).collect(),
                    false => Vec::new(),
                };
                let all = paths(scheme, len);
                let scores: Vec<f64> = all.iter().map(|p| path_score(&e, &t, &pairs, p)).collect();
                let log_z = log_sum_exp(scores.iter().copied());
                let lattice = Lattice::new(&e, &t, &pairs, &links);
                assert!((lattice.log_z - log_z).abs() < 1e-9, "{scheme:?} {len}");
                for i in 0..len {
                    for l in 0..LABELS {
                        let p: f64 = all
                            .iter()
                            .zip(&scores)
                            .filter(|(path, _)| path[i] == l)
                            .map(|(_, s)| (s - log_z).exp())
                            .sum();
                        assert!((lattice.marginal(i, l) - p).abs() < 1e-9, "{scheme:?} {len}");
                    }
                }
            }
        }
    }

    /// Issue 10: fitting makes a separable toy corpus likely, and is deterministic.
    #[test]
    fn fit_learns_a_toy_corpus() {
        use crate::ner::NerType;
        let scheme = Scheme::Bios;
        let b = scheme.entity_label(NerType::Pers, 0, 2);
        let i = scheme.entity_label(NerType::Pers, 1, 2);
        let single = scheme.entity_label(NerType::Pers, 0, 1);
        // Feature 0: a name's first word, 1: its second word, 2: anything else (O), 3: a name
        // of one word.
        let data = vec![
            vec![vec![2], vec![0], vec![1], vec![2]],
            vec![vec![3], vec![2]],
        ];
        let first = [0, b, i, 0];
        let second = [single, 0];
        let gold: Vec<&[usize]> = vec![&first, &second];
        let config = CrfConfig {
            epochs: 30,
            l2: 0.01,
            ..CrfConfig::default()
        };
        let fitted = fit(&data, Given::default(), &gold, 4, &config, scheme, 1);
        assert_eq!(fit(&data, Given::default(), &gold, 4, &config, scheme, 1), fitted);
        let w = Weights {
            v: fitted.emissions.iter().chain(&fitted.transitions).copied().collect(),
            n_emissions: 4 * LABELS,
        };
        let links = Links::new(scheme);
        for (feats, gold) in data.iter().zip(&gold) {
            let emissions = w.emissions(feats);
            let trans = w.transitions();
            let log_z = Lattice::new(&emissions, trans, &[], &links).log_z;
            assert!(path_score(&emissions, trans, &[], gold) - log_z > 0.5f64.ln());
        }
    }

    /// Issue 10: a pair feature learns what no emission can say: here the same word (feature
    /// 0) continues a name after a name's first word and starts one elsewhere, and only the
    /// word's pair feature (0) tells a first word (feature 1) from a word of `O` (feature 2)
    /// before it... through the label before it.
    #[test]
    fn pair_features_learn_label_pairs() {
        use crate::ner::NerType;
        let scheme = Scheme::Bios;
        let b = scheme.entity_label(NerType::Pers, 0, 2);
        let i = scheme.entity_label(NerType::Pers, 1, 2);
        let single = scheme.entity_label(NerType::Pers, 0, 1);
        // Feature 0: a word that is a name wherever it is; 1: a name's first word; 2: `O`.
        let data = vec![vec![vec![1], vec![0], vec![2]], vec![vec![2], vec![0], vec![2]]];
        let first = [b, i, 0];
        let second = [0, single, 0];
        let gold: Vec<&[usize]> = vec![&first, &second];
        let pair_data = vec![vec![vec![], vec![0], vec![]], vec![vec![], vec![0], vec![]]];
        let pairs = PairFeatures {
            data: &pair_data,
            count: 1,
        };
        let config = CrfConfig {
            epochs: 30,
            l2: 0.01,
            ..CrfConfig::default()
        };
        let given = Given {
            pair_features: Some(pairs),
            ..Given::default()
        };
        let fitted = fit(&data, given, &gold, 3, &config, scheme, 1);
        assert_eq!(fitted.pairs.len(), PAIRS);
        // The word's pair feature favours continuing after `B-` and a single name after `O`.
        let pair = |from: usize, to: usize| fitted.pairs[(from + 1) * LABELS + to];
        assert!(pair(b, i) > 0.0, "{}", pair(b, i));
        assert!(pair(0, single) > 0.0, "{}", pair(0, single));
        assert_eq!(fit(&data, given, &gold, 3, &config, scheme, 1), fitted);
    }
}

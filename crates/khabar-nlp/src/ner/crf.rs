//! Training by a linear-chain conditional random field: the same features and label transitions as
//! the perceptron ([`crate::ner::train`]), fitted by maximum conditional likelihood with an L2
//! penalty instead of by mistake-driven updates (issue 10: WikiFANE's inconsistent gold spans are
//! label noise, which a regularised probabilistic model averages over).
//!
//! Stochastic gradient descent, one sentence at a time, with the rate decaying as
//! `rate / (1 + t / N)` over the `t` sentences seen of `N`, and the L2 penalty applied lazily:
//! the weights are a scalar times a vector, and the penalty's shrinking of every weight is a
//! multiplication of the scalar (Bottou's trick), so that a step touches only the features of
//! the sentence. Forward–backward runs in log space over the transitions [`allowed`] permits,
//! for any number of [`LABELS`].
//!
//! Deterministic: one thread, sentences in an order shuffled each epoch by [`Lcg`] from a fixed
//! seed, a fixed number of epochs.

use crate::ner::LABELS;
use crate::ner::decode::allowed;
use crate::ner::train::Lcg;

/// Options of the CRF trainer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CrfConfig {
    /// Passes over the data.
    pub epochs: usize,
    /// L2 strength: the objective is the corpus' negative log-likelihood plus `l2 / 2 · ‖w‖²`.
    pub l2: f64,
    /// The learning rate of the first sentence.
    pub rate: f64,
    /// Whether each weight's rate is its own (AdaGrad) rather than shared and decaying (SGD).
    pub adagrad: bool,
    /// Whether the weights written are the mean over the steps (AdaGrad only).
    pub average: bool,
}

impl Default for CrfConfig {
    fn default() -> CrfConfig {
        CrfConfig {
            epochs: 8,
            l2: 1.0,
            rate: 0.1,
            adagrad: true,
            average: true,
        }
    }
}

/// Rows of the transition table: the sentence start, then one per label.
const ROWS: usize = 1 + LABELS;

/// The labels each label may follow (the sentence start is not among them).
fn predecessors() -> [Vec<usize>; LABELS] {
    std::array::from_fn(|to| (0..LABELS).filter(|&f| allowed(Some(f), to)).collect())
}

/// The labels that may follow each label.
fn successors() -> [Vec<usize>; LABELS] {
    std::array::from_fn(|from| (0..LABELS).filter(|&to| allowed(Some(from), to)).collect())
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
    /// transition table, row 0 from the sentence start, row `1 + a` from label `a`).
    fn new(emissions: &[[f64; LABELS]], trans: &[f64], into: &[Vec<usize>; LABELS]) -> Lattice {
        let n = emissions.len();
        let out = successors();
        let mut alpha = vec![[f64::NEG_INFINITY; LABELS]; n];
        let mut beta = vec![[0.0; LABELS]; n];
        for to in (0..LABELS).filter(|&to| allowed(None, to)) {
            alpha[0][to] = trans[to] + emissions[0][to];
        }
        for i in 1..n {
            for to in 0..LABELS {
                let prev = &alpha[i - 1];
                let from = into[to].iter().map(|&f| prev[f] + trans[(f + 1) * LABELS + to]);
                alpha[i][to] = log_sum_exp(from) + emissions[i][to];
            }
        }
        for i in (0..n.saturating_sub(1)).rev() {
            let mut row = [f64::NEG_INFINITY; LABELS];
            for (from, cell) in row.iter_mut().enumerate() {
                let next = out[from].iter().map(|&to| {
                    trans[(from + 1) * LABELS + to] + emissions[i + 1][to] + beta[i + 1][to]
                });
                *cell = log_sum_exp(next);
            }
            beta[i] = row;
        }
        let log_z = alpha.last().map_or(0.0, |a| log_sum_exp(a.iter().copied()));
        Lattice { alpha, beta, log_z }
    }

    /// The probability of label `l` at token `i`.
    fn marginal(&self, i: usize, l: usize) -> f64 {
        (self.alpha[i][l] + self.beta[i][l] - self.log_z).exp()
    }
}

/// The log score of the label sequence `gold`.
fn path_score(emissions: &[[f64; LABELS]], trans: &[f64], gold: &[usize]) -> f64 {
    let mut s = 0.0;
    for (i, &g) in gold.iter().enumerate() {
        let row = if i == 0 { 0 } else { gold[i - 1] + 1 };
        s += trans[row * LABELS + g] + emissions[i][g];
    }
    s
}

/// The weights being fitted: `scale · v`, emissions by feature id and label, then transitions.
struct Weights {
    v: Vec<f64>,
    scale: f64,
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
                s.map(|x| x * self.scale)
            })
            .collect()
    }
    fn transitions(&self) -> Vec<f64> {
        self.v[self.n_emissions..]
            .iter()
            .map(|&t| t * self.scale)
            .collect()
    }
    /// Shrinks every weight by `factor` (the L2 step).
    fn shrink(&mut self, factor: f64) {
        self.scale *= factor;
        if self.scale < 1e-9 {
            for x in &mut self.v {
                *x *= self.scale;
            }
            self.scale = 1.0;
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

/// The log-likelihood of `gold` given `feats`.
fn log_likelihood(
    w: &Weights,
    feats: &[Vec<u32>],
    gold: &[usize],
    into: &[Vec<usize>; LABELS],
) -> f64 {
    let emissions = w.emissions(feats);
    let trans = w.transitions();
    path_score(&emissions, &trans, gold) - Lattice::new(&emissions, &trans, into).log_z
}

/// Fits a CRF to `data` (per sentence, per token, the dense feature ids of [`crate::ner::train`])
/// and `gold` (per sentence, a label per token), over `n_features` features; returns the
/// emission weights (by feature id and label) and the transition table.
///
/// `init` (emissions, transitions) starts from other weights (the perceptron's), scaled by the
/// factor that makes the first sentences most likely; all zeros starts from scratch.
pub fn fit(
    data: &[Vec<Vec<u32>>],
    gold: &[&[usize]],
    n_features: usize,
    init: (&[f64], &[f64]),
    config: &CrfConfig,
    seed: u64,
) -> (Vec<f64>, Vec<f64>) {
    let into = predecessors();
    let n_emissions = n_features * LABELS;
    let mut w = Weights {
        v: init.0.iter().chain(init.1).copied().collect(),
        scale: 1.0,
        n_emissions,
    };
    w.v.resize(n_emissions + ROWS * LABELS, 0.0);
    if w.v.iter().any(|&x| x != 0.0) {
        w.scale = best_init_scale(&mut w, data, gold, &into);
    }
    if config.adagrad {
        // AdaGrad keeps no common factor.
        let scale = w.scale;
        w.v.iter_mut().for_each(|x| *x *= scale);
        w.scale = 1.0;
    }
    let n = data.len().max(1) as f64;
    let rows = n_features + ROWS;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Lcg(seed ^ 0x0063_7266);
    let mut grad = Gradient {
        values: vec![0.0; rows * LABELS],
        rows: Vec::new(),
        stamp: vec![0; rows],
    };
    // AdaGrad: the summed squared gradients, and the step at which each row was last updated.
    let mut squares = vec![0.0f64; if config.adagrad { rows * LABELS } else { 0 }];
    let mut last = vec![0u32; if config.adagrad { rows } else { 0 }];
    // Averaging (AdaGrad only): each update times the step it was made at, summed, so that the
    // mean of the weights over the steps is `v - sum / steps` (as the perceptron's).
    let mut timed = vec![0.0f64; if config.average { rows * LABELS } else { 0 }];
    let mut t: u32 = 0;
    for epoch in 0..config.epochs {
        let mut ll = 0.0; // DEBUG
        rng.shuffle(&mut order);
        for &si in &order {
            let (feats, gold) = (&data[si], gold[si]);
            if feats.is_empty() {
                continue;
            }
            let emissions = w.emissions(feats);
            let trans = w.transitions();
            let lattice = Lattice::new(&emissions, &trans, &into);
            if !lattice.log_z.is_finite() {
                continue;
            }
            ll += path_score(&emissions, &trans, gold) - lattice.log_z; // DEBUG
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
            let mut dt = [[0.0; LABELS]; ROWS];
            for (i, &g) in gold.iter().enumerate() {
                dt[if i == 0 { 0 } else { gold[i - 1] + 1 }][g] += 1.0;
            }
            for to in (0..LABELS).filter(|&to| allowed(None, to)) {
                dt[0][to] -= lattice.marginal(0, to);
            }
            for i in 1..feats.len() {
                let (a, b) = (&lattice.alpha[i - 1], &lattice.beta[i]);
                for to in 0..LABELS {
                    for &from in &into[to] {
                        let k = (from + 1) * LABELS + to;
                        let p = (a[from] + trans[k] + emissions[i][to] + b[to] - lattice.log_z)
                            .exp();
                        dt[from + 1][to] -= p;
                    }
                }
            }
            for (row, d) in dt.iter().enumerate() {
                grad.add(n_features + row, t, d);
            }
            if config.adagrad {
                for &row in &grad.rows {
                    // The L2 penalty's gradient over the steps since the row was last updated.
                    let k = f64::from(t - last[row]);
                    last[row] = t;
                    for j in row * LABELS..(row + 1) * LABELS {
                        let g = grad.values[j] - config.l2 * k / n * w.v[j];
                        squares[j] += g * g;
                        if squares[j] > 0.0 {
                            let d = config.rate * g / squares[j].sqrt();
                            w.v[j] += d;
                            if let Some(x) = timed.get_mut(j) {
                                *x += f64::from(t) * d;
                            }
                        }
                        grad.values[j] = 0.0;
                    }
                }
            } else {
                let rate = config.rate / (1.0 + f64::from(t) / n);
                w.shrink(1.0 - rate * config.l2 / n);
                let step = rate / w.scale;
                for &row in &grad.rows {
                    for j in row * LABELS..(row + 1) * LABELS {
                        w.v[j] += step * grad.values[j];
                        grad.values[j] = 0.0;
                    }
                }
            }
            grad.rows.clear();
        }
        let norm: f64 = w.v.iter().map(|x| x * x).sum::<f64>() * w.scale * w.scale; // DEBUG
        eprintln!("DEBUG epoch {epoch}: log-likelihood {ll:.1}, |w|^2 {norm:.1}"); // DEBUG
    }
    if config.average && config.adagrad {
        let steps = f64::from(t + 1);
        for (x, u) in w.v.iter_mut().zip(&timed) {
            *x -= u / steps;
        }
    }
    let scale = w.scale;
    let mut v = w.v;
    for x in &mut v {
        *x *= scale;
    }
    let transitions = v.split_off(n_emissions);
    (v, transitions)
}

/// The factor (a power of two) by which the initial weights make the first sentences of the
/// corpus most likely (the log-likelihood is concave along the factor).
fn best_init_scale(
    w: &mut Weights,
    data: &[Vec<Vec<u32>>],
    gold: &[&[usize]],
    into: &[Vec<usize>; LABELS],
) -> f64 {
    let sample = data.len().min(2000);
    let mut best = (f64::NEG_INFINITY, 1.0);
    for k in -16..=4 {
        w.scale = 2f64.powi(k);
        let ll: f64 = (0..sample)
            .filter(|&s| !data[s].is_empty())
            .map(|s| log_likelihood(w, &data[s], gold[s], into))
            .sum();
        if ll > best.0 {
            best = (ll, w.scale);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every label sequence of length `n` that [`allowed`] permits.
    fn paths(n: usize) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new()];
        for _ in 0..n {
            out = out
                .into_iter()
                .flat_map(|p: Vec<usize>| {
                    (0..LABELS)
                        .filter(move |&l| allowed(p.last().copied(), l))
                        .map(move |l| [p.clone(), vec![l]].concat())
                })
                .collect();
        }
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
    /// path.
    #[test]
    fn forward_backward_matches_enumeration() {
        let into = predecessors();
        for len in 1..4 {
            let (e, t) = sample(len);
            let all = paths(len);
            let scores: Vec<f64> = all.iter().map(|p| path_score(&e, &t, p)).collect();
            let log_z = log_sum_exp(scores.iter().copied());
            let lattice = Lattice::new(&e, &t, &into);
            assert!((lattice.log_z - log_z).abs() < 1e-9);
            for i in 0..len {
                for l in 0..LABELS {
                    let p: f64 = all
                        .iter()
                        .zip(&scores)
                        .filter(|(path, _)| path[i] == l)
                        .map(|(_, s)| (s - log_z).exp())
                        .sum();
                    assert!((lattice.marginal(i, l) - p).abs() < 1e-9);
                }
            }
        }
    }

    /// Issue 10: fitting makes a separable toy corpus likely, and is deterministic.
    #[test]
    fn fit_learns_a_toy_corpus() {
        // Feature 0: a name word (B-PERS), 1: its second word (I-PERS), 2: anything else (O).
        let data = vec![vec![vec![2], vec![0], vec![1], vec![2]], vec![vec![0], vec![2]]];
        let gold: Vec<&[usize]> = vec![&[0, 1, 2, 0], &[1, 0]];
        let config = CrfConfig {
            epochs: 30,
            l2: 0.01,
            rate: 0.5,
            adagrad: true,
            average: true,
        };
        let zeros = (&[][..], &[][..]);
        let (e, t) = fit(&data, &gold, 3, zeros, &config, 1);
        assert_eq!(fit(&data, &gold, 3, zeros, &config, 1), (e.clone(), t.clone()));
        let w = Weights {
            v: e.iter().chain(&t).copied().collect(),
            scale: 1.0,
            n_emissions: 3 * LABELS,
        };
        let into = predecessors();
        for (feats, gold) in data.iter().zip(&gold) {
            assert!(log_likelihood(&w, feats, gold, &into) > 0.5f64.ln());
        }
    }
}

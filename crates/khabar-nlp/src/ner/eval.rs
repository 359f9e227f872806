//! Entity-level evaluation in the manner of conlleval: exact span and type match, precision,
//! recall and F1 per type and overall, plus token accuracy.

use crate::ner::{LABELS, NerType, Tag, tag_of_label, type_name};

/// The entities `(start, end, type index)` of a label sequence, read as BIO ([`tag_of_label`])
/// the conlleval way: an entity starts at a `B-`, or at an `I-` that does not continue the
/// previous token's type.
pub fn chunks(labels: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, NerType)> = None; // (start, type)
    for (i, &l) in labels.iter().enumerate() {
        let tag = tag_of_label(l);
        if matches!(tag, Tag::I(ty) if open.is_some_and(|(_, t)| t == ty)) {
            continue;
        }
        if let Some((s, t)) = open.take() {
            out.push((s, i, t as usize));
        }
        if let Tag::B(ty) | Tag::I(ty) = tag {
            open = Some((i, ty));
        }
    }
    if let Some((s, t)) = open {
        out.push((s, labels.len(), t as usize));
    }
    out
}

/// Counts for one evaluation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scores {
    /// Per type (PERS, LOC, ORG, MISC): (gold, predicted, correct).
    pub per_type: [(usize, usize, usize); 4],
    /// Tokens and correctly labelled tokens.
    pub tokens: (usize, usize),
}

impl Scores {
    /// Adds one sentence's gold and predicted labels.
    pub fn add(&mut self, gold: &[usize], pred: &[usize]) {
        debug_assert!(gold.iter().chain(pred).all(|&l| l < LABELS));
        let g = chunks(gold);
        let p = chunks(pred);
        for &(_, _, t) in &g {
            self.per_type[t].0 += 1;
        }
        for c in &p {
            self.per_type[c.2].1 += 1;
            if g.contains(c) {
                self.per_type[c.2].2 += 1;
            }
        }
        self.tokens.0 += gold.len();
        self.tokens.1 += gold.iter().zip(pred).filter(|(a, b)| a == b).count();
    }

    /// Overall (gold, predicted, correct).
    pub fn overall(&self) -> (usize, usize, usize) {
        self.per_type
            .iter()
            .fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2))
    }

    /// Overall F1 in percent.
    pub fn f1(&self) -> f64 {
        prf(self.overall()).2
    }

    /// A conlleval-style table.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let (t, ok) = self.tokens;
        out.push_str(&format!(
            "tokens {t}, token accuracy {:.2}%\n",
            100.0 * ok as f64 / t.max(1) as f64
        ));
        out.push_str(&format!(
            "{:<8} {:>6} {:>6} {:>6} {:>9} {:>9} {:>7}\n",
            "type", "gold", "pred", "match", "precision", "recall", "F1"
        ));
        let types = [NerType::Pers, NerType::Loc, NerType::Org, NerType::Misc];
        let rows = types
            .iter()
            .map(|&ty| (type_name(ty), self.per_type[ty as usize]))
            .chain([("overall", self.overall())]);
        for (name, counts) in rows {
            let (p, r, f) = prf(counts);
            out.push_str(&format!(
                "{name:<8} {:>6} {:>6} {:>6} {p:>8.2}% {r:>8.2}% {f:>7.2}\n",
                counts.0, counts.1, counts.2
            ));
        }
        out
    }
}

fn prf((gold, pred, ok): (usize, usize, usize)) -> (f64, f64, f64) {
    let p = if pred == 0 {
        0.0
    } else {
        100.0 * ok as f64 / pred as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        100.0 * ok as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_follow_conlleval() {
        // O B-PERS I-PERS I-LOC B-LOC I-LOC O I-ORG
        let labels = [0, 1, 2, 5, 4, 5, 0, 8];
        assert_eq!(
            chunks(&labels),
            vec![(1, 3, 0), (3, 4, 1), (4, 6, 1), (7, 8, 2)]
        );
    }

    #[test]
    fn exact_match_only() {
        let mut s = Scores::default();
        s.add(&[1, 2, 0, 4], &[1, 0, 0, 4]);
        assert_eq!(s.per_type[0], (1, 1, 0));
        assert_eq!(s.per_type[1], (1, 1, 1));
        assert_eq!(s.tokens, (4, 3));
    }
}

//! Scoring time expressions against gold files (`test_data/time/*.tsv`): span P/R/F1, exact and
//! overlapping, and value accuracy on matched spans. Shared by the tests and `cargo xtask
//! eval-time`.
//!
//! A gold file has one case per line: `reference date (or -)<TAB>sentence<TAB>expected`, where
//! expected is `text|TYPE|value|mod` items separated by ` ;; ` (value `-` = unresolved, mod
//! optional). `#` lines are comments.

use crate::document::Document;
use crate::span::Span;
use jiff::civil::Date;

/// One expected expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTime {
    /// Byte span inside the sentence.
    pub span: Span,
    /// TIMEX3 type.
    pub kind: String,
    /// TIMEX3 value, `None` when unresolved.
    pub value: Option<String>,
    /// TIMEX3 mod.
    pub modifier: Option<String>,
}

/// One gold sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldCase {
    /// Category (the file name).
    pub category: String,
    /// The reference date.
    pub reference: Option<Date>,
    /// The sentence.
    pub sentence: String,
    /// What should be found.
    pub expected: Vec<GoldTime>,
}

/// Reads one gold file; `Err` names the first bad line.
pub fn parse_gold(category: &str, data: &str) -> Result<Vec<GoldCase>, String> {
    let mut cases = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(r), Some(s)) = (cols.first(), cols.get(1)) else {
            return Err(format!(
                "{category}:{}: needs reference and sentence",
                n + 1
            ));
        };
        let reference = if *r == "-" {
            None
        } else {
            Some(
                r.parse::<Date>()
                    .map_err(|e| format!("{category}:{}: {e}", n + 1))?,
            )
        };
        let mut expected = Vec::new();
        for item in cols
            .get(2)
            .unwrap_or(&"")
            .split(" ;; ")
            .filter(|x| !x.is_empty())
        {
            let f: Vec<&str> = item.split('|').collect();
            let text = f[0];
            let at = s
                .find(text)
                .ok_or_else(|| format!("{category}:{}: «{text}» not in sentence", n + 1))?;
            expected.push(GoldTime {
                span: Span::new(at, at + text.len()),
                kind: f.get(1).unwrap_or(&"DATE").to_string(),
                value: f.get(2).filter(|v| **v != "-").map(|v| v.to_string()),
                modifier: f.get(3).filter(|v| **v != "-").map(|v| v.to_string()),
            });
        }
        cases.push(GoldCase {
            category: category.to_owned(),
            reference,
            sentence: (*s).to_owned(),
            expected,
        });
    }
    Ok(cases)
}

/// Counts for one category.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold expressions.
    pub gold: usize,
    /// Predicted expressions.
    pub predicted: usize,
    /// Predictions with exactly the gold span.
    pub exact: usize,
    /// Predictions overlapping a gold span.
    pub overlap: usize,
    /// Overlapping matches with the right type, value and mod.
    pub value_correct: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.exact += o.exact;
        self.overlap += o.overlap;
        self.value_correct += o.value_correct;
    }

    /// (precision, recall, F1) of exact or overlapping spans.
    pub fn prf(&self, exact: bool) -> (f64, f64, f64) {
        let tp = if exact { self.exact } else { self.overlap } as f64;
        let p = if self.predicted == 0 {
            1.0
        } else {
            tp / self.predicted as f64
        };
        let r = if self.gold == 0 {
            1.0
        } else {
            tp / self.gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }

    /// Value accuracy on overlapping matches.
    pub fn value_accuracy(&self) -> f64 {
        if self.overlap == 0 {
            1.0
        } else {
            self.value_correct as f64 / self.overlap as f64
        }
    }
}

/// The result of an evaluation.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Per category, in first-seen order.
    pub categories: Vec<(String, Counts)>,
    /// Everything that did not match, one line each.
    pub failures: Vec<String>,
}

impl Report {
    /// The counts over all categories.
    pub fn total(&self) -> Counts {
        let mut t = Counts::default();
        for (_, c) in &self.categories {
            t.add(c);
        }
        t
    }

    /// A printable table.
    pub fn table(&self) -> String {
        let mut out = String::from(
            "category      gold  pred  exact P/R/F1          overlap P/R/F1        value acc\n",
        );
        let total = self.total();
        let rows = self
            .categories
            .iter()
            .map(|(n, c)| (n.as_str(), c))
            .chain(std::iter::once(("ALL", &total)));
        for (name, c) in rows {
            let (ep, er, ef) = c.prf(true);
            let (op, or, of) = c.prf(false);
            out.push_str(&format!(
                "{name:<13} {:>4}  {:>4}  {ep:.3} {er:.3} {ef:.3}   {op:.3} {or:.3} {of:.3}   {:.3}\n",
                c.gold,
                c.predicted,
                c.value_accuracy()
            ));
        }
        out
    }
}

/// Runs the time stage over every case and scores it.
pub fn evaluate(cases: &[GoldCase]) -> Report {
    let mut report = Report::default();
    for case in cases {
        let doc = Document::new(&case.sentence);
        let found = super::find(&doc, case.reference).exprs;
        let mut c = Counts {
            gold: case.expected.len(),
            predicted: found.len(),
            ..Counts::default()
        };
        for g in &case.expected {
            let m = found.iter().find(|t| t.span.overlaps(g.span));
            match m {
                None => report.failures.push(format!(
                    "{}: missed «{}» in «{}»",
                    case.category,
                    g.span.slice(&case.sentence),
                    case.sentence
                )),
                Some(t) => {
                    c.overlap += 1;
                    if t.span == g.span {
                        c.exact += 1;
                    } else {
                        report.failures.push(format!(
                            "{}: span «{}» instead of «{}»",
                            case.category,
                            t.span.slice(&case.sentence),
                            g.span.slice(&case.sentence)
                        ));
                    }
                    if t.kind.as_str() == g.kind
                        && t.value == g.value
                        && t.modifier.map(str::to_owned) == g.modifier
                    {
                        c.value_correct += 1;
                    } else {
                        report.failures.push(format!(
                            "{}: «{}» got {} {:?} {:?}, want {} {:?} {:?}",
                            case.category,
                            g.span.slice(&case.sentence),
                            t.kind.as_str(),
                            t.value,
                            t.modifier,
                            g.kind,
                            g.value,
                            g.modifier
                        ));
                    }
                }
            }
        }
        for t in &found {
            if !case.expected.iter().any(|g| g.span.overlaps(t.span)) {
                report.failures.push(format!(
                    "{}: spurious «{}» ({:?}) in «{}»",
                    case.category,
                    t.span.slice(&case.sentence),
                    t.value,
                    case.sentence
                ));
            }
        }
        match report
            .categories
            .iter_mut()
            .find(|(n, _)| *n == case.category)
        {
            Some((_, counts)) => counts.add(&c),
            None => report.categories.push((case.category.clone(), c)),
        }
    }
    report
}

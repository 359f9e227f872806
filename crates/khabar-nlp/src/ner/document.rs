//! The document pass (issue 10): a name the model tags confidently in one place labels its other
//! occurrences in the same document consistently.
//!
//! The first pass tags every sentence on its own. Every entity whose weakest token margin is at
//! least [`Consistency::min_margin`] becomes a *confident name* (its tokens' matching keys and its
//! type; a name tagged with two types is dropped). The second pass looks for the confident names
//! among the tokens the first pass left `O`, written as they were or with a leading conjunction or
//! preposition, and adds [`Consistency::bonus`] to the emission of the labels of a name of that
//! type there (`B-`/`I-`, or in BIOS `S-` for a name of one token) before decoding that sentence
//! again. The model still decides: a bonus can be outweighed.
//!
//! Cost is linear: one map lookup (a few with clitic variants) per `O` token, and only sentences
//! that received a bonus are decoded again.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::ner::{LABELS, NerType, Scheme, ScoredTag, Tag, assets, runs};

/// How confident a name must be, and how much its other occurrences are pushed toward it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Consistency {
    /// The weakest token margin (model score units) a first-pass entity needs to label others.
    pub min_margin: f32,
    /// What is added to the emission score of each token of another occurrence (score units).
    pub bonus: f32,
}

impl Consistency {
    /// The shipped setting (chosen on the two dev sets; `cargo xtask eval-ner --consistency`
    /// prints the grid).
    pub const SHIPPED: Consistency = Consistency {
        min_margin: 40.0,
        bonus: 320.0,
    };

    /// No second pass.
    pub const OFF: Consistency = Consistency {
        min_margin: f32::INFINITY,
        bonus: 0.0,
    };
}

/// How the tags of a document's sentences are made consistent with each other (issue 10).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DocumentPass {
    /// Each sentence is tagged on its own.
    Off,
    /// The names tagged confidently push their other occurrences toward their type
    /// ([`Consistency`]).
    Heuristic(Consistency),
    /// The shipped stacked model corrects the first pass from features of the whole
    /// document's first-pass tags ([`crate::ner::stack`]).
    Stacked,
}

impl DocumentPass {
    /// What the app and the CLI use.
    pub const SHIPPED: DocumentPass = DocumentPass::Stacked;
}

/// Prefixes a repetition may carry that the confident occurrence did not, with what replaces
/// them (`data/ner/repetition_prefixes.tsv`).
static CLITIC_VARIANTS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    assets::REPETITION_PREFIXES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (prefix, replacement) = l.split_once('\t').unwrap_or((l, ""));
            let prefix = prefix.trim();
            (!prefix.is_empty()).then_some((prefix, replacement.trim()))
        })
        .collect()
});

/// The confident names of a document's first pass, by the key of their first token.
#[derive(Debug, Default)]
pub struct Names {
    /// First key → (keys of the following tokens, type), longest first.
    by_first: FxHashMap<String, Vec<(Vec<String>, NerType)>>,
}

impl Names {
    /// The confident names in the first pass's `tags` of sentences whose tokens have `keys`.
    pub fn collect<K: AsRef<str>>(
        keys: &[Vec<K>],
        tags: &[Vec<ScoredTag>],
        min_margin: f32,
    ) -> Names {
        let mut votes: FxHashMap<Vec<String>, [u32; 4]> = FxHashMap::default();
        for (keys, tags) in keys.iter().zip(tags) {
            for (start, end, ty) in runs(tags) {
                if tags[start..end].iter().all(|t| t.margin >= min_margin) {
                    let name: Vec<String> =
                        keys[start..end].iter().map(|k| k.as_ref().to_owned()).collect();
                    // The name as it would be written without the clitic its first word carries.
                    for bare in bare_forms(&name[0]) {
                        let mut variant = name.clone();
                        variant[0] = bare;
                        votes.entry(variant).or_default()[ty as usize] += 1;
                    }
                    votes.entry(name).or_default()[ty as usize] += 1;
                }
            }
        }
        let mut by_first: FxHashMap<String, Vec<(Vec<String>, NerType)>> = FxHashMap::default();
        for (mut name, counts) in votes {
            let mut types = counts.iter().enumerate().filter(|(_, c)| **c > 0);
            let (Some((ty, _)), None) = (types.next(), types.next()) else {
                continue;
            };
            let ty = crate::ner::TYPES[ty];
            let first = name.remove(0);
            by_first.entry(first).or_default().push((name, ty));
        }
        for list in by_first.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        Names { by_first }
    }

    /// Whether no name was confident.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// The longest confident name starting at token `i` (as written or after a clitic
    /// variant of its first key): its length in tokens and its type. `buffer` holds a variant
    /// being looked up (no allocation per token).
    fn at<K: AsRef<str>>(&self, keys: &[K], i: usize, buffer: &mut String) -> Option<(usize, NerType)> {
        let first = keys[i].as_ref();
        let rest_matches = |rest: &[String]| {
            keys.get(i + 1..i + 1 + rest.len())
                .is_some_and(|ks| ks.iter().zip(rest).all(|(k, r)| k.as_ref() == r))
        };
        let find = |key: &str| {
            self.by_first
                .get(key)?
                .iter()
                .find(|(rest, _)| rest_matches(rest))
                .map(|(rest, ty)| (1 + rest.len(), *ty))
        };
        find(first).or_else(|| {
            CLITIC_VARIANTS.iter().find_map(|&(prefix, replace)| {
                let rest = first.strip_prefix(prefix)?;
                rest.chars().nth(1)?;
                if replace.is_empty() {
                    find(rest)
                } else {
                    buffer.clear();
                    buffer.push_str(replace);
                    buffer.push_str(rest);
                    find(buffer)
                }
            })
        })
    }

    /// The occurrences of the confident names among the tokens the first pass left `O`, left to
    /// right without overlap, handed to `found` (first token, length in tokens, type).
    fn matches<K: AsRef<str>>(
        &self,
        keys: &[K],
        tags: &[ScoredTag],
        mut found: impl FnMut(usize, usize, NerType),
    ) {
        if keys.len() != tags.len() {
            return;
        }
        let mut buffer = String::new();
        let mut i = 0;
        while i < keys.len() {
            // A name found here would not be free.
            if tags[i].tag != Tag::O {
                i += 1;
                continue;
            }
            let free = |len: usize| tags[i..i + len].iter().all(|t| t.tag == Tag::O);
            match self.at(keys, i, &mut buffer) {
                Some((len, ty)) if i + len <= tags.len() && free(len) => {
                    found(i, len, ty);
                    i += len;
                }
                _ => i += 1,
            }
        }
    }

    /// For each token the first pass left `O`, the confident name occurrence it is in, if any:
    /// the name's type and whether the token is its first (the positions
    /// [`Names::push_toward`] pushes), written to `out` (cleared first).
    pub fn occurrences<K: AsRef<str>>(
        &self,
        keys: &[K],
        tags: &[ScoredTag],
        out: &mut Vec<Option<(NerType, bool)>>,
    ) {
        out.clear();
        out.resize(tags.len(), None);
        self.matches(keys, tags, |start, len, ty| {
            for (k, o) in out[start..start + len].iter_mut().enumerate() {
                *o = Some((ty, k == 0));
            }
        });
    }

    /// Adds `bonus` (model units) to the emissions of the confident names' occurrences among the
    /// tokens the first pass left `O`, on the labels of a name in `scheme`; whether any was found.
    pub fn push_toward<K: AsRef<str>>(
        &self,
        scheme: Scheme,
        keys: &[K],
        tags: &[ScoredTag],
        bonus: i64,
        emissions: &mut [[i64; LABELS]],
    ) -> bool {
        if emissions.len() != tags.len() {
            return false;
        }
        let mut any = false;
        self.matches(keys, tags, |start, len, ty| {
            any = true;
            for (k, e) in emissions[start..start + len].iter_mut().enumerate() {
                e[scheme.entity_label(ty, k, len)] += bonus;
            }
        });
        any
    }
}

/// The key `first` without each clitic prefix it may carry (at least two chars left).
fn bare_forms(first: &str) -> impl Iterator<Item = String> + '_ {
    CLITIC_VARIANTS.iter().filter_map(move |&(prefix, replace)| {
        let rest = first.strip_prefix(prefix)?;
        rest.chars().nth(1)?;
        Some(format!("{replace}{rest}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::{Kind, label, label_at};

    fn tags(labels: &[(Tag, f32)]) -> Vec<ScoredTag> {
        labels
            .iter()
            .map(|&(tag, margin)| ScoredTag { tag, margin })
            .collect()
    }

    #[test]
    fn a_confident_name_pushes_its_other_occurrences() {
        // Issue 10: the first sentence tags «A B» confidently, the second misses «wA B».
        let keys = vec![vec!["x", "سالم", "بب"], vec!["وسالم", "بب", "y"]];
        let first = vec![
            tags(&[
                (Tag::O, 50.0),
                (Tag::B(NerType::Loc), 60.0),
                (Tag::I(NerType::Loc), 70.0),
            ]),
            tags(&[(Tag::O, 5.0), (Tag::O, 5.0), (Tag::O, 50.0)]),
        ];
        let names = Names::collect(&keys, &first, 40.0);
        let mut emissions = vec![[0i64; LABELS]; 3];
        assert!(names.push_toward(Scheme::Bio, &keys[1], &first[1], 7, &mut emissions));
        assert_eq!(emissions[0][label(Tag::B(NerType::Loc))], 7);
        assert_eq!(emissions[1][label(Tag::I(NerType::Loc))], 7);
        assert_eq!(emissions[2], [0; LABELS]);
        // In BIOS the same (issue 10).
        let mut bios = vec![[0i64; LABELS]; 3];
        assert!(names.push_toward(Scheme::Bios, &keys[1], &first[1], 7, &mut bios));
        assert_eq!(bios, emissions);
    }

    /// Issue 10: in BIOS a one-token name is pushed toward `S-`, in BIO toward `B-`.
    #[test]
    fn a_one_token_name_pushes_its_single_label() {
        let keys = vec![vec!["سالم"], vec!["وسالم", "x"]];
        let first = vec![
            tags(&[(Tag::B(NerType::Pers), 60.0)]),
            tags(&[(Tag::O, 5.0), (Tag::O, 50.0)]),
        ];
        let names = Names::collect(&keys, &first, 40.0);
        for (scheme, kind) in [(Scheme::Bio, Kind::Begin), (Scheme::Bios, Kind::Single)] {
            let mut emissions = vec![[0i64; LABELS]; 2];
            assert!(names.push_toward(scheme, &keys[1], &first[1], 7, &mut emissions));
            assert_eq!(emissions[0][label_at(kind, NerType::Pers)], 7);
            assert_eq!(emissions[0].iter().sum::<i64>(), 7);
            assert_eq!(emissions[1], [0; LABELS]);
        }
    }

    #[test]
    fn unconfident_or_disputed_names_push_nothing() {
        // Issue 10: a weak margin, or two types for the same words, label nothing else.
        let keys = vec![vec!["aa"], vec!["aa"], vec!["bb"], vec!["aa", "bb"]];
        let first = vec![
            tags(&[(Tag::B(NerType::Pers), 60.0)]),
            tags(&[(Tag::B(NerType::Loc), 60.0)]),
            tags(&[(Tag::B(NerType::Org), 10.0)]),
            tags(&[(Tag::O, 1.0), (Tag::O, 1.0)]),
        ];
        let names = Names::collect(&keys, &first, 40.0);
        assert!(names.is_empty());
        let mut emissions = vec![[0i64; LABELS]; 2];
        assert!(!names.push_toward(Scheme::Bio, &keys[3], &first[3], 7, &mut emissions));
    }
}

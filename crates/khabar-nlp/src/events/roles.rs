//! Clauses and roles: where a sentence splits into coordinated clauses, and which participant of
//! an event acts (the agent) and which one it is aimed at (the target).
//!
//! A clause ends before «، كما», «، و» + a word that does not start a name, «لكن», «بينما»,
//! «فيما», «في حين», «بعد أن», «قبل أن» and «، على أن». The agent is the nisba adjective or the name right after a
//! noun trigger («عقوبات أمريكية», «حشد روسيا»), the name right before or after a verb trigger
//! («روسيا تدخلت», «تدخلت روسيا»), else the nearest name a few words before the trigger that is
//! not the object of a preposition («فرضت الولايات المتحدة عقوبات»). The target follows one of
//! the kind's prepositions (`data/events/roles.tsv`) after the trigger: a name («على روسيا»),
//! «الحدود مع» + a name, or a noun + a nisba adjective («في الانتخابات الأمريكية»).

use crate::tsv;
use std::sync::LazyLock;
use super::lexicon::Lexicon;
use crate::entities::{Entity, EntityKind, MentionForm};
use crate::span::Span;
use crate::time::Word;
use crate::token::TokenKind;
use rustc_hash::FxHashMap;

/// Prepositions that make the following name an object rather than an agent. (`data/events/prepositions.tsv`).
static PREPOSITIONS: LazyLock<Vec<&str>> = LazyLock::new(|| tsv::EVENTS_PREPOSITIONS.words());

/// Words that close the search for an agent before a trigger (a reported clause starts). (`data/events/barriers.tsv`).
static BARRIERS: LazyLock<Vec<&str>> = LazyLock::new(|| tsv::EVENTS_BARRIERS.words());

/// The entity mentions of a document, in text order.
pub(super) struct MentionIndex {
    mentions: Vec<(Span, usize, MentionForm)>,
}

impl MentionIndex {
    pub(super) fn new(entities: &[Entity]) -> Self {
        let mut mentions: Vec<(Span, usize, MentionForm)> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span, i, m.form)))
            .collect();
        mentions.sort_by_key(|m| m.0);
        Self { mentions }
    }

    /// The first mention (in span order) starting inside word `k`: a binary search, since the
    /// mentions are sorted (issue 9).
    fn first_in(&self, w: &[Word], k: usize) -> Option<&(Span, usize, MentionForm)> {
        let word = w.get(k)?;
        let i = self
            .mentions
            .partition_point(|(s, _, _)| s.start < word.span.start);
        self.mentions
            .get(i)
            .filter(|(s, _, _)| s.start < word.span.end)
    }

    /// Where the mention starting in word `k` starts (after any clitic).
    fn start_in(&self, w: &[Word], k: usize) -> Option<usize> {
        self.first_in(w, k).map(|m| m.0.start)
    }

    /// The entity whose mention starts in word `k` (after a clitic), with its form and the index
    /// of the word it ends in.
    fn at(&self, w: &[Word], k: usize) -> Option<(usize, MentionForm, usize)> {
        let (span, e, form) = self.first_in(w, k)?;
        let end = (k..w.len())
            .take_while(|&j| w[j].span.start < span.end)
            .last()
            .unwrap_or(k);
        Some((*e, *form, end))
    }
}

/// The clause number of every word: a running count over the document, increased at each
/// sentence start and each clause boundary.
pub(super) fn clauses(w: &[Word], sentence_of: &[usize], index: &MentionIndex) -> Vec<usize> {
    let mut out = Vec::with_capacity(w.len());
    let mut clause = 0;
    for k in 0..w.len() {
        if k > 0 && (sentence_of.get(k) != sentence_of.get(k - 1) || boundary(w, k, index)) {
            clause += 1;
        }
        out.push(clause);
    }
    out
}

fn boundary(w: &[Word], k: usize, index: &MentionIndex) -> bool {
    let comma = k > 0 && matches!(w[k - 1].key, "،" | "," | "؛" | ";");
    let key = w[k].key;
    let next = w.get(k + 1).map_or("", |x| x.key);
    match key {
        "لكن" | "ولكن" | "لكنه" | "لكنها" | "لكنني" | "لكننا" | "بينما" | "فيما" | "وفيما" => {
            true
        }
        "في" => next == "حين",
        // «بعد أن كان قد عقد جلسة مماثلة»: another event, at another time.
        "بعد" | "قبل" => next == "ان",
        "كما" => comma,
        "علي" => comma && next == "ان",
        _ => {
            comma
                && w[k].kind == TokenKind::Arabic
                && key.starts_with('و')
                && key.chars().count() > 3
                && index.at(w, k).is_none()
        }
    }
}

/// The roles found for one event mention.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Roles {
    pub agent: Option<usize>,
    /// The agent follows a noun trigger («الانتخابات الأمريكية»).
    pub agent_follows: bool,
    pub target: Option<usize>,
    /// The target phrase for the labels: Arabic («على الحدود مع أوكرانيا») and English.
    pub phrase: Option<(String, String)>,
}

/// Where an event mention sits: its trigger words and its clause.
pub(super) struct Site<'a> {
    pub text: &'a str,
    pub words: &'a [Word<'a>],
    pub clause_of: &'a [usize],
    pub word: usize,
    pub end_word: usize,
    pub noun: bool,
    pub kind: &'static str,
}

fn is_actor(e: &Entity) -> bool {
    matches!(
        e.kind,
        EntityKind::Country
            | EntityKind::Organization
            | EntityKind::Person
            | EntityKind::Nationality
    )
}

/// Whether the mention starting at `start` in word `k` is the object of a preposition: an
/// attached «بـ»/«لـ» («لروسيا», not «بلينكن») or a preposition word before it.
fn preceded_by_preposition(w: &[Word], k: usize, start: usize) -> bool {
    let own = start > w[k].span.start && w[k].key.starts_with(['ب', 'ل']);
    own || k
        .checked_sub(1)
        .is_some_and(|p| PREPOSITIONS.contains(&w[p].key))
}

/// Finds the agent and target of an event mention.
pub(super) fn roles(
    site: &Site<'_>,
    entities: &[Entity],
    index: &MentionIndex,
    lx: &Lexicon,
) -> Roles {
    let w = site.words;
    let clause = site.clause_of.get(site.word).copied();
    let same = |k: usize| site.clause_of.get(k).copied() == clause;
    let actor_at = |k: usize| {
        index
            .at(w, k)
            .filter(|(e, _, _)| is_actor(&entities[*e]))
            .filter(|_| same(k))
    };
    let mut agent = None;
    let mut after_agent = site.end_word;
    if site.noun {
        // «عقوبات أمريكية», «عقوبات اقتصادية أمريكية», «حشد روسيا».
        let to = (site.end_word + 2).min(w.len());
        for (k, word) in w.iter().enumerate().take(to).skip(site.end_word) {
            if PREPOSITIONS.contains(&word.key) || !same(k) {
                break;
            }
            if let Some((e, form, end)) = actor_at(k) {
                if k == site.end_word || form == MentionForm::Adjective {
                    agent = Some(e);
                    after_agent = end + 1;
                }
                break;
            }
        }
    } else {
        let before = site.word.checked_sub(1).and_then(|k| {
            index
                .at(w, k)
                .or_else(|| {
                    // A mention ending right before the trigger.
                    (0..k)
                        .rev()
                        .take(4)
                        .find_map(|j| index.at(w, j).filter(|(_, _, end)| *end == k))
                })
                .filter(|(e, _, _)| is_actor(&entities[*e]))
                .filter(|_| same(k))
        });
        if let Some((e, _, _)) = before {
            agent = Some(e);
        } else if let Some((e, _, end)) =
            actor_at(site.end_word).filter(|_| !matches!(site.kind, "visit" | "attack" | "meeting"))
        {
            agent = Some(e);
            after_agent = end + 1;
        }
    }
    if agent.is_none() {
        // The subject of a support verb: «فرضت الولايات المتحدة عقوبات».
        let from = site.word.saturating_sub(5);
        for k in (from..site.word).rev() {
            if !same(k) || BARRIERS.contains(&w[k].key) {
                break;
            }
            if let Some((e, form, _)) = actor_at(k)
                && form != MentionForm::Adjective
                && !preceded_by_preposition(w, k, index.start_in(w, k).unwrap_or(0))
            {
                agent = Some(e);
                break;
            }
        }
    }
    // «زار الجزائر», «يزور المبعوث العاصمة السورية»: the place a visit verb governs is where
    // the visitor went.
    let visited = (site.end_word..(site.end_word + 6).min(w.len()))
        .take_while(|&k| same(k) && !PREPOSITIONS.contains(&w[k].key))
        .find_map(|k| index.at(w, k))
        .filter(|(e, _, _)| {
            Some(*e) != agent
                && matches!(
                    entities[*e].kind,
                    EntityKind::Country | EntityKind::City | EntityKind::Location
                )
        });
    if !site.noun
        && site.kind == "visit"
        && let Some((e, _, _)) = visited
    {
        let ar = format!("إلى {}", super::short_name(&entities[e], false));
        let en = format!("to {}", super::short_name(&entities[e], true));
        return Roles {
            agent,
            agent_follows: false,
            target: Some(e),
            phrase: Some((ar, en)),
        };
    }
    let (target, phrase) = target(site, after_agent, agent, entities, index, lx);
    Roles {
        agent,
        agent_follows: site.noun && after_agent > site.end_word,
        target,
        phrase,
    }
}

type Target = (Option<usize>, Option<(String, String)>);

fn target(
    site: &Site<'_>,
    from: usize,
    agent: Option<usize>,
    entities: &[Entity],
    index: &MentionIndex,
    lx: &Lexicon,
) -> Target {
    let w = site.words;
    let Some(preps) = lx.preps.get(site.kind) else {
        return (None, None);
    };
    let clause = site.clause_of.get(site.word).copied();
    let same = |k: usize| k < w.len() && site.clause_of.get(k).copied() == clause;
    let name = |e: usize, en: bool| super::short_name(&entities[e], en);
    let slice = |a: usize, b: usize| site.text[w[a].span.start..w[b].span.end].to_owned();
    for k in from..(from + 6).min(w.len()) {
        if !same(k) {
            break;
        }
        let Some((_, prep_en)) = preps.iter().find(|(p, _)| *p == w[k].key) else {
            continue;
        };
        let other = |e: usize| Some(e) != agent;
        // «على روسيا».
        if let Some((e, form, end)) = index.at(w, k + 1).filter(|x| other(x.0))
            && form != MentionForm::Adjective
        {
            return (
                Some(e),
                Some((
                    format!("{} {}", slice(k, k), slice(k + 1, end)),
                    format!("{prep_en} {}", name(e, true)),
                )),
            );
        }
        let Some(noun) = w.get(k + 1).filter(|_| same(k + 1)) else {
            continue;
        };
        // «على مسؤولين سوريين»: a nisba adjective the entity stage left out, read from the
        // knowledge base and matched to a country entity of the document.
        let nisba_at = |j: usize| {
            index
                .at(w, j)
                .filter(|x| x.1 == MentionForm::Adjective)
                .map(|x| (x.0, x.2))
                .or_else(|| country_of_nisba(w.get(j)?, entities).map(|e| (e, j)))
                .filter(|x| other(x.0))
        };
        let Some(noun_en) = lx.role_nouns.get(noun.key) else {
            if let Some((e, end)) = nisba_at(k + 2)
                && entities[e].kind == EntityKind::Country
            {
                return (
                    Some(e),
                    Some((slice(k, end), format!("{prep_en} {}", name(e, true)))),
                );
            }
            continue;
        };
        if index.at(w, k + 2).is_none()
            && let Some((e, end)) = nisba_at(k + 2)
        {
            let the = if noun.key.starts_with("ال") {
                "the "
            } else {
                ""
            };
            let en = format!("{prep_en} {the}{} {noun_en}", demonym(&entities[e], lx));
            return (Some(e), Some((slice(k, end), en)));
        }
        // «على الحدود مع أوكرانيا».
        if w.get(k + 2).is_some_and(|x| x.key == "مع")
            && let Some((e, _, end)) = index.at(w, k + 3).filter(|x| other(x.0))
        {
            return (
                Some(e),
                Some((
                    slice(k, end),
                    format!("{prep_en} the {noun_en} with {}", name(e, true)),
                )),
            );
        }
        // «في الانتخابات الأمريكية», «على حدود أوكرانيا».
        if let Some((e, form, end)) = index.at(w, k + 2).filter(|x| other(x.0)) {
            let the = if noun.key.starts_with("ال") {
                "the "
            } else {
                ""
            };
            let en = if form == MentionForm::Adjective {
                format!("{prep_en} {the}{} {noun_en}", demonym(&entities[e], lx))
            } else {
                format!("{prep_en} the {noun_en} of {}", name(e, true))
            };
            return (Some(e), Some((slice(k, end), en)));
        }
    }
    (None, None)
}

/// The country entity a nisba adjective word names («سوريين», «الأمريكية»), through the
/// knowledge base's adjectives (with the sound plurals «ـيين», «ـيون» and the article).
/// The knowledge base's countries (indices) by the key of each of their nisba adjectives,
/// the first country that has it (issue 9: every country's adjectives were normalised for each
/// word looked up).
static NISBA_COUNTRIES: LazyLock<FxHashMap<String, usize>> = LazyLock::new(|| {
    let mut map = FxHashMap::default();
    for (i, c) in crate::kb::get().countries.iter().enumerate() {
        for a in c.adj_m.iter().chain(&c.adj_f).chain(&c.adj_pl) {
            map.entry(crate::normalize::key(a)).or_insert(i);
        }
    }
    map
});

fn country_of_nisba(word: &Word, entities: &[Entity]) -> Option<usize> {
    let key = word.key.strip_prefix("ال").unwrap_or(word.key);
    let stem = ["يين", "يون"]
        .iter()
        .find_map(|s| key.strip_suffix(s).map(|r| format!("{r}ي")))
        .unwrap_or_else(|| key.to_owned());
    let country = &crate::kb::get().countries[*NISBA_COUNTRIES.get(&stem)?];
    entities.iter().position(|e| {
        e.kind == EntityKind::Country
            && ((country.wikidata.is_some() && e.wikidata == country.wikidata)
                || e.name == country.name_ar)
    })
}

/// The English adjective of a country ("Russian"), else its name.
pub(super) fn demonym(e: &Entity, lx: &Lexicon) -> String {
    let name = e.name_en.clone().unwrap_or_else(|| e.name.clone());
    lx.demonyms.get(&name).cloned().unwrap_or(name)
}

/// The Arabic nisba adjective of a country from the knowledge base («أمريكية»), if known.
pub(super) fn nisba(e: &Entity, feminine: bool) -> Option<String> {
    if e.kind != EntityKind::Country {
        return None;
    }
    let kb = crate::kb::get();
    let c = kb
        .countries
        .iter()
        .find(|c| (e.wikidata.is_some() && c.wikidata == e.wikidata) || c.name_ar == e.name)?;
    let forms = if feminine { &c.adj_f } else { &c.adj_m };
    forms.first().cloned()
}

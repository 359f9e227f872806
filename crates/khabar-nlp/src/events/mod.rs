//! Events: what happened, who took part, when, and whether it occurred or is planned.
//!
//! Per sentence, trigger words from `data/events/triggers.tsv` (verbs and nouns, matched through
//! clitics and attached pronouns) give event mentions; status comes from cue words near the
//! trigger (`data/events/cues.tsv`: conditional, future, recent, ongoing, reported), from the form
//! of the trigger and from the linked time; each time expression links to the nearest compatible
//! trigger of its sentence. Participants are the entities mentioned in the sentence (persons for
//! calls, meetings and statements; countries and organisations for the rest), plus the speaker
//! of a quotation the trigger sits in; the place is a country, city or location introduced by
//! «في» after the trigger. Mentions of the same event across sentences (same kind, compatible time,
//! status and participants, or an anaphoric «هذه القمة») are merged. Events are ordered on the
//! timeline by the interval of their time; undated ones are placed by status and text neighbours.

mod lexicon;
mod roles;

use crate::tsv;
use std::borrow::Cow;
use std::sync::LazyLock;
use crate::document::Document;
use crate::entities::{Entity, EntityKind};
use crate::span::Span;
use crate::time::{TimeExpr, TimeType, Value, Word, word_view};
use crate::token::TokenKind;
use crate::work::{Work, count};
use jiff::civil::Date;
use lexicon::Cue;
use rustc_hash::{FxHashMap, FxHashSet};

/// One event, pointing into the entity and time lists by index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The contract's event `kind` (`call`, `summit`, …).
    pub kind: &'static str,
    /// Index into the time list of the linked expression.
    pub time: Option<usize>,
    /// The linked or inherited TIMEX3 value.
    pub value: Option<String>,
    /// The linked time's typed value and the expression it was anchored on (issue 11).
    pub typed: Option<(Value, Option<Span>)>,
    /// `occurred`, `ongoing`, `planned`, `possible` or `reported`.
    pub status: &'static str,
    /// Indexes into the entity list.
    pub participants: Vec<usize>,
    /// Index into the entity list of the place.
    pub place: Option<usize>,
    /// Index into the entity list of the participant that acts («عقوبات أمريكية»: the US).
    pub agent: Option<usize>,
    /// Index into the entity list of the participant the event is aimed at («على روسيا»).
    pub target: Option<usize>,
    /// Sentences mentioning the event, in text order (at least one).
    pub evidence: Vec<Span>,
    /// The trigger word of the first mention.
    pub trigger: Span,
    /// Short Arabic label.
    pub label: String,
    /// Short English label.
    pub label_en: String,
}

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    /// The quoted text, inside the marks.
    pub span: Span,
    /// Index into the entity list of the speaker.
    pub speaker: Option<usize>,
}

/// Extracts events, in timeline order, against a known reference (publication) date.
// The analysis goes through `extract_with_quotes`; tests call this.
#[cfg_attr(not(feature = "eval"), allow(dead_code))]
pub fn extract_at(
    doc: &Document<'_>,
    entities: &[Entity],
    times: &[TimeExpr],
    reference: Option<Date>,
) -> Vec<Event> {
    extract_with_quotes(doc, entities, times, reference).0
}

/// [`extract_at`] and [`quotes`] in one pass: the events need the quotations (their speakers
/// take part), so they are found once (issue 9).
pub fn extract_with_quotes(
    doc: &Document<'_>,
    entities: &[Entity],
    times: &[TimeExpr],
    reference: Option<Date>,
) -> (Vec<Event>, Vec<QuoteSpan>) {
    let w = word_view(doc.text, &doc.tokens);
    extract_with_quotes_in(doc, &w, entities, times, reference)
}

/// [`extract_with_quotes`] over the document's word view `w` ([`word_view`]; the time stage
/// builds it too and hands it on, issue 9).
pub(crate) fn extract_with_quotes_in(
    doc: &Document<'_>,
    w: &[Word],
    entities: &[Entity],
    times: &[TimeExpr],
    reference: Option<Date>,
) -> (Vec<Event>, Vec<QuoteSpan>) {
    let lx = lexicon::get();
    let sentence_of = sentence_index(doc, w);
    let quotes = quotes_in(doc, w, entities);
    let located = Located::new(entities);
    let quote_index = QuoteIndex::new(&quotes);
    let index = roles::MentionIndex::new(entities);
    let clause_of = roles::clauses(w, &sentence_of, &index);
    let clause_spans = ClauseSpans::new(&clause_of);
    let mut mentions = find_mentions(doc.text, w, lx);
    for m in &mut mentions {
        m.sentence = clause_of.get(m.word).copied().unwrap_or(0);
        status_from_cues(m, w, &clause_of, lx);
    }
    link_times(&mut mentions, w, &clause_of, times, reference);
    inherit_times(&mut mentions, w, &sentence_of);
    let triggers: Vec<Span> = mentions.iter().map(|m| m.trigger).collect();
    for m in &mut mentions {
        let s = sentence_of.get(m.word).copied().unwrap_or(0);
        let sentence = doc.sentences.get(s).copied().unwrap_or(m.trigger);
        m.sentence_span = sentence;
        let clause = clause_spans.get(w, m.sentence).unwrap_or(sentence);
        let place = find_place(doc, w, m, &located, &triggers);
        m.place = place;
        // Persons meet, call and speak across a sentence's clauses; countries and organisations
        // act in their own clause, when it names one.
        let by = lx.labels.get(m.kind).is_some_and(|l| l.pattern == "by");
        let personal = is_personal(m.kind);
        m.participants = participants(m, clause, entities, &located, place, &quote_index);
        if clause != sentence {
            let has = |ps: &[usize], person: bool| {
                ps.iter()
                    .any(|&p| (entities[p].kind == EntityKind::Person) == person)
            };
            let whole = participants(m, sentence, entities, &located, place, &quote_index);
            // A statement's speaker is often the subject of an earlier clause («أكد بايدن …،
            // وقال في مؤتمر صحفي»).
            let widen = if m.kind == "statement" {
                true
            } else if personal {
                !has(&m.participants, true) && (has(&whole, true) || m.participants.is_empty())
            } else {
                !has(&m.participants, false)
            };
            if widen {
                m.participants = whole;
            }
        }
        // Elections are named by their country's adjective only («الانتخابات الأمريكية»).
        let election = m.kind == "election";
        if !by && !election {
            continue;
        }
        let site = roles::Site {
            text: doc.text,
            words: w,
            clause_of: &clause_of,
            word: m.word,
            end_word: m.end_word,
            noun: m.form == "noun",
            kind: m.kind,
        };
        let r = roles::roles(&site, entities, &index, lx);
        if election {
            m.actor = r.agent.filter(|_| r.agent_follows);
            continue;
        }
        m.actor = r
            .agent
            .or_else(|| actor(doc, m, &located).filter(|a| m.participants.contains(a)));
        m.target = r.target.filter(|t| Some(*t) != m.actor);
        m.phrase = r.phrase.filter(|_| m.target.is_some());
        for p in [m.actor, m.target].into_iter().flatten() {
            if !m.participants.contains(&p) && Some(p) != m.place {
                m.participants.push(p);
            }
        }
        m.participants.sort_unstable();
    }
    let mut events = merge(mentions, times, entities);
    order(&mut events, reference);
    let events = events
        .into_iter()
        .map(|e| {
            // "By" labels name the actor; without one, the first participant, except for attacks
            // and interference, whose participants are as often the targets.
            let named: Vec<usize> = match e.actor {
                Some(a) => vec![a],
                None if matches!(e.kind, "attack" | "interference") || e.target.is_some() => {
                    Vec::new()
                }
                None => e
                    .participants
                    .iter()
                    .filter(|&&p| Some(p) != e.target)
                    .take(1)
                    .copied()
                    .collect(),
            };
            let by = lx.labels.get(e.kind).is_some_and(|l| l.pattern == "by");
            let (label, label_en) = label(
                lx,
                &LabelParts {
                    kind: e.kind,
                    noun: e.noun,
                    participants: if by { &named } else { &e.participants },
                    agent: e.actor.filter(|_| by || e.kind == "election"),
                    phrase: e.phrase.as_ref().filter(|_| by),
                    place: e.place,
                },
                entities,
            );
            Event {
                kind: e.kind,
                time: e.time,
                value: e
                    .time
                    .and_then(|t| times.get(t))
                    .and_then(|t| t.value.clone()),
                typed: e
                    .time
                    .and_then(|t| times.get(t))
                    .map(|t| (t.typed.clone(), t.anchor)),
                status: e.status,
                participants: e.participants,
                place: e.place,
                agent: e.actor,
                target: e.target,
                evidence: e.evidence,
                trigger: e.trigger,
                label,
                label_en,
            }
        })
        .collect();
    (events, quotes)
}

/// Finds direct quotations («…», “…”, "…" within a paragraph) of three words or more, and their
/// speakers: the person named with the nearest preceding speech verb (قال، أكد، أضاف …), else the
/// nearest person before the quotation in its sentence, else the previous quotation's speaker.
#[cfg_attr(not(feature = "eval"), allow(dead_code))]
pub fn quotes(doc: &Document<'_>, entities: &[Entity]) -> Vec<QuoteSpan> {
    quotes_in(doc, &word_view(doc.text, &doc.tokens), entities)
}

fn quotes_in(doc: &Document<'_>, w: &[Word], entities: &[Entity]) -> Vec<QuoteSpan> {
    let lx = lexicon::get();
    let text = doc.text;
    let mut spans = Vec::new();
    for (open, close) in [('«', '»'), ('“', '”')] {
        let mut at = 0;
        while let Some(o) = text[at..].find(open).map(|x| x + at) {
            let inner = o + open.len_utf8();
            let Some(c) = text[inner..].find(close).map(|x| x + inner) else {
                break;
            };
            spans.push(Span::new(inner, c));
            at = c + close.len_utf8();
        }
    }
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let marks: Vec<usize> = line
            .match_indices('"')
            .map(|(i, _)| line_start + i)
            .collect();
        for pair in marks.chunks(2) {
            if let [o, c] = pair {
                spans.push(Span::new(o + 1, *c));
            }
        }
        line_start += line.len();
    }
    // At least three words (counted up to the third; issue 9).
    spans.retain(|s| s.slice(text).split_whitespace().nth(2).is_some());
    spans.sort();
    spans.dedup();
    let persons: Vec<(Span, usize)> = person_mentions(entities);
    let mut out: Vec<QuoteSpan> = Vec::new();
    for s in spans {
        // Sentences are in order and do not overlap: the first one that ends at or after the
        // quotation's start is the only candidate (issue 9: no scan per quotation).
        let first = doc.sentences.partition_point(|x| x.end < s.start);
        let sentence = doc
            .sentences
            .get(first)
            .filter(|x| x.start <= s.start && s.start <= x.end)
            .copied()
            .unwrap_or(Span::new(0, s.start));
        let paragraph_start = text[..s.start].rfind('\n').map_or(0, |x| x + 1);
        let from = sentence.start.min(s.start).max(paragraph_start);
        // The nearest speech verb before the quotation.
        let before = words_inside(w, Span::new(from, s.start));
        count(Work::WordVisits, before.len());
        let verb = w[before]
            .iter()
            .filter(|x| x.alts().any(|(k, _)| lx.speech.contains(k)))
            .map(|x| x.span)
            .next_back();
        // Persons are sorted by span: those starting in `from..=s.start` (a mention starting
        // later cannot end before the quotation).
        let starting = |from: usize| {
            let a = persons.partition_point(|(m, _)| m.start < from);
            let b = persons.partition_point(|(m, _)| m.start <= s.start);
            count(Work::MentionVisits, b.saturating_sub(a));
            persons[a..b.max(a)]
                .iter()
                .filter(|(m, _)| m.end <= s.start)
                .map(|&(_, e)| e)
        };
        let speaker = verb
            .and_then(|v| starting(v.end).next())
            .or_else(|| starting(from).next_back())
            .or_else(|| out.last().and_then(|q| q.speaker));
        out.push(QuoteSpan { span: s, speaker });
    }
    out
}

// ---------------------------------------------------------------------------------------------

/// One trigger occurrence before merging.
#[derive(Debug, Clone)]
struct Mention {
    kind: &'static str,
    form: &'static str,
    status: &'static str,
    /// Status decided by a cue (not to be overridden by the time).
    status_from_cue: bool,
    recent: bool,
    anaphoric: bool,
    trigger: Span,
    word: usize,
    end_word: usize,
    sentence: usize,
    sentence_span: Span,
    time: Option<usize>,
    participants: Vec<usize>,
    place: Option<usize>,
    /// The entity that acts: named right after a noun trigger («حشد روسيا») or before a verb one.
    actor: Option<usize>,
    /// The entity the event is aimed at, with the label phrase naming it.
    target: Option<usize>,
    phrase: Option<(String, String)>,
    /// Trigger-specific label noun.
    noun: Option<usize>,
}

/// An event being assembled.
#[derive(Debug, Clone)]
struct Draft {
    kind: &'static str,
    status: &'static str,
    recent: bool,
    trigger: Span,
    time: Option<usize>,
    time_value: Option<String>,
    /// The typed value behind `time_value`, or the relative value when the time needs an
    /// unknown publication date (issue 11).
    time_typed: Option<Value>,
    participants: Vec<usize>,
    place: Option<usize>,
    actor: Option<usize>,
    target: Option<usize>,
    phrase: Option<(String, String)>,
    noun: Option<usize>,
    evidence: Vec<Span>,
}

/// The sentence of every word (sentences and words are in order and sentences do not overlap,
/// so one walk over both finds the first sentence that holds each word's start).
fn sentence_index(doc: &Document<'_>, w: &[Word]) -> Vec<usize> {
    let holds_until = |s: &Span| s.end.max(s.start + 1);
    // Words and sentences are both in order and do not overlap: one walk over the two finds
    // what a binary search per word did (issue 9).
    let mut k = 0;
    w.iter()
        .map(|x| {
            let at = x.span.start;
            while doc.sentences.get(k).is_some_and(|s| holds_until(s) <= at) {
                k += 1;
            }
            doc.sentences
                .get(k)
                .filter(|s| s.start <= at && at < holds_until(s))
                .map_or(0, |_| k)
        })
        .collect()
}

/// The words inside `span`: words are in order and do not overlap, so they form one run.
fn words_inside(w: &[Word], span: Span) -> std::ops::Range<usize> {
    let from = w.partition_point(|x| x.span.start < span.start);
    let to = w.partition_point(|x| x.span.end <= span.end);
    from..to.max(from)
}

/// Keys of a word with clitics, a trailing pronoun or an accusative «ا» stripped, each with the
/// byte where its stem starts, into `out` (cleared first; borrowed from the word's keys but
/// for a «ة» put back before a pronoun). A final «ة» is never read as the pronoun «ه» («وزارة»
/// is not «زار» + «ه»).
fn stems<'w>(text: &str, word: &'w Word, out: &mut Vec<(Cow<'w, str>, usize)>) {
    out.clear();
    out.extend(word.alts().map(|(k, at)| (Cow::Borrowed(k), at)));
    let taa = word.span.slice(text).ends_with('ة');
    for (k, at) in word.alts() {
        let last = k.chars().next_back();
        for suffix in PRONOUNS {
            // The last letter first (issue 9: most words end in none of the pronouns).
            if taa && suffix == "ه" || suffix.chars().next_back() != last {
                continue;
            }
            if let Some(rest) = k.strip_suffix(suffix)
                && rest.chars().nth(2).is_some()
            {
                out.push((Cow::Borrowed(rest), at));
                if let Some(r) = rest.strip_suffix('ت') {
                    out.push((Cow::Owned(format!("{r}ه")), at));
                }
            }
        }
        // The accusative «اتفاقا», «هجوما».
        if let Some(rest) = k.strip_suffix('ا')
            && rest.chars().nth(3).is_some()
        {
            out.push((Cow::Borrowed(rest), at));
        }
        if let Some(rest) = k.strip_prefix(ARTICLE)
            && rest.chars().nth(2).is_some()
        {
            out.push((Cow::Borrowed(rest), at));
        }
    }
}

/// The pronouns [`stems`] reads off a word.
const PRONOUNS: [&str; 6] = ["هما", "هم", "ها", "نا", "كم", "ه"];

/// The article, which [`stems`] reads off a word.
const ARTICLE: &str = "ال";

/// Every key whose [`stems`] can include a first word of a trigger: the word itself, with a
/// pronoun (and a final «ة» written «ت» before it), an accusative «ا» or the article.
/// `find_mentions` reads the stems only of a word with a reading among them (issue 9: most
/// words have none, and their stems took a dozen hash lookups).
fn trigger_readings(lx: &lexicon::Lexicon) -> &'static FxHashSet<String> {
    static READINGS: std::sync::OnceLock<FxHashSet<String>> = std::sync::OnceLock::new();
    READINGS.get_or_init(|| {
        let mut readings = FxHashSet::default();
        for first in lx.triggers_by_first.keys() {
            readings.insert(first.clone());
            let open = first.strip_suffix('ه').map(|base| {
                let mut open = base.to_owned();
                open.push('ت');
                open
            });
            for pronoun in PRONOUNS {
                readings.insert(format!("{first}{pronoun}"));
                if let Some(open) = &open {
                    readings.insert(format!("{open}{pronoun}"));
                }
            }
            let mut accusative = first.clone();
            accusative.push('ا');
            readings.insert(accusative);
            readings.insert(format!("{ARTICLE}{first}"));
        }
        readings
    })
}

fn find_mentions(text: &str, w: &[Word], lx: &lexicon::Lexicon) -> Vec<Mention> {
    // The triggers by the key of their first word (issue 9: not every trigger at every word).
    let by_first = &lx.triggers_by_first;
    let readings = trigger_readings(lx);
    let mut out = Vec::new();
    let mut keys = Vec::new();
    let mut hits: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < w.len() {
        if w[i].kind != TokenKind::Arabic || !w[i].alts().any(|(k, _)| readings.contains(k)) {
            i += 1;
            continue;
        }
        stems(text, &w[i], &mut keys);
        // Only the triggers whose first word is one of the keys, in lexicon order.
        hits.clear();
        hits.extend(
            keys.iter()
                .filter_map(|(k, _)| by_first.get(k.as_ref()))
                .flatten()
                .copied(),
        );
        hits.sort_unstable();
        hits.dedup();
        let hit = hits.iter().find_map(|&h| {
            let (words, t) = &lx.triggers[h];
            let rest_ok = words[1..].iter().enumerate().all(|(k, word)| {
                w.get(i + 1 + k).is_some_and(|x| {
                    x.key == *word || x.key.strip_prefix("ال") == Some(word.as_str())
                })
            });
            let next_ok = t
                .next
                .is_none_or(|n| w.get(i + words.len()).is_some_and(|x| x.key == n));
            let at = keys.iter().find(|(k, _)| *k == words[0]).map(|x| x.1)?;
            (rest_ok && next_ok).then_some((words, t, at))
        });
        if let Some((words, t, start)) = hit {
            let end = i + words.len();
            let anaphoric = i > 0 && matches!(w[i - 1].key, "هذه" | "هذا" | "تلك" | "ذلك");
            out.push(Mention {
                kind: t.kind,
                form: t.form,
                status: t.status,
                status_from_cue: false,
                recent: false,
                anaphoric,
                trigger: Span::new(start.min(w[i].span.end), w[end - 1].span.end),
                word: i,
                end_word: end,
                sentence: 0,
                sentence_span: Span::default(),
                time: None,
                participants: Vec::new(),
                place: None,
                actor: None,
                target: None,
                phrase: None,
                noun: t.noun,
            });
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// The first and last word of every clause, found in one pass (issue 9). Clauses are numbered
/// from 0 in word order: a vector indexed by clause holds them (issue 9: not a hash map).
struct ClauseSpans(Vec<Option<(usize, usize)>>);

impl ClauseSpans {
    fn new(clause_of: &[usize]) -> Self {
        let mut spans: Vec<Option<(usize, usize)>> = Vec::new();
        for (k, &c) in clause_of.iter().enumerate() {
            if spans.len() <= c {
                spans.resize(c + 1, None);
            }
            spans[c].get_or_insert((k, k)).1 = k;
        }
        ClauseSpans(spans)
    }

    /// The span of clause `c`: from its first word to its last.
    fn get(&self, w: &[Word], c: usize) -> Option<Span> {
        let &(first, last) = self.0.get(c)?.as_ref()?;
        Some(Span::new(w.get(first)?.span.start, w.get(last)?.span.end))
    }
}

/// The cues found at word `i`.
fn cue_at(w: &[Word], i: usize, lx: &lexicon::Lexicon) -> Option<(Cue, usize)> {
    let first = w.get(i)?;
    // The first cue in lexicon order whose first word is a reading of this word (issue 9:
    // through the index, not every cue at every word).
    let c = crate::time::first_entry(
        &lx.cues_by_first,
        first.alts().map(|(k, _)| k),
        |c| {
            lx.cues[c].0[1..]
                .iter()
                .enumerate()
                .all(|(k, word)| w.get(i + 1 + k).is_some_and(|x| x.key == *word))
        },
    )?;
    let (words, cue) = &lx.cues[c];
    Some((*cue, words.len()))
}

fn status_from_cues(m: &mut Mention, w: &[Word], sentence_of: &[usize], lx: &lexicon::Lexicon) {
    let same = |k: usize| sentence_of.get(k) == Some(&m.sentence);
    let before: Vec<(Cue, usize)> = (m.word.saturating_sub(7)..m.word)
        .filter(|&k| same(k))
        .filter_map(|k| cue_at(w, k, lx).map(|(c, _)| (c, k)))
        // «قد» before a past verb («قد زار») is certainty, not possibility.
        .filter(|&(c, k)| {
            c != Cue::Possible
                || w[k].key != "قد"
                || w.get(k + 1)
                    .is_some_and(|x| x.key.starts_with(['ي', 'ت', 'ن']))
        })
        .map(|(c, k)| (c, m.word - k))
        .collect();
    let after: Vec<Cue> = (m.end_word..m.end_word + 4)
        .filter(|&k| same(k))
        .filter_map(|k| cue_at(w, k, lx).map(|(c, _)| c))
        .collect();
    if matches!(after.first(), Some(Cue::Recent))
        && w.get(m.end_word)
            .is_some_and(|x| x.key.starts_with("الاخير"))
    {
        m.anaphoric = true;
    }
    let has = |c: Cue| before.iter().any(|(x, _)| *x == c);
    let future_verb = (m.word.saturating_sub(4)..m.word)
        .filter(|&k| same(k))
        .any(|k| crate::time::future_verb(w[k].key));
    if has(Cue::Possible) {
        m.status = "possible";
        m.status_from_cue = true;
    } else if has(Cue::Planned)
        || future_verb
        || m.status == "planned"
        || after.iter().take(2).any(|c| *c == Cue::Planned)
    {
        m.status = "planned";
        m.status_from_cue = true;
    } else if has(Cue::Reported) {
        m.status = "reported";
        m.status_from_cue = true;
    } else if has(Cue::Recent) || after.contains(&Cue::Recent) {
        m.status = "occurred";
        m.recent = true;
    } else if m.form == "present" {
        let past_aux = before.iter().any(|(c, d)| *c == Cue::Past && *d <= 2);
        m.status = if past_aux { "occurred" } else { "ongoing" };
    } else if has(Cue::Ongoing) || after.contains(&Cue::Ongoing) {
        m.status = "ongoing";
    }
}

fn link_times(
    mentions: &mut [Mention],
    w: &[Word],
    sentence_of: &[usize],
    times: &[TimeExpr],
    reference: Option<Date>,
) {
    // The mentions of each clause, in order.
    let mut by_clause: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (k, m) in mentions.iter().enumerate() {
        by_clause.entry(m.sentence).or_default().push(k);
    }
    for (ti, t) in times.iter().enumerate() {
        if t.kind == TimeType::Set {
            continue;
        }
        // Words are in order and do not overlap: binary searches, not scans (issue 9).
        let tw = w.partition_point(|x| x.span.end <= t.span.start);
        if tw == w.len() {
            continue;
        }
        let tw_end = w
            .partition_point(|x| x.span.start < t.span.end)
            .checked_sub(1)
            .unwrap_or(tw);
        let sentence = sentence_of.get(tw).copied();
        let before = tw
            .checked_sub(1)
            .map_or("", |p| w[p].alts().next_back().map_or("", |a| a.0));
        // «منذ عام 2011» starts an interval: it dates an ongoing state, not a single event; a
        // duration dates nothing but the event it measures, after it («تمديد … 5 سنوات»), and
        // «بعد أسبوعين من» counts from another event.
        let since = before == "منذ";
        let duration = t.kind == TimeType::Duration;
        let offset = duration && matches!(before, "بعد" | "قبل");
        if offset {
            continue;
        }
        let in_sentence = sentence
            .and_then(|s| by_clause.get(&s))
            .map_or(&[][..], Vec::as_slice);
        let mut candidates: Vec<(usize, usize)> = in_sentence
            .iter()
            .map(|&k| (k, &mentions[k]))
            .filter(|(_, m)| Some(m.sentence) == sentence && m.time.is_none())
            .filter(|(_, m)| !since || m.status == "ongoing")
            .filter(|(_, m)| !duration || m.end_word <= tw)
            .filter(|(_, m)| !barrier_between(w, m, tw, tw_end))
            .map(|(k, m)| {
                let d = if m.word > tw_end {
                    m.word - tw_end
                } else {
                    tw.saturating_sub(m.end_word - 1)
                };
                (d, k)
            })
            .collect();
        // Within ten words, or any distance when the sentence has a single trigger.
        if candidates.len() > 1 || candidates.first().is_some_and(|c| c.0 > 30) {
            candidates.retain(|(d, _)| *d <= 10);
        }
        candidates.sort();
        let mut linked: Option<usize> = None;
        for (_, k) in candidates {
            // After the nearest trigger, only those chained to it («جلسته لانتخاب رئيس»).
            if let Some(first) = linked
                && mentions[k].word.abs_diff(first) > 3
            {
                continue;
            }
            let m = &mut mentions[k];
            let (past, future) = time_side(t, reference);
            if (m.status == "planned" && past)
                || (m.status == "occurred" && m.status_from_cue && future)
            {
                continue;
            }
            m.time = Some(ti);
            if !m.status_from_cue && !since {
                if past {
                    m.status = "occurred";
                } else if future {
                    m.status = "planned";
                } else if t.value.as_deref() == Some("PRESENT_REF") {
                    m.status = "ongoing";
                }
            }
            if linked.is_some() || since || duration {
                break;
            }
            linked = Some(m.word);
        }
    }
}

/// An undated visit in the sentence of a dated meeting (or the reverse) is the same occasion
/// seen from another side («استقبل الرئيس أمس الوزير، في زيارة هي الثانية له»): it takes that
/// time and, unless a cue decided otherwise, its status.
fn inherit_times(mentions: &mut [Mention], w: &[Word], sentence_of: &[usize]) {
    const SOCIAL: &[&str] = &["meeting", "visit"];
    // The social mentions of each sentence, in order (issue 9: no scan of every mention).
    let mut by_sentence: FxHashMap<Option<usize>, Vec<usize>> = FxHashMap::default();
    for (k, m) in mentions.iter().enumerate() {
        if SOCIAL.contains(&m.kind) {
            by_sentence
                .entry(sentence_of.get(m.word).copied())
                .or_default()
                .push(k);
        }
    }
    for k in 0..mentions.len() {
        if mentions[k].time.is_some() || !SOCIAL.contains(&mentions[k].kind) {
            continue;
        }
        let s = sentence_of.get(mentions[k].word);
        let donor = by_sentence[&s.copied()]
            .iter()
            .map(|&d| &mentions[d])
            .filter(|d| d.time.is_some() && SOCIAL.contains(&d.kind) && d.kind != mentions[k].kind)
            .filter(|d| sentence_of.get(d.word) == s)
            // «وتأتي الزيارة بعد أسبوعين من لقاء»: another occasion.
            .find(|d| {
                let (a, b) = if d.word < mentions[k].word {
                    (d.end_word, mentions[k].word)
                } else {
                    (mentions[k].end_word, d.word)
                };
                !(a..b).any(|x| matches!(w[x].key, "بعد" | "قبل" | "عقب"))
            })
            .map(|d| (d.time, d.status));
        if let Some((time, status)) = donor {
            let m = &mut mentions[k];
            m.time = time;
            if !m.status_from_cue {
                m.status = status;
            }
        }
    }
}

/// Whether a word between a trigger and a time keeps them apart: a complementizer after the
/// trigger («قال في مؤتمر صحفي إن الشحنة ستصل خلال عشرة أيام»: the time is the arrival's) or a
/// temporal preposition before it («خلال الأسبوع الجاري، بعد القمة»: the summit is earlier).
fn barrier_between(w: &[Word], m: &Mention, tw: usize, tw_end: usize) -> bool {
    if m.end_word <= tw {
        (m.end_word..tw).any(|k| matches!(w[k].key, "ان" | "انه" | "انها" | "بان"))
    } else {
        (tw_end + 1..m.word).any(|k| matches!(w[k].key, "بعد" | "قبل" | "عقب"))
    }
}

/// Whether a time lies wholly before (or on) the reference date, or wholly after it; without a
/// reference date, a relative time says so itself («جوان المقبل» is ahead, issue 11).
fn time_side(t: &TimeExpr, reference: Option<Date>) -> (bool, bool) {
    match &t.typed {
        Value::Ref("PAST_REF") => (true, false),
        Value::Ref("FUTURE_REF") => (false, true),
        Value::Relative(rel) => (rel.direction() < 0, rel.direction() > 0),
        v => match (v.interval(), reference) {
            (Some((s, e)), Some(r)) => (e <= r, s > r),
            _ => (false, false),
        },
    }
}

fn person_mentions(entities: &[Entity]) -> Vec<(Span, usize)> {
    let mut out: Vec<(Span, usize)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Person)
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span, i)))
        .collect();
    out.sort();
    out
}

/// Kinds whose participants are first of all persons.
fn is_personal(kind: &str) -> bool {
    matches!(
        kind,
        "call" | "meeting" | "summit" | "talks" | "visit" | "statement"
    )
}

fn is_place(kind: EntityKind) -> bool {
    matches!(
        kind,
        EntityKind::Country | EntityKind::City | EntityKind::Location
    )
}

/// Words after which a «في» phrase is what an event was about, not where it happened. (`data/events/topic_words.tsv`).
static TOPIC_WORDS: LazyLock<Vec<&str>> = LazyLock::new(|| tsv::EVENTS_TOPIC_WORDS.words());

/// Every entity mention, sorted by where it starts and by where it ends, so that a stage
/// asking "which mentions lie here" does a binary search instead of a scan (issue 9).
struct Located {
    /// (span, entity, kind, rank of the mention in its entity), by start, then entity.
    by_start: Vec<(Span, usize, EntityKind, usize)>,
    /// (end, entity), by end, then entity.
    by_end: Vec<(usize, usize)>,
}

impl Located {
    fn new(entities: &[Entity]) -> Self {
        let mut by_start: Vec<(Span, usize, EntityKind, usize)> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                e.mentions
                    .iter()
                    .enumerate()
                    .map(move |(r, m)| (m.span, i, e.kind, r))
            })
            .collect();
        by_start.sort_by_key(|&(s, i, _, r)| (s.start, i, r));
        let mut by_end: Vec<(usize, usize)> =
            by_start.iter().map(|&(s, i, ..)| (s.end, i)).collect();
        by_end.sort_unstable();
        Located { by_start, by_end }
    }

    /// The mentions starting in `from..=to`, in order.
    fn starting(&self, from: usize, to: usize) -> &[(Span, usize, EntityKind, usize)] {
        let a = self.by_start.partition_point(|x| x.0.start < from);
        let b = self.by_start.partition_point(|x| x.0.start <= to);
        &self.by_start[a..b.max(a)]
    }

    /// The entities of the mentions ending in `from..=to`.
    fn ending(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        let a = self.by_end.partition_point(|x| x.0 < from);
        let b = self.by_end.partition_point(|x| x.0 <= to);
        self.by_end[a..b.max(a)].iter().map(|&(_, i)| i)
    }
}

fn find_place(
    doc: &Document<'_>,
    w: &[Word],
    m: &Mention,
    located: &Located,
    triggers: &[Span],
) -> Option<usize> {
    let limit = w
        .get(m.end_word + 12)
        .map_or(m.sentence_span.end, |x| x.span.start);
    let bound = limit.min(m.sentence_span.end);
    // In text order, then entity order: the first that qualifies is the nearest.
    for &(s, i, kind, _) in located.starting(m.trigger.end, bound) {
        count(Work::MentionVisits, 1);
        if !is_place(kind) || s.end > bound {
            continue;
        }
        // «تناول اللقاء تطورات الأوضاع في غزة»: a topic, not where it took place.
        let between = words_inside(w, Span::new(m.trigger.end, s.start));
        count(Work::WordVisits, between.len());
        let topic = w[between]
            .iter()
            .any(|x| TOPIC_WORDS.contains(&x.key));
        // «… لأي عملية عسكرية في رفح»: the place of the event named in between (triggers are
        // in text order).
        let from = triggers.partition_point(|t| t.start < m.trigger.end);
        let other_event = triggers[from..]
            .iter()
            .take_while(|t| t.start <= s.start)
            .any(|t| t.end <= s.start);
        if topic || other_event {
            continue;
        }
        let before = doc.text[..s.start].trim_end();
        let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
        if matches!(last, "في" | "وفي" | "فى") {
            return Some(i);
        }
    }
    None
}

fn participants(
    m: &Mention,
    sentence: Span,
    entities: &[Entity],
    located: &Located,
    place: Option<usize>,
    quotes: &QuoteIndex<'_>,
) -> Vec<usize> {
    let personal = is_personal(m.kind);
    // Each entity's first mention (in its own order) inside the sentence: (start, entity, rank).
    let starting = located.starting(sentence.start, sentence.end);
    let mut first: Vec<(usize, usize, usize)> = Vec::with_capacity(starting.len());
    for &(span, i, _, rank) in starting {
        count(Work::MentionVisits, 1 + first.len());
        if Some(i) == place || !sentence.contains(span) {
            continue;
        }
        match first.iter_mut().find(|x| x.1 == i) {
            Some(x) if rank < x.2 => *x = (span.start, i, rank),
            Some(_) => {}
            None => first.push((span.start, i, rank)),
        }
    }
    let mut found: Vec<(usize, usize)> = first.into_iter().map(|(at, i, _)| (at, i)).collect();
    found.sort();
    let person = |i: usize| entities[i].kind == EntityKind::Person;
    let group = |i: usize| {
        matches!(
            entities[i].kind,
            EntityKind::Country | EntityKind::Organization | EntityKind::Nationality
        )
    };
    let persons: Vec<usize> = found.iter().map(|x| x.1).filter(|&i| person(i)).collect();
    let groups: Vec<usize> = found.iter().map(|x| x.1).filter(|&i| group(i)).collect();
    let inside = quotes.around(m.trigger).and_then(|q| q.speaker);
    // The speaker of the sentence: of a quotation the trigger sits in, else of one in the sentence.
    let speaker = inside.or_else(|| quotes.starting_in(sentence).and_then(|q| q.speaker));
    if m.kind == "statement" {
        return match speaker.or_else(|| persons.first().copied()) {
            Some(p) => vec![p],
            None => groups.into_iter().take(1).collect(),
        };
    }
    let mut out = if personal {
        if persons.is_empty() {
            speaker.map_or(groups, |s| vec![s])
        } else {
            persons
        }
    } else if groups.is_empty() {
        persons
    } else {
        groups
    };
    if personal
        && let Some(s) = inside
        && !out.contains(&s)
    {
        out.push(s);
    }
    out.sort_unstable();
    out
}

/// The quotations (sorted by span) with the furthest end reached so far, to find the first one
/// around a span by binary search (issue 9).
struct QuoteIndex<'q> {
    quotes: &'q [QuoteSpan],
    /// `reach[k]`: the largest end among `quotes[..=k]`.
    reach: Vec<usize>,
}

impl<'q> QuoteIndex<'q> {
    fn new(quotes: &'q [QuoteSpan]) -> Self {
        let reach = quotes
            .iter()
            .scan(0, |far, q| {
                *far = q.span.end.max(*far);
                Some(*far)
            })
            .collect();
        QuoteIndex { quotes, reach }
    }

    /// The first quotation that contains `span`.
    fn around(&self, span: Span) -> Option<&'q QuoteSpan> {
        // Among the quotations starting at or before the span, the first whose end reaches it.
        let starting = self.quotes.partition_point(|q| q.span.start <= span.start);
        let k = self.reach[..starting].partition_point(|&r| r < span.end);
        self.quotes[..starting].get(k)
    }

    /// The first quotation starting inside `sentence` (ends included).
    fn starting_in(&self, sentence: Span) -> Option<&'q QuoteSpan> {
        let k = self
            .quotes
            .partition_point(|q| q.span.start < sentence.start);
        self.quotes.get(k).filter(|q| q.span.start <= sentence.end)
    }
}

/// The entity whose mention starts right after a noun trigger, or ends right before a verb one
/// (the first such entity in entity order).
fn actor(doc: &Document<'_>, m: &Mention, located: &Located) -> Option<usize> {
    let text = doc.text;
    if m.form == "noun" {
        let rest = text.get(m.trigger.end..)?;
        let gap = rest.len() - rest.trim_start().len();
        located
            .starting(m.trigger.end, m.trigger.end + gap)
            .iter()
            .map(|x| x.1)
            .min()
    } else {
        let before = text.get(..m.trigger.start)?;
        let gap = before.len() - before.trim_end().len();
        located.ending(m.trigger.start - gap, m.trigger.start).min()
    }
}

/// Whether two dated mentions may be one event: the same value, or one interval inside the other
/// (a day of «هذا الأسبوع»), but not two different days.
fn compatible_time(a: Option<&Value>, b: Option<&Value>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a == b
                || match (a.interval(), b.interval()) {
                    (Some((s1, e1)), Some((s2, e2))) => {
                        let inside = (s1 <= s2 && e2 <= e1) || (s2 <= s1 && e1 <= e2);
                        let days = s1 == e1 && s2 == e2;
                        inside && !days
                    }
                    _ => false,
                }
        }
        _ => true,
    }
}

fn merge(mentions: Vec<Mention>, times: &[TimeExpr], entities: &[Entity]) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut last_sentence: Vec<usize> = Vec::new();
    for m in mentions {
        let value = m
            .time
            .and_then(|t| times.get(t))
            .and_then(|t| t.value.clone());
        let value = value.filter(|v| !v.starts_with('P'));
        let typed = m
            .time
            .and_then(|t| times.get(t))
            .map(|t| t.typed.clone())
            .filter(|t| value.is_some() || matches!(t, Value::Relative(_)));
        let target = drafts.iter().enumerate().rev().find_map(|(k, d)| {
            if d.kind != m.kind {
                return None;
            }
            let same_sentence = last_sentence[k] == m.sentence;
            // Two different dates are one event only when the mentions share a participant.
            let differ = matches!((&d.time_value, &value), (Some(a), Some(b)) if a != b);
            let shares = d.participants.iter().any(|p| m.participants.contains(p));
            let ok = same_sentence
                || m.anaphoric
                || ((!differ || shares)
                    && compatible_time(d.time_typed.as_ref(), typed.as_ref())
                    && (d.status == m.status || d.status == "reported" || m.status == "reported")
                    && people_compatible(&d.participants, &m.participants, entities));
            ok.then_some(k)
        });
        match target {
            Some(k) => {
                let d = &mut drafts[k];
                if !d.evidence.contains(&m.sentence_span) {
                    d.evidence.push(m.sentence_span);
                }
                if d.time.is_none() {
                    d.time = m.time;
                    d.time_value = value;
                    d.time_typed = typed;
                }
                for p in m.participants {
                    if !d.participants.contains(&p) {
                        d.participants.push(p);
                    }
                }
                d.participants.sort_unstable();
                d.place = d.place.or(m.place);
                if d.actor.is_none() {
                    d.actor = m.actor;
                    d.target = d.target.or(m.target);
                    d.phrase = d.phrase.clone().or(m.phrase);
                }
                d.recent |= m.recent;
                last_sentence[k] = m.sentence;
            }
            None => {
                drafts.push(Draft {
                    kind: m.kind,
                    status: m.status,
                    recent: m.recent,
                    trigger: m.trigger,
                    time: m.time,
                    time_value: value,
                    time_typed: typed,
                    participants: m.participants,
                    place: m.place,
                    actor: m.actor,
                    target: m.target,
                    phrase: m.phrase,
                    noun: m.noun,
                    evidence: vec![m.sentence_span],
                });
                last_sentence.push(m.sentence);
            }
        }
    }
    drafts
}

/// Whether two participant lists may be one event's: they share someone, and a person when both
/// name persons (Draghi's visit to Algiers is not Di Maio's, though both involve Algeria).
fn people_compatible(a: &[usize], b: &[usize], entities: &[Entity]) -> bool {
    let person = |x: &&usize| entities[**x].kind == EntityKind::Person;
    let (pa, pb): (Vec<&usize>, Vec<&usize>) = (
        a.iter().filter(person).collect(),
        b.iter().filter(person).collect(),
    );
    if !pa.is_empty() && !pb.is_empty() {
        return pa.iter().any(|x| pb.contains(x));
    }
    a.is_empty() || b.is_empty() || a.iter().any(|x| b.contains(x))
}

/// Sorts drafts on the timeline: dated ones by the interval of their value (start, then end);
/// undated ones by status (recent → just before the reference day; ongoing → on it; planned and
/// possible → after it) or, when they simply occurred, right after the nearest dated past event
/// before them in the text.
fn order(drafts: &mut Vec<Draft>, reference: Option<Date>) {
    let intervals: Vec<Option<(Date, Date)>> = drafts
        .iter()
        .map(|d| d.time_typed.as_ref().and_then(Value::interval))
        .collect::<Vec<_>>();
    let reference = reference.or_else(|| intervals.iter().flatten().map(|x| x.1).max());
    // Without a publication date, relative times («الشهر المقبل», «أمس») are placed against the
    // article's own "now": after everything dated, or a stand-in day when nothing is (issue 11).
    let now = reference.unwrap_or(Date::constant(9000, 6, 15));
    let intervals: Vec<Option<(Date, Date)>> = drafts
        .iter()
        .zip(intervals)
        .map(|(d, iv)| {
            iv.or_else(|| match d.time_typed {
                Some(Value::Relative(rel)) => rel.resolve(now).interval(),
                _ => None,
            })
        })
        .collect();
    let reference = reference.or(Some(now).filter(|_| intervals.iter().any(Option::is_some)));
    // Without any date, "the day of publication" is a virtual day after everything dated.
    let far = Date::constant(9999, 12, 30);
    let r = reference.unwrap_or(far);
    let next_day = r.tomorrow().unwrap_or(r);
    let mut keys: Vec<(Date, Date, u8, u8, usize)> = Vec::with_capacity(drafts.len());
    for (k, d) in drafts.iter().enumerate() {
        let pos = d.trigger.start;
        let key = match intervals[k] {
            Some((s, e)) => (s, e, 1, 0, pos),
            None => match d.status {
                "ongoing" => (r, r, 2, 0, pos),
                "planned" => (next_day, next_day, 4, 0, pos),
                "possible" => (next_day, next_day, 5, 0, pos),
                _ if d.recent => (r, r, 0, 0, pos),
                _ => {
                    // Right after the nearest dated past event mentioned before it.
                    let anchor = (0..drafts.len())
                        .filter(|&j| drafts[j].trigger.start < pos)
                        .filter_map(|j| {
                            intervals[j]
                                .filter(|x| x.1 <= r)
                                .map(|x| (drafts[j].trigger.start, x))
                        })
                        .max_by_key(|x| x.0);
                    match anchor {
                        Some((_, (s, e))) => (s, e, 1, 1, pos),
                        None => (r, r, 0, 0, pos),
                    }
                }
            },
        };
        keys.push(key);
    }
    let mut idx: Vec<usize> = (0..drafts.len()).collect();
    idx.sort_by_key(|&k| keys[k]);
    let sorted: Vec<Draft> = idx.into_iter().map(|k| drafts[k].clone()).collect();
    *drafts = sorted;
}

fn short_name(e: &Entity, english: bool) -> String {
    let name = if english {
        e.name_en.as_deref().unwrap_or(&e.name)
    } else {
        &e.name
    };
    if e.kind != EntityKind::Person {
        return name.to_owned();
    }
    // The family name, with its particle («Le Drian», «bin Salman», «عبد الله»); read off the
    // end of the name without copying it first (issue 9).
    let mut words = name.split_whitespace().rev();
    match (words.next(), words.next()) {
        (Some(last), Some(p)) if FAMILY_NAME_PARTICLES.iter().any(|x| p.eq_ignore_ascii_case(x)) => {
            format!("{p} {last}")
        }
        (Some(last), _) => last.to_owned(),
        (None, _) => name.to_owned(),
    }
}

/// The particles kept with a family name, lower case (compared ignoring ASCII case: no
/// other char lower-cases to one of these letters).
const FAMILY_NAME_PARTICLES: [&str; 18] = [
    "le", "la", "de", "del", "da", "di", "du", "van", "von", "bin", "ibn", "al", "el", "abu",
    "عبد", "بن", "أبو", "ابو",
];

fn join_ar(names: &[String]) -> String {
    let mut out = String::new();
    for (k, n) in names.iter().enumerate() {
        if k > 0 {
            out.push_str(" و");
        }
        out.push_str(n);
    }
    out
}

fn join_en(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [a] => a.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// What a label is made of.
struct LabelParts<'a> {
    kind: &'static str,
    /// Trigger-specific label noun.
    noun: Option<usize>,
    participants: &'a [usize],
    /// The acting participant, for "by" labels: a country becomes an adjective ("US sanctions").
    agent: Option<usize>,
    /// The target phrase, for "by" labels («على روسيا», "on Russia").
    phrase: Option<&'a (String, String)>,
    place: Option<usize>,
}

fn label(lx: &lexicon::Lexicon, parts: &LabelParts<'_>, entities: &[Entity]) -> (String, String) {
    let Some(l) = lx.labels.get(parts.kind).or_else(|| lx.labels.get("other")) else {
        return (parts.kind.to_owned(), parts.kind.to_owned());
    };
    let (noun_ar, noun_en, feminine) = match parts.noun.and_then(|n| lx.nouns.get(n)) {
        Some(n) => (n.ar.clone(), capitalize(&n.en), n.feminine),
        None => (l.ar.clone(), l.en.clone(), l.feminine),
    };
    let participants = parts.participants;
    let ar: Vec<String> = participants
        .iter()
        .take(3)
        .map(|&p| short_name(&entities[p], false))
        .collect();
    let en: Vec<String> = participants
        .iter()
        .take(3)
        .map(|&p| short_name(&entities[p], true))
        .collect();
    let agent_adj = parts.agent.and_then(|a| {
        let e = &entities[a];
        let ar = roles::nisba(e, feminine)?;
        Some((ar, roles::demonym(e, lx)))
    });
    let (mut a, mut e) = match (l.pattern.as_str(), ar.len(), agent_adj) {
        ("plain", _, Some((adj_ar, adj_en))) => (
            format!("{noun_ar} {adj_ar}"),
            format!("{adj_en} {}", lower_first(&noun_en)),
        ),
        (_, 0, _) | ("plain", _, _) => (noun_ar, noun_en),
        ("between", 1, _) => (
            format!("{noun_ar} مع {}", ar[0]),
            format!("{noun_en} with {}", en[0]),
        ),
        ("between", _, _) => (
            format!("{noun_ar} بين {}", join_ar(&ar)),
            format!("{noun_en} between {}", join_en(&en)),
        ),
        (_, _, Some((adj_ar, adj_en))) => (
            format!("{noun_ar} {adj_ar}"),
            format!("{adj_en} {}", lower_first(&noun_en)),
        ),
        _ => (
            format!("{noun_ar} {}", join_ar(&ar)),
            format!("{noun_en} by {}", join_en(&en)),
        ),
    };
    if let Some((p_ar, p_en)) = parts.phrase {
        a.push_str(&format!(" {p_ar}"));
        e.push_str(&format!(" {p_en}"));
    } else if let Some(p) = parts.place {
        a.push_str(&format!(" في {}", short_name(&entities[p], false)));
        e.push_str(&format!(" in {}", short_name(&entities[p], true)));
    }
    (a, e)
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Lower-cases the first letter unless the first word is an acronym ("Military" → "military").
fn lower_first(s: &str) -> String {
    let first = s.split_whitespace().next().unwrap_or("");
    if first.chars().filter(|c| c.is_uppercase()).count() > 1 {
        return s.to_owned();
    }
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Issue 9: `find_mentions` skips a word none of whose readings is a trigger reading; on the
    // test texts, every word with a stem that starts a trigger has one.
    #[test]
    fn trigger_readings_cover_every_stem_that_starts_a_trigger() {
        let lx = lexicon::get();
        let readings = trigger_readings(lx);
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = Vec::new();
        for dir in ["test_data/events", "test_data/entities", "../../articles"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "txt") {
                    texts.push(std::fs::read_to_string(path).unwrap());
                }
            }
        }
        // And every trigger's first word with each ending `stems` reads off.
        let mut words: Vec<String> = lx.triggers_by_first.keys().cloned().collect();
        for first in lx.triggers_by_first.keys() {
            for pronoun in PRONOUNS {
                words.push(format!("و{first}{pronoun}"));
            }
            words.push(format!("ب{ARTICLE}{first}"));
            words.push(format!("{first}ا"));
        }
        texts.push(words.join(" "));
        let mut starting = 0;
        for text in &texts {
            let doc = Document::new(text);
            for w in word_view(text, &doc.tokens) {
                let mut keys = Vec::new();
                stems(text, &w, &mut keys);
                if keys.iter().any(|(k, _)| lx.triggers_by_first.contains_key(k.as_ref())) {
                    starting += 1;
                    assert!(w.alts().any(|(k, _)| readings.contains(k)), "{}", w.key);
                }
            }
        }
        assert!(starting > 500, "{starting}");
    }

    // Issue 9: a short name is read off the end of the name without copying it first; the
    // particles are compared ignoring ASCII case, as the lower-cased word was.
    #[test]
    fn short_names_keep_their_particle() {
        let person = |name: &str, en: Option<&str>| Entity {
            kind: EntityKind::Person,
            name: name.to_owned(),
            name_en: en.map(str::to_owned),
            wikidata: None,
            office: None,
            mentions: Vec::new(),
        };
        let e = person("جان إيف لودريان", Some("Jean-Yves Le Drian"));
        assert_eq!(short_name(&e, true), "Le Drian");
        assert_eq!(short_name(&e, false), "لودريان");
        let e = person("محمد بن سلمان", Some("Mohammed BIN Salman"));
        assert_eq!(short_name(&e, false), "بن سلمان");
        assert_eq!(short_name(&e, true), "BIN Salman");
        assert_eq!(short_name(&person("بوتين", None), true), "بوتين");
        assert_eq!(short_name(&person(" ", None), false), " ");
        let mut country = person("الولايات المتحدة", Some("United States"));
        country.kind = EntityKind::Country;
        assert_eq!(short_name(&country, true), "United States");
    }

    // Issue 9: the walk over words and sentences finds each word's sentence as a binary search
    // per word did, on the test texts and on text with blank lines, lone marks and no end.
    #[test]
    fn sentence_index_walks_as_the_binary_search_found() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = vec![
            "قال.\n\n. ؟ «لا» !\nثم\n\n\nانتهى".to_owned(),
            String::new(),
            "؟".to_owned(),
        ];
        for dir in ["test_data/events", "../../articles"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "txt") {
                    texts.push(std::fs::read_to_string(path).unwrap());
                }
            }
        }
        let holds_until = |s: &Span| s.end.max(s.start + 1);
        for text in &texts {
            let doc = Document::new(text);
            let w = word_view(text, &doc.tokens);
            let searched: Vec<usize> = w
                .iter()
                .map(|x| {
                    let at = x.span.start;
                    let k = doc.sentences.partition_point(|s| holds_until(s) <= at);
                    doc.sentences
                        .get(k)
                        .filter(|s| s.start <= at && at < holds_until(s))
                        .map_or(0, |_| k)
                })
                .collect();
            assert_eq!(sentence_index(&doc, &w), searched, "{text}");
        }
    }
}

//! Clustering and linking: candidate mentions become entities (see the module doc of
//! [`super`] for the rules).

use crate::tsv;
use std::sync::LazyLock;
use super::matcher::{CandKind, Candidate, Holder, offset_after_key_chars};
use super::{Entity, EntityKind, EntityMention, MentionForm, ner_filter};
use crate::clitic::proclitic_readings;
use crate::document::Document;
use crate::kb::{self, Kb, OfficeRank, RecordKind, Target};
use crate::ner::{self, Tag};
use crate::ner_type::NerType;
use crate::normalize::{self, key};
use crate::span::Span;
use crate::token::{Token, TokenKind};
use crate::work::{Work, count};
use jiff::civil::Date;
use std::borrow::Cow;
use rustc_hash::FxHashMap;

/// What an entity is, for finding it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Person(usize),
    Country(usize),
    Nationality(usize),
    Capital(usize),
    Record(usize),
    /// Not in the knowledge base (from the NER model), numbered in order of creation.
    Local(usize),
}

#[derive(Debug)]
struct Builder {
    key: Key,
    kind: EntityKind,
    mentions: Vec<EntityMention>,
    /// The office a title in the text gave this person: (holder, office).
    bound: Option<(Holder, usize)>,
}

/// Words after a title that make it refer to someone else than the holder on the reference
/// date («الرئيس الأمريكي السابق»). (`data/entities/former.tsv`).
static FORMER: LazyLock<Vec<&str>> = LazyLock::new(|| tsv::ENTITIES_FORMER.words());

/// Words after a title that name the office's next holder; the title then belongs to the
/// name that follows, if any («رئيس الوزراء المكلف نجيب ميقاتي»). (`data/entities/designate.tsv`).
static DESIGNATE: LazyLock<Vec<&str>> = LazyLock::new(|| tsv::ENTITIES_DESIGNATE.words());

/// Honorifics between a title and a name («ولي العهد السعودي الأمير محمد بن سلمان»); also the
/// bare titles before which an ordinary word may still be a surname («الرئيس عون»). (`data/entities/honorifics.tsv`).
static HONORIFICS: LazyLock<Vec<&str>> = LazyLock::new(|| tsv::ENTITIES_HONORIFICS.words());

/// Roots of asking, before «من» and a capital («طلبت من مسقط»). (`data/entities/asking.tsv`).
static ASKING: LazyLock<Vec<&str>> = LazyLock::new(|| tsv::ENTITIES_ASKING.words());

/// Geographic features named after a country («مضيق جبل طارق», «بحر الصين»). (`data/entities/features.tsv`).
static FEATURES: LazyLock<Vec<&str>> = LazyLock::new(|| tsv::ENTITIES_FEATURES.words());

/// Counting words before an indefinite nisba that make it people («مليون سوداني»). (`data/entities/counted.tsv`).
static COUNTED: LazyLock<Vec<&str>> = LazyLock::new(|| tsv::ENTITIES_COUNTED.words());

/// Verbs of saying and acting after which a definite ordinary word is a surname («قال الأسد»). (`data/entities/surname_verbs.tsv`).
static SURNAME_VERBS: LazyLock<Vec<&str>> = LazyLock::new(|| tsv::ENTITIES_SURNAME_VERBS.words());

/// Words before a capital that make it stand for its government («إن واشنطن», «بين واشنطن
/// وموسكو», «عقوبات على موسكو»). (`data/entities/metonym_cues.tsv`).
static METONYM_CUES: LazyLock<Vec<&str>> = LazyLock::new(|| tsv::ENTITIES_METONYM_CUES.words());

/// Words before a capital that make it a place («في موسكو»), not a government. (`data/entities/place_cues.tsv`).
static PLACE_CUES: LazyLock<Vec<&str>> = LazyLock::new(|| tsv::ENTITIES_PLACE_CUES.words());

struct State<'d, 't> {
    doc: &'d Document<'t>,
    kb: &'static Kb,
    date: Option<Date>,
    entities: Vec<Builder>,
    by_key: FxHashMap<Key, usize>,
    covered: Vec<bool>,
    /// First token of every person mention, with its entity.
    person_at: FxHashMap<usize, usize>,
    locals: FxHashMap<(NerType, String), usize>,
    /// The key of the last word of every person mention of two words or more, with the first
    /// entity (lowest index) that has such a mention.
    full_name_ends: FxHashMap<String, usize>,
}

impl State<'_, '_> {
    fn entity(&mut self, key: Key, kind: EntityKind) -> usize {
        if let Some(&e) = self.by_key.get(&key) {
            return e;
        }
        self.entities.push(Builder {
            key,
            kind,
            mentions: Vec::new(),
            bound: None,
        });
        self.by_key.insert(key, self.entities.len() - 1);
        self.entities.len() - 1
    }

    fn add(&mut self, e: usize, span: Span, form: MentionForm, tokens: (usize, usize)) {
        self.entities[e].mentions.push(EntityMention { span, form });
        for c in &mut self.covered[tokens.0..tokens.1] {
            *c = true;
        }
        if self.entities[e].kind == EntityKind::Person {
            self.person_at.insert(tokens.0, e);
            let mut words = span.slice(self.doc.text).split_whitespace();
            if let (Some(_), Some(last)) = (words.next(), words.next_back()) {
                let slot = self.full_name_ends.entry(key(last)).or_insert(e);
                *slot = (*slot).min(e);
            }
        }
    }

    fn person(&mut self, p: usize) -> usize {
        self.entity(Key::Person(p), EntityKind::Person)
    }

    fn tokens(&self) -> &[Token] {
        &self.doc.tokens
    }
}

fn is_word(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Arabic | TokenKind::Latin)
}

/// Whether the capital candidate is a place («في موسكو», «مرفأ بيروت») rather than its
/// government («إن واشنطن», «اتهمت موسكو», «واشنطن وموسكو تبحثان»).
fn capital_is_place(st: &State<'_, '_>, c: &Candidate, previous: Option<(usize, bool)>) -> bool {
    let tokens = st.tokens();
    let stripped: String = tokens[c.first].key.chars().take(c.prefix_len).collect();
    if stripped.ends_with('ب') {
        return true;
    }
    // «في واشنطن وموسكو»: a coordinated capital shares the first one's reading.
    if stripped.starts_with('و')
        && let Some((end, place)) = previous
        && end == c.first
    {
        return place;
    }
    // «اتهمت تل أبيب بيروت»: the object of a government's verb is a government too.
    if stripped.is_empty()
        && let Some((end, false)) = previous
        && end == c.first
    {
        return false;
    }
    let prev = c
        .first
        .checked_sub(1)
        .map(|i| &tokens[i])
        .filter(|t| is_word(t));
    let cue = |list: &[&str]| prev.is_some_and(|t| proclitic_readings(&t.key).any_in(list));
    // «علاقات بكل من طهران ودمشق»: both governments; «في كل من …» stays a place.
    let word_at = |k: usize| {
        c.first
            .checked_sub(k)
            .map(|i| &tokens[i])
            .filter(|t| is_word(t))
    };
    if prev.is_some_and(|t| t.key == "من")
        && word_at(2).is_some_and(|t| proclitic_readings(&t.key).any_is("كل"))
    {
        return word_at(3).is_some_and(|t| t.key == "في");
    }
    // «طلبت من مسقط», «طالب من»: asked of a government.
    if prev.is_some_and(|t| t.key == "من")
        && word_at(2).is_some_and(|t| {
            let k = t.key.trim_start_matches(['و', 'ف']);
            let rest: String = k.chars().skip(1).collect();
            ASKING
                .iter()
                .any(|a| k.starts_with(a) || rest.starts_with(a))
        })
    {
        return false;
    }
    if cue(&PLACE_CUES) {
        return true;
    }
    // «العاصمة الأردنية عمان»: a nisba adjective between «العاصمة» and the name.
    if c.first >= 2
        && prev.is_some_and(|t| {
            t.key.starts_with("ال") && (t.key.ends_with('ي') || t.key.ends_with("يه"))
        })
    {
        let before = &tokens[c.first - 2];
        if is_word(before) && before.key == "العاصمه" {
            return true;
        }
    }
    if cue(&METONYM_CUES) {
        return false;
    }
    // An accusative participle governing it («مطالبا بغداد», «متهما طهران»).
    if prev.is_some_and(|t| {
        let k = t.key.trim_start_matches(['و', 'ف']);
        k.starts_with('م') && k.ends_with('ا') && k.chars().count() >= 5
    }) {
        return false;
    }
    // A feminine perfect verb before it («اتهمت موسكو»), an imperfect verb around it
    // («ستزود كييف», «واشنطن تبحث»).
    let verb_before = prev.is_some_and(|t| {
        let k = t.key.trim_start_matches(['و', 'ف']);
        // «التزمت سيول», «التقت»: a perfect verb of the افتعل form.
        (k.starts_with("الت") && k.ends_with('ت') && k.chars().count() >= 5)
            || !k.starts_with("ال")
                && k.chars().count() >= 3
                && (k.ends_with('ت')
                    || k.starts_with("ست")
                    || k.starts_with("سي")
                    || ((k.starts_with('ي') || k.starts_with('ت'))
                        && k.chars().count() >= 4
                        && !kb::is_known_name(k)))
    });
    // «الرباط ومدريد تطويان»: past a coordinated capital.
    let mut after = c.end;
    while tokens.get(after).is_some_and(|t| {
        is_word(t)
            && t.key.starts_with('و')
            && kb::is_known_name(&t.key[t.key.char_indices().nth(1).map_or(0, |(i, _)| i)..])
    }) {
        after += 1;
    }
    // A verb after it makes it the subject unless a noun before it governs it («اجتماع عمان
    // يمهد»: the meeting paves): only at the start of a clause or after a verb.
    let clause_start = prev.is_none() || verb_before || stripped.starts_with('و');
    let verb_after = clause_start
        && tokens.get(after).filter(|t| is_word(t)).is_some_and(|t| {
            let k = t.key.as_str();
            (k.starts_with('ت') || k.starts_with('ي') || k.starts_with("ست"))
                && k.chars().count() >= 4
                && !kb::is_known_name(k)
        });
    !(verb_before || verb_after)
}

/// Adds the knowledge-base names (not titles or relational mentions).
fn add_names(st: &mut State<'_, '_>, cands: &[Candidate]) {
    let kb = st.kb;
    // (end token, was a place) of the last capital, for coordination.
    let mut last_capital: Option<(usize, bool)> = None;
    let doc = st.doc;
    let tokens = &doc.tokens;
    // Full names of people in the text by the key of their last word («محمد شياع السوداني»):
    // a lone «السوداني» not after a definite noun is that person, not the adjective.
    let last_words: FxHashMap<&str, usize> = cands
        .iter()
        .filter_map(|c| match c.kind {
            CandKind::Name(Target::Person(p)) if c.end - c.first > 1 => {
                Some((tokens[c.end - 1].key.as_str(), p))
            }
            _ => None,
        })
        .collect();
    for c in cands {
        let CandKind::Name(mut target) = c.kind else {
            continue;
        };
        let prev = c
            .first
            .checked_sub(1)
            .map(|i| &tokens[i])
            .filter(|t| is_word(t));
        // «مضيق جبل طارق», «بحر الصين»: a strait or sea named after a country is not it.
        if matches!(target, Target::Country(_) | Target::Capital(_))
            && c.prefix_len == 0
            && prev.is_some_and(|t| FEATURES.contains(&t.key.as_str()))
        {
            continue;
        }
        if let Target::Adjective(_) = target
            && c.end - c.first == 1
            && c.prefix_len == 0
            && let Some(&p) = last_words.get(tokens[c.first].key.as_str())
            && !prev.is_some_and(|t| t.key.starts_with("ال"))
        {
            target = Target::Person(p);
        }
        let toks = (c.first, c.end);
        let (key, kind, form) = match target {
            Target::Person(p) => (Key::Person(p), EntityKind::Person, MentionForm::Name),
            Target::Country(i) => (Key::Country(i), EntityKind::Country, MentionForm::Name),
            // «مليون سوداني», «ألف مغربي»: a counted nisba is people.
            Target::Adjective(i)
                if c.end - c.first == 1
                    && !tokens[c.first].key.starts_with("ال")
                    && prev.is_some_and(|t| COUNTED.contains(&t.key.as_str())) =>
            {
                (
                    Key::Nationality(i),
                    EntityKind::Nationality,
                    MentionForm::Name,
                )
            }
            Target::Adjective(i) => (Key::Country(i), EntityKind::Country, MentionForm::Adjective),
            Target::Nationality(i) => (
                Key::Nationality(i),
                EntityKind::Nationality,
                MentionForm::Name,
            ),
            Target::Capital(i) => {
                let place = capital_is_place(st, c, last_capital);
                last_capital = Some((c.end, place));
                if place {
                    (Key::Capital(i), EntityKind::City, MentionForm::Name)
                } else {
                    (Key::Country(i), EntityKind::Country, MentionForm::Metonym)
                }
            }
            Target::Record(r) => {
                let kind = match kb.records[r].kind {
                    RecordKind::Organization => EntityKind::Organization,
                    RecordKind::Location => EntityKind::Location,
                    RecordKind::City => EntityKind::City,
                    RecordKind::Work => EntityKind::Work,
                };
                (Key::Record(r), kind, MentionForm::Name)
            }
        };
        let e = st.entity(key, kind);
        st.add(e, c.span, form, toks);
    }
}

/// What the NER model says about a document: runs of one type (type, first token, end token,
/// weakest margin) and every token's tag.
pub(super) struct NerTagging {
    runs: Vec<(NerType, usize, usize, f32)>,
    tagged: Vec<Option<Tag>>,
}

/// Runs the NER model over every sentence (its own stage: it needs only the tokens).
pub(super) fn ner_tagging(doc: &Document<'_>) -> NerTagging {
    let mut runs: Vec<(NerType, usize, usize, f32)> = Vec::new();
    let mut tagged: Vec<Option<Tag>> = vec![None; doc.tokens.len()];
    // News or Wikipedia conventions, decided once for the document.
    let domain = ner::detect_domain_keys(doc.tokens.iter().map(|t| t.key.as_str().into()));
    let mut tagger = ner::DocumentTagger::new(domain);
    let indices: Vec<Vec<usize>> = doc
        .sentences
        .iter()
        .map(|sentence| tokens_inside(&doc.tokens, *sentence).collect())
        .collect();
    let words: Vec<Vec<&str>> = indices
        .iter()
        .map(|idx| {
            count(Work::NerTokens, idx.len());
            idx.iter()
                .map(|&i| doc.tokens[i].span.slice(doc.text))
                .collect()
        })
        .collect();
    let keys: Vec<Vec<&str>> = indices
        .iter()
        .map(|idx| idx.iter().map(|&i| doc.tokens[i].key.as_str()).collect())
        .collect();
    let tagged_sentences = tagger.tag_document(&words, &keys, ner::DocumentPass::SHIPPED);
    for (idx, tags) in indices.iter().zip(&tagged_sentences) {
        for (&i, scored) in idx.iter().zip(tags) {
            tagged[i] = Some(scored.tag);
        }
        runs.extend(ner::runs(tags).into_iter().map(|(a, b, t)| {
            let weakest = tags[a..b].iter().map(|s| s.margin).fold(f32::INFINITY, f32::min);
            (t, idx[a], idx[b - 1] + 1, weakest)
        }));
    }
    NerTagging { runs, tagged }
}

/// Adds the names the NER model finds and the knowledge base does not know, when
/// [`ner_filter::keep`] accepts them; then the other occurrences of each kept name in the
/// document (the model may miss a repetition).
fn add_ner(st: &mut State<'_, '_>, reserved: &[bool], tagging: NerTagging) {
    let doc = st.doc;
    let NerTagging { mut runs, tagged } = tagging;
    // A person's name the model cut short takes the unknown words around it (one each side).
    let free = |i: usize| tagged[i] == Some(Tag::O) && is_word(&doc.tokens[i]) && !reserved[i];
    for r in &mut runs {
        let before = r.1.checked_sub(1).filter(|&i| free(i));
        let after = Some(r.2).filter(|&i| i < doc.tokens.len() && free(i));
        match r.0 {
            NerType::Pers => {
                // One word, or a transliteration in syllables («كو وين جي»).
                let syllables = (r.1..r.2).all(|i| doc.tokens[i].key.chars().count() <= 3);
                if (r.2 - r.1 == 1 || syllables)
                    && before.is_some_and(|i| ner_filter::first_name_before(&doc.tokens[i].key))
                {
                    r.1 -= 1;
                }
                if after.is_some_and(|i| ner_filter::name_end_after(&doc.tokens[i].key)) {
                    r.2 += 1;
                }
            }
            NerType::Loc
                if before.is_some_and(|i| ner_filter::geographic_head(&doc.tokens[i].key)) =>
            {
                r.1 -= 1;
            }
            _ => {}
        }
    }
    // Full names first, so a lone surname joins its full name.
    runs.sort_by_key(|&(_, a, b, _)| (std::cmp::Reverse(b - a > 1), a));
    let mut kept: Vec<(usize, Vec<String>)> = Vec::new();
    for (t, a, b, margin) in runs {
        if t == NerType::Misc
            || (a..b).any(|i| st.covered[i] || reserved[i])
            || !(a..b).all(|i| is_word(&doc.tokens[i]) || doc.tokens[i].span.len() == 1)
        {
            continue;
        }
        let keys: Vec<&str> = doc.tokens[a..b].iter().map(|t| t.key.as_str()).collect();
        let before = a
            .checked_sub(1)
            .map(|i| doc.tokens[i].key.as_str())
            .filter(|_| a > 0 && is_word(&doc.tokens[a - 1]));
        if !ner_filter::keep(&keys, t, margin, before) {
            continue;
        }
        if let Some((e, words)) = add_ner_span(st, t, a, b) {
            kept.push((e, words));
        }
    }
    // Repetitions of kept names the model did not tag: the whole name; for a person, the
    // name with an unknown first name before it, or a multiword name's unknown first word
    // alone («لاي» for «لاي تشينغ ته»).
    // Where each pattern's first word occurs (by the token's NER stem), found in one pass.
    let mut firsts: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (_, words) in &kept {
        firsts.entry(words[0].clone()).or_default();
    }
    if !firsts.is_empty() {
        count(Work::Repetitions, doc.tokens.len());
        // By the stem of any type, or by the whole word (a name whose type's lists do not
        // know the stem kept its first letter: «كريمة», not «ريمة»).
        for (i, t) in doc.tokens.iter().enumerate() {
            let (stem, n) = ner_stem(&t.key, ANY_TYPE);
            let at = match firsts.get_mut(stem.as_ref()) {
                Some(at) => Some(at),
                None if n > 0 => firsts.get_mut(t.key.as_str()),
                None => None,
            };
            if let Some(at) = at {
                at.push(i);
            }
        }
    }
    for (e, words) in kept {
        let person = st.entities[e].kind == EntityKind::Person;
        let mut patterns = vec![words.clone()];
        if person && words.len() > 1 && ner_filter::unknown_name_part(&words[0]) {
            patterns.push(vec![words[0].clone()]);
        }
        for pattern in patterns {
            let n = pattern.len();
            // The positions of the first word, left to right; a match skips past its words.
            let mut next = 0;
            for &i in firsts.get(&pattern[0]).map_or(&[][..], Vec::as_slice) {
                count(Work::Repetitions, 1);
                if i < next || i + n > doc.tokens.len() {
                    continue;
                }
                let matches = (i..i + n).all(|j| !st.covered[j] && !reserved[j])
                    && (1..n).all(|j| doc.tokens[i + j].key == pattern[j]);
                if !matches {
                    continue;
                }
                let mut first = i;
                if person
                    && n == 1
                    && words.len() == 1
                    && i > 0
                    && is_word(&doc.tokens[i - 1])
                    && !st.covered[i - 1]
                    && !reserved[i - 1]
                    && ner_filter::first_name_before(&doc.tokens[i - 1].key)
                {
                    first = i - 1;
                }
                let key = &doc.tokens[first].key;
                let strip = if first == i && *key == pattern[0] {
                    0
                } else {
                    ner_stem(key, ANY_TYPE).1
                };
                let word = doc.tokens[first].span.slice(doc.text);
                let start = doc.tokens[first].span.start + offset_after_key_chars(word, strip);
                let span = Span::new(start, doc.tokens[i + n - 1].span.end);
                st.add(e, span, MentionForm::Name, (first, i + n));
                next = i + n;
            }
        }
    }
}

/// The indices of the tokens inside `span` (tokens are in order and do not overlap, so they
/// form one run, found by binary search).
fn tokens_inside(tokens: &[Token], span: Span) -> std::ops::Range<usize> {
    let from = tokens.partition_point(|t| t.span.start < span.start);
    let to = tokens.partition_point(|t| t.span.end <= span.end);
    from..to.max(from)
}

/// Adds the NER span `a..b` of type `t` as a name mention: `(entity, words of its name)`.
fn add_ner_span(
    st: &mut State<'_, '_>,
    t: NerType,
    a: usize,
    b: usize,
) -> Option<(usize, Vec<String>)> {
    let doc = st.doc;
    let first = &doc.tokens[a];
    let word = first.span.slice(doc.text);
    let (stem, n) = ner_stem(&first.key, ner::tables::type_bit(t));
    let start = first.span.start + offset_after_key_chars(word, n);
    let span = Span::new(start, doc.tokens[b - 1].span.end);
    let words: Vec<String> = std::iter::once(stem.into_owned())
        .chain(doc.tokens[a + 1..b].iter().map(|t| t.key.as_str().to_owned()))
        .filter(|w| !w.is_empty())
        .collect();
    let name = words.join(" ");
    if name.chars().count() < 2 {
        return None;
    }
    let keys: Vec<&str> = words.iter().map(String::as_str).collect();
    let (kind, k) = match t {
        NerType::Pers => (EntityKind::Person, NerType::Pers),
        NerType::Org => (EntityKind::Organization, NerType::Org),
        _ if ner_filter::city_like(&keys) => (EntityKind::City, NerType::Loc),
        _ => (EntityKind::Location, NerType::Loc),
    };
    let surname_of = if k == NerType::Pers && b - a == 1 {
        surname_owner(st, &name)
    } else {
        None
    };
    let e = match surname_of.or_else(|| st.locals.get(&(k, name.clone())).copied()) {
        Some(e) => e,
        None => {
            let n = st.locals.len();
            let e = st.entity(Key::Local(n), kind);
            st.locals.insert((k, name), e);
            e
        }
    };
    // A town acting like its government («الضغط على بورتسودان»), with the cues of capitals.
    let acts = kind == EntityKind::Location
        && b - a == 1
        && n == 0
        && !keys[0].starts_with("ال")
        && a.checked_sub(1).is_some_and(|i| {
            is_word(&doc.tokens[i]) && METONYM_CUES.contains(&doc.tokens[i].key.as_str())
        });
    let form = if acts {
        MentionForm::Metonym
    } else {
        MentionForm::Name
    };
    st.add(e, span, form, (a, b));
    Some((e, words))
}

/// Every type's bit in a name-list mask: a stem of any type.
const ANY_TYPE: u8 = u8::MAX;

/// The first word of a name the NER model found, without its proclitics: `(key of the stem,
/// key chars stripped)`. A proclitic is stripped only before the article or a known name
/// («والحلبوسي», «بالمحكمة»): one the knowledge base knows, or a one-word name of the NER name
/// lists of the span's type (`types`, a mask of [`ner::tables::type_bit`]) when the whole word
/// is not one (issue 10: «سبتة ومليلية» names «مليلية», but the person «كريمة» is not «ريمة»,
/// a place); never from
/// an unknown name («وليد», «بارزاني»). In a لل form the span keeps the article's ل, as
/// knowledge-base names do («للمحكمة» → «لمحكمة»), and the stem's key gets its alif back for
/// clustering.
fn ner_stem(word: &str, types: u8) -> (Cow<'_, str>, usize) {
    let names = &ner::tables::gazetteer().names;
    let listed = |key: &str| kb::is_known_name(key) || names.get(key).is_some_and(|m| m & types != 0);
    let whole_listed = std::cell::OnceCell::new();
    proclitic_readings(word)
        .iter()
        .filter(|r| {
            let stem = r.key();
            r.stripped > 0
                && ((stem.starts_with("ال") && stem.chars().count() >= 5)
                    || kb::is_known_name(&stem)
                    || (stem.chars().count() >= 3
                        && listed(&stem)
                        && !*whole_listed.get_or_init(|| listed(word))))
        })
        .max_by_key(|r| r.stripped)
        .map_or((Cow::Borrowed(word), 0), |r| (r.key(), r.stripped))
}

/// `key` without its first `n` chars.
fn skip_chars(key: &str, n: usize) -> &str {
    key.char_indices().nth(n).map_or("", |(i, _)| &key[i..])
}

/// The person entity with a full name (two words or more) ending in the word `surname`: the
/// first such entity, kept up to date by [`State::add`] (issue 9: no scan of every mention).
fn surname_owner(st: &State<'_, '_>, surname: &str) -> Option<usize> {
    st.full_name_ends.get(surname).copied()
}

/// Adds later (or earlier) mentions of a person's last name once the text gave the full name.
fn add_surnames(st: &mut State<'_, '_>, reserved: &[bool]) {
    let doc = st.doc;
    let kb = st.kb;
    // surname key -> (entity, start of its first full-name mention)
    let mut aliases: FxHashMap<String, Vec<(usize, usize)>> = FxHashMap::default();
    for (e, b) in st.entities.iter().enumerate() {
        if b.kind != EntityKind::Person {
            continue;
        }
        for m in b.mentions.iter().filter(|m| m.form == MentionForm::Name) {
            // The key of the last word of a name of two words or more (issue 9: not a key
            // of every word).
            let mut words = m.span.slice(doc.text).split_whitespace();
            let Some(last) = words.next_back().filter(|_| words.next().is_some()) else {
                continue;
            };
            let last = &key(last);
            let foreign = kb.names_starting(last).iter().any(|n| {
                n.words.len() == 1
                    && !matches!((n.target, b.key), (Target::Person(p), Key::Person(q)) if p == q)
            });
            if last.chars().count() < 3 || foreign {
                continue;
            }
            let list = aliases.entry(last.clone()).or_default();
            if !list.iter().any(|&(x, _)| x == e) {
                list.push((e, m.span.start));
            }
        }
    }
    if aliases.is_empty() && kb.guarded.is_empty() {
        return;
    }
    for (i, t) in doc.tokens.iter().enumerate() {
        if !is_word(t) || st.covered[i] || reserved[i] {
            continue;
        }
        let word = t.span.slice(doc.text);
        let readings = proclitic_readings(&t.key);
        let found = readings
            .iter()
            .find_map(|r| aliases.get(r.key().as_ref()).map(|list| (list, r.stripped)));
        // An ordinary word («عون», «عباس») is a surname only right after a title. (Read only
        // when a surname or a guarded name is found: issue 9.)
        let previous = || {
            i.checked_sub(1)
                .map(|p| proclitic_readings(&doc.tokens[p].key))
        };
        let after_title = || previous().is_some_and(|p| p.any_in(&HONORIFICS));
        // «وقال سلام»: a verb of saying before it.
        let after_speech = || previous().is_some_and(|p| p.any_in(&SURNAME_VERBS));
        let found = found.filter(|&(_, n)| {
            after_title() || after_speech() || !kb.stopwords.contains(skip_chars(&t.key, n))
        });
        // A knowledge-base surname that is an ordinary word («الأسد»): after a title, or
        // after a speech verb when it is definite («قال البرهان»).
        if found.is_none()
            && let Some((p, n)) = readings
                .iter()
                .find_map(|r| kb.guarded.get(r.key().as_ref()).map(|&p| (p, r.stripped)))
        {
            let stem = skip_chars(&t.key, n);
            if after_title() || (stem.starts_with("ال") && after_speech()) {
                let e = st.person(p);
                let span = Span::new(t.span.start + offset_after_key_chars(word, n), t.span.end);
                st.add(e, span, MentionForm::Name, (i, i + 1));
                continue;
            }
        }
        if let Some((list, n)) = found {
            // The most recent full name before this word, else the first one.
            let e = list
                .iter()
                .filter(|&&(_, at)| at < t.span.start)
                .max_by_key(|&&(_, at)| at)
                .or(list.first())
                .map(|&(e, _)| e);
            if let Some(e) = e {
                let span = Span::new(t.span.start + offset_after_key_chars(word, n), t.span.end);
                st.add(e, span, MentionForm::Name, (i, i + 1));
            }
        }
    }
}

/// The person named right after a title or relational mention ending at token `end`, if any,
/// past honorifics and «المكلف»-like words; `true` when a «السابق»-like word says the title is
/// not the current holder's.
fn person_after(st: &State<'_, '_>, end: usize) -> (Option<usize>, bool) {
    let tokens = st.tokens();
    let mut at = end;
    let mut former = false;
    let mut designate = false;
    while let Some(t) = tokens.get(at) {
        if let Some(&e) = st.person_at.get(&at) {
            return (Some(e), former);
        }
        let k = t.key.as_str();
        if FORMER.contains(&k) {
            former = true;
        } else if DESIGNATE.contains(&k) {
            designate = true;
        } else if !HONORIFICS.contains(&k) || at > end + 2 {
            break;
        }
        at += 1;
    }
    (None, former || designate)
}

/// The country ISO or organisation id of a holder.
fn holder_id(kb: &Kb, h: Holder) -> &str {
    match h {
        Holder::Country(c) => &kb.countries[c].iso,
        Holder::Record(r) => &kb.records[r].id,
    }
}

/// Titles: first those followed by a name (they bind the office to that person in this
/// text), then the bare ones (the binding, else the holder on the reference date).
fn add_titles(st: &mut State<'_, '_>, cands: &[Candidate]) {
    let kb = st.kb;
    let titles: Vec<(Candidate, usize, Holder)> = cands
        .iter()
        .filter_map(|c| match c.kind {
            CandKind::Title { office, holder } => Some((*c, office, holder)),
            _ => None,
        })
        .collect();
    let mut bindings: FxHashMap<(Holder, usize), usize> = FxHashMap::default();
    let mut bare = Vec::new();
    for &(c, office, holder) in &titles {
        match person_after(st, c.end) {
            (Some(e), former) => {
                if !former {
                    bindings.entry((holder, office)).or_insert(e);
                    if st.entities[e].bound.is_none() {
                        st.entities[e].bound = Some((holder, office));
                    }
                }
                st.add(e, c.span, MentionForm::Title, (c.first, c.end));
            }
            (None, true) => {}
            (None, false) => bare.push((c, office, holder)),
        }
    }
    for (c, office, holder) in bare {
        let e = match bindings.get(&(holder, office)) {
            Some(&e) => Some(e),
            None => kb
                .holder(holder_id(kb, holder), office, st.date)
                .map(|p| st.person(p)),
        };
        if let Some(e) = e {
            st.add(e, c.span, MentionForm::Title, (c.first, c.end));
        }
    }
}

/// The (holder, rank) of a person entity on the reference date.
fn office_of(st: &State<'_, '_>, e: usize) -> Option<(String, OfficeRank)> {
    let kb = st.kb;
    let b = &st.entities[e];
    if let Key::Person(p) = b.key
        && let Some(t) = kb.offices_of(p, st.date).first()
    {
        return Some((t.holder.clone(), kb.offices[t.office].rank));
    }
    b.bound
        .map(|(h, o)| (holder_id(kb, h).to_owned(), kb.offices[o].rank))
}

/// Relational mentions: the person named after it, else the counterpart in that country of
/// the nearest person before it from another country (a head of state by default).
fn add_relationals(st: &mut State<'_, '_>, cands: &[Candidate]) {
    let kb = st.kb;
    for c in cands {
        let CandKind::Relational { country } = c.kind else {
            continue;
        };
        if let (Some(e), _) = person_after(st, c.end) {
            st.add(e, c.span, MentionForm::Relational, (c.first, c.end));
            continue;
        }
        let iso = kb.countries[country].iso.clone();
        let mut before: Vec<(usize, usize)> = st
            .entities
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind == EntityKind::Person)
            .flat_map(|(e, b)| {
                b.mentions
                    .iter()
                    .filter(|m| m.span.end <= c.span.start)
                    .map(move |m| (m.span.start, e))
            })
            .collect();
        before.sort_by_key(|&(at, _)| std::cmp::Reverse(at));
        let rank = before
            .iter()
            .filter_map(|&(_, e)| office_of(st, e))
            .find(|(holder, _)| *holder != iso)
            .map_or(OfficeRank::HeadOfState, |(_, r)| r);
        // A person of that country with that rank already in the text, else the knowledge base.
        let in_text = (0..st.entities.len()).find(|&e| {
            st.entities[e].kind == EntityKind::Person
                && office_of(st, e).is_some_and(|(h, r)| {
                    h == iso
                        && (r == rank
                            || matches!(
                                (r, rank),
                                (OfficeRank::HeadOfState, OfficeRank::HeadOfGovernment)
                                    | (OfficeRank::HeadOfGovernment, OfficeRank::HeadOfState)
                            ))
                })
        });
        let e = in_text.or_else(|| kb.counterpart(country, rank, st.date).map(|p| st.person(p)));
        if let Some(e) = e {
            st.add(e, c.span, MentionForm::Relational, (c.first, c.end));
        }
    }
}

/// The longest name mention whose text is a knowledge-base name (or any name when `any`).
fn best_name(doc: &Document<'_>, b: &Builder, any: bool) -> Option<String> {
    // A name's key is built in one buffer (issue 9).
    let mut key = String::new();
    b.mentions
        .iter()
        .filter(|m| m.form == MentionForm::Name)
        .map(|m| m.span.slice(doc.text))
        .filter(|t| {
            any || {
                key.clear();
                for (i, word) in t.split_whitespace().enumerate() {
                    if i > 0 {
                        key.push(' ');
                    }
                    normalize::push_key(word, &mut key);
                }
                kb::is_known_name(&key)
            }
        })
        .max_by_key(|t| (t.split_whitespace().count(), t.chars().count()))
        .map(str::to_owned)
}

fn finish(st: State<'_, '_>) -> Vec<Entity> {
    let kb = st.kb;
    let doc = st.doc;
    let mut out: Vec<Entity> = Vec::new();
    for mut b in st.entities {
        if b.mentions.is_empty() {
            continue;
        }
        b.mentions.sort_by_key(|m| m.span);
        b.mentions.dedup_by_key(|m| m.span);
        let (name, name_en, wikidata, office) = match b.key {
            Key::Person(p) => {
                let person = &kb.people[p];
                let full = best_name(doc, &b, true).filter(|n| n.split_whitespace().count() > 1);
                let office = kb
                    .offices_of(p, st.date)
                    .first()
                    .map(|t| kb.office_label(t));
                (
                    full.unwrap_or_else(|| person.name_ar.clone()),
                    Some(person.name_en.clone()),
                    person.wikidata.clone(),
                    office,
                )
            }
            Key::Country(c) => {
                let country = &kb.countries[c];
                (
                    best_name(doc, &b, false).unwrap_or_else(|| country.name_ar.clone()),
                    Some(country.name_en.clone()),
                    country.wikidata.clone(),
                    None,
                )
            }
            Key::Nationality(_) => (
                best_name(doc, &b, true).unwrap_or_default(),
                None,
                None,
                None,
            ),
            Key::Capital(c) => {
                let country = &kb.countries[c];
                (
                    best_name(doc, &b, false).unwrap_or_else(|| country.capital_ar[0].clone()),
                    Some(country.capital_en.clone()),
                    country.capital_wikidata.clone(),
                    None,
                )
            }
            Key::Record(r) => {
                let rec = &kb.records[r];
                (
                    best_name(doc, &b, false).unwrap_or_else(|| rec.name_ar.clone()),
                    Some(rec.name_en.clone()),
                    rec.wikidata.clone(),
                    None,
                )
            }
            Key::Local(_) => {
                let office = b.bound.map(|(h, o)| {
                    let term = kb::Term {
                        holder: holder_id(kb, h).to_owned(),
                        office: o,
                        person: 0,
                        start: None,
                        end: None,
                    };
                    kb.office_label(&term)
                });
                (
                    // A name the model found only as a metonym keeps that text.
                    best_name(doc, &b, true)
                        .or_else(|| {
                            b.mentions
                                .first()
                                .map(|m| m.span.slice(doc.text).to_owned())
                        })
                        .unwrap_or_default(),
                    None,
                    None,
                    office,
                )
            }
        };
        out.push(Entity {
            kind: b.kind,
            name,
            name_en,
            wikidata,
            office,
            mentions: b.mentions,
        });
    }
    out.sort_by_key(|e| {
        (
            std::cmp::Reverse(e.mentions.len()),
            e.mentions.first().map_or(usize::MAX, |m| m.span.start),
        )
    });
    out
}

/// Clusters the selected knowledge-base candidates and the NER model's names into entities.
pub(super) fn resolve(
    doc: &Document<'_>,
    cands: Vec<Candidate>,
    tagging: NerTagging,
    date: Option<Date>,
    time_spans: &[Span],
) -> Vec<Entity> {
    let mut st = State {
        doc,
        kb: kb::get(),
        date,
        entities: Vec::new(),
        by_key: FxHashMap::default(),
        covered: vec![false; doc.tokens.len()],
        person_at: FxHashMap::default(),
        locals: FxHashMap::default(),
        full_name_ends: FxHashMap::default(),
    };
    // Titles and relational mentions keep their tokens from NER and surname matching.
    let mut reserved = vec![false; doc.tokens.len()];
    for c in cands
        .iter()
        .filter(|c| !matches!(c.kind, CandKind::Name(_)))
    {
        for r in &mut reserved[c.first..c.end] {
            *r = true;
        }
    }
    // So do time expressions: a date is not a name (issue 10). Tokens are in order: each
    // expression marks the run of tokens it overlaps, found by binary search (issue 9: a scan
    // of every expression per token was quadratic).
    for s in time_spans {
        let first = doc.tokens.partition_point(|t| t.span.end <= s.start);
        for (r, t) in reserved[first..].iter_mut().zip(&doc.tokens[first..]) {
            if t.span.start >= s.end {
                break;
            }
            count(Work::CandidateChecks, 1);
            *r = true;
        }
    }
    add_names(&mut st, &cands);
    add_ner(&mut st, &reserved, tagging);
    add_surnames(&mut st, &reserved);
    add_titles(&mut st, &cands);
    add_relationals(&mut st, &cands);
    finish(st)
}

#[cfg(test)]
mod tests {
    use super::{ANY_TYPE, NerType, ner, ner_stem};
    use crate::normalize::key;

    #[test]
    fn ner_stems_keep_the_article_and_unknown_names() {
        let stem = |w: &str| {
            let k = key(w);
            let (s, n) = ner_stem(&k, ANY_TYPE);
            (s.into_owned(), n)
        };
        assert_eq!(stem("والحلبوسي"), (key("الحلبوسي"), 1));
        assert_eq!(stem("للمحكمة"), (key("المحكمة"), 1));
        assert_eq!(stem("بارزاني"), (key("بارزاني"), 0));
        assert_eq!(stem("وليد"), (key("وليد"), 0));
        assert_eq!(stem("فالح"), (key("فالح"), 0));
        // Issue 10: a stem of the lists only of another type stays whole («ريمة» is a place).
        let typed = |w: &str, t| {
            let k = key(w);
            let (s, n) = ner_stem(&k, ner::tables::type_bit(t));
            (s.into_owned(), n)
        };
        assert_eq!(typed("كريمة", NerType::Pers), (key("كريمة"), 0));
        assert_eq!(typed("ومليلية", NerType::Loc), (key("مليلية"), 1));
    }
}

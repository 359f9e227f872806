//! Which names proposed by the statistical NER model the entities stage keeps.
//!
//! The model is tuned for recall over ANERcorp; a highlight must be precise. A span is kept
//! only when the model is confident in every token ([`MIN_MARGIN`], tuned on the dev split
//! with `cargo xtask eval-ner --margins`) and it does not look like ordinary Arabic text:
//! a verb (a future or purpose prefix before an imperfect verb, a dual or plural verb ending),
//! a noun with its adjective agreeing in the dual or plural, an accusative common word, a span
//! made only of common words (the clitic lexicon, `data/text/lexicon.tsv`) unless a title
//! precedes it, or a one-letter variant of a knowledge-base name (a typo of a known name is
//! not a new entity).

use crate::clitic::lexicon_count;
use crate::kb;
use crate::ner::features::trigger_class;
use crate::ner_type::NerType;

/// The smallest margin (model score units) every token of a kept span must have. On the
/// ANERcorp dev split (`cargo xtask eval-ner --shipped --margins`, issue 10 model) 20 trades
/// little F1 for precision: P 81.1 → 83.4, R 71.0 → 68.7.
pub(super) const MIN_MARGIN: f32 = 20.0;

/// How often a word must be attested in the lexicon to count as a common word.
const COMMON: u32 = 5;

/// Whether the lexicon knows `key` as a word (at least `min` times), names of the knowledge
/// base aside.
fn common(key: &str, min: u32) -> bool {
    !kb::is_known_name(key) && lexicon_count(key).is_some_and(|c| c >= min)
}

fn without_conj(key: &str) -> &str {
    match key.strip_prefix(['و', 'ف']) {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => key,
    }
}

/// A verb: «سيتعزز», «ستبحث» (future س before an imperfect prefix), «لتشاور»-like purpose or
/// preposition ل before a known word, «تريدان», «يريدون» (imperfect with a dual or plural
/// ending, its singular a known word).
pub(super) fn looks_like_verb(key: &str) -> bool {
    if kb::is_known_name(key) || lexicon_count(key).is_some() {
        return false;
    }
    let w = without_conj(key);
    for p in ["س", "ل"] {
        if let Some(rest) = w.strip_prefix(p)
            && rest.starts_with(['ي', 'ت', 'ن', 'ا'])
            && rest.chars().count() >= 3
        {
            let stem: String = rest.chars().skip(1).collect();
            if common(rest, 2) || common(&stem, 2) {
                return true;
            }
        }
    }
    if w.starts_with(['ي', 'ت', 'ن']) {
        for suffix in ["ان", "ون", "ين", "وا"] {
            if let Some(base) = w.strip_suffix(suffix)
                && base.chars().count() >= 3
                && common(base, 2)
            {
                return true;
            }
        }
    }
    false
}

/// The dual or plural ending of a word, if any.
fn number_suffix(key: &str) -> Option<&'static str> {
    ["ان", "ين", "ون", "ات"]
        .into_iter()
        .find(|s| key.ends_with(s) && key.chars().count() >= 5)
}

/// A common noun with an adjective agreeing in the dual or plural («شعبان فخوران», «قوتان
/// عظيمتان»): every
/// word has the same number ending and one of them is a known word without it.
pub(super) fn agreeing_plural(keys: &[&str]) -> bool {
    let Some(first) = keys.first().and_then(|k| number_suffix(k)) else {
        return false;
    };
    keys.len() >= 2
        && keys.iter().all(|k| number_suffix(k) == Some(first))
        && keys.iter().any(|k| {
            k.strip_suffix(first).is_some_and(|b| {
                // A feminine noun's ة is written ت before the ending: «قوتان» → «قوة».
                common(b, 2)
                    || b.strip_suffix('ت')
                        .is_some_and(|r| common(&format!("{r}ه"), 2))
            })
        })
}

/// A common word in the accusative («تشاوريا»: a known word with the indefinite accusative
/// alif), or a nisba adjective after an indefinite noun for an organisation («توتر تجاري»).
pub(super) fn accusative_or_adjective(keys: &[&str], ty: NerType) -> bool {
    if keys.len() == 1 && ty != NerType::Pers {
        let k = without_conj(keys[0]);
        if let Some(base) = k.strip_suffix('ا')
            && !kb::is_known_name(k)
            && base.chars().count() >= 3
            && (common(base, 2) || base.strip_suffix('ي').is_some_and(|b| common(b, 2)))
        {
            return true;
        }
    }
    ty == NerType::Org
        && keys.len() == 2
        && !keys[0].starts_with("ال")
        && keys[1].ends_with('ي')
        && !keys[1].starts_with("ال")
        && !kb::is_known_name(keys[0])
}

/// Every word a common word, and no title before the span.
pub(super) fn only_common_words(keys: &[&str], before: Option<&str>) -> bool {
    !keys.is_empty()
        && keys
            .iter()
            .all(|k| common(without_conj(k), COMMON) || common(k, COMMON))
        && before.and_then(trigger_class) != Some("title")
}

/// Edit distance at most 1 (one substitution, insertion or deletion).
fn within_one(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (s, l) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if l.len() - s.len() > 1 {
        return false;
    }
    let p = s.iter().zip(l.iter()).take_while(|(x, y)| x == y).count();
    if p == s.len() {
        true
    } else if s.len() == l.len() {
        s[p + 1..] == l[p + 1..]
    } else {
        s[p..] == l[p + 1..]
    }
}

/// A misspelling of a knowledge-base name («الولايات لمتحدة»): the span is not a known name
/// but differs from a known name beginning with one of its words by one letter.
pub(super) fn near_kb_name(keys: &[&str]) -> bool {
    let joined = keys.join(" ");
    if kb::is_known_name(&joined) {
        return false;
    }
    let kb = kb::get();
    keys.iter().any(|k| {
        kb.names_starting(k)
            .iter()
            .any(|n| n.words.join(" ") != joined && within_one(&n.words.join(" "), &joined))
    })
}

/// A known name (the knowledge-base matcher had its chance) or a common noun after a
/// preposition («للتشاور», «بالجزيرة»): not a new name of one word.
pub(super) fn known_or_prepositional(keys: &[&str]) -> bool {
    let [k] = keys else {
        return false;
    };
    if kb::is_known_name(k) || kb::is_known_name(without_conj(k)) {
        return true;
    }
    let w = without_conj(k);
    ["ل", "ب", "ك"].iter().any(|p| {
        w.strip_prefix(p).is_some_and(|rest| {
            let core = rest.strip_prefix("ل").map_or(rest, |r| r);
            let core = core.strip_prefix("ال").unwrap_or(core);
            !kb::is_known_name(rest) && core.chars().count() >= 3 && common(core, 2)
        })
    })
}

/// A word that may continue a person's name the model cut short («مقتدى» before «الصدر»,
/// «ته» after «لاي تشينغ»): an Arabic word the lexicon has not seen, no trigger, no
/// proclitic-looking article.
pub(super) fn unknown_name_part(key: &str) -> bool {
    let rare = |k: &str| !kb::is_known_name(k) && lexicon_count(k).is_none_or(|c| c < 2);
    key.chars().count() >= 2
        && key.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
        && rare(key)
        && trigger_class(key).is_none()
        && key
            .strip_prefix("ال")
            .is_none_or(|rest| rest.chars().count() >= 3 && rare(rest))
        && !key.starts_with('و')
        && !looks_like_verb(key)
}

/// A word that may stand before a surname the model found alone as the first name: an
/// unknown word not ending in ة (a verbal noun: «إقالة الحلبوسي»).
pub(super) fn first_name_before(key: &str) -> bool {
    unknown_name_part(key) && !key.ends_with('ه')
}

/// A word that may end a name the model cut short: a short unknown word («لاي تشينغ ته»), not
/// a particle with a pronoun suffix («مقتدى الصدر أنه»: «أن» + «ه», issue 10).
pub(super) fn name_end_after(key: &str) -> bool {
    unknown_name_part(key)
        && key.chars().count() <= 3
        && crate::clitic::best(key).enclitic.is_none()
}

/// Heads of geographic names that belong to the name («مضيق جبل طارق», «خليج عدن»), unlike
/// «مدينة» or «محافظة», which only introduce it.
const GEOGRAPHIC_HEADS: &[&str] = &[
    "مضيق",
    "خليج",
    "بحر",
    "نهر",
    "جبل",
    "جبال",
    "جزيره",
    "جزر",
    "صحراء",
    "قناه",
    "هضبه",
    "سهل",
    "وادي",
    "بحيره",
];

/// Whether the word before a location is the head of its name.
pub(super) fn geographic_head(key: &str) -> bool {
    GEOGRAPHIC_HEADS.contains(&key)
}

/// An organisation made only of short words («يو إيه»): a cut transliterated name, not an
/// organisation (Arabic organisation names have a head noun).
pub(super) fn short_words_org(keys: &[&str], ty: NerType) -> bool {
    ty == NerType::Org && keys.iter().all(|k| k.chars().count() <= 3)
}

/// Transliterated saint names («سان فرانسيسكو», «سانت بطرسبرغ», «ساو باولو») are cities.
pub(super) fn city_like(keys: &[&str]) -> bool {
    keys.len() >= 2 && ["سان", "سانت", "سانتا", "ساو"].contains(&keys[0])
}

/// Whether a span the model proposed (word keys, type, weakest margin, key of the word
/// before) is kept.
pub(super) fn keep(keys: &[&str], ty: NerType, margin: f32, before: Option<&str>) -> bool {
    let ordinary_text = (keys.len() == 1 && looks_like_verb(keys[0]))
        || known_or_prepositional(keys)
        || short_words_org(keys, ty)
        || agreeing_plural(keys)
        || accusative_or_adjective(keys, ty)
        || only_common_words(keys, before)
        || near_kb_name(keys);
    margin >= MIN_MARGIN && !ordinary_text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::key;

    fn keys(s: &str) -> Vec<String> {
        s.split(' ').map(key).collect()
    }

    #[test]
    fn edit_distance_one() {
        assert!(within_one("abc", "abd"));
        assert!(within_one("abc", "ac"));
        assert!(within_one("abc", "abcd"));
        assert!(!within_one("abc", "xyz"));
        assert!(within_one("abc", "abc"));
    }

    #[test]
    fn typos_of_known_names_are_not_new_names() {
        let k = keys("الولايات لمتحدة");
        let k: Vec<&str> = k.iter().map(String::as_str).collect();
        assert!(near_kb_name(&k));
        let k = keys("الولايات المتحدة");
        let k: Vec<&str> = k.iter().map(String::as_str).collect();
        assert!(!near_kb_name(&k));
    }

    #[test]
    fn agreeing_duals_are_common_nouns() {
        let k = keys("شعبان فخوران");
        let k: Vec<&str> = k.iter().map(String::as_str).collect();
        assert!(agreeing_plural(&k));
        let k = keys("قوتان عظيمتان");
        let k: Vec<&str> = k.iter().map(String::as_str).collect();
        assert!(agreeing_plural(&k));
    }

    #[test]
    fn verbs_and_common_words_are_not_names() {
        for w in ["سيتعزز", "تريدان"] {
            assert!(looks_like_verb(&key(w)), "{w}");
        }
        assert!(known_or_prepositional(&[key("للتشاور").as_str()]));
        assert!(accusative_or_adjective(
            &[key("تشاوريا").as_str()],
            NerType::Loc
        ));
        let k = keys("بيان مشترك");
        let k: Vec<&str> = k.iter().map(String::as_str).collect();
        assert!(only_common_words(&k, Some(&key("وقال"))));
    }

    #[test]
    fn unknown_names_are_kept() {
        for name in [
            "مسرور بارزاني",
            "ألينا رومانوسكي",
            "ليني كينزلي",
            "جبهة البوليساريو",
        ] {
            let k = keys(name);
            let k: Vec<&str> = k.iter().map(String::as_str).collect();
            assert!(keep(&k, NerType::Pers, 2.0 * MIN_MARGIN, None), "{name}");
        }
        assert!(!keep(&[key("بارزاني").as_str()], NerType::Pers, 1.0, None));
        assert!(first_name_before(&key("مقتدى")));
        assert!(!first_name_before(&key("إقالة")));
    }
}

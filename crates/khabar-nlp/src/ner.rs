//! The statistical named-entity tagger (ANERcorp tag set: PERS, LOC, ORG, MISC with B-/I-).
//!
//! (Stub: the entities issue (#4) trains the model and fills this in.)

/// An entity type of the ANERcorp tag set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NerType {
    /// A person.
    Pers,
    /// A location (countries and cities too).
    Loc,
    /// An organisation.
    Org,
    /// Nationalities, events, treaties, …
    Misc,
}

/// A BIO tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Outside any entity.
    O,
    /// First token of an entity.
    B(NerType),
    /// A following token of an entity.
    I(NerType),
}

/// Tags a sentence of words.
pub fn tag(words: &[&str]) -> Vec<Tag> {
    vec![Tag::O; words.len()]
}

/// The ANERcorp spelling of a tag (`O`, `B-PERS`, `I-LOC`, …).
pub fn tag_name(tag: Tag) -> String {
    let name = |t: NerType| match t {
        NerType::Pers => "PERS",
        NerType::Loc => "LOC",
        NerType::Org => "ORG",
        NerType::Misc => "MISC",
    };
    match tag {
        Tag::O => "O".to_owned(),
        Tag::B(t) => format!("B-{}", name(t)),
        Tag::I(t) => format!("I-{}", name(t)),
    }
}

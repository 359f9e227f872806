//! The entity types of the ANERcorp tag set, shared by the knowledge base and the tagger (a leaf:
//! it imports nothing from the crate).

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

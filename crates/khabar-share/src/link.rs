//! The share-link codec: a [`SharedView`] to a URL fragment and back (issue 13).
//!
//! Format version 1 (documented in ARCHITECTURE.md, "Share links"): `&`-separated `key=value`
//! pairs, `v=1` first and the article last, so that a link cut short loses the article's bytes
//! (and fails its checksum) rather than silently dropping a setting:
//!
//! ```text
//! v=1&d=2023-03-15&lang=en&view=reader&g=people&q=%D8%A8&entity=e1&mention=2&a=cairo-water-talks
//! v=1&d=2023-03-15&event=v3&t=eNq…   (t: zlib-deflated UTF-8 text, URL-safe base64 without padding)
//! ```
//!
//! A fragment without `v` is a version-0 link, what the app wrote before: `entity=e1&mention=2`
//! or `event=v1`, the selection on the page's own article. Those keep working.
//!
//! Decoding is bounded: fragments longer than [`MAX_FRAGMENT_CHARS`] are refused before they
//! are looked at, and inflating stops at [`MAX_TEXT_BYTES`] of output (a deflate bomb ends
//! there with [`LinkErrorKind::TooLarge`]). Nothing in a link is evaluated: every value is
//! checked against a small alphabet or decoded as plain text.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use std::fmt;

/// The link format version that [`encode`] writes.
pub const VERSION: u32 = 1;

/// The longest fragment [`decode`] reads (characters after `#`); longer ones fail with
/// [`LinkErrorKind::TooLong`] before any decoding. Twice [`MAX_LINK_CHARS`], so every link the
/// app offers decodes, with room for a longer page address.
pub const MAX_FRAGMENT_CHARS: usize = 65_536;

/// The most bytes of text an article in a link may inflate to (1 MiB).
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// The longest whole link (address and fragment) the app offers to share; past it, the app
/// offers the `.khabar.json` file instead. 32,000 characters fit a Slack message (40,000), a
/// WhatsApp message (65,536), an e-mail and every current browser's address bar (Chromium
/// 2 MB, Firefox 1 MB, Safari ~80,000); a limit near the old 2,083 of Internet Explorer would
/// refuse most articles, and only servers care about 8 KB request lines, which a fragment never
/// reaches. Telegram (4,096) and Discord (2,000) cut messages shorter than that: a long article
/// is better sent there as the file.
pub const MAX_LINK_CHARS: usize = 32_000;

/// The longest slug, entity or event id, filter group, view or language name read from a link.
const MAX_NAME_CHARS: usize = 64;
/// The longest sidebar search read from a link (characters, once decoded).
const MAX_SEARCH_CHARS: usize = 200;
/// zlib compression level (0–10 in miniz_oxide; 9 is zlib's best).
const LEVEL: u8 = 9;

/// What a link shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SharedView {
    /// Which article.
    pub article: Article,
    /// The publication date `YYYY-MM-DD`, if the link gives one.
    pub date: Option<String>,
    /// What is selected.
    pub selection: Selection,
    /// The sidebar's group filter (`people`, `countries`, …), if any.
    pub group: Option<String>,
    /// The sidebar's search text (empty: none).
    pub search: String,
    /// The view (`reader`, `new-article`), if the link gives one.
    pub view: Option<String>,
    /// The interface language (`ar`, `en`), if the link gives one.
    pub lang: Option<String>,
}

/// Which article a link shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Article {
    /// The article of the page the link points at (every version-0 link).
    #[default]
    Current,
    /// A hosted article, by its slug (`articles/<slug>.txt`, served at `a/<slug>/`).
    Slug(String),
    /// A reader's own article: its whole text.
    Text(String),
}

/// What a link selects.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Selection {
    /// Nothing.
    #[default]
    None,
    /// An entity, at one of its mentions (an index into its mentions).
    Entity {
        /// The entity id (`e1`).
        id: String,
        /// Index of the current mention.
        mention: usize,
    },
    /// An event of the timeline.
    Event {
        /// The event id (`v1`).
        id: String,
    },
}

/// Why a link could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkError {
    kind: LinkErrorKind,
}

/// The kinds of [`LinkError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LinkErrorKind {
    /// The fragment is longer than [`MAX_FRAGMENT_CHARS`].
    TooLong,
    /// The link was written by a format version this code does not know.
    UnknownVersion,
    /// The fragment is not made of the expected `key=value` pairs, or a value is not allowed.
    Malformed,
    /// The article's text is not valid base64, deflate or UTF-8: the link was damaged.
    Corrupt,
    /// The article's text ends early or fails its checksum: the link was cut short.
    Truncated,
    /// The article's text inflates past [`MAX_TEXT_BYTES`].
    TooLarge,
}

impl LinkError {
    fn new(kind: LinkErrorKind) -> LinkError {
        LinkError { kind }
    }

    /// What went wrong.
    pub fn kind(&self) -> LinkErrorKind {
        self.kind
    }
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.kind {
            LinkErrorKind::TooLong => "the link is too long",
            LinkErrorKind::UnknownVersion => "the link was made by a newer version of khabar",
            LinkErrorKind::Malformed => "the link is not a khabar link",
            LinkErrorKind::Corrupt => "the link's article is damaged",
            LinkErrorKind::Truncated => "the link was cut short",
            LinkErrorKind::TooLarge => "the link's article is too large",
        })
    }
}

impl std::error::Error for LinkError {}

/// The fragment (without `#`) of a link to `view`: [`encode_packed`] with the article's text,
/// if any, packed by [`pack_text`].
pub fn encode(view: &SharedView) -> String {
    match &view.article {
        Article::Text(text) => encode_packed(view, Some(&pack_text(text))),
        Article::Current | Article::Slug(_) => encode_packed(view, None),
    }
}

/// The fragment of a link to `view` whose article's text is already packed (`packed`, from
/// [`pack_text`]; it replaces the article of `view`). This half of the encoder links no
/// compressor, so the page can call it and leave packing to the worker.
pub fn encode_packed(view: &SharedView, packed: Option<&str>) -> String {
    let mut out = format!("v={VERSION}");
    let mut pair = |key: &str, value: &str| {
        out.push('&');
        out.push_str(key);
        out.push('=');
        out.push_str(value);
    };
    if let Some(date) = &view.date {
        pair("d", date);
    }
    if let Some(lang) = &view.lang {
        pair("lang", lang);
    }
    if let Some(v) = &view.view {
        pair("view", v);
    }
    if let Some(group) = &view.group {
        pair("g", group);
    }
    if !view.search.is_empty() {
        pair("q", &percent_encode(&view.search));
    }
    match &view.selection {
        Selection::None => {}
        Selection::Entity { id, mention } => {
            pair("entity", id);
            pair("mention", &mention.to_string());
        }
        Selection::Event { id } => pair("event", id),
    }
    match (packed, &view.article) {
        (Some(packed), _) => pair("t", packed),
        (None, Article::Slug(slug)) => pair("a", slug),
        (None, Article::Text(_) | Article::Current) => {}
    }
    out
}

/// Reads a link's fragment (with or without `#`), inflating a carried article's text.
pub fn decode(fragment: &str) -> Result<SharedView, LinkError> {
    let (mut view, packed) = split(fragment)?;
    if let Some(packed) = packed {
        view.article = Article::Text(unpack_text(packed)?);
    }
    Ok(view)
}

/// Reads a link's fragment without inflating: the view, with [`Article::Current`] in place of a
/// carried article, and the packed text (for [`unpack_text`]) if the link carries one. Like
/// [`encode_packed`], this half links no decompressor.
pub fn split(fragment: &str) -> Result<(SharedView, Option<&str>), LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_FRAGMENT_CHARS {
        return Err(LinkError::new(LinkErrorKind::TooLong));
    }
    let mut pairs = Vec::new();
    for pair in fragment.split('&').filter(|p| !p.is_empty()) {
        pairs.push(pair.split_once('=').unwrap_or((pair, "")));
    }
    let Some((_, version)) = pairs.iter().find(|(key, _)| *key == "v") else {
        return Ok((legacy(&pairs), None));
    };
    match version.parse::<u32>() {
        Ok(VERSION) => version_1(&pairs),
        Ok(_) => Err(LinkError::new(LinkErrorKind::UnknownVersion)),
        Err(_) => Err(LinkError::new(LinkErrorKind::Malformed)),
    }
}

/// Whether `fragment` is a versioned link (it has a `v` key) rather than a version-0
/// selection fragment or nothing.
pub fn is_versioned(fragment: &str) -> bool {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment
        .split('&')
        .any(|pair| pair == "v" || pair.starts_with("v="))
}

/// An article's text as a link carries it: zlib (deflate with an Adler-32 checksum), then
/// URL-safe base64 without padding.
pub fn pack_text(text: &str) -> String {
    let compressed = miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), LEVEL);
    URL_SAFE_NO_PAD.encode(compressed)
}

/// The text that [`pack_text`] packed, inflating at most [`MAX_TEXT_BYTES`].
pub fn unpack_text(packed: &str) -> Result<String, LinkError> {
    use miniz_oxide::inflate::TINFLStatus;
    if packed.len() > MAX_FRAGMENT_CHARS {
        return Err(LinkError::new(LinkErrorKind::TooLong));
    }
    let compressed = URL_SAFE_NO_PAD.decode(packed).map_err(|e| {
        LinkError::new(match e {
            // A length that no base64 text has, or stray bits at its end: it was cut short.
            base64::DecodeError::InvalidLength(_) | base64::DecodeError::InvalidLastSymbol(..) => {
                LinkErrorKind::Truncated
            }
            _ => LinkErrorKind::Corrupt,
        })
    })?;
    let bytes =
        miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&compressed, MAX_TEXT_BYTES)
            .map_err(|e| {
                LinkError::new(match e.status {
                    TINFLStatus::HasMoreOutput => LinkErrorKind::TooLarge,
                    TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                        LinkErrorKind::Truncated
                    }
                    TINFLStatus::Adler32Mismatch if compressed.len() < 6 => {
                        LinkErrorKind::Truncated
                    }
                    _ => LinkErrorKind::Corrupt,
                })
            })?;
    String::from_utf8(bytes).map_err(|_| LinkError::new(LinkErrorKind::Corrupt))
}

/// A version-0 fragment: only a selection, as `Selection::from_fragment` in the app always read
/// it (invalid ids select nothing, an unreadable mention is the first).
fn legacy(pairs: &[(&str, &str)]) -> SharedView {
    let mut entity = None;
    let mut mention = 0;
    let mut event = None;
    for &(key, value) in pairs {
        match key {
            "entity" if is_id(value) => entity = Some(value.to_owned()),
            "mention" => mention = value.parse().unwrap_or(0),
            "event" if is_id(value) => event = Some(value.to_owned()),
            _ => {}
        }
    }
    SharedView {
        selection: selection(entity, mention, event),
        ..SharedView::default()
    }
}

/// A version-1 fragment (every key but `v` at most once; unknown keys are ignored, so that a
/// later 1.x writer may add optional ones).
fn version_1<'a>(pairs: &[(&str, &'a str)]) -> Result<(SharedView, Option<&'a str>), LinkError> {
    let malformed = || LinkError::new(LinkErrorKind::Malformed);
    let mut view = SharedView::default();
    let mut seen: Vec<&str> = Vec::new();
    let (mut entity, mut mention, mut event, mut packed) = (None, 0, None, None);
    for &(key, value) in pairs {
        if seen.contains(&key) {
            return Err(malformed());
        }
        seen.push(key);
        let name = || {
            is_name(value)
                .then(|| value.to_owned())
                .ok_or_else(malformed)
        };
        match key {
            "v" => {}
            "a" => view.article = Article::Slug(name()?),
            "t" if !value.is_empty() => packed = Some(value),
            "t" => return Err(LinkError::new(LinkErrorKind::Truncated)),
            "d" if is_date(value) => view.date = Some(value.to_owned()),
            "d" => return Err(malformed()),
            "lang" => view.lang = Some(name()?),
            "view" => view.view = Some(name()?),
            "g" => view.group = Some(name()?),
            "q" => view.search = percent_decode(value).ok_or_else(malformed)?,
            "entity" if is_id(value) => entity = Some(value.to_owned()),
            "event" if is_id(value) => event = Some(value.to_owned()),
            "entity" | "event" => return Err(malformed()),
            "mention" => mention = value.parse().map_err(|_| malformed())?,
            _ => {}
        }
    }
    match (&view.article, packed) {
        (Article::Slug(_), Some(_)) | (Article::Current, None) => return Err(malformed()),
        _ => {}
    }
    view.selection = selection(entity, mention, event);
    Ok((view, packed))
}

fn selection(entity: Option<String>, mention: usize, event: Option<String>) -> Selection {
    match (entity, event) {
        (Some(id), _) => Selection::Entity { id, mention },
        (None, Some(id)) => Selection::Event { id },
        (None, None) => Selection::None,
    }
}

/// An entity or event id: ASCII letters and digits.
fn is_id(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= MAX_NAME_CHARS
        && value.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// A slug, group, view or language: lowercase ASCII letters, digits and `-`.
fn is_name(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= MAX_NAME_CHARS
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `YYYY-MM-DD` with a month 1–12 and a day 1–31 (the app checks the calendar).
fn is_date(value: &str) -> bool {
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) {
        return false;
    }
    if !digits(5..7) || !digits(8..10) {
        return false;
    }
    let number = |i: usize| (b[i] - b'0') * 10 + (b[i + 1] - b'0');
    (1..=12).contains(&number(5)) && (1..=31).contains(&number(8))
}

/// Percent-encodes every byte but the unreserved characters of RFC 3986.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b & 15)]));
        }
    }
    out
}

/// Reverses [`percent_encode`] (any percent-encoded UTF-8 reads), within [`MAX_SEARCH_CHARS`].
fn percent_decode(value: &str) -> Option<String> {
    let hex = |b: u8| char::from(b).to_digit(16);
    let mut bytes = Vec::with_capacity(value.len());
    let mut it = value.bytes();
    while let Some(b) = it.next() {
        if b == b'%' {
            let high = hex(it.next()?)?;
            let low = hex(it.next()?)?;
            bytes.push(u8::try_from(high * 16 + low).ok()?);
        } else {
            bytes.push(b);
        }
    }
    let text = String::from_utf8(bytes).ok()?;
    (text.chars().count() <= MAX_SEARCH_CHARS).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_view() -> SharedView {
        SharedView {
            article: Article::Text("قال الرئيس إن القمة ستعقد الشهر المقبل.\nفقرة ثانية.".into()),
            date: Some("2023-03-15".into()),
            selection: Selection::Event { id: "v3".into() },
            group: Some("people".into()),
            search: "ماكرون & co".into(),
            view: Some("reader".into()),
            lang: Some("en".into()),
        }
    }

    #[test]
    fn a_text_view_round_trips() {
        let view = text_view();
        let fragment = encode(&view);
        assert!(fragment.starts_with("v=1&"), "{fragment}");
        assert_eq!(decode(&fragment), Ok(view.clone()));
        assert_eq!(decode(&format!("#{fragment}")), Ok(view));
    }

    #[test]
    fn a_slug_view_round_trips_and_puts_the_article_last() {
        let view = SharedView {
            article: Article::Slug("cairo-water-talks".into()),
            selection: Selection::Entity {
                id: "e1".into(),
                mention: 2,
            },
            ..SharedView::default()
        };
        let fragment = encode(&view);
        assert_eq!(fragment, "v=1&entity=e1&mention=2&a=cairo-water-talks");
        assert_eq!(decode(&fragment), Ok(view));
    }

    #[test]
    fn version_0_fragments_still_read() {
        // issue 13: links written before the versioned format keep working.
        let entity = decode("#entity=e1&mention=2").unwrap();
        assert_eq!(entity.article, Article::Current);
        assert_eq!(
            entity.selection,
            Selection::Entity {
                id: "e1".into(),
                mention: 2
            }
        );
        assert_eq!(
            decode("event=v4").unwrap().selection,
            Selection::Event { id: "v4".into() }
        );
        assert_eq!(decode("").unwrap(), SharedView::default());
        assert_eq!(decode("entity=<script>").unwrap(), SharedView::default());
        assert_eq!(
            decode("entity=e1&mention=x").unwrap().selection,
            Selection::Entity {
                id: "e1".into(),
                mention: 0
            }
        );
    }

    fn kind(fragment: &str) -> LinkErrorKind {
        decode(fragment).unwrap_err().kind()
    }

    #[test]
    fn bad_links_fail_with_their_kind() {
        let good = encode(&text_view());
        let cut = &good[..good.len() - 10];
        assert_eq!(kind(cut), LinkErrorKind::Truncated);
        let corrupt = good.replace("&t=", "&t=~~");
        assert_eq!(kind(&corrupt), LinkErrorKind::Corrupt);
        assert_eq!(kind("v=2&a=x"), LinkErrorKind::UnknownVersion);
        assert_eq!(kind("v=one&a=x"), LinkErrorKind::Malformed);
        assert_eq!(kind("v=1"), LinkErrorKind::Malformed);
        assert_eq!(kind("v=1&a=x&a=y"), LinkErrorKind::Malformed);
        assert_eq!(kind("v=1&a=Bad/Slug"), LinkErrorKind::Malformed);
        assert_eq!(kind("v=1&d=2021-13-01&a=x"), LinkErrorKind::Malformed);
        assert_eq!(kind("v=1&entity=e1()&a=x"), LinkErrorKind::Malformed);
        assert_eq!(kind("v=1&q=%zz&a=x"), LinkErrorKind::Malformed);
        assert_eq!(kind("v=1&t="), LinkErrorKind::Truncated);
        let long = format!("v=1&a={}", "a".repeat(MAX_FRAGMENT_CHARS));
        assert_eq!(kind(&long), LinkErrorKind::TooLong);
    }

    #[test]
    fn a_deflate_bomb_stops_at_the_limit() {
        // 8 MiB of one letter deflates to a few KB; inflating must stop at MAX_TEXT_BYTES.
        let bomb = "ا".repeat(4 << 20);
        let packed = pack_text(&bomb);
        assert!(packed.len() < MAX_FRAGMENT_CHARS, "{}", packed.len());
        assert_eq!(
            kind(&format!("v=1&t={packed}")),
            LinkErrorKind::TooLarge,
            "a bomb must stop at the limit"
        );
    }

    #[test]
    fn packed_text_that_is_not_utf8_is_corrupt() {
        let compressed = miniz_oxide::deflate::compress_to_vec_zlib(&[0xff, 0xfe, 0x41], 6);
        let packed = URL_SAFE_NO_PAD.encode(compressed);
        assert_eq!(
            unpack_text(&packed).unwrap_err().kind(),
            LinkErrorKind::Corrupt
        );
    }

    #[test]
    fn is_versioned_tells_links_from_selections() {
        assert!(is_versioned("#v=1&a=x"));
        assert!(is_versioned("d=2021-01-01&v=9"));
        assert!(!is_versioned("#entity=e1&mention=2"));
        assert!(!is_versioned(""));
    }

    #[test]
    fn dates_are_checked_for_shape() {
        assert!(is_date("2023-03-15"));
        for bad in [
            "2021-4-16",
            "2021-00-10",
            "2021-04-32",
            "２０２１-04-16",
            "20210416xx",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
    }
}

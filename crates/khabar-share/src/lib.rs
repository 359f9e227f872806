//! Share links and files for khabar (issue 13): what a link or a downloaded file carries, as
//! pure functions over strings and bytes, with no web dependency.
//!
//! - [`link`] — the versioned URL-fragment codec. A link names a hosted article by its slug or
//!   carries a reader's own article as zlib-compressed, URL-safe base64 text, plus the
//!   publication date, the selection, the sidebar filters, the view and the interface language.
//!   Everything sits in the fragment, which browsers never send to a server.
//! - [`bundle`] — the `.khabar.json` file (text, date, analysis) that the app downloads and
//!   opens again.
//! - [`export`] — the downloads: the analysis as the CLI prints it (JSON, TimeML, brat), the
//!   timeline as CSV and as an iCalendar file of its dated events.
//!
//! A key design decision: decoding is the edge where hostile input arrives (a link anyone can
//! write, a file anyone can send), so every reader here has a hard limit on its input *and* on
//! what it expands to, returns a typed error instead of panicking, and evaluates nothing. The
//! heavy half of the link codec (deflate, inflate) is split from the light half
//! ([`link::encode_packed`], [`link::split`]) so that the page's wasm can read and write links
//! for hosted articles without linking the compressor: the analysis worker packs and unpacks
//! text ([`link::pack_text`], [`link::unpack_text`]).

pub mod bundle;
pub mod export;
pub mod link;

//! One browser hook per file: they turn browser events into [`crate::state::Action`]s and apply
//! the state to the page (URL fragment, localStorage, `<html>` attributes, scrolling).

pub mod use_analysis_worker;
pub mod use_document_attrs;
pub mod use_draft_storage;
pub mod use_file_loader;
pub mod use_fragment_sync;
pub mod use_keyboard_shortcuts;
pub mod use_scroll_to_selection;
pub mod use_scroll_top_on_view;
pub mod use_share;

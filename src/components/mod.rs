//! One component per file.

pub mod article_view;

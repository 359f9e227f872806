//! End-to-end tests: the built `dist/` in headless Chromium through WebDriver.
//!
//! Run with `cargo xtask test e2e` (after a build), or
//! `KHABAR_DIST=dist cargo test -p khabar --features e2e --test e2e`.
//! Harness: `server` (static files), `browser` (chromedriver + Chromium), `pages` (page objects).
//! Tests: one module per feature (`foundation`, …), written against `pages::ExplorerPage`.

#![cfg(not(target_arch = "wasm32"))]

mod browser;
// The page object offers more actions than today's tests use; they are its API for new tests.
#[allow(dead_code)]
mod pages;
mod server;

mod foundation;

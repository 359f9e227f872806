//! Installs the tools the build needs (wasm target, Trunk, wasm-bindgen CLI, wasm-opt, Chromium).

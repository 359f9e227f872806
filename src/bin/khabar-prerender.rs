//! Renders the article pages at build time (feature `prerender`): Trunk runs it as a post-build
//! hook (`Trunk.toml`), so `trunk build`, `trunk serve`, `cargo xtask dist` and the test build all
//! ship pages whose HTML already shows the analysed article.
//!
//! `khabar-prerender [SITE_DIR] [ARTICLES_DIR]`: SITE_DIR defaults to `$TRUNK_STAGING_DIR`, then
//! `dist`; ARTICLES_DIR to `articles`.

fn main() {
    let mut args = std::env::args().skip(1);
    let site = args
        .next()
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .unwrap_or_else(|| "dist".to_owned());
    let articles = args.next().unwrap_or_else(|| "articles".to_owned());
    let runtime = match tokio::runtime::Builder::new_current_thread().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("khabar-prerender: cannot start a runtime: {e}");
            std::process::exit(1);
        }
    };
    let written = runtime.block_on(khabar::prerender::write_site(
        std::path::Path::new(&site),
        std::path::Path::new(&articles),
    ));
    match written {
        Ok(paths) => println!("[prerender] {} pages written in {site}", paths.len()),
        Err(e) => {
            eprintln!("khabar-prerender: {e}");
            std::process::exit(1);
        }
    }
}

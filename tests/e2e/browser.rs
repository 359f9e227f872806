//! Chromium through Debian's chromedriver: the driver process, its browser session, and cleanup.
//!
//! Each [`Browser`] starts its own chromedriver on a free port, waits for its "started" line (no
//! sleeping), opens a headless Chromium session with a fresh profile directory, and on drop ends
//! the session, the driver, any Chromium process of that profile, and the profile directory.

use fantoccini::{Client, ClientBuilder};
use serde_json::json;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// Errors of the e2e harness.
pub type Error = Box<dyn std::error::Error + Send + Sync>;
/// Results of the e2e harness.
pub type Result<T> = std::result::Result<T, Error>;

/// How long the driver may take to start.
const DRIVER_START: Duration = Duration::from_secs(30);

/// How to start the browser.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// JavaScript turned off for every site.
    pub no_javascript: bool,
    /// Navigation returns at once instead of waiting for the page's load event.
    pub no_load_wait: bool,
}

/// A chromedriver process with one Chromium session.
#[derive(Debug)]
pub struct Browser {
    client: Option<Client>,
    driver: Child,
    profile: PathBuf,
}

impl Browser {
    /// Starts chromedriver (`$CHROMEDRIVER`, default `/usr/bin/chromedriver`) and a headless
    /// Chromium (`$CHROMIUM`, default `/usr/bin/chromium`) with a `width`×`height` window.
    pub async fn start(width: u32, height: u32) -> Result<Self> {
        Self::start_with(width, height, Options::default()).await
    }

    /// Like [`Browser::start`], with JavaScript or page-load waiting turned off (issue 12).
    pub async fn start_with(width: u32, height: u32, options: Options) -> Result<Self> {
        let driver_bin = env_path("CHROMEDRIVER", "/usr/bin/chromedriver");
        let chromium = env_path("CHROMIUM", "/usr/bin/chromium");
        let port = free_port()?;
        let mut driver = Command::new(&driver_bin)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("starting {}: {e}", driver_bin.display()))?;
        wait_for_started(&mut driver)?;

        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let profile = std::env::temp_dir().join(format!(
            "khabar-e2e-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&profile)?;
        let mut browser = Self {
            client: None,
            driver,
            profile,
        };
        let args = chromium_args(&browser.profile, width, height);
        let mut chrome = json!({ "binary": chromium, "args": args });
        if options.no_javascript {
            chrome["prefs"] = json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        let mut capabilities = json!({ "goog:chromeOptions": chrome });
        if options.no_load_wait {
            capabilities["pageLoadStrategy"] = json!("none");
        }
        let serde_json::Value::Object(capabilities) = capabilities else {
            unreachable!("a JSON object literal")
        };
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await?;
        browser.client = Some(client);
        Ok(browser)
    }

    /// The WebDriver client.
    pub fn client(&self) -> &Client {
        self.client
            .as_ref()
            .expect("the session is open until close()")
    }

    /// Ends the session (Chromium quits); the driver stops on drop.
    pub async fn close(mut self) -> Result<()> {
        if let Some(client) = self.client.take() {
            client.close().await?;
        }
        Ok(())
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        // A panicking test never reached close(): end the Chromium processes of this profile
        // (and only those), found by their unique --user-data-dir.
        kill_processes_mentioning(&self.profile);
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// The flags Chromium needs as root on a machine without outside network.
fn chromium_args(profile: &Path, width: u32, height: u32) -> Vec<String> {
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .chain([
        format!("--user-data-dir={}", profile.display()),
        format!("--window-size={width},{height}"),
    ])
    .collect()
}

fn env_path(var: &str, default: &str) -> PathBuf {
    std::env::var_os(var)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(default))
}

fn free_port() -> Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?.port())
}

/// Reads the driver's stdout until it says it started (then keeps draining it in a thread).
fn wait_for_started(driver: &mut Child) -> Result<()> {
    let stdout = driver.stdout.take().ok_or("chromedriver stdout")?;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if line.contains("started successfully") {
                let _ = tx.send(());
            }
        }
    });
    rx.recv_timeout(DRIVER_START)
        .map_err(|_| format!("chromedriver did not start within {DRIVER_START:?}").into())
}

fn kill_processes_mentioning(needle: &Path) {
    let needle = needle.to_string_lossy().into_owned();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
        else {
            continue;
        };
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        if String::from_utf8_lossy(&cmdline).contains(&needle) {
            let _ = Command::new("kill").args(["-9", pid]).status();
        }
    }
}

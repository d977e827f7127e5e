//! Browser tests: the site in real headless Chromium, driven over WebDriver (`chromedriver`)
//! with `fantoccini`, for what only a browser shows: following links and the search form,
//! keyboard focus through the skip link, a screenshot of a meeting page, an accessibility
//! audit with axe-core that allows no serious or critical violation, and a report whose text
//! is HTML and script, shown as text with nothing run.
//!
//! The server runs in process on 127.0.0.1 over a temporary archive: the example archive, the
//! seed report and one hostile report, read with the real reader. Each test starts its own
//! `chromedriver` (on a port it picks and prints) and its own Chromium with a fresh profile,
//! and stops both when it ends, pass or fail.
//!
//! Chromium (`/usr/bin/chromium`), `chromedriver` and axe-core (`npm ci` in
//! `crates/web/tests/browser`) are required: a missing one fails the test with what to
//! install, never skips it. `.ci/run` installs all three.

mod common;

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

const CHROMIUM: &str = "/usr/bin/chromium";

/// Headless, with nothing fetched from elsewhere. `--disable-dev-shm-usage` because a CI
/// container's `/dev/shm` is often 64 MiB, too small for several Chromiums at once.
const CHROMIUM_FLAGS: [&str; 10] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,1024",
];

/// What to do when a tool is missing, said once for every failure message.
const INSTALL: &str = "the browser tests need Debian's chromium and chromium-driver \
     (apt-get install -y chromium chromium-driver) and axe-core (npm ci in \
     crates/web/tests/browser); .ci/run installs them";

/// A report written to attack the pages: markup and script in the agenda, in an
/// intervention and in the participants' affiliations.
const HOSTILE: &str = "\
Working Group on Hostile Text (WG-Hostile)
Online Meeting
9 March 2026 at 10:00 UTC

Summary Report

The 7th meeting of the Working Group on Hostile Text (WG-Hostile) was held on 9 March 2026. The meeting was moderated by Mallory.

Agenda

1. Escaping <b>markup</b>

Discussion

1. Escaping <b>markup</b>

Mallory noted that <script>window.pwned=1</script> must show as text. Mallory also noted that <img src=x onerror=\"window.pwned=2\"> is only an image tag in words.

List of participants

1. Mallory Example, Group's Co-Chair, Example <script>window.pwned=3</script> Institute
2. Trent Example, Secretariat, Example <img src=x onerror=\"window.pwned=4\"> Foundation
";

/// The archive every test reads, built once.
fn archive() -> &'static Path {
    static ARCHIVE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = ARCHIVE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = common::build_archive(dir.path(), HOSTILE);
        (dir, path)
    });
    path
}

fn site() -> SocketAddr {
    static SITE: OnceLock<SocketAddr> = OnceLock::new();
    *SITE.get_or_init(|| {
        let path = archive().to_owned();
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("a runtime for the server");
            runtime.block_on(async {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                    .await
                    .expect("a free port on 127.0.0.1");
                sender
                    .send(listener.local_addr().expect("a bound address"))
                    .expect("the test is waiting");
                web::serve(listener, web::Site::new(path))
                    .await
                    .expect("the server runs");
            });
        });
        receiver.recv().expect("the server started")
    })
}

/// A `chromedriver` process and everything it starts, in a process group of their own, so
/// that dropping it stops Chromium too when a test fails before closing its session.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Driver {
        let mut child = Command::new("chromedriver")
            .arg("--port=0")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start chromedriver ({e}): {INSTALL}"));
        let stdout = child.stdout.take().expect("a piped standard output");
        let mut lines = BufReader::new(stdout).lines();
        // chromedriver picks the free port itself and says which, so no port is guessed and
        // no one waits for it: the line arrives when it listens.
        let mut said = Vec::new();
        let port = loop {
            let Some(Ok(line)) = lines.next() else {
                let _ = child.kill();
                let _ = child.wait();
                panic!("chromedriver stopped before listening; it said: {said:?}");
            };
            if let Some(rest) = line.split("started successfully on port ").nth(1) {
                break rest.trim_end_matches('.').parse().expect("a port number");
            }
            said.push(line);
        };
        // What chromedriver writes later is read and dropped, so a full pipe never blocks it.
        std::thread::spawn(move || lines.for_each(drop));
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One headless Chromium, with a fresh profile, looking at the site.
struct Browser {
    client: Client,
    base: String,
    _driver: Driver,
    _profile: tempfile::TempDir,
}

impl Browser {
    async fn open() -> Browser {
        assert!(
            Path::new(CHROMIUM).exists(),
            "Chromium is missing: there is no {CHROMIUM}; {INSTALL}"
        );
        let base = format!("http://{}", site());
        let driver = Driver::start();
        let profile = tempfile::tempdir().expect("a folder for the browser profile");
        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|&f| f.to_owned()).collect();
        args.push(format!("--user-data-dir={}", profile.path().display()));
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": CHROMIUM, "args": args },
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!("a JSON object literal")
        };
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
            .unwrap_or_else(|e| panic!("chromedriver cannot start Chromium ({e}): {INSTALL}"));
        Browser {
            client,
            base,
            _driver: driver,
            _profile: profile,
        }
    }

    async fn goto(&self, path: &str) {
        self.goto_url(&format!("{}{path}", self.base)).await;
    }

    async fn goto_url(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
    }

    async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("the current URL");
        match url.fragment() {
            Some(fragment) => format!("{}#{fragment}", url.path()),
            None => url.path().to_owned(),
        }
    }

    async fn text(&self, css: &str) -> String {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element matches {css}: {e}"))
            .text()
            .await
            .expect("the element's text")
    }

    async fn click(&self, locator: Locator<'_>) {
        self.client
            .find(locator)
            .await
            .unwrap_or_else(|e| panic!("nothing to click at {locator:?}: {e}"))
            .click()
            .await
            .expect("a click");
    }

    async fn script(&self, script: &str) -> Value {
        self.client
            .execute(script, Vec::new())
            .await
            .unwrap_or_else(|e| panic!("the script failed ({e}): {script}"))
    }

    async fn press(&self, key: Key) {
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key.into() })
            .then(KeyAction::Up { value: key.into() });
        self.client
            .perform_actions(keys)
            .await
            .expect("a key press");
    }

    /// The focused element, described as `tag#id.class` for messages and comparisons.
    async fn focused(&self) -> String {
        self.script(
            "const e = document.activeElement; \
             return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') \
               + (e.className ? '.' + e.className : '');",
        )
        .await
        .as_str()
        .expect("a description")
        .to_owned()
    }

    /// axe-core's serious and critical violations on the current page, one line each.
    async fn audit(&self) -> Vec<String> {
        let path = common::root().join("crates/web/tests/browser/node_modules/axe-core/axe.min.js");
        let axe = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "axe-core is missing: cannot read {} ({e}); {INSTALL}",
                path.display()
            )
        });
        // WebDriver scripts are not subject to the page's Content-Security-Policy, which
        // allows no script at all: the page itself could never load axe.
        let loaded = self
            .script(&format!("{axe}\n;return typeof window.axe;"))
            .await;
        assert_eq!(loaded, json!("object"), "axe-core did not load");
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] })
                   .then(r => done(r.violations
                     .filter(v => v.impact === 'serious' || v.impact === 'critical')
                     .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                       + v.nodes.map(n => n.target.join(' ')).join(', '))))
                   .catch(e => done(['axe failed: ' + e]));",
                Vec::new(),
            )
            .await
            .expect("axe ran");
        serde_json::from_value(result).expect("a list of violations")
    }

    async fn close(self) {
        self.client.close().await.expect("the session ends");
    }
}

#[tokio::test]
async fn a_reader_goes_from_the_home_page_to_a_meeting_and_a_speaker() {
    let browser = Browser::open().await;
    browser.goto("/").await;
    assert_eq!(browser.text("h1").await, "Working groups");
    browser
        .click(Locator::LinkText("WG-Strategy meeting 106"))
        .await;
    assert_eq!(browser.path().await, "/groups/wg-strategy/meetings/106");
    assert!(
        browser
            .text("h1")
            .await
            .starts_with("WG-Strategy meeting 106")
    );

    // The agenda writes each item's number as the report does, so the list adds none.
    assert_eq!(
        browser
            .script(
                "return getComputedStyle(document.querySelector('ol.agenda > li')).listStyleType;"
            )
            .await,
        json!("none")
    );
    assert!(
        browser
            .text("ol.agenda > li")
            .await
            .starts_with("1. WSIS+20")
    );

    let screenshot = browser.client.screenshot().await.expect("a screenshot");
    let folder = common::root().join("target/browser");
    std::fs::create_dir_all(&folder).expect("target/browser");
    std::fs::write(folder.join("meeting.png"), &screenshot).expect("meeting.png written");
    assert!(screenshot.starts_with(b"\x89PNG"));

    let speaker = browser.text(".intervention .speaker a").await;
    assert_eq!(speaker, "Titti Cassa");
    browser
        .click(Locator::Css(".intervention .speaker a"))
        .await;
    assert!(browser.path().await.starts_with("/people/"));
    assert_eq!(browser.text("h1").await, "Titti Cassa");
    assert!(
        browser
            .text("#said ~ .intervention h3")
            .await
            .starts_with("WG-Strategy meeting 106")
    );
    browser.close().await;
}

#[tokio::test]
async fn the_search_form_finds_a_phrase_and_a_result_opens_where_it_was_said() {
    let browser = Browser::open().await;
    browser.goto("/search").await;
    let words = browser
        .client
        .find(Locator::Id("q"))
        .await
        .expect("the words field");
    words
        .send_keys("financing mechanisms")
        .await
        .expect("typed");
    browser
        .click(Locator::Css("form.search button[type=submit]"))
        .await;
    assert!(browser.path().await.starts_with("/search"));
    let count = browser.text("p.count").await;
    assert!(count.contains("result"), "{count}");
    assert_eq!(
        browser.text(".results mark").await.to_lowercase(),
        "financing"
    );

    browser.click(Locator::Css(".results a")).await;
    let path = browser.path().await;
    assert!(
        path.starts_with("/groups/wg-strategy/meetings/106#item-"),
        "{path}"
    );
    let section = browser
        .script("return document.getElementById(location.hash.slice(1)).closest('section').textContent;")
        .await;
    let section = section.as_str().expect("the section's text");
    assert!(
        section.to_lowercase().contains("financing mechanisms"),
        "{section}"
    );
    browser.close().await;
}

#[tokio::test]
async fn a_group_page_offers_its_atom_feed_and_calendar() {
    let browser = Browser::open().await;
    browser.goto("/groups/wg-data").await;
    let links = browser
        .client
        .find_all(Locator::Css(".subscribe a"))
        .await
        .expect("subscribe links");
    let mut found = Vec::new();
    for link in links {
        found.push((
            link.text().await.expect("the link text"),
            link.attr("href")
                .await
                .expect("an href")
                .unwrap_or_default(),
        ));
    }
    assert!(
        found
            .iter()
            .any(|(text, href)| text.contains("Atom") && href == "/groups/wg-data/feed.atom"),
        "{found:?}"
    );
    assert!(
        found.iter().any(
            |(text, href)| text.contains("iCalendar") && href == "/groups/wg-data/calendar.ics"
        ),
        "{found:?}"
    );
    let alternate = browser
        .script(
            "return [...document.querySelectorAll('link[rel=alternate]')].map(l => l.getAttribute('href'));",
        )
        .await;
    assert!(
        alternate
            .as_array()
            .expect("a list")
            .contains(&json!("/groups/wg-data/feed.atom")),
        "{alternate}"
    );
    browser.close().await;
}

#[tokio::test]
async fn the_skip_link_comes_first_and_moves_focus_to_the_content() {
    let browser = Browser::open().await;
    browser.goto("/groups/wg-strategy/meetings/106").await;
    browser.press(Key::Tab).await;
    assert_eq!(browser.focused().await, "a.skip");
    assert_eq!(browser.text("a.skip").await, "Skip to content");
    let left = browser
        .script("return document.activeElement.getBoundingClientRect().left;")
        .await;
    assert!(
        left.as_f64().expect("a number") >= 0.0,
        "the focused skip link is off screen at {left}"
    );
    browser.press(Key::Enter).await;
    assert_eq!(browser.focused().await, "main#main");
    assert!(browser.path().await.ends_with("#main"));
    browser.close().await;
}

#[tokio::test]
async fn the_main_pages_have_no_serious_accessibility_violations() {
    let browser = Browser::open().await;

    // The audit itself can fail: an image with no text alternative is a critical violation.
    browser
        .goto_url("data:text/html,<!DOCTYPE html><html lang=en><title>t</title><main><img src=x.png></main>")
        .await;
    let control = browser.audit().await;
    assert!(
        control.iter().any(|v| v.starts_with("critical image-alt")),
        "{control:?}"
    );

    let mut violations = Vec::new();
    for path in [
        "/",
        "/groups/wg-strategy",
        "/groups/wg-strategy/meetings/106",
        "/search?q=financing+mechanisms",
        "/due",
        "/groups/wg-strategy/meetings/106/source",
        "/groups/wg-data/meetings/26",
        "/documents",
        "/documents/dsp",
        "/documents/dsp/diff?from=Rev1&to=Rev2",
        "/documents/dsp/diff?from=Rev1&to=Rev2&view=side",
        "/documents/dsp/rev2/10",
    ] {
        browser.goto(path).await;
        for v in browser.audit().await {
            violations.push(format!("{path}: {v}"));
        }
    }
    // The person page is reached the way a reader reaches it, from the meeting page.
    browser.goto("/groups/wg-strategy/meetings/106").await;
    browser
        .click(Locator::Css(".intervention .speaker a"))
        .await;
    let path = browser.path().await;
    for v in browser.audit().await {
        violations.push(format!("{path}: {v}"));
    }
    assert!(violations.is_empty(), "{}", violations.join("\n"));
    browser.close().await;
}

#[tokio::test]
async fn report_text_that_is_html_shows_as_text_and_runs_nothing() {
    let browser = Browser::open().await;

    // The check itself can fail: a page that runs its script sets `window.pwned`.
    browser
        .goto_url("data:text/html,<script>window.pwned=1</script>")
        .await;
    assert_eq!(
        browser.script("return typeof window.pwned;").await,
        json!("number")
    );

    browser.goto("/groups/wg-hostile/meetings/7").await;
    assert_eq!(
        browser.script("return typeof window.pwned;").await,
        json!("undefined")
    );
    assert_eq!(
        browser
            .script("return document.querySelectorAll('main script, main img, main b').length;")
            .await,
        json!(0),
        "report text became elements"
    );
    let said = browser.text(".intervention .said").await;
    assert!(
        said.contains("<script>window.pwned=1</script> must show as text"),
        "{said}"
    );
    assert!(
        said.contains("<img src=x onerror=\"window.pwned=2\"> is only an image tag"),
        "{said}"
    );
    let participants = browser.text("ol.participants").await;
    assert!(
        participants.contains("Example <script>window.pwned=3</script> Institute"),
        "{participants}"
    );
    assert!(
        participants.contains("Example <img src=x onerror=\"window.pwned=4\"> Foundation"),
        "{participants}"
    );
    assert!(
        browser
            .text("ol.agenda")
            .await
            .contains("Escaping <b>markup</b>"),
        "the agenda item's title shows its tags"
    );

    // Even a script put into the page by other means would not run: the browser enforces
    // the policy that allows none.
    assert_eq!(
        browser
            .script(
                "const s = document.createElement('script'); \
                 s.textContent = 'window.pwned = 6'; document.body.append(s); \
                 return typeof window.pwned;",
            )
            .await,
        json!("undefined")
    );
    browser.close().await;
}

//! The architecture invariants of `ARCHITECTURE.md`, checked against the workspace's own files.
//!
//! The test reads every `crates/*/Cargo.toml` and every source file under `crates/*/src`, so a
//! change that breaks the dependency direction fails here, with a message that names the rule.
//! Normal and build dependencies follow the strict rules; dev-dependencies have a rule of their
//! own, because a pure crate's tests may read through another pure crate (`ingest`'s acceptance
//! tests compare records through `render`'s JSON interface) without the library depending on it.
//! A crate this test has no rule for fails it: adding a crate means writing down where it sits.
//!
//! It lives in `cli` because `cli` is the one crate allowed to read files; the check itself
//! needs no part of `cli`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Where a workspace crate sits, and so what it may depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layer {
    /// `model`: the vocabulary; no workspace crate below it.
    Model,
    /// `ingest`, `render`, `texts`: pure functions over the model (or, for `texts`, over
    /// negotiated texts).
    Pure,
    /// `store`: the archive, the only crate with SQL; it reads and writes its database
    /// file through SQLite and its search index (a folder beside it) through tantivy, and depends on `model`, on `render` for the JSON interface and on
    /// `texts` to read the negotiated texts it keeps.
    Store,
    /// `web`: the server; the only crate with async and network, and it may read the clock;
    /// it depends on `model`, `render`, `texts` and `store`.
    Web,
    /// `cli`: the binary, the only crate with other IO.
    Binary,
}

fn layer(krate: &str) -> Option<Layer> {
    match krate {
        "model" => Some(Layer::Model),
        "ingest" | "render" | "texts" => Some(Layer::Pure),
        "store" => Some(Layer::Store),
        "web" => Some(Layer::Web),
        "cli" => Some(Layer::Binary),
        _ => None,
    }
}

/// Crates only the binary may use: argument parsing and error chains for people.
const BINARY_ONLY: &[&str] = &["clap", "anyhow"];

/// Database crates; only `store` may use them.
const SQL: &[&str] = &[
    "rusqlite",
    "libsqlite3-sys",
    "sqlx",
    "postgres",
    "tokio-postgres",
    "diesel",
    "sea-orm",
];

/// Async runtimes, servers and network clients: only `web` uses them.
const ASYNC_OR_NETWORK: &[&str] = &[
    "tokio",
    "async-std",
    "smol",
    "futures",
    "hyper",
    "reqwest",
    "ureq",
    "axum",
];

/// Source text that reaches the file system, the environment, the process, the network or the
/// clock.
const IO_PATTERNS: &[&str] = &["std::fs", "std::env", "std::process", "std::net", "::now("];

/// One workspace crate, as its manifest declares it.
struct Crate {
    /// The folder under `crates/`.
    folder: String,
    name: String,
    dir: PathBuf,
    /// Dependency names per table kind ("dependencies", "dev-dependencies", "build-dependencies"),
    /// including `[target.'cfg(..)'.*]` tables.
    normal: BTreeSet<String>,
    dev: BTreeSet<String>,
    build: BTreeSet<String>,
}

impl Crate {
    /// Dependencies that end up in the library or binary itself.
    fn shipped(&self) -> BTreeSet<String> {
        self.normal.union(&self.build).cloned().collect()
    }

    fn all(&self) -> BTreeSet<String> {
        self.shipped().union(&self.dev).cloned().collect()
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn crates() -> Vec<Crate> {
    let dir = workspace_root().join("crates");
    let mut folders: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the crates folder is readable")
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|path| path.join("Cargo.toml").is_file())
        .collect();
    folders.sort();
    assert!(
        folders.len() >= 4,
        "expected at least model, ingest, render and cli under {}",
        dir.display()
    );
    folders.iter().map(|folder| read_crate(folder)).collect()
}

fn read_crate(dir: &Path) -> Crate {
    let path = dir.join("Cargo.toml");
    let text = std::fs::read_to_string(&path).expect("a readable Cargo.toml");
    let manifest: toml::Table = toml::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()));
    let name = manifest
        .get("package")
        .and_then(|p| p.get("name"))
        .and_then(toml::Value::as_str)
        .unwrap_or_else(|| panic!("{} has no package name", path.display()))
        .to_owned();
    let mut tables = vec![manifest.clone()];
    if let Some(targets) = manifest.get("target").and_then(toml::Value::as_table) {
        tables.extend(targets.values().filter_map(|t| t.as_table().cloned()));
    }
    let names = |kind: &str| -> BTreeSet<String> {
        tables
            .iter()
            .filter_map(|table| table.get(kind).and_then(toml::Value::as_table))
            .flat_map(|deps| deps.iter().map(|(key, spec)| dependency_name(key, spec)))
            .collect()
    };
    Crate {
        folder: dir
            .file_name()
            .expect("a crate folder has a name")
            .to_string_lossy()
            .into_owned(),
        name,
        dir: dir.to_owned(),
        normal: names("dependencies"),
        dev: names("dev-dependencies"),
        build: names("build-dependencies"),
    }
}

/// The package a dependency entry names: its key, unless renamed with `package = "…"`.
fn dependency_name(key: &str, spec: &toml::Value) -> String {
    spec.get("package")
        .and_then(toml::Value::as_str)
        .unwrap_or(key)
        .to_owned()
}

fn workspace_crates(all: &[Crate]) -> BTreeSet<String> {
    all.iter().map(|c| c.name.clone()).collect()
}

/// Every `.rs` file under `dir`, recursively, in a stable order.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    let mut paths: Vec<PathBuf> = entries
        .map(|entry| entry.expect("a readable folder entry").path())
        .collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
    out
}

fn relative(path: &Path) -> String {
    let root = workspace_root()
        .canonicalize()
        .expect("the workspace root exists");
    let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
    path.strip_prefix(&root)
        .unwrap_or(&path)
        .display()
        .to_string()
}

/// The first path segment of every item in a `std::{..}` import group, so that
/// `use std::{fs, io};` is caught as surely as `use std::fs;`.
fn grouped_std_imports(text: &str) -> Vec<String> {
    let code: String = text
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("std::{") {
        rest = &rest[at + "std::{".len()..];
        let group = rest.split('}').next().unwrap_or_default();
        for item in group.split(',') {
            let first = item.trim().split("::").next().unwrap_or_default().trim();
            if !first.is_empty() {
                out.push(first.to_owned());
            }
        }
    }
    out
}

fn fail_if_any(rule: &str, violations: &[String]) {
    assert!(
        violations.is_empty(),
        "{rule}\n  {}\n(see ARCHITECTURE.md, \"Architecture invariants\")",
        violations.join("\n  ")
    );
}

#[test]
fn every_crate_has_a_place_in_the_architecture() {
    let violations: Vec<String> = crates()
        .iter()
        .flat_map(|c| {
            let mut found = Vec::new();
            if c.folder != c.name {
                found.push(format!(
                    "crates/{} holds package `{}`: the folder name must be the package name",
                    c.folder, c.name
                ));
            }
            if layer(&c.name).is_none() {
                found.push(format!(
                    "`{}` has no layer: add it to ARCHITECTURE.md's code map and invariants, then to `layer` in this test",
                    c.name
                ));
            }
            found
        })
        .collect();
    fail_if_any("every crate is one of the documented layers", &violations);
}

#[test]
fn model_depends_on_no_workspace_crate() {
    let all = crates();
    let workspace = workspace_crates(&all);
    let violations: Vec<String> = all
        .iter()
        .filter(|c| layer(&c.name) == Some(Layer::Model))
        .flat_map(|c| {
            c.all()
                .into_iter()
                .filter(|dep| workspace.contains(dep))
                .map(move |dep| format!("{} depends on {dep}", c.name))
        })
        .collect();
    fail_if_any(
        "model depends on no workspace crate, not even in its tests",
        &violations,
    );
}

#[test]
fn pure_crates_depend_only_on_model() {
    let all = crates();
    let workspace = workspace_crates(&all);
    let violations: Vec<String> = all
        .iter()
        .filter(|c| layer(&c.name) == Some(Layer::Pure))
        .flat_map(|c| {
            c.shipped()
                .into_iter()
                .filter(|dep| workspace.contains(dep) && layer(dep) != Some(Layer::Model))
                .map(move |dep| format!("{} depends on {dep}", c.name))
        })
        .collect();
    fail_if_any(
        "pure crates (ingest, render, texts) depend on model and on no other workspace crate",
        &violations,
    );
}

#[test]
fn pure_crates_tests_use_only_model_and_other_pure_crates() {
    let all = crates();
    let workspace = workspace_crates(&all);
    let violations: Vec<String> = all
        .iter()
        .filter(|c| layer(&c.name) == Some(Layer::Pure))
        .flat_map(|c| {
            c.dev
                .iter()
                .filter(|dep| {
                    workspace.contains(*dep)
                        && !matches!(layer(dep), Some(Layer::Model | Layer::Pure))
                })
                .map(move |dep| format!("{} dev-depends on {dep}", c.name))
                .collect::<Vec<_>>()
        })
        .collect();
    fail_if_any(
        "the tests of pure crates may use model and other pure crates, never the binary",
        &violations,
    );
}

#[test]
fn only_cli_uses_clap_and_anyhow() {
    let violations: Vec<String> = crates()
        .iter()
        .filter(|c| layer(&c.name) != Some(Layer::Binary))
        .flat_map(|c| {
            c.all()
                .into_iter()
                .filter(|dep| BINARY_ONLY.contains(&dep.as_str()))
                .map(move |dep| format!("{} depends on {dep}", c.name))
        })
        .collect();
    fail_if_any(
        "only cli depends on clap and anyhow; libraries use thiserror",
        &violations,
    );
}

#[test]
fn only_store_has_sql_and_only_web_has_async_or_network() {
    let violations: Vec<String> = crates()
        .iter()
        .flat_map(|c| {
            let is_store = layer(&c.name) == Some(Layer::Store);
            let is_web = layer(&c.name) == Some(Layer::Web);
            // The web's tests drive it as a client would, over HTTP.
            let deps = if is_web { c.shipped() } else { c.all() };
            deps.into_iter()
                .filter(move |dep| {
                    (SQL.contains(&dep.as_str()) && !is_store)
                        || (ASYNC_OR_NETWORK.contains(&dep.as_str()) && !is_web)
                })
                .map(move |dep| format!("{} depends on {dep}", c.name))
        })
        .collect();
    fail_if_any(
        "SQL belongs to the store crate alone, async and network to the web crate",
        &violations,
    );
}

#[test]
fn web_depends_on_model_render_texts_and_store_only() {
    let all = crates();
    let workspace = workspace_crates(&all);
    let violations: Vec<String> = all
        .iter()
        .filter(|c| layer(&c.name) == Some(Layer::Web))
        .flat_map(|c| {
            c.shipped()
                .into_iter()
                .filter(|dep| {
                    workspace.contains(dep)
                        && !matches!(dep.as_str(), "model" | "render" | "texts" | "store")
                })
                .map(move |dep| format!("{} depends on {dep}", c.name))
        })
        .collect();
    fail_if_any(
        "web depends on model, render, texts and store, never on a reader of reports or the binary",
        &violations,
    );
}

#[test]
fn store_depends_on_model_render_and_texts_only() {
    let all = crates();
    let workspace = workspace_crates(&all);
    let violations: Vec<String> = all
        .iter()
        .filter(|c| layer(&c.name) == Some(Layer::Store))
        .flat_map(|c| {
            let shipped = c.shipped().into_iter().filter(|dep| {
                workspace.contains(dep) && !matches!(dep.as_str(), "model" | "render" | "texts")
            });
            // Its tests may also store records read from real reports, through `ingest`.
            let dev = c
                .dev
                .iter()
                .filter(|dep| {
                    workspace.contains(*dep)
                        && !matches!(dep.as_str(), "model" | "render" | "ingest")
                })
                .cloned();
            shipped
                .chain(dev)
                .map(move |dep| format!("{} depends on {dep}", c.name))
        })
        .collect();
    fail_if_any(
        "store depends on model, render (the JSON interface of a record) and texts, never on a reader of reports or the binary; its tests may use ingest",
        &violations,
    );
}

#[test]
fn only_cli_touches_files_environment_process_network_or_clock() {
    let mut violations = Vec::new();
    for c in crates()
        .iter()
        .filter(|c| layer(&c.name) != Some(Layer::Binary))
    {
        // A server listens on the network and dates its feeds; files, environment and
        // process stay with the binary.
        let allowed: &[&str] = if layer(&c.name) == Some(Layer::Web) {
            &["std::net", "::now("]
        } else {
            &[]
        };
        for file in rust_files(&c.dir.join("src")) {
            let text = std::fs::read_to_string(&file).expect("a readable source file");
            for (index, line) in text.lines().enumerate() {
                // Comments may name what the code must not do.
                if line.trim_start().starts_with("//") {
                    continue;
                }
                // The store creates the folder of its search index beside its database, as
                // SQLite creates its file; tantivy does not create its folder itself.
                if layer(&c.name) == Some(Layer::Store) && line.contains("std::fs::create_dir_all(")
                {
                    continue;
                }
                for pattern in IO_PATTERNS {
                    if line.contains(pattern) && !allowed.contains(pattern) {
                        violations.push(format!("{}:{}: `{pattern}`", relative(&file), index + 1));
                    }
                }
            }
            for module in grouped_std_imports(&text) {
                let path = format!("std::{module}");
                if IO_PATTERNS.contains(&path.as_str()) && !allowed.contains(&path.as_str()) {
                    violations.push(format!("{}: `use std::{{{module}, ..}}`", relative(&file)));
                }
            }
        }
    }
    fail_if_any(
        "no crate but cli uses std::fs, std::env, std::process, std::net or the clock",
        &violations,
    );
}

#[test]
fn every_source_file_starts_with_a_module_doc() {
    let violations: Vec<String> = crates()
        .iter()
        .flat_map(|c| rust_files(&c.dir.join("src")))
        .filter(|file| {
            let text = std::fs::read_to_string(file).expect("a readable source file");
            !text.lines().next().is_some_and(|l| l.starts_with("//!"))
        })
        .map(|file| relative(&file))
        .collect();
    fail_if_any(
        "every file under crates/*/src starts with a `//!` paragraph: what it is for, what it guarantees",
        &violations,
    );
}

/// The rules above are only as good as the parsing behind them; check it on the real manifests.
#[test]
fn reads_the_manifests_it_checks() {
    let all = crates();
    let find = |name: &str| {
        all.iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("crate `{name}` exists"))
    };
    assert!(find("cli").normal.contains("model"));
    assert!(find("cli").normal.contains("clap"));
    assert!(find("cli").dev.contains("toml"));
    assert!(find("ingest").normal.contains("model"));
    assert!(find("render").normal.contains("model"));
    assert!(find("store").normal.contains("rusqlite"));
    assert!(
        rust_files(&find("model").dir.join("src"))
            .iter()
            .any(|f| f.ends_with("lib.rs"))
    );
}

//! The rulesets of the `--rules` folder, by id, and their reload when the folder changes.
//!
//! Each `.tc` file of the folder (not its subfolders) is checked; those that check are served
//! under their `ruleset` id, the others are listed with their diagnostics. A request never
//! names a path: it names an id, looked up here. The registry is immutable; a reload builds a
//! new one and swaps the `Arc`, so requests in flight finish with the rules they started with.

use crate::check::{check_path, Rules};
use crate::diag::{to_json, JsonDiagnostic};
use crate::i18n::Lang;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

/// One served ruleset.
#[derive(Debug)]
pub struct Entry {
    /// The file's name inside the folder (never a full path).
    pub file: String,
    /// The file itself (used by the server only, never taken from a request).
    pub path: PathBuf,
    /// The checked rules.
    pub rules: Arc<Rules>,
}

/// A file of the folder that is not served, and why.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Broken {
    /// The file's name inside the folder.
    pub file: String,
    /// Why: its diagnostics (errors), or a ruleset id already served by another file.
    pub diagnostics: Vec<JsonDiagnostic>,
    /// When the id is taken: the id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
    /// When the file checked before and was changed into one that does not (a save half done,
    /// a mistake): the id and sha256 of the version still served in its place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub still_serving: Option<serde_json::Value>,
}

/// The rulesets of the folder at one moment.
#[derive(Debug, Default)]
pub struct Registry {
    /// Served rulesets by id.
    pub entries: BTreeMap<String, Arc<Entry>>,
    /// Files that are not served.
    pub broken: Vec<Broken>,
    /// What the folder looked like when read (file, modification time, length).
    stamp: Vec<(PathBuf, Option<SystemTime>, u64)>,
}

/// The `.tc` files of `dir` with their modification times and lengths, sorted.
fn stamp(dir: &Path) -> Vec<(PathBuf, Option<SystemTime>, u64)> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return vec![];
    };
    let mut out: Vec<_> = read
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tc"))
        .map(|p| {
            let meta = std::fs::metadata(&p).ok();
            let modified = meta.as_ref().and_then(|m| m.modified().ok());
            let len = meta.map_or(0, |m| m.len());
            (p, modified, len)
        })
        .collect();
    out.sort();
    out
}

impl Registry {
    /// Reads and checks every `.tc` file of `dir`; a file that no longer checks keeps its
    /// version of `previous` served (and is listed as not served, saying so).
    pub fn load(dir: &Path, previous: Option<&Registry>) -> Registry {
        let stamp = stamp(dir);
        let mut reg = Registry::default();
        for (path, _, _) in &stamp {
            let file = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let checked = check_path(path);
            let Some(rules) = checked.rules else {
                let diagnostics = checked
                    .diagnostics
                    .iter()
                    .filter(|d| d.is_error())
                    .map(|d| to_json(d, &checked.sources, Lang::En))
                    .collect();
                let kept = previous
                    .and_then(|p| p.entries.values().find(|e| e.file == file))
                    .filter(|e| !reg.entries.contains_key(&e.rules.id))
                    .cloned();
                let still_serving = kept
                    .as_ref()
                    .map(|e| serde_json::json!({ "id": e.rules.id, "sha256": e.rules.sha256 }));
                if let Some(e) = kept {
                    reg.entries.insert(e.rules.id.clone(), e);
                }
                reg.broken.push(Broken {
                    file,
                    diagnostics,
                    duplicate_of: None,
                    still_serving,
                });
                continue;
            };
            if reg.entries.contains_key(&rules.id) {
                reg.broken.push(Broken {
                    file,
                    diagnostics: vec![],
                    duplicate_of: Some(rules.id.clone()),
                    still_serving: None,
                });
                continue;
            }
            let entry = Entry {
                file,
                path: path.clone(),
                rules: Arc::new(rules),
            };
            reg.entries.insert(entry.rules.id.clone(), Arc::new(entry));
        }
        reg.stamp = stamp;
        reg
    }

    /// The ruleset with this id.
    pub fn get(&self, id: &str) -> Option<Arc<Entry>> {
        self.entries.get(id).cloned()
    }
}

/// The registry in use, swapped whole on reload.
#[derive(Debug)]
pub struct Shared {
    dir: PathBuf,
    current: RwLock<Arc<Registry>>,
}

impl Shared {
    /// Loads the folder.
    pub fn new(dir: &Path) -> Shared {
        Shared {
            dir: dir.to_path_buf(),
            current: RwLock::new(Arc::new(Registry::load(dir, None))),
        }
    }

    /// The folder served.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The registry now (requests keep the one they started with).
    pub fn get(&self) -> Arc<Registry> {
        match self.current.read() {
            Ok(g) => Arc::clone(&g),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Reloads when a `.tc` file was added, removed or changed; true when it did.
    pub fn reload_if_changed(&self) -> bool {
        let now = stamp(&self.dir);
        let previous = self.get();
        if now == previous.stamp {
            return false;
        }
        let fresh = Arc::new(Registry::load(&self.dir, Some(&previous)));
        match self.current.write() {
            Ok(mut g) => *g = fresh,
            Err(poisoned) => *poisoned.into_inner() = fresh,
        }
        true
    }

    /// Polls the folder every `every` on a thread of its own, for the life of the process.
    pub fn watch(self: &Arc<Self>, every: Duration) {
        let me = Arc::downgrade(self);
        let spawned = std::thread::Builder::new()
            .name("tieuchi-rules-watch".into())
            .spawn(move || loop {
                std::thread::sleep(every);
                match me.upgrade() {
                    Some(shared) => {
                        shared.reload_if_changed();
                    }
                    None => return,
                }
            });
        if let Err(e) = spawned {
            eprintln!("tieuchi serve: rules will not be reloaded: {e}");
        }
    }
}

//! Where rules files come from: the [`SourceLoader`] that the check phase asks for the main
//! file and for every file named by `use`. The check phase itself does no file IO, so rules
//! can be checked from disk ([`DiskLoader`], the default) or from texts held in memory
//! ([`MemoryLoader`]: tests, servers, editors with unsaved buffers).

use crate::source::{read_regular_text, read_text, ReadError};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// Finds and reads rules files by key. A key is the file's identity: two `use`s that reach the
/// same key load the file once, and a key met again on the way down is a cycle.
pub trait SourceLoader {
    /// The key of the file `name` named by `use` in the file with key `from` (`None`: a name
    /// given by the caller, e.g. the main file).
    fn resolve(&self, from: Option<&Path>, name: &str) -> Result<PathBuf, ReadError>;

    /// The text of the file with this key.
    fn read(&self, key: &Path) -> Result<String, ReadError>;

    /// The key and text of the main file, given by the caller as `path`.
    fn read_main(&self, path: &Path) -> Result<(PathBuf, String), ReadError> {
        let key = self.resolve(None, &path.to_string_lossy())?;
        let text = self.read(&key)?;
        Ok((key, text))
    }
}

/// Rules files on disk: keys are canonical paths, `use` is relative to the including file's
/// folder, and a used file must be a regular file (not a folder, a device or a pipe). Every read
/// is bounded by [`MAX_FILE_BYTES`](crate::MAX_FILE_BYTES).
#[derive(Debug, Clone, Copy, Default)]
pub struct DiskLoader;

impl SourceLoader for DiskLoader {
    fn resolve(&self, from: Option<&Path>, name: &str) -> Result<PathBuf, ReadError> {
        let dir = from.and_then(Path::parent);
        let path = dir.map_or_else(|| PathBuf::from(name), |d| d.join(name));
        path.canonicalize()
            .map_err(|e| ReadError::Io(e.to_string()))
    }

    fn read(&self, key: &Path) -> Result<String, ReadError> {
        read_regular_text(key)
    }

    /// The main file may be any readable file (`/dev/stdin` included), within the size limit.
    fn read_main(&self, path: &Path) -> Result<(PathBuf, String), ReadError> {
        let text = read_text(path)?;
        let key = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        Ok((key, text))
    }
}

/// Rules files held in memory, by name: `use "chung.tc"` in `tinh/a.tc` reads `tinh/chung.tc`
/// (names are joined and `..` folded without touching the file system).
///
/// ```
/// use tieuchi::{MemoryLoader, Ruleset};
///
/// let mut files = MemoryLoader::new();
/// files.insert("chung.tc", "input vu \"Số vụ\": count\n");
/// let main = "ruleset r \"R\"\nuse \"chung.tc\"\nassessment a \"A\" {\n  criterion C \"C\" { vu >= 1 }\n  outcome dat \"Đạt\" when all_required\n  outcome khong \"Không\" otherwise\n}\n";
/// let rules = Ruleset::from_text_with("main.tc", main, &files)?;
/// assert_eq!(rules.id(), "r");
/// # Ok::<(), tieuchi::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct MemoryLoader {
    files: HashMap<PathBuf, String>,
}

impl MemoryLoader {
    /// An empty set of files.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) the file `name` with `text`.
    pub fn insert(&mut self, name: impl AsRef<Path>, text: impl Into<String>) -> &mut Self {
        self.files.insert(normalize(name.as_ref()), text.into());
        self
    }
}

impl SourceLoader for MemoryLoader {
    fn resolve(&self, from: Option<&Path>, name: &str) -> Result<PathBuf, ReadError> {
        let dir = from.and_then(Path::parent).unwrap_or(Path::new(""));
        Ok(normalize(&dir.join(name)))
    }

    fn read(&self, key: &Path) -> Result<String, ReadError> {
        self.files.get(key).cloned().ok_or_else(|| {
            ReadError::Io(std::io::Error::from(std::io::ErrorKind::NotFound).to_string())
        })
    }
}

/// `a/./b/../c` → `a/c`, lexically.
pub(crate) fn normalize(p: &Path) -> PathBuf {
    let mut parts: Vec<Component> = Vec::new();
    for c in p.components() {
        match c {
            Component::ParentDir if matches!(parts.last(), Some(Component::Normal(_))) => {
                parts.pop();
            }
            Component::CurDir => {}
            other => parts.push(other),
        }
    }
    parts.iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_names_are_relative_to_the_including_file() {
        let mut m = MemoryLoader::new();
        m.insert("tinh/./chung.tc", "x");
        let key = m.resolve(Some(Path::new("tinh/a.tc")), "chung.tc");
        assert_eq!(key, Ok(PathBuf::from("tinh/chung.tc")));
        let up = m.resolve(Some(Path::new("tinh/sub/b.tc")), "../chung.tc");
        assert_eq!(up.and_then(|k| m.read(&k)), Ok("x".to_string()));
        assert!(m.read(Path::new("khac.tc")).is_err());
    }
}

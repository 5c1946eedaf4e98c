//! Nothing is lost: documents saved atomically where they came from, a
//! journal of unsaved edits beside each (written on every change, so it
//! survives a closed tab and a killed server), and no overwrite of a file
//! that changed on disk since it was opened.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::output;

/// The version of a file's bytes (SHA-256, hex): what the editor opened.
pub fn version(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The journal beside `path`: `.NAME.journal` (hidden, and not a `.yaml`,
/// so no build picks it up).
pub fn journal_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.journal"))
}

/// What the editor gets when it opens a document.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Opened {
    /// The file's text (empty for a new file).
    pub text: String,
    /// Its version, or `None` when it does not exist yet.
    pub version: Option<String>,
    /// Unsaved edits a journal kept, when they differ from the file.
    pub journal: Option<String>,
}

/// Reads `path` (and its journal) for the editor.
pub fn open(path: &Path, max: u64) -> Result<Opened, Error> {
    let (text, version) = if path.exists() {
        let bytes = crate::limits::read_regular(path, max).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let v = version(&bytes);
        let text = String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
            path: path.to_path_buf(),
            offset: e.utf8_error().valid_up_to(),
        })?;
        (text, Some(v))
    } else {
        (String::new(), None)
    };
    let journal = crate::limits::read_regular(&journal_path(path), max)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .filter(|j| *j != text);
    Ok(Opened {
        text,
        version,
        journal,
    })
}

/// Why a save did not happen.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The file changed on disk since the editor opened it.
    #[error("文件在打开后已被其他程序修改；要覆盖它吗？")]
    Changed { current: Option<String> },
    #[error(transparent)]
    Io(#[from] Error),
}

/// Writes `text` to `path` atomically, unless the file on disk is no
/// longer the version the editor opened (`opened`: `None` for a new file);
/// `force` overwrites anyway. Removes the journal. Returns the new version.
pub fn save(
    path: &Path,
    text: &str,
    opened: Option<&str>,
    force: bool,
    max: u64,
) -> Result<String, SaveError> {
    let current = match crate::limits::read_regular(path, max) {
        Ok(bytes) => Some(version(&bytes)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => {
            return Err(SaveError::Io(Error::Read {
                path: path.to_path_buf(),
                source,
            }));
        }
    };
    if !force && current.as_deref() != opened {
        return Err(SaveError::Changed { current });
    }
    output::write_atomically(path, text.as_bytes())?;
    let _ = std::fs::remove_file(journal_path(path));
    Ok(version(text.as_bytes()))
}

/// Records unsaved edits beside `path` (atomically: a killed server
/// leaves the previous journal or this one, never half of one).
pub fn journal(path: &Path, text: &str) -> Result<(), Error> {
    output::write_atomically(&journal_path(path), text.as_bytes())
}

/// Forgets the unsaved edits of `path`.
pub fn discard(path: &Path) {
    let _ = std::fs::remove_file(journal_path(path));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_only_over_the_version_opened() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        // A new file: saved when nothing is there.
        let v1 = save(&path, "one\n", None, false, 1 << 20).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "one\n");
        // Another program writes it: the editor's save is refused …
        std::fs::write(&path, "theirs\n").unwrap();
        assert!(matches!(
            save(&path, "two\n", Some(&v1), false, 1 << 20),
            Err(SaveError::Changed { .. })
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "theirs\n");
        // … unless asked to overwrite.
        save(&path, "two\n", Some(&v1), true, 1 << 20).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two\n");
    }

    #[test]
    fn the_journal_is_offered_until_saved() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, "saved\n").unwrap();
        journal(&path, "edited\n").unwrap();
        let o = open(&path, 1 << 20).unwrap();
        assert_eq!(o.text, "saved\n");
        assert_eq!(o.journal.as_deref(), Some("edited\n"));
        save(&path, "edited\n", o.version.as_deref(), false, 1 << 20).unwrap();
        assert!(open(&path, 1 << 20).unwrap().journal.is_none());
        assert!(!journal_path(&path).exists());
    }
}

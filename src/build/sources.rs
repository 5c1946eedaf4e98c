//! The documents a build reads: YAML files found in the folders named,
//! each once, and the output names they get.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::{BuildError, Job};
use crate::error::Error;

/// The YAML files named by `paths`: files as given, folders searched
/// recursively for `*.yaml` and `*.yml` (hidden entries and symbolic
/// links to folders skipped). A file found in a folder must resolve inside
/// that folder: a symbolic link leading out of it is refused, as seal
/// images are ([`crate::assets`]). Each file once, sorted.
pub(super) fn discover(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut found = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            let start = found.len();
            walk(path, &mut found)?;
            let folder = fs::canonicalize(path).map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?;
            for file in &found[start..] {
                let inside = fs::canonicalize(file).is_ok_and(|real| real.starts_with(&folder));
                if !inside {
                    return Err(BuildError::Outside {
                        path: file.clone(),
                        folder: path.clone(),
                    }
                    .into());
                }
            }
        } else {
            found.push(path.clone());
        }
    }
    found.sort();
    let mut seen = std::collections::HashSet::new();
    found.retain(|p| seen.insert(fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    if found.is_empty() {
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(BuildError::NoDocuments(names.join(", ")).into());
    }
    Ok(found)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> Result<(), Error> {
    let err = |source| BuildError::Walk {
        path: dir.to_path_buf(),
        source,
    };
    for entry in fs::read_dir(dir).map_err(err)? {
        let entry = entry.map_err(err)?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type().map_err(err)?;
        if kind.is_dir() {
            walk(&path, found)?;
        } else if is_yaml(&path) && fs::metadata(&path).is_ok_and(|m| m.is_file()) {
            found.push(path);
        }
    }
    Ok(())
}

fn is_yaml(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// Names the outputs after the sources' file names; two sources whose
/// names differ only in letter case collide too (they would overwrite each
/// other on Windows and macOS file systems, where the folder is read).
pub(super) fn plan(sources: &[PathBuf]) -> Result<Vec<Job>, Error> {
    let mut by_name: HashMap<String, &PathBuf> = HashMap::new();
    let mut jobs = Vec::new();
    for source in sources {
        let name = source
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(first) = by_name.insert(name.to_lowercase(), source) {
            return Err(BuildError::Collision {
                name,
                first: first.clone(),
                second: source.clone(),
            }
            .into());
        }
        jobs.push(Job {
            source: source.clone(),
            name,
        });
    }
    Ok(jobs)
}

//! Where a build's output goes: the checks on the target folder, the
//! private staging folder beside it (locked while in use, stale ones
//! removed), and the publication in one step.

use std::fs;
use std::path::{Path, PathBuf};

use super::{BuildError, MANIFEST};
use crate::error::Error;

/// `out` may be missing, an empty folder, or a folder an earlier build
/// made (it is then replaced as a whole).
pub(super) fn check_target(out: &Path) -> Result<(), Error> {
    let meta = match fs::symlink_metadata(out) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(Error::Read {
                path: out.to_path_buf(),
                source,
            });
        }
    };
    if !meta.is_dir() {
        return Err(BuildError::NotAFolder(out.to_path_buf()).into());
    }
    let empty = fs::read_dir(out)
        .map_err(|source| Error::Read {
            path: out.to_path_buf(),
            source,
        })?
        .next()
        .is_none();
    if empty || made_by_gongwen(&out.join(MANIFEST)) {
        Ok(())
    } else {
        Err(BuildError::Foreign(out.to_path_buf()).into())
    }
}

/// Refuses an output folder that is, or contains, an input folder or a
/// source file: publishing replaces the output folder as a whole, which
/// would delete the sources.
pub(super) fn refuse_output_over_inputs(
    out: &Path,
    paths: &[PathBuf],
    sources: &[PathBuf],
) -> Result<(), Error> {
    let out_real = resolved(out);
    for input in paths.iter().chain(sources) {
        let Ok(real) = fs::canonicalize(input) else {
            continue;
        };
        if real.starts_with(&out_real) {
            return Err(BuildError::OutputHoldsInput {
                out: out.to_path_buf(),
                input: input.clone(),
                out_is_input: real == out_real,
            }
            .into());
        }
    }
    Ok(())
}

/// `path` made absolute with symbolic links resolved, for a path that may
/// not exist yet: its nearest existing ancestor resolved, the rest appended.
fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut rest = Vec::new();
    let mut head = absolute.as_path();
    loop {
        if let Ok(real) = fs::canonicalize(head) {
            return rest.iter().rev().fold(real, |p, name| p.join(name));
        }
        match (head.parent(), head.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                head = parent;
            }
            _ => return absolute,
        }
    }
}

/// The prefix of staging folders (and of their lock files) beside the
/// output folder.
const STAGING_PREFIX: &str = ".gongwen-build-";
/// A staging folder with no lock file (made by a gongwen before lock files,
/// or left between the lock's creation and the folder's) is stale once it
/// is this old.
const STALE_UNLOCKED_SECS: u64 = 3600;

/// A new staging folder in `parent`, and the lock that marks it as in use
/// (`<folder>.lock`, held until the build ends; a later build removes the
/// folders whose lock nobody holds, i.e. those of interrupted builds).
pub(super) fn new_staging(parent: &Path) -> Result<(tempfile::TempDir, StagingLock), Error> {
    let err = |source| Error::Write {
        path: parent.to_path_buf(),
        source,
    };
    let staging = tempfile::Builder::new()
        .prefix(STAGING_PREFIX)
        .tempdir_in(parent)
        .map_err(err)?;
    let mut path = staging.path().as_os_str().to_os_string();
    path.push(".lock");
    let path = PathBuf::from(path);
    let file = fs::File::create_new(&path).map_err(err)?;
    file.try_lock()
        .map_err(|e| err(std::io::Error::other(e.to_string())))?;
    Ok((staging, StagingLock { path, _file: file }))
}

/// The lock file of a staging folder in use; removed when dropped.
pub(super) struct StagingLock {
    path: PathBuf,
    _file: fs::File,
}

impl Drop for StagingLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// Removes the staging folders of interrupted builds beside the output
/// folder: those whose lock file no running build holds, and unlocked
/// ones older than [`STALE_UNLOCKED_SECS`]. Best effort: a folder that
/// cannot be removed is left.
pub(super) fn remove_stale_staging(parent: &Path) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(STAGING_PREFIX) || n.starts_with(".gongwen-old-"))
        .collect();
    for name in &names {
        let path = parent.join(name);
        if let Some(stem) = name.strip_suffix(".lock") {
            let Ok(file) = fs::File::open(&path) else {
                continue;
            };
            if file.try_lock().is_ok() {
                // Nobody holds it: its build was interrupted.
                let _ = fs::remove_dir_all(parent.join(stem));
                let _ = fs::remove_file(&path);
            }
            continue;
        }
        let locked = names.contains(&format!("{name}.lock"));
        let old = fs::symlink_metadata(&path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > STALE_UNLOCKED_SECS);
        if !locked && old && fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
            let _ = fs::remove_dir_all(&path);
        }
    }
}

fn made_by_gongwen(manifest: &Path) -> bool {
    fs::read(manifest)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
        .is_some_and(|v| v.get("gongwen").is_some_and(|g| g.is_string()))
}

/// Puts the finished staging folder at `out`, replacing an earlier build
/// there in one step where the system allows (Linux: an atomic exchange),
/// else in two renames.
pub(super) fn publish(staging: tempfile::TempDir, out: &Path) -> Result<(), Error> {
    let err = |source| Error::Write {
        path: out.to_path_buf(),
        source,
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A temporary folder is private (0700); a publication folder is not.
        fs::set_permissions(staging.path(), fs::Permissions::from_mode(0o755)).map_err(err)?;
    }
    let exists = fs::symlink_metadata(out).is_ok();
    if !exists {
        let path = staging.keep();
        return fs::rename(&path, out).map_err(|e| {
            let _ = fs::remove_dir_all(&path);
            err(e)
        });
    }
    if exchange(staging.path(), out).is_ok() {
        // The earlier build is now at the staging path; dropping removes it.
        drop(staging);
        return Ok(());
    }
    // Two renames: the earlier build steps aside, the new one moves in.
    let aside = tempfile::Builder::new()
        .prefix(".gongwen-old-")
        .tempdir_in(staging.path().parent().unwrap_or(Path::new(".")))
        .map_err(err)?;
    let old = aside.path().join("old");
    fs::rename(out, &old).map_err(err)?;
    let path = staging.keep();
    if let Err(e) = fs::rename(&path, out) {
        let _ = fs::rename(&old, out);
        let _ = fs::remove_dir_all(&path);
        return Err(err(e));
    }
    drop(aside);
    Ok(())
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

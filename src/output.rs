//! Writing output files safely: all or nothing, never a half-written or
//! clobbered file.

use std::io::Write;
use std::path::Path;

use crate::error::Error;

/// Refuses to write `out` when it is one of `inputs`: the same file however
/// the path is spelled (`./x.yaml`, `dir/../x.yaml`), through a symbolic
/// link, or as another hard link of it. Writing there would destroy the
/// source.
pub fn refuse_input(out: &Path, inputs: &[&Path]) -> Result<(), Error> {
    for input in inputs {
        if same_file(out, input) {
            let message = if out == *input {
                "is the input; name another output with -o".to_string()
            } else {
                format!(
                    "is the input {} (the same file); name another output with -o",
                    input.display()
                )
            };
            return Err(Error::Output {
                path: out.to_path_buf(),
                message,
            });
        }
    }
    Ok(())
}

/// Whether two paths name the same existing file (or are spelled alike).
fn same_file(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

/// Writes `bytes` to `path` atomically: into a temporary file in the same
/// folder, then renamed over `path`. On any failure `path` is untouched
/// and the temporary file is removed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let err = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if path.is_dir() {
        return Err(Error::Output {
            path: path.to_path_buf(),
            message: "is a directory".into(),
        });
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".gongwen-")
        .suffix(".part")
        .tempfile_in(dir)
        .map_err(err)?;
    tmp.write_all(bytes).map_err(err)?;
    // A temporary file is private (0600); the output gets the target's
    // permissions if it exists, else the usual 0644.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map(|m| m.permissions().mode())
            .unwrap_or(0o644);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(err)?;
    }
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

//! What keeps the editor safe on a shared office PC: only requests
//! addressed to this server (`Host`) from its own page (`Origin`), a
//! per-session token on every request that changes anything, and no path
//! outside the served folder.

use std::path::{Component, Path, PathBuf};

/// Why a request is refused (the message is for the person, no details of
/// the machine).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// DNS rebinding: a page of another site that resolves to 127.0.0.1.
    #[error("请求的主机名不是本编辑器的地址")]
    ForeignHost,
    /// Another site's page posting to this server.
    #[error("请求来自其他网站，已拒绝")]
    ForeignOrigin,
    /// A state-changing request without this session's token.
    #[error("缺少或错误的会话令牌；请重新打开编辑器页面")]
    Token,
    /// A path that leaves the served folder, or is not a document's.
    #[error("路径不在所服务的文件夹内：{0}")]
    Path(String),
}

/// A fresh random token for one server session (128 bits, hex).
pub fn new_token() -> String {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        // No random source: a token from the process's hash keys (random
        // per process) and the time, still unguessable from another site.
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        bytes[..8].copy_from_slice(&h.finish().to_le_bytes());
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The server's own names: `127.0.0.1:PORT`, `localhost:PORT` (and the
/// listening address when another one was asked for).
#[derive(Debug, Clone)]
pub struct Origins {
    hosts: Vec<String>,
}

impl Origins {
    pub fn new(address: &std::net::SocketAddr) -> Self {
        let port = address.port();
        let mut hosts = vec![format!("127.0.0.1:{port}"), format!("localhost:{port}")];
        let own = match address.ip() {
            std::net::IpAddr::V6(ip) => format!("[{ip}]:{port}"),
            std::net::IpAddr::V4(ip) => format!("{ip}:{port}"),
        };
        if !hosts.contains(&own) {
            hosts.push(own);
        }
        Origins { hosts }
    }

    /// Checks `Host` (required) and `Origin` (when the browser sends one).
    pub fn check(&self, host: Option<&str>, origin: Option<&str>) -> Result<(), Refusal> {
        let host = host.map(|h| h.trim().to_ascii_lowercase());
        if !host.as_ref().is_some_and(|h| self.hosts.contains(h)) {
            return Err(Refusal::ForeignHost);
        }
        if let Some(origin) = origin {
            let origin = origin.trim().to_ascii_lowercase();
            let ok = origin
                .strip_prefix("http://")
                .is_some_and(|rest| self.hosts.iter().any(|h| h == rest));
            if !ok {
                return Err(Refusal::ForeignOrigin);
            }
        }
        Ok(())
    }
}

/// Compares the token in constant time (no timing hint to a guesser).
pub fn token_matches(expected: &str, given: Option<&str>) -> bool {
    let Some(given) = given else { return false };
    let (a, b) = (expected.as_bytes(), given.trim().as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The served folder: every path a request names is relative to it and
/// must stay inside it.
#[derive(Debug, Clone)]
pub struct Folder {
    /// Canonical (symbolic links resolved).
    root: PathBuf,
}

impl Folder {
    pub fn new(root: &Path) -> std::io::Result<Self> {
        Ok(Folder {
            root: root.canonicalize()?,
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The file `rel` names inside the folder: relative, without `..`,
    /// and (resolving symbolic links, of the file or of the folders on its
    /// way) still inside the folder. The file need not exist yet, but its
    /// folder must.
    pub fn resolve(&self, rel: &str) -> Result<PathBuf, Refusal> {
        let refuse = || Refusal::Path(rel.chars().take(200).collect());
        let path = Path::new(rel);
        if rel.is_empty() || rel.contains('\0') || rel.contains('\\') {
            return Err(refuse());
        }
        if !path.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(refuse());
        }
        let joined = self.root.join(path);
        let parent = joined.parent().ok_or_else(refuse)?;
        let parent = parent.canonicalize().map_err(|_| refuse())?;
        if !parent.starts_with(&self.root) {
            return Err(refuse());
        }
        let file = parent.join(joined.file_name().ok_or_else(refuse)?);
        // An existing file (or a link) must resolve inside the folder.
        if std::fs::symlink_metadata(&file).is_ok() {
            let real = file.canonicalize().map_err(|_| refuse())?;
            if !real.starts_with(&self.root) {
                return Err(refuse());
            }
        }
        Ok(file)
    }

    /// A path inside the folder, as the folder-relative name the browser
    /// sees (`/` separators).
    pub fn relative(&self, path: &Path) -> Option<String> {
        let rel = path.strip_prefix(&self.root).ok()?;
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        Some(parts.join("/"))
    }

    /// The YAML documents in the folder (recursively, hidden folders and
    /// symbolic links skipped), as folder-relative names, sorted.
    pub fn documents(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut stack = vec![self.root.clone()];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') {
                    continue;
                }
                let Ok(kind) = entry.file_type() else {
                    continue;
                };
                let path = entry.path();
                if kind.is_dir() {
                    if out.len() < 10_000 {
                        stack.push(path);
                    }
                } else if kind.is_file()
                    && (name.ends_with(".yaml") || name.ends_with(".yml"))
                    && let Some(rel) = self.relative(&path)
                {
                    out.push(rel);
                }
            }
        }
        out.sort();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_and_origin_must_be_the_servers_own() {
        let o = Origins::new(&"127.0.0.1:8123".parse().unwrap());
        assert!(o.check(Some("127.0.0.1:8123"), None).is_ok());
        assert!(
            o.check(Some("localhost:8123"), Some("http://localhost:8123"))
                .is_ok()
        );
        assert_eq!(o.check(None, None), Err(Refusal::ForeignHost));
        assert_eq!(
            o.check(Some("evil.example:8123"), None),
            Err(Refusal::ForeignHost)
        );
        assert_eq!(
            o.check(Some("127.0.0.1:8124"), None),
            Err(Refusal::ForeignHost)
        );
        assert_eq!(
            o.check(Some("127.0.0.1:8123"), Some("http://evil.example")),
            Err(Refusal::ForeignOrigin)
        );
        assert_eq!(
            o.check(Some("127.0.0.1:8123"), Some("null")),
            Err(Refusal::ForeignOrigin)
        );
    }

    #[test]
    fn tokens_are_random_and_compared_whole() {
        let t = new_token();
        assert_eq!(t.len(), 32);
        assert_ne!(t, new_token());
        assert!(token_matches(&t, Some(&t)));
        assert!(!token_matches(&t, Some(&t[..31])));
        assert!(!token_matches(&t, None));
        assert!(!token_matches(&t, Some("")));
    }

    #[test]
    fn paths_stay_inside_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let inside = dir.path().join("served");
        std::fs::create_dir(&inside).unwrap();
        std::fs::write(dir.path().join("secret.yaml"), "x").unwrap();
        std::fs::write(inside.join("a.yaml"), "x").unwrap();
        let folder = Folder::new(&inside).unwrap();
        assert!(folder.resolve("a.yaml").is_ok());
        assert!(folder.resolve("new.yaml").is_ok());
        for bad in [
            "../secret.yaml",
            "/etc/passwd",
            "sub/../../secret.yaml",
            "./../secret.yaml",
            "",
            "nofolder/x.yaml",
        ] {
            assert!(folder.resolve(bad).is_err(), "{bad}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.yaml"), inside.join("link.yaml"))
                .unwrap();
            std::os::unix::fs::symlink(dir.path(), inside.join("up")).unwrap();
            assert!(folder.resolve("link.yaml").is_err());
            assert!(folder.resolve("up/secret.yaml").is_err());
            assert_eq!(folder.documents(), ["a.yaml"]);
        }
    }
}

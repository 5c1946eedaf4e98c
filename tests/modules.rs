//! The module graph of `src/` has no cycle, and the library knows nothing
//! of the command line.
//!
//! The graph is read from the code itself: every `use crate::…`,
//! `use super::…` and inline `crate::…`/`super::…` path of every file of
//! the library (comments, strings and `#[cfg(test)]` items left out), each
//! resolved to the module it names (through `pub use` re-exports).
//!
//! A module and the modules it declares are one unit: a child may use its
//! parent (the parent is the face its children share), and a parent uses
//! its children. Between siblings, at every level of the tree, the uses
//! must go one way: a use from anywhere inside sibling A of anywhere inside
//! sibling B is an arrow A → B, and these arrows must form no cycle. So
//! `load` may not use `check` when `check` uses `load`, and inside
//! `import`, `front` may not use `closing` when `closing` uses `front`.
//!
//! The picture `docs/modules.svg` draws the top level of this graph. It is
//! made from the code by
//!
//! ```text
//! GONGWEN_DRAW_MODULES=1 cargo test --release --test modules
//! ```
//!
//! (which needs Graphviz's `dot`), and `the_picture_shows_the_code` fails
//! when it no longer matches the code.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module's path from its crate's root (`["import", "chrome"]`); the
/// root itself is `[]`.
type ModPath = Vec<String>;

/// One crate's modules: each with its file and what it uses.
struct Crate {
    /// Every module of the crate (the root, files, and inline modules
    /// folded into their file's module).
    files: BTreeMap<ModPath, PathBuf>,
    /// For each module, the names it re-exports (`pub use x::Y`) and the
    /// path each leads to (from the crate's root).
    reexports: BTreeMap<ModPath, BTreeMap<String, Vec<String>>>,
    /// For each module, the paths it uses (from the crate's root), each
    /// with the line it is on.
    uses: BTreeMap<ModPath, Vec<(Vec<String>, usize)>>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The source with comments, string and character literals blanked (line
/// breaks kept, so that lines still count), and `#[cfg(test)]` items
/// removed.
fn clean(src: &str) -> String {
    let s: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    let blank = |out: &mut String, c: char| out.push(if c == '\n' { '\n' } else { ' ' });
    while i < s.len() {
        let c = s[i];
        let next = s.get(i + 1).copied();
        let prev_ident = i > 0 && (s[i - 1].is_alphanumeric() || s[i - 1] == '_');
        if c == '/' && next == Some('/') {
            while i < s.len() && s[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < s.len() {
                if s[i] == '/' && s.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if s[i] == '*' && s.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, s[i]);
                    i += 1;
                }
            }
        } else if !prev_ident && (c == 'r' || (c == 'b' && next == Some('r'))) && {
            let mut j = i + if c == 'b' { 2 } else { 1 };
            while s.get(j) == Some(&'#') {
                j += 1;
            }
            s.get(j) == Some(&'"')
        } {
            // A raw string: r#"…"#.
            i += if c == 'b' { 2 } else { 1 };
            let mut hashes = 0;
            while s[i] == '#' {
                hashes += 1;
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
            loop {
                if s[i] == '"' && (0..hashes).all(|k| s.get(i + 1 + k) == Some(&'#')) {
                    i += 1 + hashes;
                    break;
                }
                blank(&mut out, s[i]);
                i += 1;
            }
        } else if c == '"' {
            i += 1;
            out.push_str("\"\"");
            while s[i] != '"' {
                if s[i] == '\\' {
                    i += 1;
                }
                blank(&mut out, s[i]);
                i += 1;
            }
            i += 1;
        } else if c == '\'' {
            // A character literal (`b'x'` too), or a lifetime (left as it
            // is).
            let end = if next == Some('\\') {
                (i + 3..s.len()).find(|&j| s[j] == '\'')
            } else if s.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(end) => {
                    out.push_str("' '");
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    drop_test_items(&out)
}

/// Removes every item marked `#[cfg(test)]` (a `mod tests { … }`, a `use`,
/// a function), keeping its line breaks.
fn drop_test_items(src: &str) -> String {
    let mut out = src.to_string();
    while let Some(at) = out.find("#[cfg(test)]") {
        let bytes = out.as_bytes();
        let mut i = at + "#[cfg(test)]".len();
        let mut depth = 0usize;
        let end = loop {
            match bytes[i] {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        break i + 1;
                    }
                }
                b';' if depth == 0 => break i + 1,
                _ => {}
            }
            i += 1;
        };
        let kept: String = out[at..end]
            .chars()
            .map(|c| if c == '\n' { '\n' } else { ' ' })
            .collect();
        out.replace_range(at..end, &kept);
    }
    out
}

/// A token: an identifier (or keyword), `::`, or any other character.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Colons,
    Punct(char),
}

/// The tokens of cleaned source, each with its line.
fn tokens(src: &str) -> Vec<(Tok, usize)> {
    let s: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < s.len() && (s[i].is_alphanumeric() || s[i] == '_') {
                i += 1;
            }
            let word: String = s[start..i].iter().collect();
            out.push((Tok::Ident(word.trim_start_matches("r#").to_string()), line));
        } else if c == ':' && s.get(i + 1) == Some(&':') {
            out.push((Tok::Colons, line));
            i += 2;
        } else {
            out.push((Tok::Punct(c), line));
            i += 1;
        }
    }
    out
}

/// A path a `use` names, and the name it brings in (`*` for a glob).
type UsePath = (Vec<String>, Option<String>);

/// A `use` tree flattened into its paths (`a::{b, c::d}` → `a::b`,
/// `a::c::d`); `self` inside braces names the prefix itself. `pos` is
/// just past `use`; returns the paths and the position after the `;`.
fn use_paths(toks: &[(Tok, usize)], mut pos: usize) -> (Vec<UsePath>, usize) {
    fn tree(toks: &[(Tok, usize)], pos: &mut usize, prefix: &[String], out: &mut Vec<UsePath>) {
        let mut path = prefix.to_vec();
        loop {
            match &toks[*pos].0 {
                Tok::Colons => *pos += 1,
                Tok::Ident(w) if w == "self" && path.len() > prefix.len() => *pos += 1,
                Tok::Ident(w) if w == "self" && !prefix.is_empty() => *pos += 1,
                Tok::Ident(w) if w == "as" => {
                    let alias = match &toks[*pos + 1].0 {
                        Tok::Ident(a) => Some(a.clone()),
                        _ => None,
                    };
                    *pos += 2;
                    out.push((path, alias));
                    return;
                }
                Tok::Ident(w) => {
                    path.push(w.clone());
                    *pos += 1;
                }
                Tok::Punct('*') => {
                    *pos += 1;
                    out.push((path, Some("*".into())));
                    return;
                }
                Tok::Punct('{') => {
                    *pos += 1;
                    loop {
                        match &toks[*pos].0 {
                            Tok::Punct('}') => {
                                *pos += 1;
                                return;
                            }
                            Tok::Punct(',') => *pos += 1,
                            _ => tree(toks, pos, &path, out),
                        }
                    }
                }
                _ => {
                    let name = path.last().cloned();
                    out.push((path, name));
                    return;
                }
            }
        }
    }
    let mut out = Vec::new();
    tree(toks, &mut pos, &[], &mut out);
    while toks[pos].0 != Tok::Punct(';') {
        pos += 1;
    }
    (out, pos + 1)
}

/// `crate::…`, `super::…` or `self::…` (or, from the binary, the
/// library's name) made absolute from the crate's root; `None` for a path
/// into another crate.
fn absolute(path: &[String], here: &[String], library: Option<&str>) -> Option<Vec<String>> {
    let first = path.first()?;
    let mut base: Vec<String> = match first.as_str() {
        "crate" => Vec::new(),
        "self" => here.to_vec(),
        "super" => {
            let mut base = here.to_vec();
            let supers = path.iter().take_while(|p| *p == "super").count();
            base.truncate(base.len().checked_sub(supers)?);
            base.extend(path[supers..].iter().cloned());
            return Some(base);
        }
        name if Some(name) == library => return Some(path.to_vec()),
        _ => return None,
    };
    base.extend(path[1..].iter().cloned());
    Some(base)
}

/// Reads the crate whose root file is `root_file`. `library` names the
/// library crate when reading the binary (its paths then count too, with
/// the library's name as their first part).
fn read_crate(root_file: &Path, library: Option<&str>) -> Crate {
    let mut krate = Crate {
        files: BTreeMap::new(),
        reexports: BTreeMap::new(),
        uses: BTreeMap::new(),
    };
    let mut todo = vec![(Vec::<String>::new(), root_file.to_path_buf())];
    while let Some((module, file)) = todo.pop() {
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let toks = tokens(&clean(&text));
        // Inline modules (`mod docx { … }`) stack on the file's module:
        // their paths resolve from inside them, but they count as part of
        // the file.
        let mut inline: Vec<(String, usize)> = Vec::new();
        let mut depth = 0usize;
        let mut uses = Vec::new();
        let mut reexports = BTreeMap::new();
        let mut i = 0;
        while i < toks.len() {
            let here: Vec<String> = module
                .iter()
                .cloned()
                .chain(inline.iter().map(|(m, _)| m.clone()))
                .collect();
            match &toks[i].0 {
                Tok::Punct('{') => depth += 1,
                Tok::Punct('}') => {
                    depth -= 1;
                    if inline.last().is_some_and(|(_, d)| *d == depth) {
                        inline.pop();
                    }
                }
                Tok::Ident(w) if w == "mod" => {
                    let Tok::Ident(name) = &toks[i + 1].0 else {
                        panic!("{}: `mod` without a name", file.display())
                    };
                    if toks[i + 2].0 == Tok::Punct(';') {
                        let dir = match file.file_name().and_then(|n| n.to_str()) {
                            Some("lib.rs" | "main.rs" | "mod.rs") => {
                                file.parent().unwrap().to_path_buf()
                            }
                            _ => file.with_extension(""),
                        };
                        let flat = dir.join(format!("{name}.rs"));
                        let nested = dir.join(name).join("mod.rs");
                        let child = if flat.exists() { flat } else { nested };
                        assert!(child.exists(), "{}: mod {name}: no file", file.display());
                        let mut path = here.clone();
                        path.push(name.clone());
                        todo.push((path, child));
                    } else {
                        inline.push((name.clone(), depth));
                    }
                    i += 2;
                    continue;
                }
                Tok::Ident(w) if w == "use" => {
                    let public = i > 0 && toks[i - 1].0 == Tok::Ident("pub".into());
                    let line = toks[i].1;
                    let (paths, next) = use_paths(&toks, i + 1);
                    for (path, name) in paths {
                        // `use x::y` inside a module names `x` from the
                        // crate's root only when `x` is `crate`, `self`,
                        // `super` (2018 paths), or a child module.
                        let abs = absolute(&path, &here, library).or_else(|| {
                            let mut child = here.clone();
                            child.extend(path.iter().cloned());
                            Some(child)
                        });
                        if let Some(abs) = abs {
                            if public && let Some(name) = name {
                                reexports.insert(name, abs.clone());
                            }
                            uses.push((abs, line));
                        }
                    }
                    i = next;
                    continue;
                }
                Tok::Ident(w)
                    if (w == "crate" || w == "super" || Some(w.as_str()) == library)
                        && toks.get(i + 1).map(|t| &t.0) == Some(&Tok::Colons)
                        && (i == 0 || toks[i - 1].0 != Tok::Colons) =>
                {
                    let line = toks[i].1;
                    let mut path = vec![w.clone()];
                    let mut j = i + 1;
                    while toks.get(j).map(|t| &t.0) == Some(&Tok::Colons) {
                        match toks.get(j + 1).map(|t| &t.0) {
                            Some(Tok::Ident(p)) => path.push(p.clone()),
                            _ => break,
                        }
                        j += 2;
                    }
                    if let Some(abs) = absolute(&path, &here, library) {
                        uses.push((abs, line));
                    }
                    i = j;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        krate.files.insert(module.clone(), file);
        krate.reexports.insert(module.clone(), reexports);
        krate.uses.insert(module, uses);
    }
    krate
}

impl Crate {
    /// The module a path names: its longest prefix that is a module,
    /// followed through re-exports. `None` for a path outside the crate.
    fn module_of(&self, path: &[String]) -> Option<ModPath> {
        let mut path = path.to_vec();
        for _ in 0..16 {
            let n = (0..=path.len())
                .rev()
                .find(|&n| self.files.contains_key(&path[..n]))?;
            let module = path[..n].to_vec();
            match path
                .get(n)
                .and_then(|name| self.reexports.get(&module)?.get(name))
            {
                Some(target) if target.as_slice() != path.as_slice() => {
                    let mut next = target.clone();
                    next.extend(path[n + 1..].iter().cloned());
                    path = next;
                }
                _ => return Some(module),
            }
        }
        None
    }

    /// Every arrow between modules: (user, used, file:line of one use).
    fn arrows(&self) -> BTreeMap<(ModPath, ModPath), String> {
        let mut out = BTreeMap::new();
        for (from, uses) in &self.uses {
            for (path, line) in uses {
                let Some(to) = self.module_of(path) else {
                    continue;
                };
                if &to != from {
                    let file = &self.files[from];
                    let file = file.strip_prefix(root()).unwrap_or(file).display();
                    out.entry((from.clone(), to))
                        .or_insert_with(|| format!("{file}:{line}"));
                }
            }
        }
        out
    }

    /// The arrows between siblings: for each module with children, the
    /// arrows among its children, each lifted from anywhere inside one
    /// child to anywhere inside another (with one use as evidence).
    fn sibling_arrows(&self) -> BTreeMap<ModPath, BTreeMap<(String, String), String>> {
        let mut out: BTreeMap<ModPath, BTreeMap<(String, String), String>> = BTreeMap::new();
        for ((from, to), at) in self.arrows() {
            let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
            // A parent and its descendants are one unit.
            if common == from.len() || common == to.len() {
                continue;
            }
            out.entry(from[..common].to_vec())
                .or_default()
                .entry((from[common].clone(), to[common].clone()))
                .or_insert(at);
        }
        out
    }
}

/// A cycle in a graph, as its nodes in order, if there is one.
fn find_cycle(arrows: &BTreeSet<(String, String)>) -> Option<Vec<String>> {
    let nodes: BTreeSet<&String> = arrows.iter().flat_map(|(a, b)| [a, b]).collect();
    // Depth-first search; a node met again while still on the path closes
    // a cycle.
    fn visit<'a>(
        node: &'a String,
        arrows: &'a BTreeSet<(String, String)>,
        path: &mut Vec<&'a String>,
        done: &mut BTreeSet<&'a String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| *n == node) {
            let mut cycle: Vec<String> = path[at..].iter().map(|n| n.to_string()).collect();
            cycle.push(node.clone());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node);
        for (_, to) in arrows.iter().filter(|(from, _)| from == node) {
            if let Some(cycle) = visit(to, arrows, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node);
        None
    }
    let mut done = BTreeSet::new();
    for node in nodes {
        if let Some(cycle) = visit(node, arrows, &mut Vec::new(), &mut done) {
            return Some(cycle);
        }
    }
    None
}

fn library() -> Crate {
    read_crate(&root().join("src/lib.rs"), None)
}

fn name(path: &[String]) -> String {
    if path.is_empty() {
        "crate".into()
    } else {
        path.join("::")
    }
}

/// Every cycle among siblings, one per module that has one, each with the
/// uses that make it.
fn cycles(krate: &Crate) -> Vec<String> {
    let mut found = Vec::new();
    for (parent, arrows) in krate.sibling_arrows() {
        let mut arrows_left: BTreeSet<(String, String)> = arrows.keys().cloned().collect();
        // Report every cycle: drop one arrow of each found and look again.
        while let Some(cycle) = find_cycle(&arrows_left) {
            let steps: Vec<String> = cycle
                .windows(2)
                .map(|w| {
                    let at = &arrows[&(w[0].clone(), w[1].clone())];
                    format!("  {} → {} ({at})", w[0], w[1])
                })
                .collect();
            found.push(format!(
                "in {}: {}\n{}",
                name(&parent),
                cycle.join(" → "),
                steps.join("\n")
            ));
            arrows_left.remove(&(cycle[0].clone(), cycle[1].clone()));
        }
    }
    found
}

#[test]
fn the_module_graph_has_no_cycle() {
    let krate = library();
    assert!(
        krate.files.len() > 20,
        "the library's modules were not found: {:?}",
        krate.files.keys().collect::<Vec<_>>()
    );
    let found = cycles(&krate);
    assert!(
        found.is_empty(),
        "{} cycles among the modules of src/ (each arrow with one use that makes it):\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_reader_sees_uses_of_every_form() {
    // The reader itself, on a small crate written for it: a cycle made by
    // each form of use is found, and comments, strings and tests are not
    // read as uses.
    let dir = tempfile::tempdir().unwrap();
    let write = |path: &str, text: &str| {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "lib.rs",
        "pub mod a;\npub mod b;\npub mod c;\npub use c::Thing;\n",
    );
    write(
        "a/mod.rs",
        "mod inner;\n// crate::c::x in a comment\nconst S: &str = \"crate::c::x\";\n\
         #[cfg(test)]\nmod tests { use crate::c::Thing; }\n",
    );
    write("a/inner.rs", "use super::super::b::{self, Z as Y};\n");
    write(
        "b.rs",
        "pub struct Z;\nfn f() -> crate::Thing { todo!() }\n",
    );
    write(
        "c.rs",
        "pub struct Thing;\nmod deep { fn g() { let _ = super::super::a::f(); } }\n",
    );
    let krate = read_crate(&dir.path().join("lib.rs"), None);
    let arrows: BTreeSet<(String, String)> = krate.sibling_arrows()[&Vec::new()]
        .keys()
        .cloned()
        .collect();
    let expected: BTreeSet<(String, String)> = [("a", "b"), ("b", "c"), ("c", "a")]
        .iter()
        .map(|(x, y)| (x.to_string(), y.to_string()))
        .collect();
    assert_eq!(arrows, expected);
    let found = cycles(&krate);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("in crate: a → b → c → a"), "{found:?}");
}

#[test]
fn the_library_knows_nothing_of_the_command_line() {
    // clap belongs to the binary: the library's enums are mirrored there.
    let krate = library();
    let mut leaks = Vec::new();
    for file in krate.files.values() {
        let text = clean(&std::fs::read_to_string(file).unwrap());
        for (n, line) in text.lines().enumerate() {
            if line.contains("clap") {
                leaks.push(format!("{}:{}", file.display(), n + 1));
            }
        }
    }
    assert!(leaks.is_empty(), "clap in the library: {leaks:?}");
}

/// The arrows of a graph without cycles, less those another path implies
/// (its transitive reduction): `a → c` goes when `a → b → … → c` exists.
fn reduced(arrows: &BTreeSet<(String, String)>) -> BTreeSet<(String, String)> {
    let reaches = |from: &String, to: &String, skip: &(String, String)| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from];
        while let Some(n) = todo.pop() {
            for arrow in arrows.iter().filter(|a| &a.0 == n && *a != skip) {
                if &arrow.1 == to {
                    return true;
                }
                if seen.insert(&arrow.1) {
                    todo.push(&arrow.1);
                }
            }
        }
        false
    };
    arrows
        .iter()
        .filter(|arrow| !reaches(&arrow.0, &arrow.1, arrow))
        .cloned()
        .collect()
}

/// The top level of the graph, as Graphviz DOT: the library's modules and
/// the binary `gen`, with an arrow from each user to what it uses (arrows
/// that others imply left out, so that the floors show).
fn dot() -> String {
    let krate = library();
    let mut arrows: BTreeSet<(String, String)> = krate
        .sibling_arrows()
        .remove(&Vec::new())
        .unwrap_or_default()
        .into_keys()
        .collect();
    let modules: BTreeSet<String> = krate
        .files
        .keys()
        .filter(|m| m.len() == 1)
        .map(|m| m[0].clone())
        .collect();
    let binary = read_crate(&root().join("src/main.rs"), Some("gongwen"));
    arrows.extend(
        binary
            .uses
            .values()
            .flatten()
            .filter(|(path, _)| path.first().map(String::as_str) == Some("gongwen"))
            .filter_map(|(path, _)| krate.module_of(&path[1..]))
            .filter_map(|m| m.first().cloned())
            .map(|m| ("gen".to_string(), m)),
    );
    let mut out = String::from(
        "// The top level of src/'s module graph. Made by tests/modules.rs;\n\
         // do not edit.\n\
         digraph modules {\n\
         \x20 label=\"The modules of src/: an arrow from each to those it uses (arrows \
         that a path of others implies are left out)\";\n\
         \x20 labelloc=t; fontname=\"sans-serif\"; fontsize=12; ranksep=0.45; nodesep=0.25;\n\
         \x20 node [shape=box, fontname=\"sans-serif\", fontsize=11, height=0.3];\n\
         \x20 edge [color=\"#555555\", arrowsize=0.6];\n\
         \x20 gen [label=\"gen (the binary)\", style=filled, fillcolor=\"#eeeeee\"];\n",
    );
    for m in &modules {
        out.push_str(&format!("  {m};\n"));
    }
    for (a, b) in reduced(&arrows) {
        out.push_str(&format!("  {a} -> {b};\n"));
    }
    out.push_str("}\n");
    out
}

/// The arrows of a picture Graphviz drew: each edge's `<title>a&#45;&gt;b</title>`.
fn drawn_arrows(svg: &str) -> BTreeSet<(String, String)> {
    svg.split("<g id=\"edge")
        .skip(1)
        .filter_map(|g| {
            let title = g.split("<title>").nth(1)?.split("</title>").next()?;
            let (a, b) = title.split_once("&#45;&gt;")?;
            Some((a.to_string(), b.to_string()))
        })
        .collect()
}

fn dot_arrows(dot: &str) -> BTreeSet<(String, String)> {
    dot.lines()
        .filter_map(|l| {
            let (a, b) = l.trim().trim_end_matches(';').split_once(" -> ")?;
            Some((a.to_string(), b.to_string()))
        })
        .collect()
}

#[test]
fn the_picture_shows_the_code() {
    let dot = dot();
    let svg_path = root().join("docs/modules.svg");
    if std::env::var_os("GONGWEN_DRAW_MODULES").is_some() {
        use std::io::Write;
        let mut child = std::process::Command::new("dot")
            .args(["-Tsvg", "-o"])
            .arg(&svg_path)
            .stdin(std::process::Stdio::piped())
            .spawn()
            .expect("Graphviz's `dot` draws the picture (Debian: apt-get install graphviz)");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(dot.as_bytes())
            .unwrap();
        assert!(child.wait().unwrap().success(), "dot failed");
    }
    let svg = std::fs::read_to_string(&svg_path).unwrap_or_default();
    assert_eq!(
        drawn_arrows(&svg),
        dot_arrows(&dot),
        "docs/modules.svg does not show the module graph of the code; redraw it with \
         GONGWEN_DRAW_MODULES=1 cargo test --release --test modules"
    );
}

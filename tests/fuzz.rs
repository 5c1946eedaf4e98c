//! Fuzz targets, run for a bounded number of cases in every test run: the
//! YAML loader and the linter, `gen import` (text and DOCX) and the seal
//! image readers, each fed mutations of a corpus of real inputs (the
//! `data/` documents and seals, the import fixtures, a DOCX made by
//! `gen docx`). Nothing panics, and each call returns: a value or an
//! error. `PROPTEST_CASES=N` runs more cases locally.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use proptest::prelude::*;

/// A change to a byte string.
#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, bit: u8 },
    Insert { at: usize, byte: u8 },
    Delete { at: usize, len: usize },
    Repeat { at: usize, len: usize, times: usize },
    Truncate { at: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip { at, bit }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Insert { at, byte }),
        (any::<usize>(), 1usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<usize>(), 1usize..64, 1usize..8).prop_map(|(at, len, times)| Mutation::Repeat {
            at,
            len,
            times
        }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let n = bytes.len().max(1);
    match *m {
        Mutation::Flip { at, bit } => {
            if !bytes.is_empty() {
                bytes[at % n] ^= 1 << bit;
            }
        }
        Mutation::Insert { at, byte } => bytes.insert(at % (bytes.len() + 1), byte),
        Mutation::Delete { at, len } => {
            let start = at % n;
            let end = (start + len).min(bytes.len());
            if start < end {
                bytes.drain(start..end);
            }
        }
        Mutation::Repeat { at, len, times } => {
            let start = at % n;
            let end = (start + len).min(bytes.len());
            if start < end {
                let piece = bytes[start..end].to_vec();
                for _ in 0..times {
                    bytes.splice(end..end, piece.iter().copied());
                }
            }
        }
        Mutation::Truncate { at } => bytes.truncate(at % n),
    }
}

fn files(dir: &Path, ext: &[&str]) -> Vec<Vec<u8>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ext.contains(&e))
        })
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

/// The YAML corpus: every data/ document.
fn documents() -> &'static [Vec<u8>] {
    static CORPUS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    CORPUS.get_or_init(|| files(&common::root().join("data"), &["yaml"]))
}

/// The text corpus of `gen import`: its fixtures.
fn texts() -> &'static [Vec<u8>] {
    static CORPUS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let mut all = files(&common::root().join("tests/fixtures"), &["txt"]);
        all.extend(files(
            &common::root().join("tests/fixtures/import"),
            &["txt"],
        ));
        all
    })
}

/// The DOCX corpus: the seed and the joint notice as `gen docx` writes
/// them, as their `word/document.xml` (mutated, then zipped again: a
/// mutated zip is mostly refused at its directory, which proves little).
fn docx_parts() -> &'static [(Vec<u8>, Vec<u8>)] {
    static CORPUS: OnceLock<Vec<(Vec<u8>, Vec<u8>)>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = common::tempdir();
        ["seed-notice", "joint-notice"]
            .iter()
            .map(|name| {
                let out = dir.path().join(format!("{name}.docx"));
                let src = common::root().join(format!("data/{name}.yaml"));
                let run = common::run_gen(&[
                    "docx",
                    common::path_str(&src),
                    "-o",
                    common::path_str(&out),
                ]);
                assert!(
                    run.status.success(),
                    "{}",
                    String::from_utf8_lossy(&run.stderr)
                );
                let bytes = std::fs::read(&out).unwrap();
                let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
                let mut part = |n: &str| {
                    let mut v = Vec::new();
                    std::io::Read::read_to_end(&mut zip.by_name(n).unwrap(), &mut v).unwrap();
                    v
                };
                (part("word/document.xml"), part("word/styles.xml"))
            })
            .collect()
    })
}

fn zip_docx(document: &[u8], styles: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(document).unwrap();
    zip.start_file("word/styles.xml", opts).unwrap();
    zip.write_all(styles).unwrap();
    zip.finish().unwrap();
    buf.into_inner()
}

/// The image corpus: the data/ seals and an SVG seal.
fn images() -> &'static [Vec<u8>] {
    static CORPUS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let mut all = files(&common::root().join("data/seals"), &["png"]);
        all.push(r##"<svg xmlns="http://www.w3.org/2000/svg" width="42mm" height="42mm" viewBox="0 0 100 100"><circle cx="50" cy="50" r="46" fill="none" stroke="#e00" stroke-width="4"/><text x="50" y="55" text-anchor="middle" fill="#e00">印</text></svg>"##.as_bytes().to_vec());
        all
    })
}

proptest! {
    #![proptest_config(common::proptest_config(96))]

    #[test]
    fn the_loader_and_the_linter_never_panic(
        k in any::<usize>(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let corpus = documents();
        let mut bytes = corpus[k % corpus.len()].clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let path = Path::new("fuzz.yaml");
        let _ = gongwen::load::load_bytes(path, bytes.clone());
        let _ = gongwen::check::check_bytes(path, &bytes, common::fonts());
    }

    #[test]
    fn import_of_text_never_panics(
        k in any::<usize>(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let corpus = texts();
        let mut bytes = corpus[k % corpus.len()].clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        if let Ok(imported) = gongwen::import::read(&bytes) {
            let _ = imported.yaml("fuzz.txt");
        }
    }

    #[test]
    fn import_of_docx_never_panics(
        k in any::<usize>(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let corpus = docx_parts();
        let (document, styles) = &corpus[k % corpus.len()];
        let mut document = document.clone();
        for m in &mutations {
            apply(&mut document, m);
        }
        if let Ok(imported) = gongwen::import::read(&zip_docx(&document, styles)) {
            let _ = imported.yaml("fuzz.docx");
        }
    }

    #[test]
    fn the_image_readers_never_panic(
        k in any::<usize>(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let corpus = images();
        let mut bytes = corpus[k % corpus.len()].clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let _ = gongwen::assets::decode(bytes);
    }
}

/// The mutations really change the inputs (a fuzz target that never
/// mutates proves nothing).
#[test]
fn mutations_change_their_input() {
    let base = "kind: 通知\ntitle: 标题\n".as_bytes().to_vec();
    for m in [
        Mutation::Flip { at: 3, bit: 0 },
        Mutation::Insert {
            at: 100,
            byte: b'x',
        },
        Mutation::Delete { at: 2, len: 3 },
        Mutation::Repeat {
            at: 0,
            len: 4,
            times: 2,
        },
        Mutation::Truncate { at: 5 },
    ] {
        let mut b = base.clone();
        apply(&mut b, &m);
        assert_ne!(b, base, "{m:?}");
    }
}

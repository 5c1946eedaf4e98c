//! LibreOffice, headless, as the tests' office suite: converts DOCX files to
//! PDF (or back to DOCX) with the official font names mapped onto the
//! bundled fonts, so that the intended metrics are used.
//!
//! LibreOffice takes seconds to start, so a test binary renders all its
//! DOCX files at once: it lists them in a [`Plan`] (`gen docx` of YAML
//! files or text, or files made from those), and the first test that
//! needs one has them all converted in one `soffice` run and measured by
//! pdfminer (one run per core) ([`batch`]); every test then reads its
//! document from the [`Batch`].

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::pdfminer::{Page, measure_all};
use super::tools::{Tool, need};
use super::{path_str, root, run, run_gen};

/// A fontconfig file: only the bundled fonts, and the official names
/// mapped onto them.
pub fn fonts_conf(dir: &Path) -> PathBuf {
    let map = [
        ("仿宋_GB2312", "FandolFang", None),
        ("楷体_GB2312", "Gongwen Kai", None),
        ("黑体", "Noto Sans CJK SC", Some("medium")),
        ("方正小标宋简体", "Noto Serif CJK SC", Some("bold")),
        ("宋体", "Noto Serif CJK SC", None),
        ("Times New Roman", "Liberation Serif", None),
    ];
    let mut conf = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n<dir>{}</dir>\n<cachedir>{}</cachedir>\n",
        root().join("fonts").display(),
        dir.join("fc-cache").display()
    );
    for (from, to, weight) in map {
        conf.push_str(&format!(
            "<match target=\"pattern\"><test name=\"family\"><string>{from}</string></test>\
             <edit name=\"family\" mode=\"assign\" binding=\"strong\"><string>{to}</string></edit>"
        ));
        if let Some(w) = weight {
            conf.push_str(&format!(
                "<edit name=\"weight\" mode=\"assign\" binding=\"strong\"><const>{w}</const></edit>"
            ));
        }
        conf.push_str("</match>\n");
    }
    conf.push_str("</fontconfig>\n");
    let path = dir.join("fonts.conf");
    std::fs::write(&path, conf).unwrap();
    path
}

/// Converts `inputs` with LibreOffice, headless, in one run (one start, a
/// private profile in `dir`): `to` is `--convert-to`'s argument (`pdf`,
/// `docx:MS Word 2007 XML`). The outputs, in `inputs`' order; their names
/// are the inputs' stems, which must differ.
pub fn convert(inputs: &[PathBuf], to: &str, dir: &Path) -> Vec<PathBuf> {
    let ext = to.split(':').next().unwrap();
    let out = dir.join(format!("lo-{ext}"));
    std::fs::create_dir_all(&out).unwrap();
    let stems: Vec<&str> = inputs
        .iter()
        .map(|p| p.file_stem().unwrap().to_str().unwrap())
        .collect();
    let mut unique = stems.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(
        unique.len(),
        stems.len(),
        "two inputs named alike: {stems:?}"
    );
    let conf = fonts_conf(dir);
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("lo-profile").display()
    );
    let mut args = vec![
        profile.as_str(),
        "--headless",
        "--convert-to",
        to,
        "--outdir",
        path_str(&out),
    ];
    args.extend(inputs.iter().map(|p| path_str(p)));
    run("soffice", &args, &[("FONTCONFIG_FILE", path_str(&conf))]);
    stems
        .iter()
        .map(|stem| {
            let path = out.join(format!("{stem}.{ext}"));
            assert!(path.exists(), "LibreOffice wrote no {}", path.display());
            path
        })
        .collect()
}

/// Converts `input` with LibreOffice, headless, in a private profile.
pub fn libreoffice(input: &Path, to: &str, dir: &Path) -> PathBuf {
    convert(&[input.to_path_buf()], to, dir).pop().unwrap()
}

/// A DOCX file as LibreOffice renders it.
pub struct Rendered {
    pub docx: PathBuf,
    /// LibreOffice's PDF of it.
    pub pdf: PathBuf,
    /// That PDF's pages, measured.
    pub pages: Vec<Page>,
}

/// The DOCX files a test binary has LibreOffice render, each by name.
pub struct Plan {
    dir: tempfile::TempDir,
    docs: Vec<(String, PathBuf)>,
}

impl Plan {
    fn new() -> Self {
        let dir = super::tempdir();
        std::fs::create_dir_all(dir.path().join("docx")).unwrap();
        Plan {
            dir,
            docs: Vec::new(),
        }
    }

    /// A new folder for `name`'s own files (its YAML, images, edits).
    pub fn folder(&self, name: &str) -> PathBuf {
        let d = self.dir.path().join("in").join(name);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    fn slot(&self, name: &str) -> PathBuf {
        assert!(
            name.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
            "{name:?}: a plain file name"
        );
        assert!(
            self.docs.iter().all(|(n, _)| n != name),
            "{name} planned twice"
        );
        self.dir.path().join("docx").join(format!("{name}.docx"))
    }

    /// `gen docx` of the YAML file `yaml` (images relative to it), with
    /// `extra` arguments, as `name`; the DOCX's path.
    pub fn input(&mut self, name: &str, yaml: &Path, extra: &[&str]) -> PathBuf {
        let docx = self.slot(name);
        let mut args = vec!["docx", path_str(yaml), "-o", path_str(&docx)];
        args.extend(extra);
        let o = run_gen(&args);
        assert!(
            o.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        self.docs.push((name.to_string(), docx.clone()));
        docx
    }

    /// `gen docx` of YAML text, as `name`; the DOCX's path.
    pub fn yaml(&mut self, name: &str, yaml: &str) -> PathBuf {
        let input = self.folder(name).join("doc.yaml");
        std::fs::write(&input, yaml).unwrap();
        self.input(name, &input, &[])
    }

    /// A DOCX made otherwise (one of ours, edited), as `name`.
    pub fn docx(&mut self, name: &str, docx: &Path) -> PathBuf {
        let slot = self.slot(name);
        std::fs::copy(docx, &slot).unwrap();
        self.docs.push((name.to_string(), slot.clone()));
        slot
    }

    /// Every file converted in one LibreOffice run, the PDFs measured by
    /// pdfminer, one run per core.
    fn render(self) -> Batch {
        let files: Vec<PathBuf> = self.docs.iter().map(|(_, d)| d.clone()).collect();
        let pdfs = convert(&files, "pdf", self.dir.path());
        let pages = measure_all(&pdfs);
        let docs = self
            .docs
            .into_iter()
            .zip(pdfs.into_iter().zip(pages))
            .map(|((name, docx), (pdf, pages))| (name, Rendered { docx, pdf, pages }))
            .collect();
        Batch {
            _dir: self.dir,
            docs,
        }
    }
}

/// A test binary's DOCX files, rendered by LibreOffice.
pub struct Batch {
    _dir: tempfile::TempDir,
    docs: BTreeMap<String, Rendered>,
}

impl Batch {
    /// The document planned as `name`.
    pub fn get(&self, name: &str) -> &Rendered {
        self.docs
            .get(name)
            .unwrap_or_else(|| panic!("no {name} in the plan: {:?}", self.docs.keys()))
    }

    /// Every DOCX file of the batch.
    pub fn files(&self) -> Vec<&Path> {
        self.docs.values().map(|r| r.docx.as_path()).collect()
    }
}

/// Where a test binary keeps its batch.
pub type BatchCell = OnceLock<Result<Batch, String>>;

/// The test binary's batch, made by `plan` and rendered when a test first
/// asks for it; `None` (the test skips) without LibreOffice or pdfminer,
/// unless they are required (see [`need`]). A batch that cannot be made
/// fails every test that asks for it, with the reason, and is not tried
/// again.
pub fn batch(cell: &'static BatchCell, plan: fn(&mut Plan)) -> Option<&'static Batch> {
    if !need(&[Tool::LibreOffice, Tool::PythonLibs]) {
        return None;
    }
    let made = cell.get_or_init(|| {
        catch_unwind(AssertUnwindSafe(|| {
            let mut p = Plan::new();
            plan(&mut p);
            p.render()
        }))
        .map_err(|e| {
            e.downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "a panic".into())
        })
    });
    match made {
        Ok(b) => Some(b),
        Err(e) => panic!("the LibreOffice batch could not be made: {e}"),
    }
}

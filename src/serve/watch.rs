//! `gen watch FILE`: the editor's warm core without the browser. Every
//! time the file is saved, the PDF (and the DOCX and HTML, if asked) are
//! written again beside it, with one incremental layout.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::assets::Assets;
use crate::check::{self, Finding};
use crate::error::Error;
use crate::fonts::FontSet;
use crate::layout::Typesetter;
use crate::{docx, html, load, output, pdf};

/// What `gen watch` writes besides the PDF.
#[derive(Debug, Clone, Copy, Default)]
pub struct Outputs {
    pub docx: bool,
    pub html: bool,
}

/// What happened on one save.
#[derive(Debug)]
pub enum Event {
    /// Written: the files, the time it took and `gen check`'s findings.
    Written {
        files: Vec<PathBuf>,
        millis: f64,
        pages: usize,
        findings: Vec<Finding>,
    },
    /// The document could not be written (it stays as it was).
    Failed {
        error: Error,
        findings: Vec<Finding>,
    },
}

/// How often the file is looked at.
const POLL: Duration = Duration::from_millis(150);

/// Watches `path` until `stop` is set, reporting each save to `report`
/// (the first report is for the file as it is when watching starts).
pub fn watch(
    path: &Path,
    outputs: Outputs,
    fonts: &FontSet,
    stop: &Arc<AtomicBool>,
    report: &mut dyn FnMut(Event),
) {
    let pdf_settings = pdf::Settings::default();
    let typesetter = Typesetter::new(fonts, pdf_settings.red());
    let mut seen: Option<Vec<u8>> = None;
    while !stop.load(Ordering::SeqCst) {
        let bytes = std::fs::read(path).ok();
        if bytes.is_some() && bytes != seen {
            seen = bytes;
            report(once(path, outputs, fonts, &typesetter, &pdf_settings));
        }
        std::thread::sleep(POLL);
    }
}

/// Writes the outputs of `path` once.
fn once(
    path: &Path,
    outputs: Outputs,
    fonts: &FontSet,
    typesetter: &Typesetter,
    settings: &pdf::Settings,
) -> Event {
    let started = Instant::now();
    let findings = check::check_file(path, fonts)
        .map(|r| r.findings)
        .unwrap_or_default();
    let mut files = Vec::new();
    let result = (|| -> Result<usize, Error> {
        let (doc, source) = load::load(path)?;
        let assets = Assets::load(&doc, &source, None)?;
        let laid = typesetter.lay_out(&doc, &source, &assets)?;
        let pdf_bytes = pdf::export(&laid, settings)?;
        let mut written = vec![(path.with_extension("pdf"), pdf_bytes)];
        if outputs.docx {
            written.push((
                path.with_extension("docx"),
                docx::render(&laid, docx::Options::default())?,
            ));
        }
        if outputs.html {
            written.push((path.with_extension("html"), html::render(&doc, &source)?));
        }
        for (out, bytes) in written {
            output::refuse_input(&out, &[path])?;
            output::write_atomically(&out, &bytes)?;
            files.push(out);
        }
        Ok(laid.pages())
    })();
    match result {
        Ok(pages) => Event::Written {
            files,
            millis: started.elapsed().as_secs_f64() * 1000.0,
            pages,
            findings,
        },
        Err(error) => Event::Failed { error, findings },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_save_rewrites_the_pdf() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("n.yaml");
        let yaml =
            "kind: 通知\ntitle: 关于测试的通知\nissuer: 测试局\ndate: 2024-01-02\nbody: [正文。]\n";
        std::fs::write(&path, yaml).unwrap();
        let fonts = FontSet::bundled();
        let stop = Arc::new(AtomicBool::new(false));
        let mut events = Vec::new();
        std::thread::scope(|s| {
            let stop2 = stop.clone();
            let p = path.clone();
            s.spawn(move || {
                std::thread::sleep(Duration::from_millis(2500));
                std::fs::write(&p, yaml.replace("正文。", "正文改了。")).unwrap();
                std::thread::sleep(Duration::from_millis(2500));
                std::fs::write(&p, "kind: 通知\n").unwrap();
                std::thread::sleep(Duration::from_millis(1500));
                stop2.store(true, Ordering::SeqCst);
            });
            watch(
                &path,
                Outputs {
                    docx: true,
                    html: false,
                },
                &fonts,
                &stop,
                &mut |e| events.push(e),
            );
        });
        assert_eq!(events.len(), 3, "{events:?}");
        assert!(matches!(&events[0], Event::Written { files, .. } if files.len() == 2));
        assert!(matches!(&events[1], Event::Written { pages: 1, .. }));
        // A broken save is reported and leaves the last PDF in place.
        assert!(matches!(&events[2], Event::Failed { .. }));
        let pdf = std::fs::read(path.with_extension("pdf")).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }
}

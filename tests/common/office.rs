//! LibreOffice, headless, as the tests' office suite: converts a DOCX to
//! PDF (or back to DOCX) with the official font names mapped onto the
//! bundled fonts, so that the intended metrics are used.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{path_str, root};

/// Runs `cmd`; panics with its stderr unless it succeeds.
pub fn run(cmd: &str, args: &[&str], env: &[(&str, &str)]) -> Vec<u8> {
    let o = Command::new(cmd)
        .args(args)
        .envs(env.iter().copied())
        .output()
        .unwrap_or_else(|e| panic!("{cmd} must be installed (run .ci/run): {e}"));
    assert!(
        o.status.success(),
        "{cmd} {args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o.stdout
}

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

/// Converts `input` with LibreOffice, headless, in a private profile.
pub fn libreoffice(input: &Path, to: &str, dir: &Path) -> PathBuf {
    let out = dir.join(format!("lo-{to}"));
    std::fs::create_dir_all(&out).unwrap();
    let conf = fonts_conf(dir);
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("lo-profile").display()
    );
    run(
        "soffice",
        &[
            &profile,
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            path_str(&out),
            path_str(input),
        ],
        &[("FONTCONFIG_FILE", path_str(&conf))],
    );
    let stem = input.file_stem().unwrap().to_str().unwrap();
    let ext = to.split(':').next().unwrap();
    let path = out.join(format!("{stem}.{ext}"));
    assert!(path.exists(), "LibreOffice wrote no {}", path.display());
    path
}

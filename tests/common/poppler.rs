//! Reading back our PDFs with poppler-utils (`.ci/run` installs them): text, fonts, page info.
// Each test binary uses its own subset of these.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

/// Runs a poppler tool with `options`, then the PDF, then `extra`; its standard output.
fn run(tool: &str, options: &[&str], pdf: &Path, extra: &[&str]) -> String {
    let output = Command::new(tool)
        .args(options)
        .arg(pdf)
        .args(extra)
        .output()
        .unwrap_or_else(|error| panic!("{tool} runs (apt install poppler-utils): {error}"));
    assert!(
        output.status.success(),
        "{tool} failed on {}: {}",
        pdf.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap_or_else(|_| panic!("{tool} writes UTF-8"))
}

/// The text of `pdf` as `pdftotext` extracts it with `options`.
pub fn pdftotext(pdf: &Path, options: &[&str]) -> String {
    run("pdftotext", options, pdf, &["-"])
}

/// What `pdfinfo` says of `pdf` (title, page size, page count …).
pub fn pdfinfo(pdf: &Path) -> String {
    run("pdfinfo", &[], pdf, &[])
}

/// The table of fonts `pdffonts` lists for `pdf`.
pub fn pdffonts(pdf: &Path) -> String {
    run("pdffonts", &[], pdf, &[])
}

/// The number of pages of `pdf`, per `pdfinfo`.
pub fn page_count(pdf: &Path) -> usize {
    let info = pdfinfo(pdf);
    info.lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|count| count.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo gives a page count: {info}"))
}

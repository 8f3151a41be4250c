//! `koteihyo diff OLD NEW`: what changed between two revisions, as text (default) or JSON.
//! Exit 0 when they are the same, 1 when they differ, 2 when a file cannot be read (as `diff`).
//! `-o FILE.pdf` (or `-o FILE.docx`, an editable Word table) also writes the 新旧対照表.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::output::{self, Guard, Roadmaps};
use super::terminal::escape_lines;
use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, describe_load_error, problems};
use crate::diff::{compare, report};
use crate::export::comparison::{ComparisonSettings, Headings};
use crate::export::docx::comparison_docx;
use crate::export::printer::Printer;
use crate::io::{Loaded, load_with_text, write_atomic};
use crate::model::validate;

/// The formats of the 新旧対照表 `-o` writes, chosen by the output's extension.
const TABLE_FORMATS: &[&str] = &["pdf", "docx"];

/// Output formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// One line per change, characters marked `[-old-]{+new+}`.
    Text,
    /// The full comparison for scripts.
    Json,
}

/// The header row's words on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum HeadingsArg {
    /// 改正後 ｜ 改正前.
    #[default]
    Amended,
    /// 改正案 ｜ 現行.
    Draft,
    /// 新 ｜ 旧.
    NewOld,
}

/// What `diff` prints and writes.
#[derive(Debug, Clone)]
pub struct DiffOptions {
    /// Text or JSON on standard output.
    pub format: DiffFormat,
    /// Where to write the 新旧対照表 (.pdf or .docx), if anywhere.
    pub table: Option<PathBuf>,
    /// Unchanged entities in full in the table.
    pub full: bool,
    /// 改正前 on the left.
    pub old_first: bool,
    /// The header row's words.
    pub headings: HeadingsArg,
    /// Leave the revision labels out of the header row.
    pub no_revision_labels: bool,
    /// A font file instead of the system's.
    pub font: Option<PathBuf>,
    /// The language of problems and load errors.
    pub lang: crate::model::Lang,
}

impl DiffOptions {
    /// How the 新旧対照表 is laid out.
    #[must_use]
    pub fn comparison_settings(&self) -> ComparisonSettings {
        ComparisonSettings {
            new_first: !self.old_first,
            headings: match self.headings {
                HeadingsArg::Amended => Headings::Amended,
                HeadingsArg::Draft => Headings::Draft,
                HeadingsArg::NewOld => Headings::NewOld,
            },
            revision_labels: !self.no_revision_labels,
            ..ComparisonSettings::default()
        }
    }
}

/// Compares `old` with `new` and prints the changes to `out`.
pub fn run(
    old: &Path,
    new: &Path,
    options: &DiffOptions,
    out: &mut dyn Write,
) -> anyhow::Result<u8> {
    if let Some(table) = &options.table {
        if output::is_stdout(table) {
            bail!(
                "-o - cannot be used with diff: standard output holds the report; name the 新旧対照表 FILE.pdf or FILE.docx"
            );
        }
        let mut inputs = vec![old, new];
        inputs.extend(options.font.as_deref());
        Guard {
            inputs: &inputs,
            roadmaps: Roadmaps::Refused,
        }
        .check(table)?;
        output::require_extension(table, TABLE_FORMATS, "the 新旧対照表")?;
    }
    let mut loaded = Vec::new();
    for path in [old, new] {
        match load_with_text(path) {
            Ok(file) => loaded.push(file),
            Err(error) => {
                eprintln!("{}", describe_load_error(&error, options.lang));
                return Ok(EXIT_UNREADABLE);
            }
        }
    }
    if !comparable(&[old, new], &loaded, options.table.is_some(), options.lang) {
        return Ok(EXIT_UNREADABLE);
    }
    let documents = [&loaded[0].document, &loaded[1].document];
    let comparison = compare(documents[0], documents[1]);
    if let Some(path) = &options.table {
        let settings = options.comparison_settings();
        let (old, new) = (documents[0], documents[1]);
        let bytes = if output::extension(path).as_deref() == Some("docx") {
            // Word names the Mincho face; no font is looked for or embedded.
            comparison_docx(old, new, &settings, options.full)?
        } else {
            let (font, warning) = crate::font::find_for_comparison(options.font.as_deref())?;
            if let Some(warning) = warning {
                eprintln!("koteihyo: warning: {warning}");
            }
            Printer::new(font)?.comparison_pdf(old, new, &settings, options.full)?
        };
        write_atomic(path, &bytes, false)?;
    }
    match options.format {
        DiffFormat::Text => {
            let text = report::to_text(&comparison);
            if !text.is_empty() {
                writeln!(out, "{}", escape_lines(&text)).context("writing the comparison")?;
            }
        }
        DiffFormat::Json => {
            let json = serde_json::to_string_pretty(&comparison).context("encoding JSON")?;
            writeln!(out, "{json}").context("writing the comparison")?;
        }
    }
    Ok(if comparison.is_empty() {
        EXIT_OK
    } else {
        EXIT_PROBLEMS
    })
}

/// Whether the two revisions can be compared: revisions are aligned by id, so an id used twice
/// in either makes the comparison wrong (even of a file with itself). Such ids are listed on
/// standard error as `file:line:col` lines. When the 新旧対照表 is printed (`table`), the other
/// errors of the documents are listed as well, but do not stop it.
fn comparable(
    paths: &[&Path; 2],
    loaded: &[Loaded],
    table: bool,
    lang: crate::model::Lang,
) -> bool {
    let mut repeated = Vec::new();
    let mut errors = Vec::new();
    for (index, (path, file)) in paths.iter().zip(loaded).enumerate() {
        if index == 1 && paths[0] == paths[1] {
            break;
        }
        let found = validate(&file.document);
        repeated.extend(problems::lines(
            path,
            &file.text,
            found.iter().filter(|p| p.is_repeated_id()),
            lang,
        ));
        if table {
            errors.extend(problems::lines(
                path,
                &file.text,
                found
                    .iter()
                    .filter(|p| problems::is_error(p) && !p.is_repeated_id()),
                lang,
            ));
        }
    }
    if !repeated.is_empty() {
        for line in &repeated {
            eprintln!("{line}");
        }
        eprintln!(
            "koteihyo: error: cannot compare: revisions are matched by id, and {} used more than once; make every id unique",
            if repeated.len() == 1 {
                "an id is"
            } else {
                "ids are"
            }
        );
        return false;
    }
    if !errors.is_empty() {
        for line in &errors {
            eprintln!("{line}");
        }
        eprintln!(
            "koteihyo: warning: the documents have errors (above); the 新旧対照表 may show those entities wrongly"
        );
    }
    true
}

//! Where a command may write its output: the one set of rules that `export`, `diff -o` and
//! `generate -o` follow before writing anything.
//!
//! - `-` means standard output (for the formats that allow it), never a file named `-`;
//! - the output is never one of the command's own inputs (compared by identity, so a symlink or
//!   hard link to an input counts as the input);
//! - only a regular file is ever replaced: a folder, device, FIFO or socket is refused (a symlink
//!   is followed and judged by its target);
//! - an existing roadmap file (`.ron`) is replaced only with `--force`.

use std::fs::{self, Metadata};
use std::path::{Path, PathBuf};

use anyhow::bail;

/// Whether the output argument means standard output.
#[must_use]
pub fn is_stdout(output: &Path) -> bool {
    output.as_os_str() == "-"
}

/// The output's extension in lower case, if it has one.
#[must_use]
pub fn extension(output: &Path) -> Option<String> {
    output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// Refuses an output whose extension is none of `expected` (lower case, without the dot), for
/// commands whose formats are chosen by the extension; returns the one found.
pub fn require_extension(output: &Path, expected: &[&str], what: &str) -> anyhow::Result<String> {
    let names = |prefix: &str| {
        let names: Vec<String> = expected.iter().map(|e| format!("{prefix}{e}")).collect();
        names.join(" or ")
    };
    match extension(output) {
        Some(found) if expected.contains(&found.as_str()) => Ok(found),
        Some(found) => bail!(
            "{} ends in .{found}, but {what} is written as {}: name the output {}",
            output.display(),
            names("."),
            names("FILE.")
        ),
        None => bail!(
            "{} has no extension, but {what} is written as {}: name the output {}",
            output.display(),
            names("."),
            names("FILE.")
        ),
    }
}

/// Whether a command may replace an existing roadmap file (`.ron`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Roadmaps {
    /// Never: the command writes no roadmaps (`export`, `diff -o`).
    Refused,
    /// Only with `--force`, which was not given (`generate`).
    NeedForce,
    /// `--force` was given.
    Allowed,
}

/// The command's inputs and whether it may replace an existing roadmap file.
#[derive(Debug, Clone, Copy)]
pub struct Guard<'a> {
    /// The files the command reads (roadmaps, a font file).
    pub inputs: &'a [&'a Path],
    /// Whether an existing `.ron` file may be replaced.
    pub roadmaps: Roadmaps,
}

impl Guard<'_> {
    /// Checks that `output` (a file path, not `-`) may be written: it does not exist yet, or it
    /// is a regular file that is none of the inputs and, unless forced, no roadmap.
    pub fn check(&self, output: &Path) -> anyhow::Result<()> {
        let shown = output.display();
        if is_stdout(output) {
            bail!("internal: `-` is standard output, not a file");
        }
        let metadata = match fs::metadata(output) {
            Ok(metadata) => metadata,
            // Nothing there yet (or a dangling link, which the write replaces): fine.
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(error) => bail!("{shown}: cannot check the output file: {error}"),
        };
        if !metadata.is_file() {
            let kind = crate::io::file_kind(&metadata);
            if metadata.is_dir() {
                bail!("{shown} is a folder; name an output file instead");
            }
            bail!(
                "{shown} is {kind}, not a regular file; koteihyo only replaces regular files \
                 (to write to standard output, use -o -)"
            );
        }
        for input in self.inputs {
            if same_file(output, &metadata, input) {
                bail!(
                    "{shown} is the input {}; refusing to overwrite it (choose another output file)",
                    input.display()
                );
            }
        }
        let target = fs::canonicalize(output).unwrap_or_else(|_| output.to_path_buf());
        let is_roadmap = [output, target.as_path()]
            .iter()
            .any(|path| extension(path).as_deref() == Some("ron"));
        match self.roadmaps {
            _ if !is_roadmap => {}
            Roadmaps::Allowed => {}
            Roadmaps::NeedForce => {
                bail!("{shown} is an existing roadmap file; pass --force to replace it")
            }
            Roadmaps::Refused => {
                bail!("{shown} is an existing roadmap file; choose another output file")
            }
        }
        Ok(())
    }

    /// [`Guard::check`] for every path of `outputs` (all checked before any is written).
    pub fn check_all(&self, outputs: &[PathBuf]) -> anyhow::Result<()> {
        outputs.iter().try_for_each(|path| self.check(path))
    }
}

/// Whether `output` (with `metadata`, symlinks followed) is the same file as `input`.
fn same_file(output: &Path, metadata: &Metadata, input: &Path) -> bool {
    let Ok(input_metadata) = fs::metadata(input) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = output;
        metadata.dev() == input_metadata.dev() && metadata.ino() == input_metadata.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (metadata, input_metadata);
        match (fs::canonicalize(output), fs::canonicalize(input)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_must_match() {
        let formats = ["pdf", "docx"];
        let found = require_extension(Path::new("a.PDF"), &formats, "the table").expect("a PDF");
        assert_eq!(found, "pdf");
        let found = require_extension(Path::new("表.docx"), &formats, "the table").expect("Word");
        assert_eq!(found, "docx");
        for refused in ["new.ron", "old.doc", "x.txt"] {
            let error = require_extension(Path::new(refused), &formats, "the 新旧対照表")
                .expect_err("not a format of the table")
                .to_string();
            assert!(error.contains("ends in ."), "{error}");
            assert!(
                error.contains("written as .pdf or .docx: name the output FILE.pdf or FILE.docx"),
                "{error}"
            );
        }
        let error = require_extension(Path::new("noext"), &["ron"], "a roadmap")
            .expect_err("no extension")
            .to_string();
        assert!(
            error.ends_with("is written as .ron: name the output FILE.ron"),
            "{error}"
        );
    }

    #[test]
    fn inputs_links_and_roadmaps_are_protected() {
        let dir = tempfile::tempdir().expect("temp dir");
        let input = dir.path().join("in.ron");
        fs::write(&input, "x").expect("write");
        let other = dir.path().join("other.pdf");
        fs::write(&other, "x").expect("write");
        let guard = Guard {
            inputs: &[&input],
            roadmaps: Roadmaps::NeedForce,
        };
        assert!(guard.check(&dir.path().join("new.pdf")).is_ok());
        assert!(guard.check(&other).is_ok());
        assert!(guard.check(&input).is_err());
        let hard = dir.path().join("hard.pdf");
        fs::hard_link(&input, &hard).expect("hard link");
        assert!(guard.check(&hard).is_err());
        assert!(guard.check(dir.path()).is_err());
        let forced = Guard {
            inputs: &[],
            roadmaps: Roadmaps::Allowed,
        };
        assert!(forced.check(&input).is_ok());
        let need_force = Guard {
            roadmaps: Roadmaps::NeedForce,
            ..forced
        };
        let message = need_force.check(&input).expect_err("a roadmap").to_string();
        assert!(message.contains("--force"), "{message}");
        let refused = Guard {
            roadmaps: Roadmaps::Refused,
            ..forced
        };
        let message = refused.check(&input).expect_err("a roadmap").to_string();
        assert!(!message.contains("--force"), "{message}");
    }
}

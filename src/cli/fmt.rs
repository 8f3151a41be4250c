//! `koteihyo fmt`: rewrite files in canonical form, or report those that are not.
//!
//! Each file is read, compared and rewritten under its save lock, so two `fmt` runs (or a
//! window saving) never interleave. A file with comments is left alone unless
//! `--drop-comments`; a file whose canonical form could not be opened again (over the size
//! limit) is never written. Line endings (LF or CRLF) and a byte-order mark are the file's own:
//! a canonical file written with CRLF on Windows is canonical.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, describe_load_error};
use crate::io::{
    TextPosition, TextStyle, first_comment, load_with_text, lock_for_saving, save_text_locked,
    to_ron_string,
};

/// How `fmt` runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Report only; change nothing.
    pub check: bool,
    /// Rewrite even files whose comments would be lost.
    pub drop_comments: bool,
    /// The language of load errors.
    pub lang: crate::model::Lang,
}

/// Formats (or checks) every file; returns the worst exit code over them.
pub fn run(files: &[PathBuf], options: Options, out: &mut impl Write) -> anyhow::Result<u8> {
    let mut code = EXIT_OK;
    for path in files {
        code = code.max(format_one(path, options, out)?);
    }
    Ok(code)
}

fn format_one(path: &Path, options: Options, out: &mut impl Write) -> anyhow::Result<u8> {
    // Held from reading to writing: another save of this file waits until we are done.
    let _lock = if options.check {
        None
    } else {
        match lock_for_saving(path) {
            Ok(lock) => lock,
            Err(error) => {
                writeln!(out, "{}", error.sentence(options.lang))?;
                return Ok(EXIT_UNREADABLE);
            }
        }
    };
    let loaded = match load_with_text(path) {
        Ok(loaded) => loaded,
        Err(error) => {
            writeln!(out, "{}", describe_load_error(&error, options.lang))?;
            return Ok(EXIT_UNREADABLE);
        }
    };
    let canonical = TextStyle::of(&loaded.text).apply(&to_ron_string(&loaded.document));
    if canonical == loaded.text {
        return Ok(EXIT_OK);
    }
    if options.check {
        writeln!(
            out,
            "{}: not in canonical form (run `koteihyo fmt` on it)",
            path.display()
        )?;
        return Ok(EXIT_PROBLEMS);
    }
    if let Some(at) = first_comment(&loaded.text)
        && !options.drop_comments
    {
        writeln!(
            out,
            "{}:{}: has comments, which canonical form does not keep; left unchanged (use --drop-comments to format it anyway)",
            path.display(),
            TextPosition::of_offset(&loaded.text, at)
        )?;
        return Ok(EXIT_PROBLEMS);
    }
    match save_text_locked(path, &canonical) {
        Ok(()) => writeln!(out, "{}: formatted", path.display())?,
        Err(error) => {
            writeln!(out, "{}", error.sentence(options.lang))?;
            return Ok(EXIT_UNREADABLE);
        }
    }
    Ok(EXIT_OK)
}

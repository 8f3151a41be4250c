//! `koteihyo fmt`: rewrite files in canonical form, or report those that are not.

use std::io::Write;
use std::path::PathBuf;

use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, describe_load_error};
use crate::io::{has_comments, load_with_text, to_ron_string, write_atomic};

/// How `fmt` runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Report only; change nothing.
    pub check: bool,
    /// Rewrite even files whose comments would be lost.
    pub drop_comments: bool,
}

/// Formats (or checks) every file; returns the worst exit code over them.
pub fn run(files: &[PathBuf], options: Options, out: &mut impl Write) -> anyhow::Result<u8> {
    let mut code = EXIT_OK;
    for path in files {
        let loaded = match load_with_text(path) {
            Ok(loaded) => loaded,
            Err(error) => {
                writeln!(out, "{}", describe_load_error(&error))?;
                code = code.max(EXIT_UNREADABLE);
                continue;
            }
        };
        let canonical = to_ron_string(&loaded.document);
        if canonical == loaded.text {
            continue;
        }
        if options.check {
            writeln!(
                out,
                "{}: not in canonical form (run `koteihyo fmt` on it)",
                path.display()
            )?;
            code = code.max(EXIT_PROBLEMS);
        } else if has_comments(&loaded.text) && !options.drop_comments {
            writeln!(
                out,
                "{}: has comments, which canonical form does not keep; left unchanged (use --drop-comments to format it anyway)",
                path.display()
            )?;
            code = code.max(EXIT_PROBLEMS);
        } else {
            match write_atomic(path, canonical.as_bytes(), true) {
                Ok(()) => writeln!(out, "{}: formatted", path.display())?,
                Err(error) => {
                    writeln!(out, "{error}")?;
                    code = code.max(EXIT_UNREADABLE);
                }
            }
        }
    }
    Ok(code)
}

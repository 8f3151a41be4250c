//! `koteihyo export`: write the roadmap in another format, chosen by the output extension.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};

use super::{EXIT_OK, EXIT_UNREADABLE, describe_load_error};
use crate::io::{load, to_json_string, write_atomic};

/// Exports `file` to `output`; `-` means standard output (JSON).
pub fn run(file: &Path, output: &Path) -> anyhow::Result<u8> {
    let document = match load(file) {
        Ok(document) => document,
        Err(error) => {
            eprintln!("{}", describe_load_error(&error));
            return Ok(EXIT_UNREADABLE);
        }
    };
    let to_stdout = output.as_os_str() == "-";
    let extension = output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let bytes = match extension.as_deref() {
        Some("json") => to_json_string(&document).into_bytes(),
        _ if to_stdout => to_json_string(&document).into_bytes(),
        Some(other) => bail!("cannot export to .{other}: supported output formats are .json"),
        None => bail!(
            "the output {} has no extension: name it .json",
            output.display()
        ),
    };
    if to_stdout {
        std::io::stdout()
            .lock()
            .write_all(&bytes)
            .context("writing to standard output")?;
    } else {
        write_atomic(output, &bytes, false)?;
    }
    Ok(EXIT_OK)
}

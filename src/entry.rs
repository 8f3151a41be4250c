//! What both programs run (`koteihyo` and its Windows console twin `koteihyo-cli`): the
//! command line, or the editor window when given no subcommand.

use std::process::ExitCode;

use clap::Parser;
use koteihyo::cli::{self, Cli, EXIT_UNREADABLE, failure};

/// Parses the command line and runs it; the process's exit code.
pub fn main() -> ExitCode {
    let args = Cli::parse();
    let lang = args.messages_lang();
    let result = match &args.command {
        Some(command) => cli::run(command, lang),
        None => open_editor(args.file.as_deref()),
    };
    result.unwrap_or_else(|error| {
        // The reader of standard output has gone (`| head -1`): stop quietly, as Unix tools do.
        if failure::is_broken_pipe(&error) {
            return ExitCode::from(failure::EXIT_BROKEN_PIPE);
        }
        eprintln!(
            "koteihyo: {}: {}",
            lang.pick("エラー", "error"),
            failure::message_in(&error, lang)
        );
        ExitCode::from(EXIT_UNREADABLE)
    })
}

#[cfg(feature = "gui")]
fn open_editor(file: Option<&std::path::Path>) -> anyhow::Result<ExitCode> {
    koteihyo::ui::run(file)
        .map_err(|error| anyhow::anyhow!("the window could not be opened: {error}"))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "gui"))]
fn open_editor(_file: Option<&std::path::Path>) -> anyhow::Result<ExitCode> {
    anyhow::bail!(
        "this koteihyo was built without the editor window (feature `gui`); use a subcommand: check, fmt, export"
    )
}

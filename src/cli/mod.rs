//! The `koteihyo` command line: `check`, `fmt`, `export`, `diff`, and opening the editor.

mod check;
mod diff;
mod export;
pub mod failure;
mod fmt;
mod generate;
mod output;
mod problems;
pub mod terminal;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::io::LoadError;

/// Exit code: no problems.
pub const EXIT_OK: u8 = 0;
/// Exit code: the files were read but have problems (or, for `fmt --check`, are not canonical).
pub const EXIT_PROBLEMS: u8 = 1;
/// Exit code: a file could not be read or parsed, or the command failed.
pub const EXIT_UNREADABLE: u8 = 2;

/// 工程表エディタ — edit, check, compare and print Japanese policy roadmaps (工程表).
#[derive(Debug, Parser)]
#[command(name = "koteihyo", version = crate::VERSION, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; without a command, the roadmap FILE opens in the editor window.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A roadmap file (.ron) to open in the editor.
    pub file: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read and validate roadmap files; print problems as `file:line:col: severity: message`.
    /// Exit 0 when clean, 1 when there are problems, 2 when a file cannot be read or parsed.
    Check {
        /// Roadmap files (.ron).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Rewrite roadmap files in canonical form (atomically, keeping NAME.ron.bak).
    Fmt {
        /// Only report files that are not in canonical form (exit 1), change nothing.
        #[arg(long)]
        check: bool,
        /// Format files that contain comments, which canonical form does not keep.
        #[arg(long)]
        drop_comments: bool,
        /// Roadmap files (.ron).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write the roadmap in another format, chosen by the output's extension: .pdf (the printed
    /// chart), .svg and .png (one file per page, numbered NAME-01.png …), .json (the data).
    /// A document with errors is not printed (exit 1, the errors listed) unless `--force`.
    Export {
        /// The roadmap file (.ron).
        file: PathBuf,
        /// The output file; `-` writes to standard output (JSON, or PDF with `--format pdf`).
        /// Never one of the inputs, never anything but a regular file.
        #[arg(short, long)]
        output: PathBuf,
        /// The format, when the output's extension does not say it (with `-o -`); it must
        /// agree with the extension otherwise.
        #[arg(long, value_enum)]
        format: Option<export::ExportFormat>,
        /// How pages are printed (PDF, SVG, PNG).
        #[command(flatten)]
        print: export::PrintOptions,
    },
    /// Write a synthetic roadmap N times the seed (N × 9 domains), the same for the same seed.
    Generate {
        /// How many times the seed.
        #[arg(long, default_value_t = 10)]
        scale: usize,
        /// The random seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The output file (.ron); `-` writes to standard output.
        #[arg(short, long)]
        output: PathBuf,
        /// Replace the output file even if it is an existing roadmap.
        #[arg(long)]
        force: bool,
    },
    /// Compare two revisions: added, removed, changed, moved and renamed domains, roadblocks,
    /// items, entries and footnotes. Exit 0 when equal, 1 when different, 2 on a read error or
    /// when an id is used more than once (revisions are matched by id).
    Diff {
        /// The old revision (.ron).
        old: PathBuf,
        /// The new revision (.ron).
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: diff::DiffFormat,
        /// Also write the 新旧対照表 (comparison table) to this file: .pdf, or .docx for an
        /// editable Word table (never one of the inputs, never standard output, which holds
        /// the report).
        #[arg(short, long, value_name = "FILE.pdf|FILE.docx")]
        output: Option<PathBuf>,
        /// In the 新旧対照表, print unchanged entities in full instead of 「（略）」.
        #[arg(long)]
        full: bool,
        /// In the 新旧対照表, put 改正前 (old) on the left.
        #[arg(long)]
        old_first: bool,
        /// The 新旧対照表's header words: 改正後｜改正前 (amended), 改正案｜現行 (draft), 新｜旧 (new-old).
        #[arg(long, value_enum, default_value = "amended")]
        headings: diff::HeadingsArg,
        /// Leave the revision labels (見直し後 …) out of the 新旧対照表's header row.
        #[arg(long)]
        no_revision_labels: bool,
        /// The Japanese font file for the PDF instead of the system's 明朝 (Mincho) face.
        #[arg(long, value_name = "FILE")]
        font: Option<PathBuf>,
    },
}

/// Runs a subcommand and returns the process exit code. `None` means "open the editor",
/// which the binary handles because it depends on the GUI feature.
pub fn run(command: &Command) -> anyhow::Result<ExitCode> {
    let code = match command {
        Command::Check { files } => check::run(files, &mut std::io::stdout().lock())?,
        Command::Fmt {
            check,
            drop_comments,
            files,
        } => fmt::run(
            files,
            fmt::Options {
                check: *check,
                drop_comments: *drop_comments,
            },
            &mut std::io::stdout().lock(),
        )?,
        Command::Export {
            file,
            output,
            format,
            print,
        } => export::run(file, output, *format, print)?,
        Command::Generate {
            scale,
            seed,
            output,
            force,
        } => generate::run(*scale, *seed, output, *force)?,
        Command::Diff {
            old,
            new,
            format,
            output,
            full,
            old_first,
            headings,
            no_revision_labels,
            font,
        } => diff::run(
            old,
            new,
            &diff::DiffOptions {
                format: *format,
                table: output.clone(),
                full: *full,
                old_first: *old_first,
                headings: *headings,
                no_revision_labels: *no_revision_labels,
                font: font.clone(),
            },
            &mut std::io::stdout().lock(),
        )?,
    };
    Ok(ExitCode::from(code))
}

/// A load error as one `file:line:col: error: message` line (no position when the file could
/// not be read at all), control characters escaped.
#[must_use]
pub fn describe_load_error(error: &LoadError) -> String {
    let line = match error {
        LoadError::Parse { path, error } => {
            format!(
                "{}:{}: error: {}",
                path.display(),
                error.position,
                error.message
            )
        }
        LoadError::Read { path, source } => {
            format!("{}: error: cannot read the file: {source}", path.display())
        }
        LoadError::TooLarge { path, size, limit } => {
            format!(
                "{}: error: the file is {size} bytes; roadmap files are limited to {limit} bytes",
                path.display()
            )
        }
    };
    terminal::escape_controls(&line).into_owned()
}

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
use crate::model::{Lang, Severity};

/// Exit code: no problems.
pub const EXIT_OK: u8 = 0;
/// Exit code: the files were read but have problems (or, for `fmt --check`, are not canonical).
pub const EXIT_PROBLEMS: u8 = 1;
/// Exit code: a file could not be read or parsed, or the command failed.
pub const EXIT_UNREADABLE: u8 = 2;

/// 工程表エディタ — edit, check, compare and print Japanese policy roadmaps (工程表).
#[derive(Debug, Parser)]
#[command(name = "koteihyo", version = crate::VERSION)]
pub struct Cli {
    /// What to do; without a command, the roadmap FILE opens in the editor window.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A roadmap file (.ron) to open in the editor.
    pub file: Option<PathBuf>,
    /// The language of problems and load errors: `ja` (日本語) or `en`, before or after the
    /// command (`koteihyo --lang ja check FILE`, `koteihyo check --lang ja FILE`). By default the
    /// terminal's (`LC_ALL`, `LC_MESSAGES`, `LANG` starting with `ja`), else English.
    #[arg(long, global = true, value_enum, value_name = "ja|en")]
    pub lang: Option<LangArg>,
}

/// `--lang`: the language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    /// 日本語.
    Ja,
    /// English.
    En,
}

impl Cli {
    /// The language of problems and load errors: `--lang`, else the environment's locale.
    #[must_use]
    pub fn messages_lang(&self) -> Lang {
        match self.lang {
            Some(LangArg::Ja) => Lang::Ja,
            Some(LangArg::En) => Lang::En,
            None => locale_lang(|name| std::env::var(name).ok()),
        }
    }
}

/// The language the locale variables ask for, as POSIX reads them: the first set and non-empty
/// of `LC_ALL`, `LC_MESSAGES`, `LANG`; Japanese when it starts with `ja`, else English.
#[must_use]
pub fn locale_lang(var: impl Fn(&str) -> Option<String>) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(var)
        .find(|value| !value.is_empty())
        .map_or(Lang::En, |value| Lang::of_locale(&value))
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

/// Runs a subcommand and returns the process exit code, printing problems and load errors in
/// `lang`. `None` means "open the editor", which the binary handles because it depends on the
/// GUI feature.
pub fn run(command: &Command, lang: Lang) -> anyhow::Result<ExitCode> {
    let code = match command {
        Command::Check { files } => check::run(files, lang, &mut std::io::stdout().lock())?,
        Command::Fmt {
            check,
            drop_comments,
            files,
        } => fmt::run(
            files,
            fmt::Options {
                check: *check,
                drop_comments: *drop_comments,
                lang,
            },
            &mut std::io::stdout().lock(),
        )?,
        Command::Export {
            file,
            output,
            format,
            print,
        } => export::run(file, output, *format, print, lang)?,
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
                lang,
            },
            &mut std::io::stdout().lock(),
        )?,
    };
    Ok(ExitCode::from(code))
}

/// A load error as a `file:line:col: error: message` line in `lang` (no position when the file
/// could not be read at all), what is probably wrong in plain words, then, indented on a second
/// line, the technical detail when there is one (「    詳細: …」); control characters escaped.
#[must_use]
pub fn describe_load_error(error: &LoadError, lang: Lang) -> String {
    let severity = Severity::Error.text(lang);
    let line = match error {
        LoadError::Parse { path, error } => format!(
            "{}:{}: {severity}: {}",
            path.display(),
            error.position,
            error.sentence(lang)
        ),
        other => format!(
            "{}: {severity}: {}",
            other.path().display(),
            other.sentence(lang)
        ),
    };
    let line = terminal::escape_controls(&line).into_owned();
    match error.detail_line(lang) {
        Some(detail) => format!("{line}\n    {}", terminal::escape_controls(&detail)),
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    #[test]
    fn the_language_may_come_before_or_after_the_command() {
        for args in [
            &["koteihyo", "--lang", "ja", "check", "a.ron"][..],
            &["koteihyo", "check", "--lang", "ja", "a.ron"][..],
            &["koteihyo", "check", "a.ron", "--lang=ja"][..],
        ] {
            let cli = super::Cli::try_parse_from(args).expect("parses");
            assert!(
                matches!(cli.command, Some(super::Command::Check { .. })),
                "{args:?}"
            );
            assert_eq!(cli.messages_lang(), super::Lang::Ja, "{args:?}");
            assert_eq!(cli.file, None);
        }
        // A file alone opens the window; a file and a command together are refused.
        let cli = super::Cli::try_parse_from(["koteihyo", "工程表.ron"]).expect("parses");
        assert!(cli.command.is_none());
        assert!(cli.file.is_some());
        assert!(super::Cli::try_parse_from(["koteihyo", "工程表.ron", "check"]).is_err());
    }
    use super::locale_lang;
    use crate::model::Lang;

    fn lang_of(vars: &[(&str, &str)]) -> Lang {
        locale_lang(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn the_locale_chooses_the_language_as_posix_reads_it() {
        assert_eq!(lang_of(&[]), Lang::En);
        assert_eq!(lang_of(&[("LANG", "ja_JP.UTF-8")]), Lang::Ja);
        assert_eq!(lang_of(&[("LANG", "C.UTF-8")]), Lang::En);
        assert_eq!(
            lang_of(&[("LC_MESSAGES", "ja_JP"), ("LANG", "en_US")]),
            Lang::Ja
        );
        assert_eq!(
            lang_of(&[("LC_ALL", "C"), ("LANG", "ja_JP.UTF-8")]),
            Lang::En
        );
        assert_eq!(
            lang_of(&[("LC_ALL", ""), ("LANG", "ja_JP.UTF-8")]),
            Lang::Ja
        );
    }
}

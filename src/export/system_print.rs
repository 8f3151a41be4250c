//! 「プリンターで印刷」: the PDF written to a temporary file and handed to the system's print
//! service — CUPS `lp` on Linux and macOS (the default printer), the shell's print verb on
//! Windows (the PDF viewer registered for printing). The command is built here per system, the
//! file always one argument of its own (or, for PowerShell, an environment variable), never part
//! of a shell string; running it goes through [`RunCommand`] so tests see the command.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The system whose print service is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintSystem {
    /// Linux and other Unix systems with CUPS.
    Cups,
    /// Windows.
    Windows,
    /// macOS (CUPS too).
    MacOs,
}

impl PrintSystem {
    /// The system this program runs on.
    #[must_use]
    pub fn current() -> Self {
        if cfg!(target_os = "windows") {
            PrintSystem::Windows
        } else if cfg!(target_os = "macos") {
            PrintSystem::MacOs
        } else {
            PrintSystem::Cups
        }
    }
}

/// The environment variable through which PowerShell receives the PDF's path (data, never
/// parsed as part of the command).
pub const PDF_PATH_VARIABLE: &str = "KOTEIHYO_PRINT_FILE";

/// A program with its arguments and extra environment, run without a shell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintCommand {
    /// The program (looked up on `PATH`).
    pub program: String,
    /// Its arguments, each passed as one argument.
    pub args: Vec<OsString>,
    /// Environment variables set for it.
    pub env: Vec<(String, OsString)>,
}

/// The command that prints `pdf` on `system`.
#[must_use]
pub fn print_command(system: PrintSystem, pdf: &Path) -> PrintCommand {
    match system {
        // `--` ends the options: a path is never read as one.
        PrintSystem::Cups | PrintSystem::MacOs => PrintCommand {
            program: "lp".to_owned(),
            args: vec!["--".into(), pdf.as_os_str().to_owned()],
            env: Vec::new(),
        },
        // Start-Process -Verb Print asks the application registered for PDFs to print it.
        PrintSystem::Windows => PrintCommand {
            program: "powershell".to_owned(),
            args: [
                "-NoProfile",
                "-NonInteractive",
                "-Command",
                "Start-Process -FilePath $env:KOTEIHYO_PRINT_FILE -Verb Print",
            ]
            .into_iter()
            .map(OsString::from)
            .collect(),
            env: vec![(PDF_PATH_VARIABLE.to_owned(), pdf.as_os_str().to_owned())],
        },
    }
}

/// Why printing failed.
#[derive(Debug, thiserror::Error)]
pub enum SystemPrintError {
    /// The temporary PDF could not be written.
    #[error("the PDF to print could not be written: {0}")]
    Write(#[source] std::io::Error),
    /// The print program does not exist.
    #[error("{program} was not found")]
    NotFound {
        /// The program.
        program: String,
    },
    /// The print program could not be started.
    #[error("{program} could not be started: {source}")]
    Start {
        /// The program.
        program: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The print program refused (non-zero exit).
    #[error("{program} failed ({status}): {message}")]
    Refused {
        /// The program.
        program: String,
        /// Its exit status, as text.
        status: String,
        /// What it wrote on its error output.
        message: String,
    },
}

/// How a [`PrintCommand`] is run: [`SystemRunner`] for real, a recorder in tests.
pub trait RunCommand {
    /// Runs `command` to its end.
    ///
    /// # Errors
    /// The program is missing, cannot start or exits with an error.
    fn run(&self, command: &PrintCommand) -> Result<(), SystemPrintError>;
}

/// Runs commands with `std::process::Command` and waits for them (`lp` returns once the job is
/// queued; PowerShell once the viewer is asked to print).
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemRunner;

impl RunCommand for SystemRunner {
    fn run(&self, command: &PrintCommand) -> Result<(), SystemPrintError> {
        let mut process = std::process::Command::new(&command.program);
        process
            .args(&command.args)
            .envs(command.env.iter().map(|(k, v)| (k, v)))
            .stdin(std::process::Stdio::null());
        #[cfg(windows)]
        {
            // A window application starting PowerShell would flash a console: CREATE_NO_WINDOW.
            use std::os::windows::process::CommandExt;
            process.creation_flags(0x0800_0000);
        }
        let output = process.output().map_err(|source| {
            if source.kind() == std::io::ErrorKind::NotFound {
                SystemPrintError::NotFound {
                    program: command.program.clone(),
                }
            } else {
                SystemPrintError::Start {
                    program: command.program.clone(),
                    source,
                }
            }
        })?;
        if output.status.success() {
            Ok(())
        } else {
            Err(SystemPrintError::Refused {
                program: command.program.clone(),
                status: output.status.to_string(),
                message: String::from_utf8_lossy(&output.stderr).trim().to_owned(),
            })
        }
    }
}

/// Temporary PDFs older than this are removed when printing again (the viewer Windows starts
/// may still be reading the newest ones).
const KEEP_FOR: Duration = Duration::from_hours(24);

/// Writes `pdf` to a new file in `folder` (created if needed; old print files there are
/// removed) and runs the system's print command on it. Returns the file printed.
///
/// # Errors
/// The file cannot be written, or the print command fails.
pub fn print_pdf(
    pdf: &[u8],
    folder: &Path,
    system: PrintSystem,
    runner: &dyn RunCommand,
) -> Result<PathBuf, SystemPrintError> {
    std::fs::create_dir_all(folder).map_err(SystemPrintError::Write)?;
    remove_old_files(folder);
    let file = tempfile::Builder::new()
        .prefix("koteihyo-print-")
        .suffix(".pdf")
        .tempfile_in(folder)
        .map_err(SystemPrintError::Write)?;
    std::fs::write(file.path(), pdf).map_err(SystemPrintError::Write)?;
    let (_, path) = file
        .keep()
        .map_err(|error| SystemPrintError::Write(error.error))?;
    let result = runner.run(&print_command(system, &path));
    if result.is_err() {
        let _ = std::fs::remove_file(&path);
    }
    result.map(|()| path)
}

/// The folder of the temporary print files.
#[must_use]
pub fn print_folder() -> PathBuf {
    std::env::temp_dir().join("koteihyo-print")
}

fn remove_old_files(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let ours = name.to_string_lossy().starts_with("koteihyo-print-");
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|modified| now.duration_since(modified).unwrap_or_default() > KEEP_FOR);
        if ours && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;

    const PDF: &str = "C:\\Users\\山田 太郎\\AppData\\Local\\Temp\\工程表 (案).pdf";

    #[test]
    fn cups_gets_the_file_as_one_argument_after_the_options() {
        for system in [PrintSystem::Cups, PrintSystem::MacOs] {
            let command = print_command(system, Path::new("/tmp/工程 表/-a.pdf"));
            assert_eq!(command.program, "lp");
            assert_eq!(
                command.args,
                vec![OsString::from("--"), OsString::from("/tmp/工程 表/-a.pdf")]
            );
            assert!(command.env.is_empty());
        }
    }

    #[test]
    fn windows_uses_the_print_verb_with_the_path_as_data() {
        let command = print_command(PrintSystem::Windows, Path::new(PDF));
        assert_eq!(command.program, "powershell");
        assert_eq!(
            command.args,
            [
                "-NoProfile",
                "-NonInteractive",
                "-Command",
                "Start-Process -FilePath $env:KOTEIHYO_PRINT_FILE -Verb Print"
            ]
            .map(OsString::from)
        );
        // The path never enters the command text.
        assert!(
            command
                .args
                .iter()
                .all(|a| !a.to_string_lossy().contains("山田"))
        );
        assert_eq!(
            command.env,
            vec![(PDF_PATH_VARIABLE.to_owned(), OsString::from(PDF))]
        );
    }

    struct Recorder(RefCell<Vec<PrintCommand>>, bool);

    impl RunCommand for Recorder {
        fn run(&self, command: &PrintCommand) -> Result<(), SystemPrintError> {
            self.0.borrow_mut().push(command.clone());
            if self.1 {
                Ok(())
            } else {
                Err(SystemPrintError::NotFound {
                    program: command.program.clone(),
                })
            }
        }
    }

    #[test]
    fn the_pdf_is_written_then_handed_over_and_removed_on_failure() {
        let folder = tempfile::tempdir().expect("folder");
        let folder = folder.path().join("印刷 用");
        let recorder = Recorder(RefCell::new(Vec::new()), true);
        let path = print_pdf(b"%PDF-1.7", &folder, PrintSystem::Cups, &recorder).expect("prints");
        assert_eq!(std::fs::read(&path).expect("written"), b"%PDF-1.7");
        assert_eq!(recorder.0.borrow()[0].args[1], path.as_os_str());
        let failing = Recorder(RefCell::new(Vec::new()), false);
        let error = print_pdf(b"%PDF", &folder, PrintSystem::Cups, &failing).expect_err("fails");
        assert!(matches!(error, SystemPrintError::NotFound { .. }));
        let failed = PathBuf::from(&failing.0.borrow()[0].args[1]);
        assert!(!failed.exists(), "the unprinted file is removed");
    }

    #[test]
    fn a_missing_program_and_a_refusal_are_told_apart() {
        let missing = PrintCommand {
            program: "koteihyo-no-such-print-program".to_owned(),
            args: Vec::new(),
            env: Vec::new(),
        };
        assert!(matches!(
            SystemRunner.run(&missing),
            Err(SystemPrintError::NotFound { .. })
        ));
        if cfg!(unix) {
            let refusing = PrintCommand {
                program: "false".to_owned(),
                args: Vec::new(),
                env: Vec::new(),
            };
            assert!(matches!(
                SystemRunner.run(&refusing),
                Err(SystemPrintError::Refused { .. })
            ));
        }
    }
}

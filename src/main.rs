//! The `koteihyo` binary: the command line, or the editor window when given no subcommand.
//!
//! On Windows it is a GUI program: double-clicking it (or a `.ron` file) opens the editor with
//! no console window. Windows cannot make one program both, so the command line for
//! terminals there is `koteihyo-cli.exe`, the same code linked as a console program
//! (`src/bin/koteihyo-cli.rs`).
#![cfg_attr(windows, windows_subsystem = "windows")]

mod entry;

fn main() -> std::process::ExitCode {
    entry::main()
}

//! `koteihyo-cli`: the same program as `koteihyo`, linked as a console program, for Windows
//! terminals (`Koteihyo.exe` is a GUI program and prints nothing); built with the
//! `console-binary` feature by the packaging scripts.

#[path = "../entry.rs"]
mod entry;

fn main() -> std::process::ExitCode {
    entry::main()
}

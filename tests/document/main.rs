//! The document's tests without the window: the command line, files and saving, printing,
//! and the properties of edit and diff. One test binary, so that the build links the crate
//! once for all of them.

#[path = "../common/broken.rs"]
mod broken;
#[path = "../common/cli.rs"]
mod command_line;
#[path = "../common/mod.rs"]
mod common;
#[path = "../common/poppler.rs"]
mod poppler;

mod bad_files;
mod cli;
mod cli_documents;
mod cli_fmt;
mod cli_lang;
mod cli_messages;
mod cli_outputs;
mod columns;
mod diff_properties;
mod edit_properties;
mod examples;
mod excel;
mod pagination;
mod print;
mod print_notes;
mod recovery;
mod roundtrip;
mod save_crash;
mod save_faults;
mod save_files;

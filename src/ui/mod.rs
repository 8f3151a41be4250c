//! The editor window (eframe): menu bar, filter toolbar, the domains × fiscal-years grid,
//! the details panel and the status bar.

pub mod actions;
pub mod app;
pub mod command;
pub mod compare;
pub(crate) mod dialogs;
pub mod files;
pub mod filter;
pub mod find;
pub mod fonts;
pub mod grid;
mod help;
pub mod i18n;
mod ime;
pub mod lifecycle;
pub mod links;
pub mod load_failure;
mod menu;
pub mod open_document;
pub mod panel;
pub mod print;
pub mod removal;
pub mod request;
mod run_command;
pub mod selection;
pub mod settings;
pub mod start;
mod status_bar;
pub mod view;

pub use app::KoteihyoApp;
pub use settings::Settings;

pub use start::run;

//! The editor window, driven through accessibility queries with `egui_kittest`. One test
//! binary, so that the build links the GUI stack once for all of them.
#![cfg(feature = "gui")]

#[path = "../common/broken.rs"]
mod broken;
#[path = "../common/gui.rs"]
mod gui;

mod columns;
mod compare;
mod drafting;
mod editing;
mod editor;
mod find;
mod lifecycle;
mod notes;
mod print;
mod problems;
mod saving;
mod tooltips;
mod visibility;

//! Printing (GUI-free): page settings, the page layout shared by the screen's print preview
//! and the PDF/SVG/PNG backends, 禁則 line breaking and the metrics of the Japanese face.

pub mod comparison;
pub mod docx;
pub mod entry_shape;
pub mod kinsoku;
#[cfg(test)]
pub(crate) mod kinsoku_check;
pub mod lanes;
pub mod layout;
pub mod metrics;
pub mod page;
pub mod pdf;
pub mod png;
pub mod printer;
pub mod settings;
pub mod svg;
pub mod system_print;
pub mod xlsx;
mod xml;

//! Printing: the pieces the page layout is built from (GUI-free, shared by the screen's print
//! preview and the PDF/SVG/PNG backends of the print issue): 禁則 line breaking and the metrics
//! of the Japanese face.

pub mod kinsoku;
pub mod metrics;

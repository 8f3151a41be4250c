//! Koteihyo (工程表エディタ): a desktop editor for Japanese government policy roadmaps.
//!
//! Layers, each depending only on those before it:
//! - [`model`]: document types, ids, fiscal years and 和暦, validation (serde only);
//! - [`io`]: RON load/save with atomic writes;
//! - [`edit`]: the one `apply(Edit)` that changes a document, and undo history;
//! - [`diff`]: comparing two revisions entity by entity, with character diffs (no GUI);
//! - [`font`]: finding the Japanese font (no GUI);
//! - [`export`]: printing: page layout, PDF/SVG/PNG, the 新旧対照表, 禁則 line breaking (no GUI);
//! - [`generate`]: synthetic roadmaps N× the seed, for benchmarks and fuzzing;
//! - [`cli`]: the `koteihyo` command line;
//! - `ui`: the eframe window (feature `gui`).

pub mod cli;
pub mod diff;
pub mod edit;
pub mod export;
pub mod font;
pub mod generate;
pub mod io;
pub mod model;
#[cfg(feature = "gui")]
pub mod ui;

/// The program's version as `koteihyo --version` and ヘルプ > 工程表エディタについて show it:
/// the package version and the git revision it was built from (`unknown` outside a git
/// checkout, e.g. from a source tarball; build.rs).
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("KOTEIHYO_GIT_REVISION"),
    ")"
);

//! The roadmap document model: types, ids, fiscal years and 和暦, and validation.
//!
//! Depends on serde only: no GUI, no file access. Every other layer builds on these types.

mod document;
mod domain;
mod entry;
mod fiscal_year;
mod id;
mod lang;
mod note;
mod roadblock;
mod shared;
mod timeline;
mod unique;
mod validate;
mod year_text;

pub use document::{Category, CellOwner, Column, ColumnKind, Document, Legend, Meta, seed_columns};
pub use domain::{Domain, Footnote, circled_number};
pub use entry::{DragHandle, EntryKind, TimelineEntry};
pub use fiscal_year::{Era, EraYear, FiscalYear, LabelStyle, to_fullwidth_digits};
pub use id::Id;
pub use lang::Lang;
pub use note::{Note, bracketed_marks};
pub use roadblock::{Item, Marker, Roadblock};
pub use shared::Shared;
pub use timeline::{OpenEndSuffix, PartOfYear, TimePoint, Timeline};
pub use validate::{Edge, Location, Problem, ProblemKind, Severity, Subject, Validation, validate};
pub use year_text::parse_fiscal_year;

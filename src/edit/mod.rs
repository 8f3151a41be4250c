//! Changing a document: every change is an [`Edit`] applied by the one [`apply`]; [`History`]
//! gives undo and redo. No GUI here: the editor window builds edits, tests apply them directly.

mod apply;
mod history;
mod ids;
mod new;
mod replace;
mod revision;

pub use apply::{Edit, EditError, Entity, ItemList, Parent, apply};
pub use history::{History, MergeKey};
pub use ids::{
    IdAllocator, duplicate_domain, duplicate_entry, duplicate_roadblock, fresh_column_id, fresh_id,
};
pub use new::{new_entry, new_note, new_roadblock};
pub use replace::{
    FindOptions, Replacement, TextField, TextMatch, TextPlace, find_all, matches_in, replace_all,
    replace_one,
};
pub use revision::new_revision;

//! Stable identifiers for domains, roadblocks, items and timeline entries.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A stable identifier that survives edits, reordering and "save as new revision".
///
/// Revisions are aligned by these ids, so an entity that carries over from one revision of a
/// roadmap to the next keeps its id. Ids are short ASCII words (`d1.r2`, `e-7f3a`): letters,
/// digits, `.`, `_` and `-`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct Id(String);

impl Id {
    /// Wraps a string as an id. Use [`Id::is_well_formed`] (or `validate`) to check it.
    #[must_use]
    pub fn new(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    /// The id as written in the file.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when the id is non-empty and uses only letters, digits, `.`, `_` and `-`.
    #[must_use]
    pub fn is_well_formed(&self) -> bool {
        !self.0.is_empty()
            && self
                .0
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Id {
    fn from(text: &str) -> Self {
        Self::new(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_ids() {
        assert!(Id::from("d1.r2").is_well_formed());
        assert!(Id::from("e-7f3a_x").is_well_formed());
        assert!(!Id::from("").is_well_formed());
        assert!(!Id::from("d 1").is_well_formed());
        assert!(!Id::from("領域").is_well_formed());
    }
}

//! New ids for entities created in the editor.

use crate::model::{Document, Id};

/// The first id `PREFIX1`, `PREFIX2`, … not used in `document` (e.g. `d1.r4` for prefix `d1.r`).
#[must_use]
pub fn fresh_id(document: &Document, prefix: &str) -> Id {
    (1..=u32::MAX)
        .map(|n| Id::new(format!("{prefix}{n}")))
        .find(|id| !super::apply::id_exists(document, id))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Domain;

    #[test]
    fn skips_used_ids() {
        let mut document = Document::default();
        assert_eq!(fresh_id(&document, "d"), Id::from("d1"));
        document.domains.push(Domain {
            id: "d1".into(),
            ..Domain::default()
        });
        document.domains.push(Domain {
            id: "d3".into(),
            ..Domain::default()
        });
        assert_eq!(fresh_id(&document, "d"), Id::from("d2"));
    }
}

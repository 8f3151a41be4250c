//! "Save as new revision": a copy that keeps every id, takes a new revision label and can shift
//! the timeline — the way the seed's 見直し後 was made from its 見直し前.

use crate::model::Document;

/// The next revision of `document`: every id kept, `revision_label` set, and the timeline and
/// every entry moved by `shift_years` fiscal years.
#[must_use]
pub fn new_revision(document: &Document, revision_label: &str, shift_years: i32) -> Document {
    let mut next = document.clone();
    revision_label.clone_into(&mut next.meta.revision_label);
    next.timeline = next.timeline.shifted(shift_years);
    for domain in &mut next.domains {
        for entry in &mut domain.entries {
            *entry = entry.shifted(shift_years);
        }
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Domain, EntryKind, FiscalYear, TimePoint, TimelineEntry};

    #[test]
    fn keeps_ids_and_shifts_years() {
        let mut document = Document::default();
        document.timeline.first_year = FiscalYear(2020);
        document.domains.push(crate::model::Shared::new(Domain {
            id: "d1".into(),
            entries: vec![TimelineEntry {
                id: "d1.t1".into(),
                label: "改正".into(),
                notes: Vec::new(),
                kind: EntryKind::Arrow,
                start: TimePoint::year(2020),
                end: TimePoint::quarter(2021, 2),
                open_ended: false,
                rows: vec![],
                detail: String::new(),
            }],
            ..Domain::default()
        }));
        let next = new_revision(&document, "見直し後", 2);
        assert_eq!(next.meta.revision_label, "見直し後");
        assert_eq!(next.timeline.first_year, FiscalYear(2022));
        let entry = &next.domains[0].entries[0];
        assert_eq!(entry.id, document.domains[0].entries[0].id);
        assert_eq!(
            (entry.start, entry.end),
            (TimePoint::year(2022), TimePoint::quarter(2023, 2))
        );
    }

    #[test]
    fn shifting_the_last_fiscal_year_does_not_wrap() {
        let mut document = Document::default();
        document.timeline.first_year = FiscalYear(i32::MAX);
        let next = new_revision(&document, "見直し後", 1);
        assert_eq!(next.timeline.first_year, FiscalYear(i32::MAX));
        let back = new_revision(&document, "見直し後", i32::MIN);
        assert_eq!(back.timeline.first_year, FiscalYear(-1));
    }
}

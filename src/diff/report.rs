//! The comparison as text for people (`koteihyo diff`): one line per change, grouped by domain,
//! with changed characters marked `[-old-]{+new+}`.

use std::fmt::Write as _;

use super::{Change, Comparison, Entity, Pairing, Status};

/// How a shift of `quarters` reads: 「+1 年度」, 「-2 年度」, 「+1 四半期」.
#[must_use]
pub fn shift_text(quarters: i64) -> String {
    if quarters % 4 == 0 {
        format!("{:+} 年度", quarters / 4)
    } else {
        format!("{quarters:+} 四半期")
    }
}

fn entity_name(entity: Entity) -> &'static str {
    match entity {
        Entity::Document => "document",
        Entity::Timeline => "timeline",
        Entity::Domain => "domain",
        Entity::Roadblock => "roadblock",
        Entity::Done => "done item",
        Entity::Action => "action",
        Entity::Entry => "entry",
        Entity::Footnote => "footnote",
        Entity::Note => "note",
    }
}

fn id_text(change: &Change) -> String {
    match (&change.old_id, &change.new_id) {
        (Some(old), Some(new)) if old != new => format!("{old} → {new}"),
        (_, Some(id)) | (Some(id), None) => id.to_string(),
        (None, None) => String::new(),
    }
}

/// The comparison as lines of text; empty when the revisions are equal.
#[must_use]
pub fn to_text(comparison: &Comparison) -> String {
    let mut out = String::new();
    let mut domain = None;
    for change in &comparison.changes {
        if domain != Some(change.domain.as_str()) {
            domain = Some(change.domain.as_str());
            if !change.domain.is_empty() {
                let _ = writeln!(out, "\n{}", change.domain);
            }
        }
        let indent = if change.domain.is_empty() { "" } else { "  " };
        let verb = match change.status {
            Status::Added => "added",
            Status::Removed => "removed",
            Status::Moved => "moved",
            Status::Changed if change.renames() => "renamed",
            Status::Changed => "changed",
        };
        let mut line = format!("{indent}{} {verb}", entity_name(change.entity));
        let id = id_text(change);
        if !id.is_empty() && change.entity != Entity::Document && change.entity != Entity::Timeline
        {
            let _ = write!(line, " {id}");
        }
        if !change.label.is_empty() {
            let _ = write!(line, " 「{}」", one_line(&change.label));
        }
        if let Some((from, to)) = &change.moved {
            let _ = write!(line, " ({from} → {to})");
        }
        if change.pairing == Pairing::Similarity {
            line.push_str(" [paired by similar text]");
        }
        let _ = writeln!(out, "{line}");
        if matches!(change.status, Status::Added | Status::Removed) {
            continue;
        }
        for field in &change.fields {
            let shift = field
                .shift_quarters
                .filter(|q| *q != 0)
                .map(|q| format!(" ({})", shift_text(q)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{indent}    {}: {}{shift}",
                field.field,
                one_line(&field.diff.marked())
            );
        }
    }
    out.trim_start_matches('\n').to_owned()
}

/// `text` on one line (newlines shown as ⏎).
fn one_line(text: &str) -> String {
    text.replace('\n', " ⏎ ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifts_read_in_years_or_quarters() {
        assert_eq!(shift_text(4), "+1 年度");
        assert_eq!(shift_text(-8), "-2 年度");
        assert_eq!(shift_text(1), "+1 四半期");
    }

    #[test]
    fn shifts_of_far_years_are_not_wrapped() {
        use crate::model::{FiscalYear, TimePoint};
        // entry-year-bigq.ron against the example read 「(-473743846 年度)」.
        let old = crate::diff::example("after");
        let mut new = old.clone();
        new.timeline.first_year = FiscalYear(600_000_000);
        let entry = &mut new.domains[0].entries[0];
        let start_shift = 600_000_000 - i64::from(entry.start.year.0);
        entry.start = TimePoint::quarter(600_000_000, 1);
        entry.end = TimePoint::quarter(600_000_000, 4);
        let text = to_text(&crate::diff::compare(&old, &new));
        let timeline_shift = 600_000_000 - i64::from(old.timeline.first_year.0);
        assert!(
            text.contains(&format!("(+{timeline_shift} 年度)")),
            "{text}"
        );
        assert!(text.contains(&format!("(+{start_shift} 年度)")), "{text}");
        assert!(!text.contains("(-"), "{text}");
        assert_eq!(
            shift_text(i64::from(i32::MIN) * 4 - i64::from(i32::MAX) * 4),
            "-4294967295 年度"
        );
    }

    #[test]
    fn no_changes_give_no_text() {
        assert_eq!(to_text(&Comparison::default()), "");
    }
}

//! A domain's own cells in the 新旧対照表: the text columns of domain cells (【担当府省】 …) under
//! the domain's name, each a labelled part as the roadblock rows write theirs.

use crate::model::{Document, Domain};

use super::super::FieldChange;
use super::super::fields::{Fields, cell_field};
use super::{Line, RowKind, Side, spans, split_lines};

/// A domain's cells in text columns of domain cells (【担当府省】 …), labelled with the
/// column's header on that side's document.
pub(super) fn domain_cell_lines(
    domain: &Domain,
    (old, new): (&Document, &Document),
    fields: &Fields,
    changes: &[FieldChange],
    side: Side,
    kind: RowKind,
) -> Vec<Line> {
    let document = match side {
        Side::New => new,
        Side::Old => old,
    };
    let mut lines = Vec::new();
    for column in document.columns.iter().filter(|c| c.is_domain_text()) {
        let Some(id) = column.text_id() else { continue };
        let name = cell_field(id);
        let edited = changes.iter().any(|c| c.field == name);
        if domain.cells.contains_key(id) || edited {
            let header = domain
                .header_overrides
                .get(&column.kind)
                .unwrap_or(&column.header);
            lines.push(Line {
                label: true,
                ..Line::plain(&format!("【{header}】"))
            });
            lines.extend(split_lines(spans(
                fields,
                changes,
                &name,
                side,
                kind == RowKind::Added,
            )));
        }
    }
    lines
}

//! The printed chart's colours (restrained, legible in greyscale).

use crate::export::page::Rgb;
use crate::model::EntryKind;

/// 【Titles】 of roadblocks.
pub const HEADING: Rgb = Rgb(0x1f, 0x3a, 0x6e);
/// The table's header row.
pub const HEADER_FILL: Rgb = Rgb(0xdc, 0xe6, 0xf2);
/// The domain column.
pub const DOMAIN_FILL: Rgb = Rgb(0xf2, 0xf5, 0xfa);
/// Table rules.
pub const RULE: Rgb = Rgb(0x40, 0x40, 0x40);
/// Rules between roadblock rows and fiscal years.
pub const LIGHT_RULE: Rgb = Rgb(0xa0, 0xa0, 0xa0);
/// The revision stamp (見直し後).
pub const STAMP: Rgb = Rgb(0xc0, 0x00, 0x00);
/// Footer text.
pub const MUTED: Rgb = Rgb(0x55, 0x55, 0x55);

/// Fill and outline of a timeline entry of `kind`.
#[must_use]
pub fn entry(kind: EntryKind) -> (Rgb, Rgb) {
    match kind {
        EntryKind::Arrow => (Rgb(0xdd, 0xeb, 0xf7), Rgb(0x2e, 0x5c, 0x8a)),
        EntryKind::Bar => (Rgb(0xfc, 0xe9, 0xd9), Rgb(0xc5, 0x5a, 0x11)),
        EntryKind::Milestone => (Rgb(0xfc, 0xe4, 0xe4), Rgb(0xc0, 0x00, 0x00)),
    }
}

//! Comparing two revisions: a generated roadmap against a changed copy into which the fuzzer's
//! text is written (titles, items, entry labels, names), or two fuzzed files. Comparing both ways,
//! the text report and the 新旧対照表 rows must never panic, and the two directions must mirror.
#![no_main]

use libfuzzer_sys::fuzz_target;

use koteihyo::diff::{compare, report, table};
use koteihyo::generate::{perturbed, roadmap};

fuzz_target!(|data: &[u8]| {
    if data.len() < 10 {
        return;
    }
    let seed = u64::from_le_bytes(data[..8].try_into().unwrap_or([0; 8]));
    let percent = u32::from(data[8] % 50);
    let text = String::from_utf8_lossy(&data[9..]);
    let old = roadmap(1, seed);
    let mut new = perturbed(&old, percent, seed ^ 1);
    // The fuzzer's text, cut into pieces, replaces a few fields.
    let pieces: Vec<&str> = text.split('|').collect();
    let mut piece = pieces.iter().cycle();
    for (d, domain) in new.domains.iter_mut().enumerate() {
        if d % 3 == (seed % 3) as usize {
            domain.name = piece.next().copied().unwrap_or_default().to_owned();
        }
        for roadblock in &mut domain.roadblocks {
            if seed % 2 == 0 {
                roadblock.title = piece.next().copied().unwrap_or_default().to_owned();
            }
            if let Some(item) = roadblock.done.first_mut() {
                item.text = piece.next().copied().unwrap_or_default().to_owned();
            }
        }
        if let Some(entry) = domain.entries.first_mut() {
            entry.label = piece.next().copied().unwrap_or_default().to_owned();
        }
    }
    if data[8] & 0x80 != 0 {
        new.domains.reverse();
    }
    let forward = compare(&old, &new);
    let backward = compare(&new, &old);
    assert_eq!(forward.changes.len(), backward.changes.len(), "the directions do not mirror");
    let _ = report::to_text(&forward);
    let _ = table::build(&old, &new, &forward, data[8] & 1 == 0);
    let _ = table::build(&new, &old, &backward, true);
});

//! Any bytes as a roadmap file: parsing, validation, canonical form and export must never panic,
//! and a document that loads must load again from its canonical form, equal.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(document) = koteihyo::io::parse_ron(text) else {
        return;
    };
    let _ = koteihyo::model::validate(&document);
    let canonical = koteihyo::io::to_ron_string(&document);
    let again = koteihyo::io::parse_ron(&canonical).expect("canonical form loads");
    assert_eq!(again, document, "canonical form changes the document");
    let _ = koteihyo::io::to_json_string(&document);
    let _ = koteihyo::export::layout::lay_out(
        &document,
        &koteihyo::export::settings::PageSettings::default(),
        &koteihyo::export::metrics::FixedPitch,
    );
});

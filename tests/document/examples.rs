//! The example roadmaps against the seed: every line of every seed page is present in the
//! transcription, the counts match the slides, and ids carry over between the revisions.

use std::collections::BTreeSet;
use std::path::Path;

use koteihyo::io::load;
use koteihyo::model::{ColumnKind, Document, Domain, validate};

const SEED: &str = include_str!("../data/seed-extraction.txt");

fn example(name: &str) -> Document {
    load(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(name),
    )
    .expect("example loads")
}

fn before() -> Document {
    example("roadblocks-before.ron")
}

fn after() -> Document {
    example("roadblocks-after.ron")
}

/// The seed's pages: the cover, then 見直し前 and 見直し後 of each domain in turn.
fn seed_pages() -> Vec<&'static str> {
    SEED.split("\n\n\n\n").collect()
}

fn without_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Everything a domain's page prints, concatenated in page order, whitespace removed.
fn page_text(document: &Document, domain: &Domain) -> String {
    let mut out = String::new();
    for column in &document.columns {
        out += domain
            .header_overrides
            .get(&column.kind)
            .unwrap_or(&column.header);
    }
    out += &document.timeline.column_labels().concat();
    out += &document.meta.revision_label;
    out += &domain.number_label();
    out += &domain.name;
    for roadblock in &domain.roadblocks {
        out += &roadblock.scope;
        out += &roadblock.heading();
        for bullet in &roadblock.description {
            out += "○";
            out += bullet;
        }
        for item in roadblock.done.iter().chain(&roadblock.actions) {
            out += item.marker.symbol();
            out += &item.text;
        }
    }
    for entry in &domain.entries {
        out += &entry.label;
        out += &entry.detail;
    }
    for footnote in &domain.footnotes {
        out += &footnote.mark;
        out += &footnote.lines.concat();
    }
    without_whitespace(&out)
}

fn assert_pages_present(document: &Document, first_page: usize) {
    let pages = seed_pages();
    assert_eq!(document.domains.len(), 9);
    for (index, domain) in document.domains.iter().enumerate() {
        let page = pages[first_page + 2 * index];
        let printed = page_text(document, domain);
        let missing: Vec<&str> = page
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.chars().all(|c| c.is_ascii_digit()))
            .filter(|line| !printed.contains(&without_whitespace(line)))
            .collect();
        assert!(
            missing.is_empty(),
            "{} ({}): seed lines missing: {missing:#?}",
            domain.display_name(),
            document.meta.revision_label
        );
    }
}

#[test]
fn examples_are_valid() {
    for document in [before(), after()] {
        assert_eq!(
            validate(&document),
            vec![],
            "{}",
            document.meta.revision_label
        );
    }
}

#[test]
fn every_line_of_every_before_page_is_present() {
    assert_pages_present(&before(), 1);
}

#[test]
fn every_line_of_every_after_page_is_present() {
    assert_pages_present(&after(), 2);
}

#[test]
fn cover_page_is_present() {
    let cover = seed_pages()[0];
    for document in [before(), after()] {
        let meta = &document.meta;
        let mut printed = format!(
            "{}{}{}{}{}",
            meta.date, meta.title, meta.subtitle, document.legend.caption, meta.material_label
        );
        for category in &document.legend.categories {
            printed.push(category.letter);
            printed += &category.text;
        }
        let printed = without_whitespace(&printed);
        for line in cover.lines().map(str::trim).filter(|l| !l.is_empty()) {
            assert!(
                printed.contains(&without_whitespace(line)),
                "cover line missing: {line}"
            );
        }
    }
}

#[test]
fn roadblock_counts_per_domain() {
    let counts = |document: &Document| {
        document
            .domains
            .iter()
            .map(|d| d.roadblocks.len())
            .collect::<Vec<_>>()
    };
    assert_eq!(counts(&before()), [3, 3, 4, 3, 1, 2, 1, 1, 4]);
    assert_eq!(counts(&after()), [3, 3, 4, 3, 1, 2, 1, 2, 4]);
}

#[test]
fn revisions_and_timelines() {
    let (before, after) = (before(), after());
    assert_eq!(before.meta.revision_label, "見直し前");
    assert_eq!(after.meta.revision_label, "見直し後");
    assert_eq!(
        before.timeline.column_labels(),
        [
            "令和２年（2020年）度",
            "令和３年（2021年）度",
            "令和４年（2022年）度以降"
        ]
    );
    assert_eq!(
        after.timeline.column_labels(),
        [
            "令和４年（2022年）度",
            "令和５年（2023年）度",
            "令和６年（2024年）度以降"
        ]
    );
    assert_eq!(
        before.column_header(ColumnKind::Done),
        Some("着手・対応済みの事項")
    );
    assert_eq!(
        after.domains[6]
            .header_overrides
            .get(&ColumnKind::Done)
            .map(String::as_str),
        Some("対応済みの事項")
    );
}

#[test]
fn verbatim_samples() {
    let (before, after) = (before(), after());
    assert_eq!(before.domains[6].name, "PMDA審査等／薬事承認");
    assert_eq!(after.domains[6].name, "PMDA審査等／薬事承認／保険適用");
    assert_eq!(after.domains[2].name, "アノテーション／ラベリング");
    assert_eq!(
        after.domains[7].roadblocks[1].title,
        "開発したAIが広く社会実装される仕組みが必要ではないか"
    );
    assert_eq!(after.domains[7].roadblocks[1].categories_label(), "B・D");
    assert_eq!(
        before.domains[0].roadblocks[1].title,
        "自施設での審査が困難な場合等に相談できる（Central ）AI-IRBが必要ではないか"
    );
    assert_eq!(
        before.domains[0].roadblocks[0].heading(),
        "【IRBの審査の質を均一化する必要があるのではないか】B・C"
    );
    let titles: Vec<&str> = after.domains.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(titles.len(), 9);
}

#[test]
fn entities_carry_their_ids_between_revisions() {
    let ids = |document: &Document| -> BTreeSet<String> {
        document
            .domains
            .iter()
            .flat_map(|d| {
                std::iter::once(d.id.to_string())
                    .chain(d.roadblocks.iter().map(|r| r.id.to_string()))
            })
            .collect()
    };
    let (before_ids, after_ids) = (ids(&before()), ids(&after()));
    assert!(
        before_ids.is_subset(&after_ids),
        "every domain and roadblock of 見直し前 is in 見直し後"
    );
    let added: Vec<&String> = after_ids.difference(&before_ids).collect();
    assert_eq!(added, ["d8.r2"], "the only new roadblock is ⑧'s");
    for (old, new) in before().domains.iter().zip(&after().domains) {
        for roadblock in &old.roadblocks {
            let counterpart = new.roadblock(&roadblock.id).expect("carried over");
            assert_eq!(counterpart.scope, roadblock.scope);
        }
    }
}

#[test]
fn entries_lie_in_their_timeline() {
    for document in [before(), after()] {
        let entries: usize = document.domains.iter().map(|d| d.entries.len()).sum();
        assert!(
            entries >= 9,
            "{}: {entries} entries",
            document.meta.revision_label
        );
        for domain in &document.domains {
            for entry in &domain.entries {
                assert!(document.timeline.shows(entry.start.year), "{}", entry.label);
                assert!(document.timeline.shows(entry.end.year), "{}", entry.label);
            }
        }
    }
}

/// Every 【title】 printed on the seed's 見直し後 pages (line breaks removed) appears verbatim in
/// `koteihyo export examples/roadblocks-after.ron -o after.json`, which has 9 domains.
#[test]
fn json_export_has_every_after_title_of_the_seed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let json_path = dir.path().join("after.json");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/roadblocks-after.ron");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_koteihyo"))
        .arg("export")
        .arg(&example)
        .arg("-o")
        .arg(&json_path)
        .status()
        .expect("run koteihyo");
    assert!(status.success());
    let json = std::fs::read_to_string(&json_path).expect("json written");
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(value["domains"].as_array().map(Vec::len), Some(9));
    let pages = seed_pages();
    let mut titles = 0;
    for page in (1..=9).map(|n| pages[2 * n]) {
        let joined: String = page.lines().collect();
        let parts: Vec<&str> = joined.split('【').collect();
        // A roadblock title follows its scope (共通, 医療機器); 【参考】 in a done item does not.
        let after_scope = parts
            .windows(2)
            .filter(|w| w[0].trim_end().ends_with("共通") || w[0].trim_end().ends_with("機器"));
        for title in after_scope.filter_map(|w| w[1].split_once('】').map(|(title, _)| title)) {
            assert!(
                json.contains(&format!("\"{title}\"")),
                "title missing from the JSON: {title}"
            );
            titles += 1;
        }
    }
    assert_eq!(
        titles, 23,
        "the seed's 見直し後 pages print 23 roadblock titles"
    );
}

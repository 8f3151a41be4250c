//! `koteihyo export --pages domain|fill|one`, read back with poppler: the timeline-only example
//! on exactly one page with every text of it, the seed's roadmap stacked on fewer pages with
//! the header row on each, and `one` on a roadmap too big for a page refused with a message in
//! both languages and no file written.

use std::path::Path;

use crate::command_line::{example, export_in, stderr};
use crate::poppler;

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn page_text(pdf: &Path, page: usize) -> String {
    let page = page.to_string();
    squeeze(&poppler::pdftotext(
        pdf,
        &["-raw", "-enc", "UTF-8", "-f", &page, "-l", &page],
    ))
}

#[test]
fn pages_one_prints_the_timeline_only_example_on_one_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("timeline-only.pdf");
    let file = example("timeline-only.ron");
    let output = export_in(None, &file, &pdf, &["--pages", "one"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(poppler::page_count(&pdf), 1);
    let text = page_text(&pdf, 1);
    let document = koteihyo::io::load(&file).expect("the example loads");
    let mut expected = vec![
        document.meta.title.clone(),
        "2021年9月6日一部見直し".to_owned(),
        "2020年度".to_owned(),
        "2023年度～".to_owned(),
        "1/1".to_owned(),
    ];
    for domain in &document.domains {
        expected.push(format!("{}{}", domain.number_label(), domain.name));
        for entry in &domain.entries {
            expected.push(entry.label.clone());
            expected.push(entry.detail.clone());
        }
    }
    for string in expected {
        assert!(text.contains(&squeeze(&string)), "no {string:?} in {text}");
    }
}

#[test]
fn pages_fill_stacks_the_seeds_domains_on_fewer_pages_with_the_header_row_on_each() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("after.pdf");
    let output = export_in(
        None,
        &example("roadblocks-after.ron"),
        &pdf,
        &["--pages", "fill"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let pages = poppler::page_count(&pdf);
    assert!((2..9).contains(&pages), "{pages} pages");
    let mut domains = String::new();
    for page in 1..=pages {
        let text = page_text(&pdf, page);
        assert!(
            text.contains("ロードブロック") && text.contains("令和６年（2024年）度以降"),
            "page {page}: {text}"
        );
        assert!(
            text.contains("A法改正が必要な事項"),
            "page {page}: no legend"
        );
        assert!(text.contains(&format!("{page}/{pages}")), "page {page}");
        domains.extend(text.chars().filter(|c| ('①'..='⑨').contains(c)));
    }
    // Every domain, in order; none printed twice (the seed's domains each fit a page).
    assert_eq!(domains, "①②③④⑤⑥⑦⑧⑨");
}

#[test]
fn pages_one_that_does_not_fit_is_refused_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("after.pdf");
    let output = export_in(
        None,
        &example("roadblocks-after.ron"),
        &pdf,
        &["--pages", "one"],
    );
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(
        message.contains("工程表が1ページに収まりません（文字を5 ptまで縮小しても）")
            && message.contains("does not fit on one page, even with its text at 5 pt")
            && message.contains("--pages fill"),
        "{message}"
    );
    assert!(!pdf.exists(), "no file is written");
    // PNG pages neither.
    let png = dir.path().join("after.png");
    let output = export_in(
        None,
        &example("roadblocks-after.ron"),
        &png,
        &["--pages", "one", "--no-shrink"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("8 pt"), "{}", stderr(&output));
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 0);
}

//! Printing, checked on the example roadmaps: every string of the document is in the PDF's
//! text (`pdftotext`, poppler-utils) in reading order per page, one page per domain, the font
//! embedded as a subset, the same bytes every time, A3 and portrait pages, a domain too tall for
//! its page continuing cleanly, a committed dump of one page's layout, and the 新旧対照表.

use crate::poppler;

use std::path::Path;

use koteihyo::export::layout::dump::dump;
use koteihyo::export::layout::lay_out;
use koteihyo::export::metrics::FixedPitch;
use koteihyo::export::page::Page;
use koteihyo::export::printer::Printer;
use koteihyo::export::settings::{PageSettings, Paper};
use koteihyo::model::{Document, Domain, Marker};

fn load(name: &str) -> Document {
    koteihyo::io::load(&Path::new("examples").join(name)).expect("the example loads")
}

fn printer() -> Printer {
    Printer::new(koteihyo::font::find_installed().expect("a Japanese font (fonts-noto-cjk)"))
        .expect("the font can be measured")
}

/// `text` without any whitespace: lines wrap and pdftotext spaces runs as it likes.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The text of page `page` (1-based) of `pdf`, in the order it was drawn.
fn pdftotext(pdf: &Path, page: usize) -> String {
    let page = page.to_string();
    poppler::pdftotext(pdf, &["-raw", "-enc", "UTF-8", "-f", &page, "-l", &page])
}

/// Every string a domain's page shows, in the order the page draws them.
fn strings_of(document: &Document, domain: &Domain) -> Vec<String> {
    let meta = &document.meta;
    let mut strings = vec![
        meta.date.clone(),
        format!("{}{}", meta.title, meta.subtitle),
        meta.material_label.clone(),
        meta.revision_label.clone(),
    ];
    for column in &document.columns {
        let header = domain.header_overrides.get(&column.kind).cloned();
        strings.push(header.unwrap_or_else(|| column.header.clone()));
    }
    strings.extend(document.timeline.column_labels());
    strings.push(format!("{}{}", domain.number_label(), domain.name));
    for roadblock in &domain.roadblocks {
        strings.push(roadblock.scope.clone());
        strings.push(format!(
            "【{}】{}",
            roadblock.title,
            roadblock.categories_label()
        ));
        strings.extend(roadblock.description.iter().map(|d| format!("○{d}")));
        for item in roadblock.done.iter().chain(&roadblock.actions) {
            let marker = if item.marker == Marker::Plain {
                ""
            } else {
                item.marker.symbol()
            };
            strings.push(format!("{marker}{}", item.text));
        }
    }
    for entry in &domain.entries {
        strings.push(entry.label.clone());
        strings.push(entry.detail.clone());
    }
    for footnote in &domain.footnotes {
        strings.push(footnote.mark.clone());
        strings.extend(footnote.lines.iter().cloned());
    }
    strings.extend(
        document
            .legend
            .categories
            .iter()
            .map(|c| format!("{}{}", c.letter, c.text)),
    );
    strings.retain(|s| !s.trim().is_empty());
    strings
}

/// Checks that `strings` appear in `text` in order; returns the first one missing.
fn first_missing<'a>(text: &str, strings: &'a [String]) -> Option<&'a str> {
    let text = squeeze(text);
    let mut from = 0;
    for string in strings {
        let wanted = squeeze(string);
        match text[from..].find(&wanted) {
            Some(at) => from += at + wanted.len(),
            None => return Some(string),
        }
    }
    None
}

fn write_pdf(
    document: &Document,
    settings: &PageSettings,
    folder: &Path,
    name: &str,
) -> std::path::PathBuf {
    let bytes = printer().pdf(document, settings).expect("the PDF is made");
    let path = folder.join(name);
    std::fs::write(&path, bytes).expect("the PDF is written");
    path
}

#[test]
fn every_string_of_both_examples_is_in_the_pdf_in_order_one_page_per_domain() {
    let folder = tempfile::tempdir().expect("temporary folder");
    for name in ["roadblocks-before.ron", "roadblocks-after.ron"] {
        let document = load(name);
        let pdf = write_pdf(
            &document,
            &PageSettings::default(),
            folder.path(),
            "out.pdf",
        );
        let pages = printer()
            .pages(&document, &PageSettings::default())
            .expect("laid out");
        assert_eq!(
            pages.len(),
            document.domains.len(),
            "{name}: one page per domain"
        );
        for (index, domain) in document.domains.iter().enumerate() {
            let text = pdftotext(&pdf, index + 1);
            let strings = strings_of(&document, domain);
            assert!(strings.len() > 15, "{name} {}", domain.name);
            if let Some(missing) = first_missing(&text, &strings) {
                panic!(
                    "{name}, page {}: {missing:?} is missing or out of order in:\n{text}",
                    index + 1
                );
            }
            assert!(
                squeeze(&text).contains(&format!("{}/{}", index + 1, document.domains.len())),
                "page number"
            );
        }
    }
}

#[test]
fn the_check_would_notice_a_missing_or_misplaced_string() {
    let strings = vec!["工程表".to_owned(), "令和４年".to_owned()];
    assert_eq!(first_missing("工程表 令和 ４年", &strings), None);
    assert_eq!(first_missing("令和４年 工程表", &strings), Some("令和４年"));
    assert_eq!(first_missing("工程", &strings), Some("工程表"));
}

#[test]
fn the_pdf_embeds_a_subset_with_title_and_is_small_and_deterministic() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let document = load("roadblocks-after.ron");
    let first = write_pdf(&document, &PageSettings::default(), folder.path(), "a.pdf");
    let second = write_pdf(&document, &PageSettings::default(), folder.path(), "b.pdf");
    let bytes = std::fs::read(&first).expect("read");
    assert_eq!(
        bytes,
        std::fs::read(&second).expect("read"),
        "same input, same bytes"
    );
    assert!(bytes.len() < 400 * 1024, "{} bytes", bytes.len());
    let fonts = poppler::pdffonts(&first);
    let face = fonts.lines().nth(2).expect("one font listed");
    // A subset is named ABCDEF+Family; emb, sub and uni are all "yes".
    assert!(
        face.split_whitespace()
            .next()
            .is_some_and(|n| n.as_bytes().get(6) == Some(&b'+')),
        "{fonts}"
    );
    assert!(face.contains("yes yes yes"), "{fonts}");
    let info = poppler::pdfinfo(&first);
    assert!(
        info.contains("ロードブロック解消のための工程表（見直し案）"),
        "{info}"
    );
    assert!(info.contains("Pages:           9"), "{info}");
}

fn text_stays_on_the_page(pages: &[Page]) {
    for page in pages {
        for run in page.texts() {
            assert!(
                run.origin.x >= 0.0
                    && run.origin.x + run.width <= page.width + 0.5
                    && run.origin.y > 0.0
                    && run.origin.y < page.height,
                "{:?} is off the page {}",
                run.text,
                page.title
            );
        }
    }
}

#[test]
fn a3_and_portrait_pages_have_their_sizes_and_keep_every_page() {
    let document = load("roadblocks-after.ron");
    for (paper, portrait, width, height) in [
        (Paper::A3, false, 1190.55, 841.89),
        (Paper::A4, true, 595.28, 841.89),
        (Paper::A3, true, 841.89, 1190.55),
    ] {
        let settings = PageSettings {
            paper,
            portrait,
            ..PageSettings::default()
        };
        let pages = printer().pages(&document, &settings).expect("laid out");
        assert!(pages.len() >= document.domains.len());
        for page in &pages {
            assert!((page.width - width).abs() < 0.1 && (page.height - height).abs() < 0.1);
        }
        text_stays_on_the_page(&pages);
    }
}

#[test]
fn a_domain_too_tall_for_one_page_continues_with_the_header_row_repeated() {
    let mut document = load("roadblocks-after.ron");
    // ① with its roadblocks five times over: far more than one page even shrunk.
    let tall = crate::common::repeated_rows(&document.domains[0], 5, |roadblock, copy| {
        roadblock.title = format!("{}（写{copy}）", roadblock.title);
    });
    document.domains = vec![tall.clone().into()];
    let settings = PageSettings::default();
    let pages = printer().pages(&document, &settings).expect("laid out");
    assert!(pages.len() >= 3, "{} pages", pages.len());
    text_stays_on_the_page(&pages);
    let folder = tempfile::tempdir().expect("temporary folder");
    let pdf = write_pdf(&document, &settings, folder.path(), "tall.pdf");
    let mut all = String::new();
    for number in 1..=pages.len() {
        let text = pdftotext(&pdf, number);
        // Every page repeats the header row and the domain, and says it continues.
        for label in document.timeline.column_labels() {
            assert!(
                squeeze(&text).contains(&squeeze(&label)),
                "page {number}: {label}"
            );
        }
        assert!(text.contains("IRB"));
        if number > 1 {
            assert!(text.contains("（続き）"), "page {number}");
        }
        all.push_str(&text);
    }
    // Nothing is lost or doubled at the cuts: the strings of the roadblocks, in order, once.
    let titles: Vec<String> = tall
        .roadblocks
        .iter()
        .map(|r| format!("【{}】", r.title))
        .collect();
    assert_eq!(first_missing(&all, &titles), None);
    for title in &titles {
        assert_eq!(squeeze(&all).matches(&squeeze(title)).count(), 1, "{title}");
    }
}

#[test]
fn the_layout_of_page_one_matches_the_committed_dump() {
    // Widths from a fixed pitch, not the installed font, so the dump is the same everywhere.
    let document = load("roadblocks-after.ron");
    let pages = lay_out(&document, &PageSettings::default(), &FixedPitch).expect("laid out");
    let actual = dump(&pages[..1]);
    let golden = Path::new("tests/ref/layout-after-page1.txt");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(golden, &actual).expect("write the golden dump");
    }
    let expected = std::fs::read_to_string(golden).expect("tests/ref/layout-after-page1.txt");
    if actual != expected {
        let line = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .map_or(actual.lines().count().min(expected.lines().count()), |n| n);
        panic!(
            "the layout changed at line {} (review, then UPDATE_GOLDEN=1 cargo test --test document print::):\n  now:  {}\n  was:  {}",
            line + 1,
            actual.lines().nth(line).unwrap_or("(end)"),
            expected.lines().nth(line).unwrap_or("(end)")
        );
    }
}

/// The 新旧対照表 pages of `old` against `new`, laid out with fixed-pitch widths.
fn comparison_pages(old: &Document, new: &Document) -> Vec<Page> {
    let comparison = koteihyo::diff::compare(old, new);
    let table = koteihyo::diff::table::build(old, new, &comparison, false);
    koteihyo::export::comparison::lay_out_comparison(
        &table,
        &old.meta,
        &new.meta,
        &koteihyo::export::comparison::ComparisonSettings::default(),
        &FixedPitch,
    )
}

#[test]
fn the_comparison_table_of_the_examples_has_its_marks_and_notes() {
    use koteihyo::export::comparison::ComparisonSettings;
    let (before, after) = (load("roadblocks-before.ron"), load("roadblocks-after.ron"));
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("taisho.pdf");
    let bytes = printer()
        .comparison_pdf(&before, &after, &ComparisonSettings::default(), false)
        .expect("the table is printed");
    std::fs::write(&path, &bytes).expect("written");
    let pages = poppler::page_count(&path);
    assert!(pages >= 2, "{pages} pages");
    let text: String = (1..=pages).map(|page| pdftotext(&path, page)).collect();
    for wanted in [
        "（傍線部分は改正部分）",
        "改正後（見直し後）",
        "改正前（見直し前）",
        "（新設）",
        "（削る）",
        "（略）",
    ] {
        assert!(text.contains(wanted), "{wanted} is missing");
    }
    // ⑧'s new roadblock faces （新設）, and ⑦'s new name is there.
    assert!(squeeze(&text).contains(&squeeze(
        "開発したAIが広く社会実装される仕組みが必要ではないか"
    )));
    assert!(squeeze(&text).contains("PMDA審査等／薬事承認／保険適用"));
    // The changed characters are the underlined runs of the laid-out pages.
    let laid_out = comparison_pages(&before, &after);
    let underlined: Vec<&str> = laid_out
        .iter()
        .flat_map(Page::texts)
        .filter(|run| run.underline)
        .map(|run| run.text.as_str())
        .collect();
    assert!(underlined.contains(&"／保険適用"), "{underlined:?}");
    assert!(
        underlined.contains(&"後") && underlined.contains(&"前"),
        "見直し前 → 見直し後"
    );
    // A document against itself: nothing new, nothing underlined.
    let same = printer()
        .comparison_pdf(&after, &after, &ComparisonSettings::default(), false)
        .expect("printed");
    let same_path = folder.path().join("same.pdf");
    std::fs::write(&same_path, &same).expect("written");
    let same_text = pdftotext(&same_path, 1);
    assert!(same_text.contains("（略）") && !same_text.contains("（新設）"));
    let same_table = koteihyo::diff::table::build(
        &after,
        &after,
        &koteihyo::diff::compare(&after, &after),
        false,
    );
    let same_pages = koteihyo::export::comparison::lay_out_comparison(
        &same_table,
        &after.meta,
        &after.meta,
        &ComparisonSettings::default(),
        &FixedPitch,
    );
    assert!(
        same_pages
            .iter()
            .flat_map(Page::texts)
            .all(|run| !run.underline)
    );
}

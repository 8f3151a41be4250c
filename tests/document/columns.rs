//! Text columns (KPI, 担当府省) on paper and in comparisons: `examples/kpi-columns.ron` printed
//! through the CLI, and two revisions with a changed KPI cell compared (report, 新旧対照表 as
//! PDF and as Word).

use std::io::Read;
use std::path::Path;

use koteihyo::edit::{Edit, apply};
use koteihyo::io::{load, to_ron_string};
use koteihyo::model::{Document, validate};

use crate::command_line::{example, export_in, koteihyo, stderr, stdout};
use crate::poppler;

fn kpi_example() -> Document {
    load(&example("kpi-columns.ron")).expect("the example loads")
}

/// Text without white space: pdftotext breaks a wrapped cell into lines.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_kpi_example_is_clean() {
    let document = kpi_example();
    assert_eq!(validate(&document), vec![]);
    let kpi = document
        .columns
        .iter()
        .find(|c| c.header == "KPI")
        .expect("a KPI column");
    assert!(kpi.is_roadblock_text());
    let ministry = document
        .columns
        .iter()
        .find(|c| c.header == "担当府省")
        .expect("a 担当府省 column");
    assert!(ministry.is_domain_text());
}

#[test]
fn printing_shows_the_text_columns_headers_and_cells() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("kpi.pdf");
    let output = export_in(None, &example("kpi-columns.ron"), &pdf, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let document = kpi_example();
    for (page, domain) in document.domains.iter().enumerate() {
        let number = (page + 1).to_string();
        let text = poppler::pdftotext(&pdf, &["-raw", "-f", &number, "-l", &number]);
        let text = squeezed(&text);
        for header in ["KPI", "担当府省"] {
            assert!(text.contains(header), "page {number}: {text}");
        }
        for cell in domain
            .cells
            .values()
            .chain(domain.roadblocks.iter().flat_map(|r| r.cells.values()))
        {
            for line in cell.lines() {
                assert!(
                    text.contains(&squeezed(line)),
                    "page {number}: {line} in {text}"
                );
            }
        }
    }
}

/// The example, and a new revision of it with d1.r2's KPI and ②'s 担当府省 rewritten.
fn revisions(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let old = kpi_example();
    let mut new = old.clone();
    for (owner, column, text) in [
        ("d1.r2", "kpi", "マイナ保険証の利用率：2025年度末に60％"),
        ("d2", "ministry", "厚生労働省\nこども家庭庁"),
    ] {
        apply(
            &mut new,
            &Edit::SetCell {
                owner: owner.into(),
                column: column.into(),
                text: text.into(),
            },
        )
        .expect("the cell is set");
    }
    new.meta.revision_label = "令和７年度版".into();
    let paths = (dir.join("old.ron"), dir.join("new.ron"));
    std::fs::write(&paths.0, to_ron_string(&old)).expect("write old");
    std::fs::write(&paths.1, to_ron_string(&new)).expect("write new");
    paths
}

#[test]
fn comparing_finds_a_changed_kpi_cell() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (old, new) = revisions(dir.path());
    let pdf = dir.path().join("新旧対照表.pdf");
    let output = koteihyo(&[
        "diff".as_ref(),
        old.as_os_str(),
        new.as_os_str(),
        "-o".as_ref(),
        pdf.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report = stdout(&output);
    assert!(
        report.contains("cells.kpi: マイナ保険証の利用率：2025年度末に[-50-]{+60+}％"),
        "{report}"
    );
    assert!(
        report.contains("cells.ministry: 厚生労働省{+ ⏎ こども家庭庁+}"),
        "{report}"
    );

    let text = squeezed(&poppler::pdftotext(&pdf, &[]));
    for expected in [
        "【KPI】マイナ保険証の利用率：2025年度末に60％",
        "【KPI】マイナ保険証の利用率：2025年度末に50％",
        "【担当府省】厚生労働省こども家庭庁",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }

    let docx = dir.path().join("新旧対照表.docx");
    let output = koteihyo(&[
        "diff".as_ref(),
        old.as_os_str(),
        new.as_os_str(),
        "-o".as_ref(),
        docx.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let file = std::fs::File::open(&docx).expect("the table was written");
    let mut archive = zip::ZipArchive::new(file).expect("a zip");
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .expect("the document part")
        .read_to_string(&mut xml)
        .expect("UTF-8 XML");
    let words = squeezed(&without_tags(&xml));
    for expected in [
        "【KPI】マイナ保険証の利用率：2025年度末に60％",
        "【KPI】マイナ保険証の利用率：2025年度末に50％",
        "【担当府省】厚生労働省",
    ] {
        assert!(words.contains(expected), "{expected} in {words}");
    }
}

/// The text of an XML part: everything outside its tags.
fn without_tags(xml: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

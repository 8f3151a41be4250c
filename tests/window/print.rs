//! The print preview (ファイル > 印刷, Ctrl+P), driven through `egui_kittest`: it opens on the
//! examples, pages through the domains, follows the page settings, saves the PDF, and draws
//! the same page as the PNG export.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use koteihyo::export::printer::Printer;
use koteihyo::export::settings::{PageSettings, Pagination, Paper};
use koteihyo::font::find_installed;
use koteihyo::ui::app::{Dialog, KoteihyoApp};
use koteihyo::ui::fonts::{FontStatus, install_face};
use koteihyo::ui::print::paint_page;
use koteihyo::ui::settings::Settings;

fn example(name: &str) -> PathBuf {
    Path::new("examples").join(name)
}

fn harness(file: &Path) -> Harness<'static, KoteihyoApp> {
    let face = find_installed().expect("a Japanese font is installed (apt install fonts-noto-cjk)");
    let status = FontStatus::Japanese {
        family: face.family.clone(),
        path: face.path.clone(),
    };
    let app = KoteihyoApp::with_font_status(Settings::default(), Some(file), status);
    Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .with_context_setup(move |ctx| install_face(ctx, &face))
        .build_ui_state(|ui, app: &mut KoteihyoApp| app.frame(ui), app)
}

fn open_preview(harness: &mut Harness<'static, KoteihyoApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
}

#[test]
fn ctrl_p_opens_the_preview_and_the_pages_follow_the_domains() {
    let mut harness = harness(&example("roadblocks-after.ron"));
    open_preview(&mut harness);
    assert!(harness.state().view.print().is_some());
    harness.get_by_label("ページ 1 / 9");
    harness.get_by_label("① IRB");
    harness.get_by_label("▶").click();
    harness.run();
    harness.get_by_label("ページ 2 / 9");
    // Only domains 4 to 6: three pages.
    harness.get_by_label("印刷する領域（例: 1,4-6）").click();
    harness.run();
    harness
        .get_by_label("印刷する領域（例: 1,4-6）")
        .type_text("4-6");
    harness.run();
    assert_eq!(harness.state().settings.print.domains, [4, 5, 6]);
    harness.get_by_label("ページ 2 / 3");
    // A list that cannot be read is said in Japanese; the last good one stays.
    harness
        .get_by_label("印刷する領域（例: 1,4-6）")
        .type_text(",9-7");
    harness.run();
    harness.get_by_label_contains("9-7 は小さい番号から大きい番号へ書いてください");
    assert_eq!(harness.state().settings.print.domains, [4, 5, 6]);
    for _ in 0..4 {
        harness.key_press(egui::Key::Backspace);
    }
    harness.run();
    // Paper and orientation are the settings the PDF uses.
    harness.get_by_label("A3").click();
    harness.get_by_label("縦").click();
    harness.run();
    let print = &harness.state().settings.print;
    assert_eq!((print.paper, print.portrait), (Paper::A3, true));
    harness.get_by_label("閉じる").click();
    harness.run();
    assert!(harness.state().view.print().is_none());
    // The editor is back.
    harness.get_by_label("① IRB");
}

#[test]
fn the_menu_opens_the_preview_and_the_pdf_is_saved_where_asked() {
    let mut harness = harness(&example("roadblocks-before.ron"));
    harness.get_by_label("ファイル").click();
    harness.run();
    harness.get_by_label_contains("印刷…").click();
    harness.run();
    harness.get_by_label("ページ 1 / 9");
    let folder = tempfile::tempdir().expect("temporary folder");
    let pdf = folder.path().join("before.pdf");
    // What 「PDFに保存」 runs once the save dialog has returned a path.
    harness.state_mut().export_pdf_to(&pdf);
    let bytes = std::fs::read(&pdf).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(harness.state().dialog, Some(Dialog::Exported(pdf.clone())));
    harness.run();
    harness.get_by_label("書き出しました");
    // The current page as SVG and PNG.
    let svg = folder.path().join("page.svg");
    harness.state_mut().export_page_to(&svg, true);
    let svg_text = std::fs::read_to_string(&svg).expect("the SVG was written");
    assert!(
        svg_text.contains("【IRBの審査の質を均一化する"),
        "{}",
        &svg_text[..400]
    );
    let png = folder.path().join("page.png");
    harness.state_mut().export_page_to(&png, false);
    let png_bytes = std::fs::read(&png).expect("the PNG was written");
    assert!(png_bytes.starts_with(b"\x89PNG"));
}

#[test]
fn a_pdf_with_no_page_to_print_is_refused_in_japanese() {
    let mut harness = harness(&example("roadblocks-after.ron"));
    open_preview(&mut harness);
    harness.get_by_label("印刷する領域（例: 1,4-6）").click();
    harness.run();
    harness
        .get_by_label("印刷する領域（例: 1,4-6）")
        .type_text("99");
    harness.run();
    assert_eq!(harness.state().settings.print.domains, [99]);
    let folder = tempfile::tempdir().expect("temporary folder");
    let pdf = folder.path().join("none.pdf");
    harness.state_mut().export_pdf_to(&pdf);
    harness.run();
    let message = harness
        .get_by_label_contains("（印刷する領域の番号が文書にありますか）")
        .value()
        .unwrap_or_default();
    assert!(!message.contains("no pages"), "{message}");
    assert!(!pdf.exists());
}

#[test]
fn the_file_menu_exports_an_excel_workbook() {
    use calamine::Reader;
    let mut harness = harness(&example("roadblocks-after.ron"));
    harness.get_by_label("ファイル").click();
    harness.run();
    harness.get_by_label("Excelで書き出し…");
    harness.key_press(egui::Key::Escape);
    harness.run();
    let folder = tempfile::tempdir().expect("temporary folder");
    let xlsx = folder.path().join("工程表.xlsx");
    // What the command runs once the save dialog has returned a path.
    harness.state_mut().export_xlsx_to(&xlsx);
    assert_eq!(harness.state().dialog, Some(Dialog::Exported(xlsx.clone())));
    let bytes = std::fs::read(&xlsx).expect("the workbook was written");
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("Excel can open it");
    assert_eq!(book.sheet_names(), ["工程表", "工程一覧", "凡例・注記"]);
    let table = book.worksheet_range("工程表").expect("the table");
    assert!(
        table
            .cells()
            .any(|(_, _, cell)| cell.to_string().contains("【IRBの審査の質を均一化する")),
        "the first roadblock is in the table"
    );
}

#[test]
fn the_pagination_choice_changes_the_page_count_and_is_remembered() {
    let mut harness = harness(&example("roadblocks-after.ron"));
    open_preview(&mut harness);
    harness.get_by_label("ページ 1 / 9");
    harness.get_by_label("詰めて配置").click();
    harness.run();
    assert_eq!(harness.state().settings.print.pages, Pagination::Fill);
    harness.get_by_label("ページ 1 / 7");
    harness.get_by_label("① IRB");
    // The seed's nine dense slides do not fit one page: the preview says so, nothing to save.
    harness.get_by_label("1ページに収める").click();
    harness.run();
    harness.get_by_label_contains("工程表が1ページに収まりません（文字を5 ptまで縮小しても）");
    assert!(harness.query_by_label_contains("ページ 1 /").is_none());
    // Back to fill; closing and opening the preview keeps the choice.
    harness.get_by_label("詰めて配置").click();
    harness.run();
    harness.get_by_label("閉じる").click();
    harness.run();
    open_preview(&mut harness);
    assert_eq!(harness.state().settings.print.pages, Pagination::Fill);
    harness.get_by_label("ページ 1 / 7");
    // A timeline-only roadmap: a page per domain, or all on one page.
    let mut harness = self::harness(&example("timeline-only.ron"));
    open_preview(&mut harness);
    harness.get_by_label("ページ 1 / 6");
    harness.get_by_label("1ページに収める").click();
    harness.run();
    harness.get_by_label("ページ 1 / 1");
    harness.get_by_label("領域ごとに改ページ").click();
    harness.run();
    harness.get_by_label("ページ 1 / 6");
}

#[test]
fn snapshot_print_preview() {
    let mut harness = harness(&example("roadblocks-after.ron"));
    open_preview(&mut harness);
    harness.snapshot("print_preview_after_page1");
}

/// The page drawn by the preview's painter at 1 px per point, as an image.
fn preview_image(page: &koteihyo::export::page::Page) -> image::RgbaImage {
    let face = find_installed().expect("a Japanese font is installed");
    let page = page.clone();
    let mut harness = Harness::builder()
        .with_size(vec2(page.width.ceil(), page.height.ceil()))
        .with_pixels_per_point(1.0)
        .with_context_setup(move |ctx| install_face(ctx, &face))
        .build_ui(move |ui| {
            paint_page(ui.painter(), &page, egui::Pos2::ZERO, 1.0);
        });
    harness.run();
    harness.render().expect("the preview renders")
}

/// How much ink two pictures share: 8×8 blocks holding a dark pixel (grey < 160) in both,
/// over blocks holding one in either (1 = the same blocks are inked).
fn shared_ink(a: &image::RgbaImage, b: &image::RgbaImage) -> f64 {
    let dark = |p: &image::Rgba<u8>| u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2]) < 480;
    let inked = |img: &image::RgbaImage, bx: u32, by: u32| {
        (by * 8..by * 8 + 8).any(|y| (bx * 8..bx * 8 + 8).any(|x| dark(img.get_pixel(x, y))))
    };
    let (width, height) = (a.width().min(b.width()) / 8, a.height().min(b.height()) / 8);
    let (mut both, mut either) = (0_u32, 0_u32);
    for by in 0..height {
        for bx in 0..width {
            let (in_a, in_b) = (inked(a, bx, by), inked(b, bx, by));
            both += u32::from(in_a && in_b);
            either += u32::from(in_a || in_b);
        }
    }
    f64::from(both) / f64::from(either.max(1))
}

#[test]
fn the_preview_draws_the_same_page_as_the_png_export() {
    let document = koteihyo::io::load(&example("roadblocks-after.ron")).expect("example loads");
    let printer = Printer::new(find_installed().expect("font")).expect("printer");
    let pages = printer
        .pages(&document, &PageSettings::default())
        .expect("laid out");
    let preview = preview_image(&pages[0]);
    let export = |page| {
        let bytes = printer.png(page, 72.0).expect("png");
        image::load_from_memory(&bytes).expect("decodes").to_rgba8()
    };
    let same = shared_ink(&preview, &export(&pages[0]));
    let other = shared_ink(&preview, &export(&pages[2]));
    // Keep the pair for review: the preview beside the PNG export.
    let both = {
        let png = export(&pages[0]);
        let mut canvas = image::RgbaImage::from_pixel(
            preview.width() + png.width() + 10,
            preview.height().max(png.height()),
            image::Rgba([128, 128, 128, 255]),
        );
        image::imageops::overlay(&mut canvas, &preview, 0, 0);
        image::imageops::overlay(&mut canvas, &png, i64::from(preview.width()) + 10, 0);
        canvas
    };
    let _ = both.save(std::env::temp_dir().join("koteihyo_preview_beside_png.png"));
    eprintln!("shared ink: same page {same:.3}, another page {other:.3}");
    assert!(
        same > 0.85,
        "the preview and the PNG share only {same:.3} of their ink"
    );
    assert!(other < 0.6, "page 3 should not match page 1: {other:.3}");
}

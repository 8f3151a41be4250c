//! Timings on synthetic roadmaps 1×, 10× and 100× the seed (`koteihyo::generate`), release mode:
//! `cargo run --release --example bench`. Prints one table; README.md shows it with the machine
//! it ran on.
//!
//! load: parse the RON text; save: canonical RON written atomically (with .bak); validate;
//! diff: against a copy with 5 % of the entities changed; PDF: every page; frame: CPU time of one
//! frame of the editor scrolling through the grid (egui pass and tessellation, median over 200
//! wheel steps, driven by `egui_kittest` without a GPU). Then the diff of the two examples, where
//! the whole timeline moved two years, and `koteihyo check` (validate, then locate every problem
//! in the text) of the 100× roadmap with its first year moved by 10 (about 4,200 warnings).
//! Then editing (`-- editing [SCALE]` runs only that table; `bench_parts/editing.rs`): per
//! input, the frame with it and the frames until idle — a character typed in the details panel,
//! a category toggled, an undo — at a person's pace and back to back, an input method's
//! pre-edit, validation after an edit, the memory 200 undo steps add, how long the frame that
//! starts an autosave takes, the time from opening the file to its first frame, and how long
//! the frames after it take to lay out the rest of a large roadmap. Then validation per domain
//! at 10×, 100× and 300×, whole and after an edit (`-- validation` runs only that table).
//! `cargo run --release --example bench -- check` runs only that timing, `-- fresh-ids` only the
//! diff of two 100× roadmaps with different ids (paired by similar titles), `-- crowded` only the
//! table's last row, one domain with 5,000 entries, `-- comparison` only the 新旧対照表 PDF of
//! the 100× roadmap against a changed copy.

#[path = "bench_parts/editing.rs"]
mod editing;

use std::path::Path;
use std::time::{Duration, Instant};

use egui::vec2;
use egui_kittest::Harness;
use koteihyo::diff::compare;
use koteihyo::export::printer::Printer;
use koteihyo::export::settings::PageSettings;
use koteihyo::generate::{perturbed, roadmap};
use koteihyo::io::{SourceIndex, parse_ron, save, to_ron_string};
use koteihyo::model::{Document, validate};
use koteihyo::ui::app::KoteihyoApp;
use koteihyo::ui::fonts::{FontStatus, install_face};
use koteihyo::ui::settings::Settings;

/// The label of the crowded row: one domain with 5,000 entries.
const CROWDED: &str = "1 domain, 5,000 entries";

/// The median of `runs` timings of `work`.
fn median(runs: usize, mut work: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn ms(duration: Duration) -> String {
    let ms = duration.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.2}")
    } else {
        format!("{ms:.0}")
    }
}

/// Median CPU time of a frame while scrolling the grid of the file at `path`.
fn frame_time(path: &std::path::Path) -> Duration {
    let face = koteihyo::font::find_installed().expect("a Japanese font");
    let status = FontStatus::Japanese {
        family: face.family.clone(),
        path: face.path.clone(),
    };
    let app = KoteihyoApp::with_font_status(Settings::default(), Some(path), status);
    // Built with room to settle: a large roadmap is laid out whole before scrolling is timed.
    let mut harness = Harness::builder()
        .with_size(vec2(1600.0, 1000.0))
        .with_max_steps(100_000)
        .with_context_setup(move |ctx| install_face(ctx, &face))
        .build_ui_state(|ui, app: &mut KoteihyoApp| app.show(ui), app);
    harness.run_steps(4);
    harness.hover_at(egui::pos2(500.0, 500.0));
    let mut times = Vec::new();
    for step in 0..200 {
        let delta = if step < 100 { -300.0 } else { 300.0 };
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: vec2(0.0, delta),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        let start = Instant::now();
        harness.step();
        let shapes = harness.output().shapes.clone();
        let pixels_per_point = harness.ctx.pixels_per_point();
        let _ = harness.ctx.tessellate(shapes, pixels_per_point);
        times.push(start.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

/// `koteihyo check` of the 100× roadmap whose first year moved by 10: every entry now starts
/// before the timeline, one warning each. Validates and locates every problem as `check` does.
fn check_timing() {
    let mut document = roadmap(100, 1);
    document.timeline.first_year.0 += 10;
    let text = to_ron_string(&document);
    let mut problems = 0;
    let check = median(3, || {
        let document = parse_ron(&text).expect("the roadmap parses");
        let found = validate(&document);
        let index = SourceIndex::new(&text);
        let lines: Vec<String> = found
            .iter()
            .map(|problem| format!("f.ron:{}: {problem}", index.locate(&problem.location)))
            .collect();
        problems = lines.len();
    });
    println!(
        "\ncheck of the 100× roadmap, first year moved by 10 ({problems} problems): {} ms",
        ms(check)
    );
}

/// `koteihyo diff` of two 100× roadmaps made separately (another seed, every id different):
/// every entity is paired by the similarity of its title, not by id.
/// The 新旧対照表 as `diff -o 新旧対照表.pdf` writes it (compare, the table, its pages, the PDF)
/// of the 100× roadmap against a copy with 5 % of its entities changed, and against one made
/// with another seed (every text changed; the same ids).
fn comparison_timing() {
    use koteihyo::export::comparison::ComparisonSettings;
    let printer = Printer::new(koteihyo::font::find_installed().expect("a Japanese font"))
        .expect("the font can be measured");
    let document = roadmap(100, 1);
    for (what, other) in [
        ("5 % changed", perturbed(&document, 5, 7)),
        ("every text changed", roadmap(100, 2)),
    ] {
        let time = median(3, || {
            let _ =
                printer.comparison_pdf(&document, &other, &ComparisonSettings::default(), false);
        });
        println!(
            "新旧対照表 PDF of the 100× roadmap, {what}: {} ms",
            ms(time)
        );
    }
}

fn fresh_ids_timing() {
    let document = roadmap(100, 1);
    let text = to_ron_string(&roadmap(100, 2)).replace("id: \"", "id: \"x");
    let other = parse_ron(&text).expect("the renamed roadmap parses");
    let diff = median(3, || {
        let _ = compare(&document, &other);
    });
    println!(
        "diff of two 100× roadmaps with different ids (pairing by similar titles): {} ms",
        ms(diff)
    );
}

/// One domain with 5,000 entries (random one- to three-year spans over its rows, as crowded
/// as a chart can get).
fn crowded_domain() -> koteihyo::model::Document {
    let mut document = roadmap(1, 1);
    document.domains.truncate(1);
    let domain = &mut document.domains[0];
    let rows: Vec<koteihyo::model::Id> = domain.roadblocks.iter().map(|r| r.id.clone()).collect();
    let template = domain.entries[0].clone();
    let first = document.timeline.first_year.0;
    let years = i32::from(document.timeline.years);
    let mut random = koteihyo::generate::Random::new(5);
    domain.entries = (0..5000)
        .map(|n| {
            let start = first + random.below(years as usize) as i32;
            let end = (start + random.below(3) as i32).min(first + years - 1);
            let mut entry = template.clone();
            entry.id = koteihyo::model::Id::new(format!("crowd{n}"));
            entry.label = format!("工程{n}");
            entry.detail = String::new();
            entry.start = koteihyo::model::TimePoint::year(start);
            entry.end = koteihyo::model::TimePoint::year(end);
            entry.open_ended = false;
            entry.rows = random.pick(&rows).cloned().into_iter().collect();
            entry
        })
        .collect();
    document
}

/// The table's header.
fn print_header() {
    println!(
        "| roadmap | domains | roadblocks | entries | file KB | load ms | save ms | validate ms | diff ms | PDF ms | pages | frame ms |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
}

/// Times `document` (saved in `folder` as `name`.ron) and prints its row; `runs` medians.
fn print_row(label: &str, document: &Document, printer: &Printer, folder: &Path, runs: usize) {
    let other = perturbed(document, 5, 2);
    let text = to_ron_string(document);
    let path = folder.join(format!("{label}.ron").replace([' ', ','], "_"));
    std::fs::write(&path, &text).expect("write");
    let load = median(runs, || {
        let _ = parse_ron(&text);
    });
    let save_time = median(runs, || {
        save(&path, document).expect("save");
    });
    let check = median(runs, || {
        let _ = validate(document);
    });
    let diff = median(runs, || {
        let _ = compare(document, &other);
    });
    // Printer::pdf lays the pages out itself; counting them is not part of the timing.
    let pages = printer
        .pages(document, &PageSettings::default())
        .map_or(0, |pages| pages.len());
    let pdf = median(runs.div_ceil(3), || {
        let _ = printer.pdf(document, &PageSettings::default());
    });
    let frame = frame_time(&path);
    println!(
        "| {label} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {pages} | {} |",
        document.domains.len(),
        document
            .domains
            .iter()
            .map(|d| d.roadblocks.len())
            .sum::<usize>(),
        document
            .domains
            .iter()
            .map(|d| d.entries.len())
            .sum::<usize>(),
        text.len() / 1024,
        ms(load),
        ms(save_time),
        ms(check),
        ms(diff),
        ms(pdf),
        ms(frame),
    );
}

fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("editing") => {
            let folder = tempfile::tempdir().expect("a temporary folder");
            editing::print_header();
            // `-- editing 100` times one scale only.
            let scales: Vec<usize> = match std::env::args().nth(2) {
                Some(scale) => vec![scale.parse().expect("a scale: 1, 10 or 100")],
                None => vec![1, 10, 100],
            };
            for scale in scales {
                editing::row(&format!("{scale}×"), &roadmap(scale, 1), folder.path());
            }
            return;
        }
        Some("validation") => return editing::validation_table(),
        Some("check") => return check_timing(),
        Some("fresh-ids") => return fresh_ids_timing(),
        Some("comparison") => return comparison_timing(),
        Some("crowded") => {
            let printer = Printer::new(koteihyo::font::find_installed().expect("a Japanese font"))
                .expect("the font can be measured");
            let folder = tempfile::tempdir().expect("a temporary folder");
            print_header();
            return print_row(CROWDED, &crowded_domain(), &printer, folder.path(), 3);
        }
        _ => {}
    }
    let printer = Printer::new(koteihyo::font::find_installed().expect("a Japanese font"))
        .expect("the font can be measured");
    let folder = tempfile::tempdir().expect("a temporary folder");
    print_header();
    for scale in [1, 10, 100] {
        let runs = if scale == 100 { 3 } else { 9 };
        print_row(
            &format!("{scale}×"),
            &roadmap(scale, 1),
            &printer,
            folder.path(),
            runs,
        );
    }
    print_row(CROWDED, &crowded_domain(), &printer, folder.path(), 3);
    let examples = |name: &str| {
        koteihyo::io::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name))
            .expect("the example loads")
    };
    let (before, after) = (
        examples("examples/roadblocks-before.ron"),
        examples("examples/roadblocks-after.ron"),
    );
    let revision = median(9, || {
        let _ = compare(&before, &after);
    });
    println!(
        "\nexamples 見直し前 → 見直し後 (almost every entity changed): diff {} ms",
        ms(revision)
    );
    println!();
    editing::print_header();
    for scale in [1, 10, 100] {
        editing::row(&format!("{scale}×"), &roadmap(scale, 1), folder.path());
    }
    println!();
    editing::validation_table();
    check_timing();
    fresh_ids_timing();
    comparison_timing();
}

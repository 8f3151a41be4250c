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
//! Then editing at a person's pace (`-- editing` runs only that table): per input, the frame
//! with it and the frames until idle — a character typed in the details panel, a category
//! toggled, an undo, an input method's pre-edit —, the memory 200 undo steps add, the copy a
//! frame makes for autosave, the time from opening the file to its first frame, and how long the
//! frames after it take to lay out the rest of a large roadmap.
//! `cargo run --release --example bench -- check` runs only that timing, `-- fresh-ids` only the
//! diff of two 100× roadmaps with different ids (paired by similar titles), `-- crowded` only the
//! table's last row, one domain with 5,000 entries.

use std::path::Path;
use std::time::{Duration, Instant};

use egui::vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
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

/// The editing table's header.
fn print_editing_header() {
    println!(
        "| roadmap | type ms | toggle ms | undo ms | pre-edit ms | 200 undo steps MB | autosave copy ms | first frame ms | then laid out whole ms |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
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

/// The app on `path` in a 1600×1000 harness with the Japanese face, and how long it took from
/// opening the file to the end of its first frame (loading, layout, tessellation).
fn app_harness(path: &Path) -> (Harness<'static, KoteihyoApp>, Duration) {
    let face = koteihyo::font::find_installed().expect("a Japanese font");
    let status = FontStatus::Japanese {
        family: face.family.clone(),
        path: face.path.clone(),
    };
    let start = Instant::now();
    let app = KoteihyoApp::with_font_status(Settings::default(), Some(path), status);
    // One step at build: the first frame alone is timed (a large roadmap is then laid out over
    // the next frames; `settle` runs them).
    let harness = Harness::builder()
        .with_size(vec2(1600.0, 1000.0))
        .with_max_steps(1)
        .with_context_setup(move |ctx| install_face(ctx, &face))
        .build_ui_state(|ui, app: &mut KoteihyoApp| app.frame(ui), app);
    tessellate(&harness);
    (harness, start.elapsed())
}

/// Steps until egui asks for no more frames (the harness runs one step per `try_run`).
fn settle(harness: &mut Harness<'static, KoteihyoApp>) {
    for _ in 0..100_000 {
        if harness.try_run().is_ok() {
            return;
        }
    }
}

fn tessellate(harness: &Harness<'static, KoteihyoApp>) {
    let shapes = harness.output().shapes.clone();
    let _ = harness
        .ctx
        .tessellate(shapes, harness.ctx.pixels_per_point());
}

/// CPU time of one input: the frame with it and the frames after it until egui asks for no
/// more, and one tessellation (a person's pace: the window is idle before each input).
fn input_time(
    harness: &mut Harness<'static, KoteihyoApp>,
    input: impl FnOnce(&mut Harness<'static, KoteihyoApp>),
) -> Duration {
    let start = Instant::now();
    input(harness);
    settle(harness);
    tessellate(harness);
    start.elapsed()
}

fn median_of(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Resident memory of this process, in bytes (Linux; 0 elsewhere).
fn resident_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |pages| pages * 4096)
}

/// Resident memory, in MB, that 200 undo steps add — each a change of a different roadblock,
/// as a drafter's afternoon.
fn undo_memory_mb(document: &Document) -> f64 {
    use koteihyo::edit::{Edit, History};
    let mut edited = document.clone();
    let mut history = History::default();
    let roadblocks: Vec<_> = document
        .domains
        .iter()
        .flat_map(|d| d.roadblocks.iter())
        .cloned()
        .collect();
    let before = resident_bytes();
    for step in 0..200 {
        let mut roadblock = roadblocks[step % roadblocks.len()].clone();
        roadblock.title = format!("{}（{step}）", roadblock.title);
        history
            .apply(&mut edited, &Edit::ReplaceRoadblock(roadblock), None)
            .expect("edit");
    }
    #[allow(clippy::cast_precision_loss)] // megabytes, for the table
    let added = resident_bytes().saturating_sub(before) as f64 / 1_048_576.0;
    added
}

/// Editing at a person's pace in the window on `document`: a typed character in the details
/// panel, a category toggled, an undo, an input method's pre-edit frame (medians of 20), the
/// memory 200 undo steps add, the frame's copy for autosave, the time to the first frame.
fn editing_row(label: &str, document: &Document, folder: &Path) {
    use koteihyo::edit::Edit;
    use koteihyo::ui::app::Request;
    use koteihyo::ui::selection::Selection;
    let path = folder.join("editing.ron");
    std::fs::write(&path, to_ron_string(document)).expect("write");
    let (mut harness, first_frame) = app_harness(&path);
    // The frames after the first that lay out the rest of a large roadmap (6 ms each).
    let fill_start = Instant::now();
    settle(&mut harness);
    let filled = fill_start.elapsed();
    let first = document.domains[0].roadblocks[0].id.clone();
    harness
        .state_mut()
        .request(Request::Select(Some(Selection::Roadblock(first.clone()))));
    settle(&mut harness);
    harness
        .get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "タイトル")
        .click();
    settle(&mut harness);
    let typing = median_of(
        (0..20)
            .map(|_| input_time(&mut harness, |h| h.event(egui::Event::Text("あ".into()))))
            .collect(),
    );
    let preedit = median_of(
        (1..=20)
            .map(|n| {
                input_time(&mut harness, |h| {
                    h.event(egui::Event::Ime(egui::ImeEvent::Preedit {
                        text: "か".repeat(n),
                        active_range_chars: Some(0..n),
                    }));
                })
            })
            .collect(),
    );
    harness.event(egui::Event::Ime(egui::ImeEvent::Commit("漢字".into())));
    settle(&mut harness);
    let toggle = median_of(
        (0..20)
            .map(|_| {
                input_time(&mut harness, |h| {
                    let open = h.state().open.as_ref().expect("open");
                    let mut roadblock = open.document.domains[0].roadblocks[0].clone();
                    if !roadblock.categories.remove(&'E') {
                        roadblock.categories.insert('E');
                    }
                    h.state_mut().request(Request::Edit(
                        Box::new(Edit::ReplaceRoadblock(roadblock)),
                        None,
                    ));
                })
            })
            .collect(),
    );
    let undo = median_of(
        (0..20)
            .map(|_| {
                input_time(&mut harness, |h| {
                    h.key_press_modifiers(
                        egui::Modifiers {
                            ctrl: true,
                            command: true,
                            ..egui::Modifiers::NONE
                        },
                        egui::Key::Z,
                    );
                })
            })
            .collect(),
    );
    drop(harness);
    let undo_mb = undo_memory_mb(document);
    let copy = median(9, || {
        let _ = std::hint::black_box(document.clone());
    });
    println!(
        "| {label} | {} | {} | {} | {} | {undo_mb:.1} | {} | {} | {} |",
        ms(typing),
        ms(toggle),
        ms(undo),
        ms(preedit),
        ms(copy),
        ms(first_frame),
        ms(filled),
    );
}

fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("editing") => {
            let folder = tempfile::tempdir().expect("a temporary folder");
            print_editing_header();
            // `-- editing 100` times one scale only.
            let scales: Vec<usize> = match std::env::args().nth(2) {
                Some(scale) => vec![scale.parse().expect("a scale: 1, 10 or 100")],
                None => vec![1, 10, 100],
            };
            for scale in scales {
                editing_row(&format!("{scale}×"), &roadmap(scale, 1), folder.path());
            }
            return;
        }
        Some("check") => return check_timing(),
        Some("fresh-ids") => return fresh_ids_timing(),
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
    print_editing_header();
    for scale in [1, 10, 100] {
        editing_row(&format!("{scale}×"), &roadmap(scale, 1), folder.path());
    }
    check_timing();
    fresh_ids_timing();
}

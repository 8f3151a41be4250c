//! The bench's editing table: inputs in the window at a person's pace and back to back, input
//! methods' pre-edit, undo memory, what autosave blocks, validation after an edit, and the
//! first frame; and the validation table (whole and after an edit, per domain, 10× to 300×).

use std::path::Path;
use std::time::{Duration, Instant};

use egui::vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use koteihyo::edit::Edit;
use koteihyo::generate::roadmap;
use koteihyo::io::{RecoveryStore, to_ron_string};
use koteihyo::model::{Document, Validation, validate};
use koteihyo::ui::app::{KoteihyoApp, Request};
use koteihyo::ui::fonts::{FontStatus, install_face};
use koteihyo::ui::selection::Selection;
use koteihyo::ui::settings::Settings;

use super::{median, ms};

type App = Harness<'static, KoteihyoApp>;

/// How many inputs of each kind are timed.
const INPUTS: usize = 20;

/// The editing table's header.
pub fn print_header() {
    println!(
        "| roadmap | type ms | toggle ms | undo ms | back to back: type / toggle / undo ms | pre-edit ms | validate after an edit ms | 200 undo steps MB | autosave blocks ms | first frame ms | then laid out whole ms |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
}

/// The app on `path` in a 1600×1000 harness with the Japanese face, and how long it took from
/// opening the file to the end of its first frame (loading, layout, tessellation).
fn app_harness(path: &Path) -> (App, Duration) {
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
fn settle(harness: &mut App) {
    for _ in 0..100_000 {
        if harness.try_run().is_ok() {
            return;
        }
    }
}

fn tessellate(harness: &App) {
    let shapes = harness.output().shapes.clone();
    let _ = harness
        .ctx
        .tessellate(shapes, harness.ctx.pixels_per_point());
}

/// CPU time of one input: the frame with it and the frames after it until egui asks for no
/// more, and one tessellation (a person's pace: the window is idle before each input).
fn input_time(harness: &mut App, input: impl FnOnce(&mut App)) -> Duration {
    let start = Instant::now();
    input(harness);
    settle(harness);
    tessellate(harness);
    start.elapsed()
}

/// CPU time per input of [`INPUTS`] inputs back to back — one in each frame, every frame
/// tessellated — and the frames after the last until idle, divided by their number.
fn back_to_back(harness: &mut App, mut input: impl FnMut(&mut App)) -> Duration {
    let start = Instant::now();
    for _ in 0..INPUTS {
        input(harness);
        harness.step();
        tessellate(harness);
    }
    settle(harness);
    tessellate(harness);
    start.elapsed() / u32::try_from(INPUTS).unwrap_or(1)
}

fn median_of(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// The median of [`INPUTS`] inputs at a person's pace.
fn paced(harness: &mut App, mut input: impl FnMut(&mut App)) -> Duration {
    median_of(
        (0..INPUTS)
            .map(|_| input_time(harness, &mut input))
            .collect(),
    )
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
    use koteihyo::edit::History;
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

/// The first roadblock with category E toggled, as the details panel's check box asks.
fn toggle(harness: &mut App) {
    let open = harness.state().open.as_ref().expect("open");
    let mut roadblock = open.document.domains[0].roadblocks[0].clone();
    if !roadblock.categories.remove(&'E') {
        roadblock.categories.insert('E');
    }
    harness.state_mut().request(Request::Edit(
        Box::new(Edit::ReplaceRoadblock(roadblock)),
        None,
    ));
}

fn undo(harness: &mut App) {
    harness.key_press_modifiers(
        egui::Modifiers {
            ctrl: true,
            command: true,
            ..egui::Modifiers::NONE
        },
        egui::Key::Z,
    );
}

fn type_a_character(harness: &mut App) {
    harness.event(egui::Event::Text("あ".into()));
}

/// How long the app's frame work (`App::logic`) takes in the frame that starts an autosave of
/// the open, modified document (the recovery copy is then written on its own thread): the
/// median of 9, each after a change. The change is made with autosave off (the harness's
/// frames run `logic` too), then autosave is turned on with no delay and one `logic` timed.
fn autosave_blocking(harness: &mut App, folder: &Path) -> Duration {
    let ctx = harness.ctx.clone();
    let store = RecoveryStore::new(folder.join("recovery"));
    harness.state_mut().autosave.delay = Duration::ZERO;
    let mut times = Vec::new();
    for _ in 0..9 {
        harness.state_mut().recovery = None;
        toggle(harness);
        settle(harness);
        let app = harness.state_mut();
        app.recovery = Some(store.clone());
        let start = Instant::now();
        app.logic(&ctx);
        times.push(start.elapsed());
        // Waits for the background write and writes once more, untimed.
        assert!(app.autosave_now(), "the recovery copy is written");
    }
    harness.state_mut().recovery = None;
    median_of(times)
}

/// Validation after one roadblock's title changed, as the window runs it after an edit (only
/// the changed domain checked again): the median of 9.
fn validate_after_edit(document: &Document) -> Duration {
    let mut edited = document.clone();
    let mut validation = Validation::default();
    let _ = validation.run(&edited);
    let last = edited.domains.len() - 1;
    median(9, || {
        edited.domains[last].roadblocks[0].title.push('改');
        let _ = std::hint::black_box(validation.run(&edited));
    })
}

/// Editing in the window on `document`: a typed character in the details panel, a category
/// toggled, an undo (each at a person's pace, then back to back), an input method's pre-edit
/// frame, validation after an edit, the memory 200 undo steps add, what starting an autosave
/// blocks, the time to the first frame and the frames that then lay out the rest.
pub fn row(label: &str, document: &Document, folder: &Path) {
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
        .request(Request::Select(Some(Selection::Roadblock(first))));
    settle(&mut harness);
    harness
        .get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "タイトル")
        .click();
    settle(&mut harness);
    let typing = paced(&mut harness, type_a_character);
    let typing_b2b = back_to_back(&mut harness, type_a_character);
    let mut n = 0;
    let preedit = paced(&mut harness, |h| {
        n += 1;
        h.event(egui::Event::Ime(egui::ImeEvent::Preedit {
            text: "か".repeat(n),
            active_range_chars: Some(0..n),
        }));
    });
    harness.event(egui::Event::Ime(egui::ImeEvent::Commit("漢字".into())));
    settle(&mut harness);
    let toggling = paced(&mut harness, toggle);
    let toggling_b2b = back_to_back(&mut harness, toggle);
    // 40 toggles are 40 undo steps.
    let undoing = paced(&mut harness, undo);
    let undoing_b2b = back_to_back(&mut harness, undo);
    let autosave = autosave_blocking(&mut harness, folder);
    drop(harness);
    let revalidate = validate_after_edit(document);
    let undo_mb = undo_memory_mb(document);
    let autosave_ms = autosave.as_secs_f64() * 1000.0;
    println!(
        "| {label} | {} | {} | {} | {} / {} / {} | {} | {} | {undo_mb:.1} | {autosave_ms:.3} | {} | {} |",
        ms(typing),
        ms(toggling),
        ms(undoing),
        ms(typing_b2b),
        ms(toggling_b2b),
        ms(undoing_b2b),
        ms(preedit),
        ms(revalidate),
        ms(first_frame),
        ms(filled),
    );
}

/// Validation per domain, whole and after an edit, at 10×, 100× and 300×: whether it grows
/// with the roadmap faster than the roadmap does.
pub fn validation_table() {
    println!("| roadmap | domains | validate ms | per domain µs | after an edit ms |");
    println!("|---|---|---|---|---|");
    for scale in [10, 100, 300] {
        let document = roadmap(scale, 1);
        let whole = median(9, || {
            let _ = std::hint::black_box(validate(&document));
        });
        let domains = document.domains.len();
        #[allow(clippy::cast_precision_loss)] // microseconds per domain, for the table
        let per_domain = whole.as_secs_f64() * 1e6 / domains as f64;
        println!(
            "| {scale}× | {domains} | {} | {per_domain:.2} | {} |",
            ms(whole),
            ms(validate_after_edit(&document)),
        );
    }
}

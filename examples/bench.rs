//! Timings on the example roadmaps scaled up (every domain duplicated), in release mode:
//! `cargo run --release --example bench`. Prints one table; the figures in README.md come
//! from it.

use std::time::{Duration, Instant};

use koteihyo::diff::compare;
use koteihyo::edit::duplicate_domain;
use koteihyo::export::printer::Printer;
use koteihyo::export::settings::PageSettings;
use koteihyo::io::{parse_ron, to_ron_string};
use koteihyo::model::{Document, validate};

/// `document` with its domains repeated until it has `scale` times as many.
fn scaled(document: &Document, scale: usize) -> Document {
    let mut out = document.clone();
    let originals = document.domains.clone();
    for _ in 1..scale {
        for domain in &originals {
            let copy = duplicate_domain(&out, domain);
            out.domains.push(copy);
        }
    }
    out
}

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
    format!("{:.2}", duration.as_secs_f64() * 1000.0)
}

fn main() {
    let load = |name: &str| {
        let text =
            std::fs::read_to_string(format!("examples/{name}")).expect("run from the crate root");
        parse_ron(&text).expect("the example parses")
    };
    let (before, after) = (load("roadblocks-before.ron"), load("roadblocks-after.ron"));
    let printer = Printer::new(koteihyo::font::find_installed().expect("a Japanese font"))
        .expect("the font can be measured");
    println!("| scale | domains | load ms | save ms | validate ms | diff ms | PDF ms | PDF KB |");
    println!("|---|---|---|---|---|---|---|---|");
    for scale in [1, 10] {
        let (old, new) = (scaled(&before, scale), scaled(&after, scale));
        let text = to_ron_string(&new);
        let load = median(5, || {
            let _ = parse_ron(&text);
        });
        let save = median(5, || {
            let _ = to_ron_string(&new);
        });
        let validate = median(5, || {
            let _ = validate(&new);
        });
        let diff = median(5, || {
            let _ = compare(&old, &new);
        });
        let mut size = 0;
        let pdf = median(3, || {
            size = printer
                .pdf(&new, &PageSettings::default())
                .map_or(0, |b| b.len());
        });
        println!(
            "| {scale} | {} | {} | {} | {} | {} | {} | {} |",
            new.domains.len(),
            ms(load),
            ms(save),
            ms(validate),
            ms(diff),
            ms(pdf),
            size / 1024
        );
    }
}

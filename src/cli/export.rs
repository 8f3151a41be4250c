//! `koteihyo export`: write the roadmap in another format, chosen by the output extension:
//! the printed chart as PDF, SVG or PNG pages, or the data as JSON.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::{EXIT_OK, EXIT_UNREADABLE, describe_load_error};
use crate::export::printer::{Printer, numbered_path};
use crate::export::settings::{PageSettings, Paper, parse_domain_list};
use crate::io::{load, to_json_string, write_atomic};
use crate::model::Document;

/// Page settings on the command line.
#[derive(Debug, Clone, clap::Args)]
pub struct PrintOptions {
    /// Paper size.
    #[arg(long, value_enum, default_value = "a4")]
    paper: PaperArg,
    /// Portrait pages (the default is landscape, as the slides).
    #[arg(long)]
    portrait: bool,
    /// Only these domains, by number: `1,4-6`.
    #[arg(long, value_name = "LIST")]
    domains: Option<String>,
    /// Body text size in points.
    #[arg(long, value_name = "PT", default_value_t = 8.0)]
    font_size: f32,
    /// Never shrink text to keep a domain on one page.
    #[arg(long)]
    no_shrink: bool,
    /// The Japanese font file to use instead of the system's (.ttf, .otf, .ttc).
    #[arg(long, value_name = "FILE")]
    font: Option<PathBuf>,
    /// Resolution of PNG pages.
    #[arg(long, value_name = "DPI", default_value_t = 150.0)]
    dpi: f32,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum PaperArg {
    A4,
    A3,
}

impl PrintOptions {
    fn settings(&self) -> anyhow::Result<PageSettings> {
        let domains = match &self.domains {
            Some(list) => parse_domain_list(list)?,
            None => Vec::new(),
        };
        if !(4.0..=24.0).contains(&self.font_size) {
            bail!("--font-size must be between 4 and 24 points");
        }
        Ok(PageSettings {
            paper: match self.paper {
                PaperArg::A4 => Paper::A4,
                PaperArg::A3 => Paper::A3,
            },
            portrait: self.portrait,
            base_size: self.font_size,
            shrink_to_fit: !self.no_shrink,
            domains,
            ..PageSettings::default()
        })
    }
}

/// Exports `file` to `output`; `-` means standard output (JSON).
pub fn run(file: &Path, output: &Path, options: &PrintOptions) -> anyhow::Result<u8> {
    let document = match load(file) {
        Ok(document) => document,
        Err(error) => {
            eprintln!("{}", describe_load_error(&error));
            return Ok(EXIT_UNREADABLE);
        }
    };
    let to_stdout = output.as_os_str() == "-";
    let extension = output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        _ if to_stdout => {
            std::io::stdout()
                .lock()
                .write_all(to_json_string(&document).as_bytes())
                .context("writing to standard output")?;
        }
        Some("json") => write_atomic(output, to_json_string(&document).as_bytes(), false)?,
        Some(format @ ("pdf" | "svg" | "png")) => print(&document, output, format, options)?,
        Some(other) => {
            bail!("cannot export to .{other}: supported output formats are .pdf, .svg, .png, .json")
        }
        None => bail!(
            "the output {} has no extension: name it .pdf, .svg, .png or .json",
            output.display()
        ),
    }
    Ok(EXIT_OK)
}

fn print(
    document: &Document,
    output: &Path,
    format: &str,
    options: &PrintOptions,
) -> anyhow::Result<()> {
    let settings = options.settings()?;
    let font = crate::font::find(options.font.as_deref())?;
    let printer = Printer::new(font)?;
    let pages = printer.pages(document, &settings);
    if pages.is_empty() {
        bail!("nothing to print: no domain of the document matches --domains");
    }
    if format == "pdf" {
        let bytes = crate::export::pdf::to_pdf(&pages, printer.font(), &document.meta)?;
        write_atomic(output, &bytes, false)?;
        eprintln!("{}: {} pages", output.display(), pages.len());
        return Ok(());
    }
    for (index, page) in pages.iter().enumerate() {
        let path = numbered_path(output, index + 1, pages.len());
        let bytes = if format == "svg" {
            printer.svg(page).into_bytes()
        } else {
            printer.png(page, options.dpi)?
        };
        write_atomic(&path, &bytes, false)?;
        eprintln!("{}: {}", path.display(), page.title);
    }
    Ok(())
}

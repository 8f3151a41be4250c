//! `koteihyo export`: write the roadmap in another format, chosen by the output extension:
//! the printed chart as PDF, SVG or PNG pages, the data as JSON, or the table as an Excel
//! workbook (.xlsx) for colleagues without Koteihyo.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::output::{self, Guard, Roadmaps};
use super::terminal::escape_controls;
use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, describe_load_error, problems};
use crate::export::printer::{Printer, numbered_path};
use crate::export::settings::{PageSettings, Pagination, Paper, parse_domain_list};
use crate::io::{Loaded, load_with_text, to_json_string, write_atomic};
use crate::model::{Document, validate};

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
    /// Never shrink text to keep a domain (or, with `--pages one`, the roadmap) on one page.
    #[arg(long)]
    no_shrink: bool,
    /// How domains are spread over pages: `domain` starts a page for every domain; `fill`
    /// stacks whole domains under one header row while they fit a page (a domain is split only
    /// when it cannot fit a page alone); `one` puts the whole roadmap on one page, shrinking the
    /// text down to 5 pt, and fails with no file written when it still does not fit.
    #[arg(long, value_enum, value_name = "HOW", default_value = "domain")]
    pages: PagesArg,
    /// The Japanese font file to use instead of the system's (.ttf, .otf, .ttc).
    #[arg(long, value_name = "FILE")]
    font: Option<PathBuf>,
    /// Resolution of PNG pages.
    #[arg(long, value_name = "DPI", default_value_t = 150.0)]
    dpi: f32,
    /// Print even when the document has errors (listed as `file:line:col` lines); without it,
    /// such a document is refused, since it would print wrongly.
    #[arg(long)]
    force: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum PaperArg {
    A4,
    A3,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum PagesArg {
    /// A page (or more) per domain.
    Domain,
    /// Whole domains stacked while they fit a page.
    Fill,
    /// The whole roadmap on one page.
    One,
}

impl PrintOptions {
    fn settings(&self) -> anyhow::Result<PageSettings> {
        let domains = match &self.domains {
            Some(list) => parse_domain_list(list)?,
            None => Vec::new(),
        };
        if !(4.0..=24.0).contains(&self.font_size) {
            bail!(
                "--font-size must be between 4 and 24 points, not {}",
                self.font_size
            );
        }
        if !(10.0..=1200.0).contains(&self.dpi) {
            bail!("--dpi must be between 10 and 1200, not {}", self.dpi);
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
            pages: match self.pages {
                PagesArg::Domain => Pagination::Domain,
                PagesArg::Fill => Pagination::Fill,
                PagesArg::One => Pagination::One,
            },
            ..PageSettings::default()
        })
    }
}

/// What `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// The printed chart as one PDF.
    Pdf,
    /// The printed chart as one SVG file per page.
    Svg,
    /// The printed chart as one PNG file per page.
    Png,
    /// The document's data.
    Json,
    /// The table as an Excel workbook (.xlsx), with sheets of the entries and the legend.
    Xlsx,
}

impl ExportFormat {
    fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Svg => "svg",
            Self::Png => "png",
            Self::Json => "json",
            Self::Xlsx => "xlsx",
        }
    }
}

/// The format to write: `--format`, else the output's extension (`-` alone means JSON);
/// the two must agree, and SVG/PNG pages cannot go to standard output.
fn choose_format(output: &Path, chosen: Option<ExportFormat>) -> anyhow::Result<ExportFormat> {
    if output::is_stdout(output) {
        let format = chosen.unwrap_or(ExportFormat::Json);
        if matches!(format, ExportFormat::Svg | ExportFormat::Png) {
            bail!(
                "{} pages are written one file per page, which standard output cannot hold: name an output FILE.{}",
                format.extension().to_ascii_uppercase(),
                format.extension()
            );
        }
        return Ok(format);
    }
    let format = match output::extension(output).as_deref() {
        Some("pdf") => ExportFormat::Pdf,
        Some("svg") => ExportFormat::Svg,
        Some("png") => ExportFormat::Png,
        Some("json") => ExportFormat::Json,
        Some("xlsx") => ExportFormat::Xlsx,
        Some(other) => {
            bail!(
                "cannot export to .{other}: supported output formats are .pdf, .svg, .png, .json, .xlsx"
            )
        }
        None => bail!(
            "the output {} has no extension: name it .pdf, .svg, .png, .json or .xlsx",
            output.display()
        ),
    };
    if let Some(chosen) = chosen.filter(|&chosen| chosen != format) {
        bail!(
            "{} ends in .{}, but --format is {}: the extension must match what is written",
            output.display(),
            format.extension(),
            chosen.extension()
        );
    }
    Ok(format)
}

/// Exports `file` to `output`; `-` means standard output (JSON, or PDF with `--format pdf`).
pub fn run(
    file: &Path,
    output: &Path,
    format: Option<ExportFormat>,
    options: &PrintOptions,
    lang: crate::model::Lang,
) -> anyhow::Result<u8> {
    let mut inputs = vec![file];
    inputs.extend(options.font.as_deref());
    let guard = Guard {
        inputs: &inputs,
        roadmaps: Roadmaps::Refused,
    };
    let to_stdout = output::is_stdout(output);
    if !to_stdout {
        guard.check(output)?;
    }
    let format = choose_format(output, format)?;
    if to_stdout
        && matches!(format, ExportFormat::Pdf | ExportFormat::Xlsx)
        && std::io::stdout().is_terminal()
    {
        bail!(
            "refusing to write a {} to the terminal: redirect standard output to a file or a program",
            format.extension().to_ascii_uppercase()
        );
    }
    let Loaded { document, text } = match load_with_text(file) {
        Ok(loaded) => loaded,
        Err(error) => {
            eprintln!("{}", describe_load_error(&error, lang));
            return Ok(EXIT_UNREADABLE);
        }
    };
    // JSON is the data as it is; printed pages of a document with errors would be wrong.
    if format != ExportFormat::Json {
        let found = validate(&document);
        let errors = problems::lines(
            file,
            &text,
            found.iter().filter(|p| problems::is_error(p)),
            lang,
        );
        if !errors.is_empty() {
            for line in &errors {
                eprintln!("{line}");
            }
            if !options.force {
                eprintln!(
                    "koteihyo: error: {} has {} error(s) (above) and would print wrongly; fix them, or pass --force to print anyway",
                    file.display(),
                    errors.len()
                );
                return Ok(EXIT_PROBLEMS);
            }
            eprintln!("koteihyo: warning: printing despite the errors above (--force)");
        }
    }
    match format {
        ExportFormat::Json => {
            let json = to_json_string(&document);
            if to_stdout {
                write_stdout(json.as_bytes())?;
            } else {
                write_atomic(output, json.as_bytes(), false)?;
            }
        }
        ExportFormat::Xlsx => {
            let bytes = crate::export::xlsx::roadmap_xlsx(&document, lang)?;
            if to_stdout {
                write_stdout(&bytes)?;
            } else {
                write_atomic(output, &bytes, false)?;
            }
        }
        _ => print(&document, output, format, options, &guard)?,
    }
    Ok(EXIT_OK)
}

fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .context("writing to standard output")
}

fn print(
    document: &Document,
    output: &Path,
    format: ExportFormat,
    options: &PrintOptions,
    guard: &Guard,
) -> anyhow::Result<()> {
    let settings = options.settings()?;
    let font = crate::font::find(options.font.as_deref())?;
    let printer = Printer::new(font)?;
    let pages = printer.pages(document, &settings)?;
    if pages.is_empty() {
        if options.domains.is_none() {
            bail!("nothing to print: the document has no domains to print");
        }
        bail!("nothing to print: no domain of the document matches --domains");
    }
    if format == ExportFormat::Pdf {
        let bytes = crate::export::pdf::to_pdf(&pages, printer.font(), &document.meta)?;
        if output::is_stdout(output) {
            write_stdout(&bytes)?;
            eprintln!("standard output: {} pages", pages.len());
        } else {
            write_atomic(output, &bytes, false)?;
            eprintln!("{}: {} pages", output.display(), pages.len());
        }
        return Ok(());
    }
    let paths: Vec<PathBuf> = (1..=pages.len())
        .map(|number| numbered_path(output, number, pages.len()))
        .collect();
    guard.check_all(&paths)?;
    for (page, path) in pages.iter().zip(&paths) {
        let bytes = if format == ExportFormat::Svg {
            printer.svg(page).into_bytes()
        } else {
            printer.png(page, options.dpi)?
        };
        write_atomic(path, &bytes, false)?;
        let line = format!("{}: {}", path.display(), page.title);
        eprintln!("{}", escape_controls(&line));
    }
    Ok(())
}

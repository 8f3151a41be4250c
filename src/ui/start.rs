//! Opening the window with a renderer that works: wgpu first, OpenGL (glow) when wgpu fails
//! (no adapter on many Windows VMs and remote desktops), `KOTEIHYO_RENDERER` to force one,
//! and a native message box in Japanese and English when none works — a GUI program's
//! stderr is read by nobody.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::ui::i18n::{Key, Lang, tr};
use crate::ui::{KoteihyoApp, Settings};

/// The environment variable that forces a renderer: `wgpu` or `glow` (OpenGL).
pub const RENDERER_VARIABLE: &str = "KOTEIHYO_RENDERER";

/// A way to draw the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RendererChoice {
    /// wgpu: Direct3D 12, Vulkan or Metal (and OpenGL ES through wgpu).
    Wgpu,
    /// glow: plain OpenGL, which Windows' basic display driver and Mesa also offer.
    Glow,
}

impl RendererChoice {
    fn renderer(self) -> eframe::Renderer {
        match self {
            RendererChoice::Wgpu => eframe::Renderer::Wgpu,
            RendererChoice::Glow => eframe::Renderer::Glow,
        }
    }
}

impl fmt::Display for RendererChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RendererChoice::Wgpu => "wgpu",
            RendererChoice::Glow => "glow",
        })
    }
}

/// `KOTEIHYO_RENDERER` holds a value that names no renderer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{RENDERER_VARIABLE}={0:?} names no renderer (wgpu or glow); trying both")]
pub struct UnknownRenderer(pub String);

/// The renderers to try, in order, given the value of [`RENDERER_VARIABLE`]: only the one it
/// names (`wgpu`, or `glow`/`opengl`/`gl`, any case), else wgpu then glow. An empty value is
/// unset; an unknown one is an error, after which the caller tries both.
pub fn renderer_order(forced: Option<&str>) -> Result<Vec<RendererChoice>, UnknownRenderer> {
    let both = vec![RendererChoice::Wgpu, RendererChoice::Glow];
    let Some(value) = forced.map(str::trim).filter(|value| !value.is_empty()) else {
        return Ok(both);
    };
    match value.to_ascii_lowercase().as_str() {
        "wgpu" => Ok(vec![RendererChoice::Wgpu]),
        "glow" | "opengl" | "gl" => Ok(vec![RendererChoice::Glow]),
        _ => Err(UnknownRenderer(value.to_owned())),
    }
}

/// Whether to try the next renderer after one failed. Not once the editor had started with
/// the failed one (a failure then is no start-up failure, and a second editor would offer
/// the first one's recovery files again); otherwise yes, while one is left.
#[must_use]
pub fn try_next(editor_started: bool, renderers_left: usize) -> bool {
    !editor_started && renderers_left > 0
}

/// Opens the editor window, with `file` loaded when given, and returns when it is closed.
/// When no renderer works, says so in a message box (Japanese and English) and returns the
/// last renderer's error.
pub fn run(file: Option<&Path>) -> eframe::Result {
    let order =
        renderer_order(std::env::var(RENDERER_VARIABLE).ok().as_deref()).unwrap_or_else(|error| {
            eprintln!("koteihyo: {error}");
            vec![RendererChoice::Wgpu, RendererChoice::Glow]
        });
    let mut failures = Vec::new();
    let mut last_error = None;
    for (index, renderer) in order.iter().enumerate() {
        let started = Arc::new(AtomicBool::new(false));
        match run_with(*renderer, file.map(Path::to_path_buf), Arc::clone(&started)) {
            Ok(()) => return Ok(()),
            Err(error) => {
                eprintln!("koteihyo: the {renderer} renderer failed: {error}");
                failures.push(format!("{renderer}: {error}"));
                last_error = Some(error);
                if !try_next(started.load(Ordering::SeqCst), order.len() - index - 1) {
                    break;
                }
            }
        }
    }
    show_failure(&failures);
    Err(last_error.unwrap_or_else(|| eframe::Error::AppCreation("no renderer was tried".into())))
}

/// One attempt with one renderer; `started` is set once the editor itself was created.
fn run_with(
    renderer: RendererChoice,
    file: Option<PathBuf>,
    started: Arc<AtomicBool>,
) -> eframe::Result {
    let mut viewport = egui::ViewportBuilder::default()
        .with_inner_size([1400.0, 900.0])
        .with_title("工程表エディタ");
    // The same picture as the installed icon (assets/icons, rendered by packaging/icons.sh).
    if let Ok(icon) =
        eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icons/hicolor/64x64.png"))
    {
        viewport = viewport.with_icon(Arc::new(icon));
    }
    let options = eframe::NativeOptions {
        viewport,
        renderer: renderer.renderer(),
        // We install the Japanese face ourselves; the system fallback (for other scripts) is
        // added below with the Japanese locale so that kanji keep Japanese shapes.
        system_font_fallback: false,
        ..Default::default()
    };
    eframe::run_native(
        "koteihyo",
        options,
        Box::new(move |creation| {
            started.store(true, Ordering::SeqCst);
            let settings: Settings = creation
                .storage
                .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
                .unwrap_or_default();
            creation.egui_ctx.add_font_provider(Arc::new(
                egui_system_font_provider::SystemFontProvider::new().with_locale(Some("ja")),
            ));
            Ok(Box::new(KoteihyoApp::new(
                &creation.egui_ctx,
                settings,
                file.as_deref(),
            )))
        }),
    )
}

/// The text of the message box shown when no renderer works: Japanese, then English (the
/// language setting lives in the window's storage, which we never got to), then the errors.
#[must_use]
pub fn failure_text(failures: &[String]) -> (String, String) {
    let title = format!(
        "{} / {}",
        tr(Lang::Ja, Key::RendererFailedTitle),
        tr(Lang::En, Key::RendererFailedTitle)
    );
    let text = format!(
        "{}\n\n{}\n\n{}",
        tr(Lang::Ja, Key::RendererFailedText),
        tr(Lang::En, Key::RendererFailedText),
        failures.join("\n")
    );
    (title, text)
}

fn show_failure(failures: &[String]) {
    let (title, text) = failure_text(failures);
    rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title(title)
        .set_description(text)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_the_variable_wgpu_comes_first_then_glow() {
        let both = vec![RendererChoice::Wgpu, RendererChoice::Glow];
        assert_eq!(renderer_order(None), Ok(both.clone()));
        assert_eq!(renderer_order(Some("")), Ok(both.clone()));
        assert_eq!(renderer_order(Some("  ")), Ok(both));
    }

    #[test]
    fn the_variable_forces_one_renderer() {
        assert_eq!(renderer_order(Some("wgpu")), Ok(vec![RendererChoice::Wgpu]));
        for value in ["glow", "GLOW", " opengl ", "gl"] {
            assert_eq!(renderer_order(Some(value)), Ok(vec![RendererChoice::Glow]));
        }
    }

    #[test]
    fn an_unknown_value_is_an_error_naming_it() {
        let result = renderer_order(Some("vulkan"));
        assert_eq!(result, Err(UnknownRenderer("vulkan".to_owned())));
        if let Err(error) = result {
            assert!(error.to_string().contains("\"vulkan\""));
        }
    }

    #[test]
    fn falls_back_only_before_the_editor_started_and_while_one_is_left() {
        assert!(try_next(false, 1));
        assert!(!try_next(false, 0));
        assert!(!try_next(true, 1));
    }

    #[test]
    fn the_failure_box_speaks_japanese_then_english_and_names_the_errors() {
        let (title, text) =
            failure_text(&["wgpu: no adapter".to_owned(), "glow: no GL".to_owned()]);
        assert!(title.starts_with("工程表エディタを開けません"));
        assert!(title.contains("Koteihyo cannot open its window"));
        let ja = text.find("グラフィックス").unwrap_or(usize::MAX);
        let en = text.find("graphics driver").unwrap_or(0);
        assert!(ja < en, "{text}");
        assert!(text.contains("wgpu: no adapter") && text.contains("glow: no GL"));
    }
}

//! What the editor remembers between runs (language, recent files, font, column widths),
//! kept apart from the runtime state.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::ui::grid::layout::ColumnWidths;
use crate::ui::i18n::Lang;

/// How many recent files are remembered.
pub const MAX_RECENT_FILES: usize = 10;

/// The persisted settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The UI language.
    pub lang: Lang,
    /// Recently opened files, newest first.
    pub recent_files: Vec<PathBuf>,
    /// A font file chosen by the user, used instead of the system's Japanese font.
    pub font_file: Option<PathBuf>,
    /// Column widths of the grid.
    pub column_widths: ColumnWidths,
    /// Dark theme instead of the light one (light matches the printed slides).
    pub dark_mode: bool,
    /// The print preview's page settings.
    pub print: crate::export::settings::PageSettings,
    /// The compare view shows the old revision on the left.
    pub compare_old_first: bool,
    /// The 新旧対照表's header words (改正後｜改正前 …).
    pub compare_headings: crate::export::comparison::Headings,
    /// The 新旧対照表's header row leaves out the revision labels.
    pub compare_without_revision_labels: bool,
    /// How the editor's window is laid out: the details panel and the grid's width.
    pub layout: WindowLayout,
}

/// How the editor's window is laid out, as the user left it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WindowLayout {
    /// The details panel is hidden (表示 → 詳細パネル, F4), leaving the grid the whole width.
    pub hide_details: bool,
    /// The details panel's width in points, as the user last dragged it.
    pub details_width: f32,
    /// The grid scales its columns to the window's width (幅に合わせる, the default, so that a
    /// laptop shows every fiscal year) instead of keeping the print proportions at the zoom.
    pub fit_columns: bool,
}

impl Default for WindowLayout {
    fn default() -> Self {
        Self {
            hide_details: false,
            details_width: DEFAULT_DETAILS_WIDTH,
            fit_columns: true,
        }
    }
}

/// The details panel's width before the user drags it.
pub const DEFAULT_DETAILS_WIDTH: f32 = 360.0;

impl Settings {
    /// Puts `path` first in the recent files, once, keeping at most [`MAX_RECENT_FILES`].
    pub fn remember_recent(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_path_buf());
        self.recent_files.truncate(MAX_RECENT_FILES);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_newest_first_and_bounded() {
        let mut settings = Settings::default();
        for n in 0..15 {
            settings.remember_recent(Path::new(&format!("{n}.ron")));
        }
        settings.remember_recent(Path::new("7.ron"));
        assert_eq!(settings.recent_files.len(), MAX_RECENT_FILES);
        assert_eq!(settings.recent_files[0], Path::new("7.ron"));
        assert_eq!(
            settings
                .recent_files
                .iter()
                .filter(|p| p.as_os_str() == "7.ron")
                .count(),
            1
        );
    }
}

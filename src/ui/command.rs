//! The commands of the editor: each has its label, its shortcut and its menu in one place.
//! Menus and shortcuts queue commands; the app runs them at the end of the frame.

use egui::{Key as KeyCode, KeyboardShortcut, Modifiers};

use super::i18n::Key;

/// A command a user can give from a menu or a shortcut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// Start a new roadmap from the template.
    New,
    /// Open a roadmap file with the native dialog.
    Open,
    /// Save to the document's file.
    Save,
    /// Save to a file chosen in the native dialog.
    SaveAs,
    /// Save a copy as the next revision (ids kept, new label, years shifted).
    SaveRevision,
    /// Open the print preview (PDF, PNG, SVG).
    Print,
    /// Print on a printer: the PDF handed to the system's print service.
    PrintToPrinter,
    /// Write the roadmap as an Excel workbook (.xlsx) for colleagues without Koteihyo.
    ExportExcel,
    /// Close the window.
    Quit,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Redo, by its second shortcut (Ctrl+Y); not listed in the menu.
    RedoAlternative,
    /// Focus the search field of the filter toolbar.
    Find,
    /// Open the find-and-replace window (検索と置換).
    FindReplace,
    /// Clear every filter.
    ClearFilters,
    /// Select the next item of the table.
    SelectNext,
    /// Select the previous item of the table.
    SelectPrevious,
    /// Move keyboard focus to the details panel.
    FocusPanel,
    /// Add a new item of the selection's kind below it (a roadblock below a roadblock).
    AddBelow,
    /// Duplicate the selected roadblock or bar.
    Duplicate,
    /// Move the selected roadblock or bar up.
    MoveUp,
    /// Move the selected roadblock or bar down.
    MoveDown,
    /// Delete the selected roadblock or bar.
    Delete,
    /// Zoom in.
    ZoomIn,
    /// Zoom out.
    ZoomOut,
    /// Back to 100 %.
    ZoomReset,
    /// Compare the open document with another revision (a file).
    Compare,
    /// Compare the open document with its saved version.
    CompareWithSaved,
    /// Go to the next change of the compare view.
    NextChange,
    /// Go to the previous change of the compare view.
    PreviousChange,
    /// Show or hide the details panel.
    ToggleDetails,
    /// Scale the grid's columns to the window's width, or back to the print proportions.
    ToggleFitColumns,
    /// Switch between the light and the dark theme.
    ToggleDarkMode,
    /// Show the settings window.
    Settings,
    /// List the keyboard shortcuts (from this table).
    Shortcuts,
    /// A short guide to the editor.
    Guide,
    /// Show the about window.
    About,
}

/// The menus of the menu bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    /// ファイル.
    File,
    /// 編集.
    Edit,
    /// 表示.
    View,
    /// ヘルプ.
    Help,
}

impl Command {
    /// Every command, in menu order.
    pub const ALL: [Command; 37] = [
        Command::New,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::SaveRevision,
        Command::Print,
        Command::PrintToPrinter,
        Command::ExportExcel,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::RedoAlternative,
        Command::Find,
        Command::FindReplace,
        Command::ClearFilters,
        Command::SelectNext,
        Command::SelectPrevious,
        Command::FocusPanel,
        Command::AddBelow,
        Command::Duplicate,
        Command::MoveUp,
        Command::MoveDown,
        Command::Delete,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
        Command::ToggleDetails,
        Command::ToggleFitColumns,
        Command::Compare,
        Command::CompareWithSaved,
        Command::NextChange,
        Command::PreviousChange,
        Command::ToggleDarkMode,
        Command::Settings,
        Command::Guide,
        Command::Shortcuts,
        Command::About,
    ];

    /// The label's key in the string table.
    #[must_use]
    pub fn label(self) -> Key {
        match self {
            Command::New => Key::CommandNew,
            Command::Open => Key::CommandOpen,
            Command::Save => Key::CommandSave,
            Command::SaveAs => Key::CommandSaveAs,
            Command::SaveRevision => Key::CommandSaveRevision,
            Command::Print => Key::CommandPrint,
            Command::Quit => Key::CommandQuit,
            Command::Undo => Key::CommandUndo,
            Command::Redo | Command::RedoAlternative => Key::CommandRedo,
            Command::Find => Key::CommandFind,
            Command::FindReplace => Key::CommandFindReplace,
            Command::PrintToPrinter => Key::CommandPrintToPrinter,
            Command::ExportExcel => Key::CommandExportExcel,
            Command::ClearFilters => Key::CommandClearFilters,
            Command::SelectNext => Key::CommandSelectNext,
            Command::SelectPrevious => Key::CommandSelectPrevious,
            Command::FocusPanel => Key::CommandFocusPanel,
            Command::AddBelow => Key::CommandAddBelow,
            Command::Duplicate => Key::CommandDuplicate,
            Command::MoveUp => Key::CommandMoveUp,
            Command::MoveDown => Key::CommandMoveDown,
            Command::Delete => Key::CommandDelete,
            Command::Shortcuts => Key::CommandShortcuts,
            Command::Guide => Key::CommandGuide,
            Command::ZoomIn => Key::CommandZoomIn,
            Command::ZoomOut => Key::CommandZoomOut,
            Command::ZoomReset => Key::CommandZoomReset,
            Command::Compare => Key::CommandCompare,
            Command::CompareWithSaved => Key::CommandCompareSaved,
            Command::NextChange => Key::CommandNextChange,
            Command::PreviousChange => Key::CommandPreviousChange,
            Command::ToggleDarkMode => Key::CommandDarkMode,
            Command::ToggleDetails => Key::CommandToggleDetails,
            Command::ToggleFitColumns => Key::CommandFitColumns,
            Command::Settings => Key::CommandSettings,
            Command::About => Key::CommandAbout,
        }
    }

    /// The menu the command appears in.
    #[must_use]
    pub fn menu(self) -> Menu {
        match self {
            Command::New
            | Command::Open
            | Command::Save
            | Command::SaveAs
            | Command::SaveRevision
            | Command::Print
            | Command::PrintToPrinter
            | Command::ExportExcel
            | Command::Quit => Menu::File,
            Command::Undo
            | Command::Redo
            | Command::RedoAlternative
            | Command::Find
            | Command::FindReplace
            | Command::ClearFilters
            | Command::SelectNext
            | Command::SelectPrevious
            | Command::FocusPanel
            | Command::AddBelow
            | Command::Duplicate
            | Command::MoveUp
            | Command::MoveDown
            | Command::Delete => Menu::Edit,
            Command::ZoomIn
            | Command::ZoomOut
            | Command::ZoomReset
            | Command::Compare
            | Command::CompareWithSaved
            | Command::NextChange
            | Command::PreviousChange
            | Command::ToggleDarkMode
            | Command::ToggleDetails
            | Command::ToggleFitColumns
            | Command::Settings => Menu::View,
            Command::Guide | Command::Shortcuts | Command::About => Menu::Help,
        }
    }

    /// The keyboard shortcut, if any.
    #[must_use]
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let command = |key| Some(KeyboardShortcut::new(Modifiers::COMMAND, key));
        let plain = |key| Some(KeyboardShortcut::new(Modifiers::NONE, key));
        let command_shift = |key| {
            Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                key,
            ))
        };
        match self {
            Command::New => command(KeyCode::N),
            Command::Open => command(KeyCode::O),
            Command::Save => command(KeyCode::S),
            Command::SaveAs => command_shift(KeyCode::S),
            Command::Print => command(KeyCode::P),
            Command::Quit => command(KeyCode::Q),
            Command::Undo => command(KeyCode::Z),
            Command::Redo => command_shift(KeyCode::Z),
            Command::RedoAlternative => command(KeyCode::Y),
            Command::Find => command(KeyCode::F),
            Command::FindReplace => command(KeyCode::H),
            Command::ClearFilters => plain(KeyCode::Escape),
            Command::SelectNext => plain(KeyCode::ArrowDown),
            Command::SelectPrevious => plain(KeyCode::ArrowUp),
            Command::FocusPanel => plain(KeyCode::Enter),
            Command::ZoomIn => command(KeyCode::Plus),
            Command::ZoomOut => command(KeyCode::Minus),
            Command::ZoomReset => command(KeyCode::Num0),
            Command::NextChange => plain(KeyCode::F8),
            Command::PreviousChange => Some(KeyboardShortcut::new(Modifiers::SHIFT, KeyCode::F8)),
            Command::Duplicate => command(KeyCode::D),
            Command::MoveUp => Some(KeyboardShortcut::new(Modifiers::ALT, KeyCode::ArrowUp)),
            Command::MoveDown => Some(KeyboardShortcut::new(Modifiers::ALT, KeyCode::ArrowDown)),
            Command::Delete => plain(KeyCode::Delete),
            Command::Shortcuts => plain(KeyCode::F1),
            Command::ToggleDetails => plain(KeyCode::F4),
            Command::SaveRevision
            | Command::PrintToPrinter
            | Command::ExportExcel
            | Command::Compare
            | Command::CompareWithSaved
            | Command::ToggleDarkMode
            | Command::ToggleFitColumns
            | Command::Settings
            | Command::AddBelow
            | Command::Guide
            | Command::About => None,
        }
    }

    /// Shortcuts without a modifier would steal keys from text fields, and the selection's
    /// commands would act on the row while its text is typed: they only act when no widget has
    /// keyboard focus.
    #[must_use]
    pub fn needs_free_keyboard(self) -> bool {
        self.acts_on_selection() || self.shortcut().is_some_and(|s| s.modifiers.is_none())
    }

    /// Whether the command changes the selected roadblock or bar (enabled only when it can).
    #[must_use]
    pub fn acts_on_selection(self) -> bool {
        matches!(
            self,
            Command::AddBelow
                | Command::Duplicate
                | Command::MoveUp
                | Command::MoveDown
                | Command::Delete
        )
    }

    /// Whether the command has a menu item (a second shortcut of another command has none).
    #[must_use]
    pub fn in_menu(self) -> bool {
        self != Command::RedoAlternative
    }

    /// Zoom keys are handled by egui itself (`zoom_with_keyboard`); the menu items run the same
    /// action, but the shortcut must not be consumed twice.
    #[must_use]
    pub fn shortcut_handled_by_egui(self) -> bool {
        matches!(
            self,
            Command::ZoomIn | Command::ZoomOut | Command::ZoomReset
        )
    }

    /// The shortcut as the menu and the help show it: Ctrl+Z, Shift+F8, Esc, ↓ — never egui's
    /// internal key names (`Escape`, `ArrowDown`). On macOS the modifiers are ⌘ and ⇧.
    #[must_use]
    pub fn shortcut_text(self) -> Option<String> {
        self.shortcut()
            .map(|shortcut| describe_shortcut(shortcut, cfg!(target_os = "macos")))
    }

    /// The commands whose shortcut was pressed this frame (the keys are consumed). egui matches
    /// a shortcut without Shift or Alt also when they are held, so shortcuts with them go first.
    #[must_use]
    pub fn pressed(ctx: &egui::Context, keyboard_is_free: bool) -> Vec<Command> {
        let mut commands = Command::ALL.to_vec();
        commands.sort_by_key(|c| {
            c.shortcut()
                .is_none_or(|s| !(s.modifiers.shift || s.modifiers.alt))
        });
        commands
            .into_iter()
            .filter(|command| !command.shortcut_handled_by_egui())
            .filter(|command| keyboard_is_free || !command.needs_free_keyboard())
            .filter(|command| {
                command.shortcut().is_some_and(|shortcut| {
                    ctx.input_mut(|input| input.consume_shortcut(&shortcut))
                })
            })
            .collect()
    }
}

/// Writes `shortcut` as keyboards label it; `mac` uses ⌘ ⇧ ⌥ instead of Ctrl, Shift, Alt.
fn describe_shortcut(shortcut: KeyboardShortcut, mac: bool) -> String {
    let modifiers = shortcut.modifiers;
    let mut parts: Vec<&str> = Vec::new();
    if modifiers.command || modifiers.ctrl {
        parts.push(if mac { "⌘" } else { "Ctrl" });
    }
    if modifiers.alt {
        parts.push(if mac { "⌥" } else { "Alt" });
    }
    if modifiers.shift {
        parts.push(if mac { "⇧" } else { "Shift" });
    }
    let key = match shortcut.logical_key {
        KeyCode::Escape => "Esc",
        KeyCode::ArrowDown => "↓",
        KeyCode::ArrowUp => "↑",
        KeyCode::ArrowLeft => "←",
        KeyCode::ArrowRight => "→",
        KeyCode::Enter => "Enter",
        KeyCode::Delete => "Delete",
        KeyCode::Plus => "+",
        KeyCode::Minus => "−",
        other => other.symbol_or_name(),
    };
    parts.push(key);
    parts.join(if mac { "" } else { "+" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_read_as_keyboards_label_them() {
        let text =
            |command: Command| describe_shortcut(command.shortcut().expect("a shortcut"), false);
        assert_eq!(text(Command::Undo), "Ctrl+Z");
        assert_eq!(text(Command::Redo), "Ctrl+Shift+Z");
        assert_eq!(text(Command::ClearFilters), "Esc");
        assert_eq!(text(Command::SelectNext), "↓");
        assert_eq!(text(Command::SelectPrevious), "↑");
        assert_eq!(text(Command::PreviousChange), "Shift+F8");
        assert_eq!(text(Command::ZoomReset), "Ctrl+0");
        assert_eq!(
            describe_shortcut(Command::SaveAs.shortcut().expect("a shortcut"), true),
            "⌘⇧S"
        );
        for command in Command::ALL {
            let Some(text) = command.shortcut_text() else {
                continue;
            };
            for internal in ["Escape", "ArrowDown", "ArrowUp", "Down", "Up", "Num"] {
                assert!(!text.contains(internal), "{command:?}: {text}");
            }
        }
    }

    #[test]
    fn undo_comes_before_redo() {
        let position = |c| Command::ALL.iter().position(|&x| x == c);
        assert!(position(Command::Undo) < position(Command::Redo));
    }

    #[test]
    fn shortcuts_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for command in Command::ALL {
            if let Some(shortcut) = command.shortcut() {
                let key = (
                    shortcut.modifiers.command,
                    shortcut.modifiers.shift,
                    shortcut.modifiers.alt,
                    shortcut.logical_key,
                );
                assert!(seen.insert(key), "{command:?}");
            }
        }
    }

    #[test]
    fn every_menu_has_commands() {
        for menu in [Menu::File, Menu::Edit, Menu::View, Menu::Help] {
            assert!(Command::ALL.iter().any(|c| c.menu() == menu), "{menu:?}");
        }
    }
}

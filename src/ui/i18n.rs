//! Every UI string, in Japanese (the default) and English, in one table.

use serde::{Deserialize, Serialize};

/// The UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    /// 日本語.
    #[default]
    Ja,
    /// English.
    En,
}

impl Lang {
    /// All languages, in menu order.
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    /// The language's own name, for the language menu.
    #[must_use]
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ja => "日本語",
            Lang::En => "English",
        }
    }
}

macro_rules! keys {
    ($($key:ident),* $(,)?) => {
        /// A UI string. Its texts live in [`TABLE`].
        #[allow(missing_docs)] // a key is documented by its row in the table
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Key { $($key),* }

        impl Key {
            /// Every key, so tests can check the table is complete.
            pub const ALL: &'static [Key] = &[$(Key::$key),*];
        }
    };
}

keys!(
    AppName,
    MenuFile,
    MenuEdit,
    MenuView,
    MenuHelp,
    CommandOpen,
    CommandOpenRecent,
    CommandQuit,
    CommandFind,
    CommandSelectNext,
    CommandSelectPrevious,
    CommandFocusPanel,
    CommandToggleDetails,
    CommandFitColumns,
    ColumnDomain,
    ColumnScope,
    ColumnRoadblock,
    ColumnDone,
    ColumnActions,
    CommandAddBelow,
    CommandDuplicate,
    CommandMoveUp,
    CommandMoveDown,
    CommandDelete,
    CommandShortcuts,
    CommandGuide,
    GuideText,
    CommandZoomIn,
    CommandZoomOut,
    CommandZoomReset,
    CommandDarkMode,
    CommandLanguage,
    CommandSettings,
    CommandAbout,
    CommandCompare,
    CommandCompareSaved,
    CommandNextChange,
    CommandPreviousChange,
    CompareTitle,
    CompareWith,
    ComparePrevious,
    CompareNext,
    CompareOldFirst,
    CompareShowUnchanged,
    CompareSavePdf,
    CompareSaveDocx,
    CompareChanges,
    CompareNoChanges,
    CompareAdded,
    CompareRemoved,
    CompareChanged,
    CompareUnchanged,
    CompareNewSide,
    CompareOldSide,
    CompareSavedVersion,
    CommandPrint,
    PrintTitle,
    PrintPaper,
    PrintLandscape,
    PrintPortrait,
    PrintFontSize,
    PrintShrink,
    PrintFitWidth,
    PrintDomains,
    PrintSavePdf,
    PrintExportPng,
    PrintExportSvg,
    PrintClose,
    PrintPreviousPage,
    PrintNextPage,
    PrintPage,
    PrintNoPages,
    PrintNoFont,
    PrintPages,
    PrintPagesDomain,
    PrintPagesFill,
    PrintPagesOne,
    PrintDoesNotFitOnePage,
    PrintExported,
    PrintOpenFile,
    PrintExportFailed,
    CommandClearFilters,
    NoRecentFiles,
    NoDocument,
    LoadErrorTitle,
    Ok,
    Close,
    FontMissing,
    FontChosenUnusable,
    SettingsTitle,
    SettingsFont,
    SettingsFontChoose,
    SettingsFontReset,
    SettingsFontInUse,
    FilterCategories,
    FilterScope,
    FilterScopeAll,
    FilterSearch,
    StatusDomains,
    StatusRoadblocks,
    StatusEntries,
    StatusProblems,
    StatusNoProblems,
    StatusNoFile,
    PanelNothingSelected,
    PanelDomain,
    PanelRoadblock,
    PanelItem,
    PanelEntry,
    FieldNumber,
    FieldName,
    FieldHeaderOverrides,
    FieldFootnotes,
    FieldScope,
    FieldTitle,
    FieldCategories,
    FieldDescription,
    FieldDone,
    FieldActions,
    FieldMarker,
    FieldLevel,
    FieldText,
    FieldLabel,
    FieldKind,
    FieldStart,
    FieldEnd,
    FieldOpenEnded,
    FieldRows,
    FieldDetail,
    KindArrow,
    KindBar,
    KindMilestone,
    AboutText,
    AboutVersion,
    RendererFailedTitle,
    RendererFailedText,
    PanelDocument,
    FieldSubtitle,
    FieldDate,
    FieldMaterialLabel,
    FieldRevisionLabel,
    FieldAuthor,
    FieldRevisionNotes,
    AddDomain,
    NewDomainName,
    FieldLegend,
    FieldLetter,
    AddCategory,
    FieldTimeline,
    FieldFirstYear,
    FieldYears,
    FieldLabelStyle,
    FieldOpenEndSuffix,
    SuffixOther,
    FieldCustomSuffix,
    FieldNotes,
    AddNote,
    NoteMark,
    FieldNoteReferences,
    AddNoteReference,
    RemoveNoteReference,
    FieldColumnLabels,
    FieldColumns,
    FieldHeader,
    FieldTextColumns,
    FieldColumnWidth,
    FieldCellOwner,
    OwnerDomain,
    OwnerRoadblock,
    AddTextColumn,
    FieldNewColumnHeader,
    FieldCells,
    FieldFootnoteMark,
    FieldFootnoteText,
    AddFootnote,
    AddRoadblock,
    NewRoadblockTitle,
    AddEntry,
    NewEntryLabel,
    MoveUp,
    MoveDown,
    Delete,
    DeleteRoadblock,
    Duplicate,
    AddItem,
    FieldQuarter,
    WholeYear,
    CommandNew,
    CommandSave,
    CommandSaveAs,
    CommandSaveRevision,
    CommandUndo,
    CommandRedo,
    Untitled,
    UnsavedTitle,
    UnsavedText,
    Save,
    DontSave,
    Cancel,
    ChangedOnDiskTitle,
    ChangedOnDiskText,
    Overwrite,
    Reload,
    CompareWithDisk,
    RemoveRoadblockTitle,
    RemoveRoadblockText,
    RemoveWithEntries,
    KeepEntriesOnDomain,
    SaveErrorTitle,
    RevisionTitle,
    RevisionShift,
    RecoveryTitle,
    RecoveryText,
    Restore,
    Discard,
    NewDocumentTitle,
    CommentsTitle,
    CommentsText,
    CommentsDropAndSave,
    OpenElsewhereTitle,
    OpenElsewhereText,
    StatusHasComments,
    StatusAutosaveFailed,
    PrintHasErrors,
    CompareHeadings,
    CompareRevisionLabels,
    CannotCompareTitle,
    CannotCompareText,
);

mod table;
use table::TABLE;

/// The text of `key` in `lang`. A key missing from the table shows its name (and fails the
/// table test), never a blank.
#[must_use]
pub fn tr(lang: Lang, key: Key) -> &'static str {
    TABLE
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or("?", |(_, ja, en)| match lang {
            Lang::Ja => ja,
            Lang::En => en,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_translations_once() {
        for key in Key::ALL {
            let rows: Vec<_> = TABLE.iter().filter(|(k, _, _)| k == key).collect();
            assert_eq!(rows.len(), 1, "{key:?} must be in the table exactly once");
            let (_, ja, en) = rows[0];
            assert!(!ja.trim().is_empty(), "{key:?} lacks Japanese");
            assert!(!en.trim().is_empty(), "{key:?} lacks English");
        }
        assert_eq!(TABLE.len(), Key::ALL.len(), "the table has rows for no key");
    }

    #[test]
    fn japanese_is_the_default() {
        assert_eq!(tr(Lang::default(), Key::MenuFile), "ファイル");
        assert_eq!(tr(Lang::En, Key::MenuFile), "File");
    }
}

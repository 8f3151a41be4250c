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
    FieldColumns,
    FieldHeader,
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
    SaveErrorTitle,
    RevisionTitle,
    RevisionShift,
    RecoveryTitle,
    RecoveryText,
    Restore,
    Discard,
    NewDocumentTitle,
);

/// The translations: (key, 日本語, English).
const TABLE: &[(Key, &str, &str)] = &[
    (Key::AppName, "工程表エディタ", "Koteihyo roadmap editor"),
    (Key::MenuFile, "ファイル", "File"),
    (Key::MenuEdit, "編集", "Edit"),
    (Key::MenuView, "表示", "View"),
    (Key::MenuHelp, "ヘルプ", "Help"),
    (Key::CommandOpen, "開く…", "Open…"),
    (Key::CommandOpenRecent, "最近使ったファイル", "Open recent"),
    (Key::CommandQuit, "終了", "Quit"),
    (Key::CommandFind, "検索", "Find"),
    (Key::CommandSelectNext, "次を選択", "Select next"),
    (Key::CommandSelectPrevious, "前を選択", "Select previous"),
    (
        Key::CommandFocusPanel,
        "詳細パネルへ移動",
        "Go to details panel",
    ),
    (Key::CommandZoomIn, "拡大", "Zoom in"),
    (Key::CommandZoomOut, "縮小", "Zoom out"),
    (Key::CommandZoomReset, "実寸表示", "Actual size"),
    (Key::CommandDarkMode, "ダークモード切替", "Toggle dark mode"),
    (Key::CommandLanguage, "言語", "Language"),
    (Key::CommandSettings, "設定…", "Settings…"),
    (
        Key::CommandAbout,
        "工程表エディタについて",
        "About Koteihyo",
    ),
    (Key::CommandClearFilters, "絞り込みを解除", "Clear filters"),
    (Key::NoRecentFiles, "（なし）", "(none)"),
    (
        Key::NoDocument,
        "ファイル > 開く で工程表（.ron）を開いてください。",
        "Open a roadmap (.ron) with File > Open.",
    ),
    (
        Key::LoadErrorTitle,
        "ファイルを開けませんでした",
        "The file could not be opened",
    ),
    (Key::Ok, "OK", "OK"),
    (Key::Close, "閉じる", "Close"),
    (
        Key::FontMissing,
        "Japanese font not found / 日本語フォントが見つかりません — install one (Linux: sudo apt install fonts-noto-cjk) or choose a font file in View > Settings.",
        "Japanese font not found — install one (Linux: sudo apt install fonts-noto-cjk) or choose a font file in View > Settings.",
    ),
    (
        Key::FontChosenUnusable,
        "選択したフォントは使えません",
        "The chosen font cannot be used",
    ),
    (Key::SettingsTitle, "設定", "Settings"),
    (Key::SettingsFont, "日本語フォント", "Japanese font"),
    (
        Key::SettingsFontChoose,
        "フォントファイルを選択…",
        "Choose font file…",
    ),
    (
        Key::SettingsFontReset,
        "システムのフォントに戻す",
        "Use the system font",
    ),
    (Key::SettingsFontInUse, "使用中", "In use"),
    (Key::FilterCategories, "分類", "Categories"),
    (Key::FilterScope, "領域", "Scope"),
    (Key::FilterScopeAll, "すべて", "All"),
    (Key::FilterSearch, "検索", "Search"),
    (Key::StatusDomains, "領域", "domains"),
    (Key::StatusRoadblocks, "ロードブロック", "roadblocks"),
    (Key::StatusEntries, "工程", "timeline entries"),
    (Key::StatusProblems, "件の問題", "problems"),
    (Key::StatusNoProblems, "問題なし", "no problems"),
    (Key::StatusNoFile, "ファイル未指定", "no file"),
    (
        Key::PanelNothingSelected,
        "表の項目をクリックすると、ここに詳細が表示されます。",
        "Click an item of the table to see its details here.",
    ),
    (Key::PanelDomain, "開発段階（領域）", "Domain"),
    (Key::PanelRoadblock, "ロードブロック", "Roadblock"),
    (Key::PanelItem, "項目", "Item"),
    (Key::PanelEntry, "工程", "Timeline entry"),
    (Key::FieldNumber, "番号", "Number"),
    (Key::FieldName, "名称", "Name"),
    (
        Key::FieldHeaderOverrides,
        "この頁の見出し",
        "Headers on this page",
    ),
    (Key::FieldFootnotes, "脚注", "Footnotes"),
    (Key::FieldScope, "領域", "Scope"),
    (Key::FieldTitle, "タイトル", "Title"),
    (Key::FieldCategories, "分類", "Categories"),
    (Key::FieldDescription, "説明", "Description"),
    (Key::FieldDone, "着手・対応済みの事項", "Done or started"),
    (Key::FieldActions, "取組事項", "Actions"),
    (Key::FieldMarker, "記号", "Bullet"),
    (Key::FieldLevel, "階層", "Level"),
    (Key::FieldText, "本文", "Text"),
    (Key::FieldLabel, "ラベル", "Label"),
    (Key::FieldKind, "種類", "Kind"),
    (Key::FieldStart, "開始", "Start"),
    (Key::FieldEnd, "終了", "End"),
    (Key::FieldOpenEnded, "以降も継続", "Open-ended"),
    (Key::FieldRows, "対象のロードブロック", "Rows"),
    (Key::FieldDetail, "補足", "Detail"),
    (Key::KindArrow, "矢印", "Arrow"),
    (Key::KindBar, "帯", "Bar"),
    (Key::KindMilestone, "マイルストーン", "Milestone"),
    (
        Key::AboutText,
        "工程表エディタ — 政策工程表の作成・比較・印刷のためのエディタです。",
        "Koteihyo — an editor to draft, compare and print policy roadmaps (工程表).",
    ),
    (Key::PanelDocument, "工程表全体", "Roadmap"),
    (Key::FieldSubtitle, "副題", "Subtitle"),
    (Key::FieldDate, "日付", "Date"),
    (Key::FieldMaterialLabel, "資料番号", "Material label"),
    (Key::FieldRevisionLabel, "改訂の表示", "Revision label"),
    (Key::FieldAuthor, "作成者", "Author"),
    (Key::FieldRevisionNotes, "改訂履歴", "Revision notes"),
    (Key::AddDomain, "領域を追加", "Add domain"),
    (Key::NewDomainName, "新しい領域", "New domain"),
    (Key::FieldLegend, "分類の凡例", "Category legend"),
    (Key::FieldLetter, "記号", "Letter"),
    (Key::AddCategory, "分類を追加", "Add category"),
    (Key::FieldTimeline, "年度の列", "Fiscal-year columns"),
    (Key::FieldFirstYear, "最初の年度", "First fiscal year"),
    (Key::FieldYears, "年度の数", "Number of years"),
    (Key::FieldLabelStyle, "年度の表記", "Year label style"),
    (Key::FieldColumns, "表の列", "Table columns"),
    (Key::FieldHeader, "見出し", "Header"),
    (Key::FieldFootnoteMark, "脚注の記号", "Footnote mark"),
    (Key::FieldFootnoteText, "脚注の本文", "Footnote text"),
    (Key::AddFootnote, "脚注を追加", "Add footnote"),
    (Key::AddRoadblock, "ロードブロックを追加", "Add roadblock"),
    (
        Key::NewRoadblockTitle,
        "新しいロードブロック",
        "New roadblock",
    ),
    (Key::AddEntry, "工程を追加", "Add timeline entry"),
    (Key::NewEntryLabel, "新しい工程", "New entry"),
    (Key::MoveUp, "上へ", "Move up"),
    (Key::MoveDown, "下へ", "Move down"),
    (Key::Delete, "削除", "Delete"),
    (Key::Duplicate, "複製", "Duplicate"),
    (Key::AddItem, "＋ 追加", "+ Add"),
    (Key::FieldQuarter, "四半期", "Quarter"),
    (Key::WholeYear, "年度全体", "Whole year"),
    (Key::CommandNew, "新規", "New"),
    (Key::CommandSave, "保存", "Save"),
    (Key::CommandSaveAs, "名前を付けて保存…", "Save as…"),
    (
        Key::CommandSaveRevision,
        "新しい改訂版として保存…",
        "Save as new revision…",
    ),
    (Key::CommandUndo, "元に戻す", "Undo"),
    (Key::CommandRedo, "やり直し", "Redo"),
    (Key::Untitled, "無題", "Untitled"),
    (
        Key::UnsavedTitle,
        "変更が保存されていません",
        "Unsaved changes",
    ),
    (
        Key::UnsavedText,
        "変更を保存しますか？",
        "Save your changes?",
    ),
    (Key::Save, "保存", "Save"),
    (Key::DontSave, "保存しない", "Don't save"),
    (Key::Cancel, "キャンセル", "Cancel"),
    (
        Key::ChangedOnDiskTitle,
        "ファイルが変更されています",
        "The file has changed",
    ),
    (
        Key::ChangedOnDiskText,
        "開いた後にほかで変更されています。上書きしますか？",
        "It was changed elsewhere since it was opened. Overwrite it?",
    ),
    (Key::Overwrite, "上書き", "Overwrite"),
    (
        Key::SaveErrorTitle,
        "保存できませんでした（元のファイルは変更されていません）",
        "Could not save (the previous file is unchanged)",
    ),
    (
        Key::RevisionTitle,
        "新しい改訂版として保存",
        "Save as new revision",
    ),
    (Key::RevisionShift, "年度をずらす", "Shift fiscal years by"),
    (
        Key::RecoveryTitle,
        "前回の編集を復元しますか？",
        "Restore unsaved work?",
    ),
    (
        Key::RecoveryText,
        "前回、保存されずに終了した編集があります。",
        "Unsaved work from a session that ended unexpectedly:",
    ),
    (Key::Restore, "復元", "Restore"),
    (Key::Discard, "破棄", "Discard"),
    (Key::NewDocumentTitle, "新しい工程表", "New roadmap"),
    (Key::CommandCompare, "改訂を比較…", "Compare revisions…"),
    (
        Key::CommandCompareSaved,
        "保存済みの版と比較",
        "Compare with the saved version",
    ),
    (Key::CommandNextChange, "次の変更", "Next change"),
    (Key::CommandPreviousChange, "前の変更", "Previous change"),
    (
        Key::CompareTitle,
        "改訂の比較（新旧対照表）",
        "Compare revisions",
    ),
    (Key::CompareWith, "比較対象:", "Compared with:"),
    (Key::ComparePrevious, "◀ 前の変更", "◀ Previous change"),
    (Key::CompareNext, "次の変更 ▶", "Next change ▶"),
    (
        Key::CompareOldFirst,
        "改正前を左に表示",
        "Old revision on the left",
    ),
    (
        Key::CompareShowUnchanged,
        "変更のない行も表示",
        "Show unchanged rows",
    ),
    (
        Key::CompareSavePdf,
        "新旧対照表をPDFで保存",
        "Save the comparison table as PDF",
    ),
    (Key::CompareChanges, "変更箇所:", "Changes:"),
    (Key::CompareNoChanges, "変更はありません", "No changes"),
    (Key::CompareAdded, "新設", "Added"),
    (Key::CompareRemoved, "削除", "Removed"),
    (Key::CompareChanged, "変更", "Changed"),
    (Key::CompareUnchanged, "変更なし", "Unchanged"),
    (Key::CompareNewSide, "改正後", "New"),
    (Key::CompareOldSide, "改正前", "Old"),
    (
        Key::CompareSavedVersion,
        "保存済みの版",
        "the saved version",
    ),
    (Key::CommandPrint, "印刷…", "Print…"),
    (Key::PrintTitle, "印刷プレビュー", "Print preview"),
    (Key::PrintPaper, "用紙", "Paper"),
    (Key::PrintLandscape, "横", "Landscape"),
    (Key::PrintPortrait, "縦", "Portrait"),
    (Key::PrintFontSize, "文字サイズ", "Text size"),
    (
        Key::PrintShrink,
        "1ページに収まるよう縮小",
        "Shrink to fit one page",
    ),
    (
        Key::PrintFitWidth,
        "列を用紙幅に合わせる",
        "Fit columns to width",
    ),
    (
        Key::PrintDomains,
        "印刷する領域（例: 1,4-6）",
        "Domains to print (e.g. 1,4-6)",
    ),
    (Key::PrintSavePdf, "PDFに保存", "Save as PDF"),
    (
        Key::PrintExportPng,
        "このページをPNGで保存",
        "Save this page as PNG",
    ),
    (
        Key::PrintExportSvg,
        "このページをSVGで保存",
        "Save this page as SVG",
    ),
    (Key::PrintClose, "閉じる", "Close"),
    (Key::PrintPreviousPage, "前のページ", "Previous page"),
    (Key::PrintNextPage, "次のページ", "Next page"),
    (Key::PrintPage, "ページ", "Page"),
    (
        Key::PrintNoPages,
        "印刷するページがありません（領域の指定を確認してください）",
        "Nothing to print (check the domains)",
    ),
    (
        Key::PrintNoFont,
        "日本語フォントがないため印刷できません",
        "Cannot print without a Japanese font",
    ),
    (Key::PrintExported, "書き出しました", "Exported"),
    (Key::PrintOpenFile, "開く", "Open"),
    (
        Key::PrintExportFailed,
        "書き出せませんでした",
        "Export failed",
    ),
];

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

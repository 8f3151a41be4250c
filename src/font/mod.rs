//! Finding the Japanese font that the editor and the printed pages use (no GUI here).
//!
//! Order: a font file the user chose, else the first installed face of
//! [`PREFERRED_FAMILIES`] that really has kana and kanji. A face is only accepted after checking
//! its glyphs, so a misnamed or Chinese-only font is never taken silently.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Japanese UI faces, best first: Windows, macOS, then Linux.
pub const PREFERRED_FAMILIES: &[&str] = &[
    "Yu Gothic UI",
    "Yu Gothic",
    "YuGothic",
    "Meiryo",
    "Hiragino Sans",
    "Hiragino Kaku Gothic ProN",
    "Noto Sans CJK JP",
    "Noto Sans JP",
    "Source Han Sans JP",
    "IPAexGothic",
    "IPAGothic",
    "TakaoGothic",
    "VL Gothic",
];

/// Japanese 明朝 (Mincho) faces for the 新旧対照表, best first: Windows, macOS, then Linux.
pub const MINCHO_FAMILIES: &[&str] = &[
    "Yu Mincho",
    "YuMincho",
    "Hiragino Mincho ProN",
    "Hiragino Mincho Pro",
    "Noto Serif CJK JP",
    "Noto Serif JP",
    "Source Han Serif JP",
    "IPAexMincho",
    "IPAMincho",
    "TakaoMincho",
];

/// Characters a face must have to count as Japanese: kana, kanji and full-width punctuation.
pub const JAPANESE_SAMPLE: &str = "あアー漢字工程表年度（）【】、。・○";

/// A Japanese font face, loaded.
#[derive(Clone)]
pub struct JapaneseFont {
    /// The face's family name, e.g. 「Noto Sans CJK JP」.
    pub family: String,
    /// The file it came from.
    pub path: PathBuf,
    /// The face index inside a collection (.ttc); 0 for a single-face file.
    pub index: u32,
    /// The whole font file.
    pub data: Arc<Vec<u8>>,
}

impl std::fmt::Debug for JapaneseFont {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JapaneseFont")
            .field("family", &self.family)
            .field("path", &self.path)
            .field("index", &self.index)
            .field("bytes", &self.data.len())
            .finish()
    }
}

/// Why no Japanese font could be used.
#[derive(Debug, thiserror::Error)]
pub enum FontError {
    /// The chosen font file could not be read.
    #[error("{}: cannot read the font file: {source}", path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The chosen path is not a regular file (a folder, device, FIFO …), which would never end
    /// or block reading.
    #[error("{}: not a font file ({kind}); choose a .ttf, .otf or .ttc file", path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is instead, e.g. "a FIFO".
        kind: &'static str,
    },
    /// The chosen file is larger than any font.
    #[error("{}: the file is {size} bytes; font files are limited to {limit} bytes", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size (or how much was read before giving up).
        size: u64,
        /// The limit, [`MAX_FONT_BYTES`].
        limit: u64,
    },
    /// The chosen file is not a font, or has no face with Japanese glyphs.
    #[error("{}: no face in this file has Japanese glyphs (kana and kanji)", path.display())]
    NotJapanese {
        /// The file.
        path: PathBuf,
    },
    /// No installed font has Japanese glyphs.
    #[error(
        "no Japanese font is installed (looked for {}); on Debian/Ubuntu: sudo apt install fonts-noto-cjk",
        PREFERRED_FAMILIES.join(", ")
    )]
    NotInstalled,
}

impl FontError {
    /// The error in `lang` (English is the `Display` text). Said in Japanese only where a
    /// Japanese face is there to show it: a chosen file that cannot be used, with the system's
    /// face taking over.
    #[must_use]
    pub fn sentence(&self, lang: crate::model::Lang) -> String {
        use crate::model::Lang;
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            FontError::Unreadable { path, source } => format!(
                "{}: フォントファイルを読めません（{}）",
                path.display(),
                crate::io::os_error_text(source, lang)
            ),
            FontError::NotAFile { path, .. } => format!(
                "{}: フォントファイルではありません。.ttf、.otf、.ttc のファイルを選んでください",
                path.display()
            ),
            FontError::TooLarge { path, size, limit } => format!(
                "{}: ファイルが大きすぎます（{size} バイト。フォントファイルは {limit} バイトまで）",
                path.display()
            ),
            FontError::NotJapanese { path } => format!(
                "{}: このファイルには日本語（かな・漢字）の字形がありません",
                path.display()
            ),
            FontError::NotInstalled => format!(
                "日本語フォントが見つかりません（{} を探しました）",
                PREFERRED_FAMILIES.join("、")
            ),
        }
    }
}

/// The font to use: `chosen` if given (an error if it is unusable), else the system's.
pub fn find(chosen: Option<&Path>) -> Result<JapaneseFont, FontError> {
    match chosen {
        Some(path) => load_file(path),
        None => find_installed(),
    }
}

/// Loads a font file the user chose, taking its first face with Japanese glyphs (for a .ttc,
/// preferring a face whose family name says JP).
pub fn load_file(path: &Path) -> Result<JapaneseFont, FontError> {
    let data = read_font_file(path)?;
    let mut db = fontdb::Database::new();
    db.load_font_data(data.clone());
    let mut faces: Vec<&fontdb::FaceInfo> = db.faces().collect();
    faces.sort_by_key(|face| !face.families.iter().any(|(name, _)| name.contains("JP")));
    let face = faces
        .into_iter()
        .find(|face| covers_japanese(&data, face.index))
        .ok_or_else(|| FontError::NotJapanese {
            path: path.to_path_buf(),
        })?;
    Ok(JapaneseFont {
        family: face
            .families
            .first()
            .map(|(name, _)| name.clone())
            .unwrap_or_default(),
        path: path.to_path_buf(),
        index: face.index,
        data: Arc::new(data),
    })
}

/// Font files larger than this are refused; the largest CJK collections are about 120 MB.
pub const MAX_FONT_BYTES: u64 = 256 * 1024 * 1024;

/// Reads a chosen font file: only a regular file (symlinks followed) of at most
/// [`MAX_FONT_BYTES`], so a FIFO never blocks and `/dev/zero` is never read without end.
fn read_font_file(path: &Path) -> Result<Vec<u8>, FontError> {
    let unreadable = |source| FontError::Unreadable {
        path: path.to_path_buf(),
        source,
    };
    let regular = |metadata: &std::fs::Metadata| {
        if metadata.is_file() {
            Ok(())
        } else {
            Err(FontError::NotAFile {
                path: path.to_path_buf(),
                kind: crate::io::file_kind(metadata),
            })
        }
    };
    let too_large = |size| FontError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit: MAX_FONT_BYTES,
    };
    // Checked before opening: opening a FIFO for reading blocks until a writer comes.
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    regular(&metadata)?;
    if metadata.len() > MAX_FONT_BYTES {
        return Err(too_large(metadata.len()));
    }
    let file = std::fs::File::open(path).map_err(unreadable)?;
    // What was opened may differ from what was checked (replaced in between): check again.
    let opened = file.metadata().map_err(unreadable)?;
    regular(&opened)?;
    let mut data = Vec::with_capacity(usize::try_from(opened.len()).unwrap_or(0));
    file.take(MAX_FONT_BYTES + 1)
        .read_to_end(&mut data)
        .map_err(unreadable)?;
    if data.len() as u64 > MAX_FONT_BYTES {
        return Err(too_large(data.len() as u64));
    }
    Ok(data)
}

/// The first installed face of [`PREFERRED_FAMILIES`] that has Japanese glyphs.
pub fn find_installed() -> Result<JapaneseFont, FontError> {
    find_installed_of(&system_fonts(), PREFERRED_FAMILIES)
}

/// The face for the 新旧対照表: the chosen file if given; else the first installed 明朝 face of
/// [`MINCHO_FAMILIES`], else the Gothic face of [`find_installed`] with a warning saying so.
pub fn find_for_comparison(
    chosen: Option<&Path>,
) -> Result<(JapaneseFont, Option<String>), FontError> {
    if let Some(path) = chosen {
        return load_file(path).map(|font| (font, None));
    }
    // One scan of the system's fonts serves both looks.
    let db = system_fonts();
    if let Ok(mincho) = find_installed_of(&db, MINCHO_FAMILIES) {
        return Ok((mincho, None));
    }
    let gothic = find_installed_of(&db, PREFERRED_FAMILIES)?;
    let warning = format!(
        "no 明朝 (Mincho) font is installed (looked for {}); the 新旧対照表 uses {} instead \
         (on Debian/Ubuntu: sudo apt install fonts-noto-cjk)",
        MINCHO_FAMILIES.join(", "),
        gothic.family
    );
    Ok((gothic, Some(warning)))
}

/// The system's installed fonts (a scan of the font folders).
fn system_fonts() -> fontdb::Database {
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    db
}

/// The first face of `families` in `db` that has Japanese glyphs.
fn find_installed_of(db: &fontdb::Database, families: &[&str]) -> Result<JapaneseFont, FontError> {
    for family in families {
        let query = fontdb::Query {
            families: &[fontdb::Family::Name(family)],
            ..fontdb::Query::default()
        };
        let Some(id) = db.query(&query) else { continue };
        let Some((fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _), index)) =
            db.face_source(id)
        else {
            continue;
        };
        let Ok(data) = std::fs::read(&path) else {
            continue;
        };
        if covers_japanese(&data, index) {
            return Ok(JapaneseFont {
                family: (*family).to_owned(),
                path,
                index,
                data: Arc::new(data),
            });
        }
    }
    Err(FontError::NotInstalled)
}

/// Whether face `index` of `data` has a glyph for every character of [`JAPANESE_SAMPLE`].
#[must_use]
pub fn covers_japanese(data: &[u8], index: u32) -> bool {
    ttf_parser::Face::parse(data, index).is_ok_and(|face| {
        JAPANESE_SAMPLE
            .chars()
            .all(|c| face.glyph_index(c).is_some())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_not_a_japanese_font() {
        assert!(!covers_japanese(b"not a font", 0));
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("fake.ttf");
        std::fs::write(&path, b"not a font").expect("write");
        assert!(matches!(
            load_file(&path),
            Err(FontError::NotJapanese { .. })
        ));
        assert!(matches!(
            load_file(&dir.path().join("missing.ttf")),
            Err(FontError::Unreadable { .. })
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("font.ttf");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        // On another thread, so that a blocking open fails the test instead of hanging it.
        let (send, receive) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = send.send(load_file(&fifo).map(|font| font.family));
        });
        let result = receive
            .recv_timeout(std::time::Duration::from_secs(30))
            .expect("load_file blocked on a FIFO");
        let error = result.expect_err("a FIFO is no font");
        assert!(matches!(error, FontError::NotAFile { .. }), "{error}");
        assert!(error.to_string().contains("a FIFO"), "{error}");
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_huge_files_are_refused() {
        let error = load_file(Path::new("/dev/zero")).expect_err("/dev/zero is no font");
        assert!(matches!(error, FontError::NotAFile { .. }), "{error}");
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(matches!(
            load_file(dir.path()),
            Err(FontError::NotAFile {
                kind: "a folder",
                ..
            })
        ));
        // A sparse file one byte over the limit: refused from its size, never read.
        let huge = dir.path().join("huge.ttf");
        std::fs::File::create(&huge)
            .and_then(|file| file.set_len(MAX_FONT_BYTES + 1))
            .expect("sparse file");
        assert!(matches!(load_file(&huge), Err(FontError::TooLarge { .. })));
    }

    /// Where a Japanese font is installed (always on CI, which installs fonts-noto-cjk) the face
    /// found must really have the glyphs; elsewhere the error must name the fix.
    #[test]
    fn installed_font_has_japanese_glyphs() {
        match find_installed() {
            Ok(font) => {
                assert!(covers_japanese(&font.data, font.index), "{font:?}");
                let again = load_file(&font.path).expect("the same file loads as a chosen font");
                assert!(covers_japanese(&again.data, again.index));
            }
            Err(error) => {
                assert!(
                    std::env::var_os("CI").is_none(),
                    "CI installs fonts-noto-cjk, yet: {error}"
                );
                assert!(error.to_string().contains("fonts-noto-cjk"));
            }
        }
    }

    #[test]
    fn the_comparison_face_is_a_mincho_one_where_installed() {
        assert!(matches!(
            find_installed_of(&system_fonts(), &["No Such Family"]),
            Err(FontError::NotInstalled)
        ));
        // This machine and CI have fonts-noto-cjk, which includes Noto Serif CJK JP.
        let (font, warning) = find_for_comparison(None).expect("a Japanese face");
        assert!(
            MINCHO_FAMILIES.contains(&font.family.as_str()),
            "{}",
            font.family
        );
        assert_eq!(warning, None);
    }
}

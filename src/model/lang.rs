//! The languages Koteihyo speaks: Japanese (the default) and English.

use serde::{Deserialize, Serialize};

/// A language for the words a user reads: the window's, and the command line's messages.
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

    /// The language a locale name such as `ja_JP.UTF-8`, `ja` or `en_US.UTF-8` asks for:
    /// Japanese for names starting with `ja`, else English (`C`, `POSIX`, any other).
    #[must_use]
    pub fn of_locale(locale: &str) -> Self {
        if locale
            .get(..2)
            .is_some_and(|p| p.eq_ignore_ascii_case("ja"))
        {
            Lang::Ja
        } else {
            Lang::En
        }
    }

    /// Chooses between the Japanese and the English text.
    #[must_use]
    pub fn pick<T>(self, ja: T, en: T) -> T {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn locales_starting_with_ja_are_japanese() {
        for locale in ["ja_JP.UTF-8", "ja", "JA_jp", "ja_JP.eucJP"] {
            assert_eq!(Lang::of_locale(locale), Lang::Ja, "{locale}");
        }
        for locale in ["C", "POSIX", "en_US.UTF-8", "", "j", "de_DE"] {
            assert_eq!(Lang::of_locale(locale), Lang::En, "{locale}");
        }
    }
}

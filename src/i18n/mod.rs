//! Messages in the reader's language: Vietnamese (the default) or English, from Project Fluent
//! catalogs in `locales/{vi,en}/*.ftl` (embedded in the binary). Renderers make every sentence
//! here; the phases before them hand over typed data (or a [`Msg`], a message id with its
//! arguments, for diagnostics), so one result can be shown in either language.
//!
//! Words of the domain are chosen once, in `locales/glossary.md`, and used the same way in
//! every catalog.

mod msg;

pub use fluent_bundle::{FluentArgs, FluentValue};
pub use msg::{IntoMsgArg, Msg, MsgArg};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::FluentResource;
use std::sync::OnceLock;

/// The language of everything tieuchi says to people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Tiếng Việt — the council's language, and the default.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Reads `vi`, `en`, or a locale such as `vi_VN.UTF-8` / `en-US`.
    pub fn parse(text: &str) -> Option<Lang> {
        let lower = text.trim().to_ascii_lowercase();
        if lower.starts_with("vi") {
            Some(Lang::Vi)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language chosen by the environment: `TIEUCHI_LANG`, else the locale (`LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG`; a locale starting with `vi` is Vietnamese, `en` English),
    /// else Vietnamese.
    pub fn from_env() -> Lang {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over any source of variables (for tests).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(lang) = var("TIEUCHI_LANG").as_deref().and_then(Lang::parse) {
            return lang;
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            match var(name) {
                // The first locale variable that is set decides, as in POSIX.
                Some(v) if !v.is_empty() => return Lang::parse(&v).unwrap_or_default(),
                _ => {}
            }
        }
        Lang::Vi
    }

    /// `vi` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// A number written with this language's decimal mark: `91,67` in Vietnamese, `91.67` in
    /// English. `text` is a number as tieuchi formats it (`-33.33`, `≈91.67%`, `2/3`).
    pub fn number(self, text: &str) -> String {
        match self {
            Lang::En => text.to_string(),
            Lang::Vi => text.replace('.', ","),
        }
    }
}

/// The message `id` in `lang`, with `args` put in. An id missing from the catalog (a bug the
/// catalog tests catch) gives the id itself rather than failing.
pub fn message(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

/// True when the catalog of `lang` has the message `id`.
pub fn has_message(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// Turns a value into a message argument.
pub fn arg<'a>(value: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    value.into()
}

/// A message in the reader's language: `tr!(lang, "verdict-pass")`,
/// `tr!(lang, "points-short", gap = "5")`. Numbers given as integers choose plural forms.
#[macro_export]
#[doc(hidden)]
macro_rules! tr {
    ($lang:expr, $id:literal) => {
        $crate::i18n::message($lang, $id, None)
    };
    ($lang:expr, $id:literal, $($key:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($key), $crate::i18n::arg($value)); )+
        $crate::i18n::message($lang, $id, Some(&args))
    }};
}

/// The catalog files of each language, embedded; one per output.
const FILES: [&str; 9] = [
    "common",
    "explain",
    "tables",
    "test",
    "diff",
    "diagnostics",
    "data",
    "report",
    "cli",
];

macro_rules! catalog {
    ($lang:literal) => {
        [
            include_str!(concat!("../../locales/", $lang, "/common.ftl")),
            include_str!(concat!("../../locales/", $lang, "/explain.ftl")),
            include_str!(concat!("../../locales/", $lang, "/tables.ftl")),
            include_str!(concat!("../../locales/", $lang, "/test.ftl")),
            include_str!(concat!("../../locales/", $lang, "/diff.ftl")),
            include_str!(concat!("../../locales/", $lang, "/diagnostics.ftl")),
            include_str!(concat!("../../locales/", $lang, "/data.ftl")),
            include_str!(concat!("../../locales/", $lang, "/report.ftl")),
            include_str!(concat!("../../locales/", $lang, "/cli.ftl")),
        ]
    };
}

/// The catalog texts of `lang`, file by file (names in [`catalog_files`]).
pub fn catalog_texts(lang: Lang) -> [&'static str; 9] {
    match lang {
        Lang::Vi => catalog!("vi"),
        Lang::En => catalog!("en"),
    }
}

/// The names of the catalog files, in the order of [`catalog_texts`].
pub fn catalog_files() -> [&'static str; 9] {
    FILES
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static VI: OnceLock<Bundle> = OnceLock::new();
    static EN: OnceLock<Bundle> = OnceLock::new();
    let cell = match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    };
    cell.get_or_init(|| build(lang))
}

/// Builds a bundle; entries that do not parse are left out (the catalog tests fail on them).
fn build(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks (U+2068/U+2069) would end up in terminals and CSV files.
    bundle.set_use_isolating(false);
    for text in catalog_texts(lang) {
        let resource = match FluentResource::try_new(text.to_string()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        bundle.add_resource_overriding(resource);
    }
    bundle
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_from_the_environment() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_vars(env(&[])), Lang::Vi);
        assert_eq!(Lang::from_vars(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_vars(env(&[("LANG", "vi_VN.UTF-8")])), Lang::Vi);
        assert_eq!(Lang::from_vars(env(&[("LANG", "C.UTF-8")])), Lang::Vi);
        assert_eq!(
            Lang::from_vars(env(&[("LC_ALL", "en_GB"), ("LANG", "vi_VN")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_vars(env(&[("TIEUCHI_LANG", "vi"), ("LC_ALL", "en_GB")])),
            Lang::Vi
        );
        assert_eq!(Lang::parse("fr"), None);
    }

    #[test]
    fn messages_with_arguments_and_plurals() {
        assert_eq!(tr!(Lang::En, "verdict-pass"), "pass");
        assert_eq!(tr!(Lang::Vi, "verdict-pass"), "đạt");
        assert_eq!(tr!(Lang::En, "areas-count", count = 1), "1 area");
        assert_eq!(tr!(Lang::En, "areas-count", count = 3), "3 areas");
        assert_eq!(tr!(Lang::Vi, "areas-count", count = 3), "3 địa bàn");
        assert_eq!(message(Lang::En, "no-such", None), "no-such");
    }

    #[test]
    fn decimal_mark() {
        assert_eq!(Lang::Vi.number("≈91.67%"), "≈91,67%");
        assert_eq!(Lang::En.number("≈91.67%"), "≈91.67%");
    }
}

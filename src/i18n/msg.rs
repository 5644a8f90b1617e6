//! A message not yet put into words: an id of the catalogs and its arguments. Diagnostics and
//! data problems carry these, so the same problem reads in the language of whoever shows it.

use super::{message, FluentArgs, FluentValue, Lang};
use std::borrow::Cow;

/// One argument of a [`Msg`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MsgArg {
    /// Text put in as it is (a name, a value as written).
    Text(String),
    /// A count: it chooses the plural form.
    Count(i64),
    /// A message of its own, put into words in the same language.
    Msg(Box<Msg>),
}

/// A catalog message id with its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    /// The id in `locales/*/*.ftl`.
    pub id: Cow<'static, str>,
    /// Named arguments, in the order given.
    pub args: Vec<(&'static str, MsgArg)>,
}

impl Msg {
    /// The message `id` without arguments.
    pub fn new(id: impl Into<Cow<'static, str>>) -> Msg {
        Msg {
            id: id.into(),
            args: Vec::new(),
        }
    }

    /// Adds a text argument.
    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Msg {
        self.args.push((name, MsgArg::Text(value.into())));
        self
    }

    /// Adds a count argument (plural forms choose by it).
    pub fn count(mut self, name: &'static str, value: impl TryInto<i64>) -> Msg {
        let n = value.try_into().unwrap_or(i64::MAX);
        self.args.push((name, MsgArg::Count(n)));
        self
    }

    /// Adds a message argument, put into words in the same language.
    pub fn msg(mut self, name: &'static str, value: Msg) -> Msg {
        self.args.push((name, MsgArg::Msg(Box::new(value))));
        self
    }

    /// The words in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        if self.args.is_empty() {
            return message(lang, &self.id, None);
        }
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            let v: FluentValue = match value {
                MsgArg::Text(t) => FluentValue::from(t.as_str()),
                MsgArg::Count(n) => FluentValue::from(*n),
                MsgArg::Msg(m) => FluentValue::from(m.render(lang)),
            };
            args.set(*name, v);
        }
        message(lang, &self.id, Some(&args))
    }
}

/// English, for logs and tests; renderers use [`Msg::render`] with the reader's language.
impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// A message built like [`tr!`](crate::tr) but kept as data: `msg!("unknown-name", name = n)`.
/// Integer arguments are counts (they choose plural forms); everything else is text.
#[macro_export]
#[doc(hidden)]
macro_rules! msg {
    ($id:literal) => { $crate::i18n::Msg::new($id) };
    ($id:literal, $($key:ident = $value:expr),+ $(,)?) => {{
        let m = $crate::i18n::Msg::new($id);
        $( let m = $crate::i18n::IntoMsgArg::add($value, m, stringify!($key)); )+
        m
    }};
}

/// What [`msg!`](crate::msg) accepts as an argument.
pub trait IntoMsgArg {
    /// Adds `self` as the argument `name`.
    fn add(self, msg: Msg, name: &'static str) -> Msg;
}

macro_rules! text_arg {
    ($($t:ty),*) => {$(
        impl IntoMsgArg for $t {
            fn add(self, msg: Msg, name: &'static str) -> Msg { msg.text(name, self.to_string()) }
        }
    )*};
}
macro_rules! count_arg {
    ($($t:ty),*) => {$(
        impl IntoMsgArg for $t {
            fn add(self, msg: Msg, name: &'static str) -> Msg { msg.count(name, self as i64) }
        }
    )*};
}
text_arg!(String, &str, &String, Cow<'_, str>, char);
count_arg!(usize, u32, u64, i32, i64);

impl IntoMsgArg for Msg {
    fn add(self, msg: Msg, name: &'static str) -> Msg {
        msg.msg(name, self)
    }
}

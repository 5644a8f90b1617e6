//! The message catalogs: every file parses, both languages have the same messages, and every
//! message the code asks for (`tr!(…, "id")`, `msg!("id")`, `Msg::new("id")`) exists in both.

use fluent_bundle::FluentResource;
use std::collections::BTreeSet;
use tieuchi::i18n::{catalog_files, catalog_texts, has_message, Lang};

fn ids(text: &str, file: &str, lang: Lang) -> BTreeSet<String> {
    let resource = match FluentResource::try_new(text.to_string()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{}/{file}.ftl does not parse: {errors:?}", lang.code()),
    };
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn both_languages_have_the_same_messages() {
    let vi = catalog_texts(Lang::Vi);
    let en = catalog_texts(Lang::En);
    let mut total = 0;
    for (i, file) in catalog_files().iter().enumerate() {
        let v = ids(vi[i], file, Lang::Vi);
        let e = ids(en[i], file, Lang::En);
        let only_vi: Vec<_> = v.difference(&e).collect();
        let only_en: Vec<_> = e.difference(&v).collect();
        assert!(
            only_vi.is_empty() && only_en.is_empty(),
            "{file}.ftl: only in vi {only_vi:?}, only in en {only_en:?}"
        );
        total += v.len();
    }
    assert!(total > 10, "the catalogs hold only {total} messages");
}

/// The message ids named in the source: the first string literal after `tr!(`'s language
/// argument, after `msg!(` and after `Msg::new(`.
fn ids_in_source(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for marker in ["tr!(", "msg!(", "Msg::new("] {
        for (at, _) in text.match_indices(marker) {
            let rest = &text[at + marker.len()..];
            let Some(q) = rest.find('"') else { continue };
            // Only a literal that comes before the call's first `)`.
            if rest[..q].contains(')') || rest[..q].contains(';') {
                continue;
            }
            let lit = &rest[q + 1..];
            if let Some(end) = lit.find('"') {
                let id = &lit[..end];
                if !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                {
                    out.push(id.to_string());
                }
            }
        }
    }
    out
}

fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("src/ is not readable: {e}"));
    for entry in entries.flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_message_the_code_uses_exists() {
    let mut files = Vec::new();
    rust_files(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src")
            .as_path(),
        &mut files,
    );
    let mut seen = 0;
    let mut missing = Vec::new();
    for f in files {
        let full = std::fs::read_to_string(&f).expect("source readable");
        // Doc comments show how to call the macros; they name no real message.
        let text: String = full
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for id in ids_in_source(&text) {
            seen += 1;
            for lang in [Lang::Vi, Lang::En] {
                if !has_message(lang, &id) {
                    missing.push(format!("{} in {}: {id}", lang.code(), f.display()));
                }
            }
        }
    }
    assert!(seen > 0, "no message ids found in src/");
    assert!(
        missing.is_empty(),
        "messages missing from the catalogs:\n{}",
        missing.join("\n")
    );
}

//! # tieuchi
//!
//! A rules engine for appraising the conversion of "key, complex areas for social order": a
//! council writes its criteria in a `.tc` file; tieuchi checks it, assesses each area's figures
//! against it with exact decimals and honest unknowns, decides the plan's targets, and explains
//! every verdict.
//!
//! The front door: a [`Ruleset`] (from text or a path; the files it `use`s come from a
//! [`SourceLoader`], the disk by default or a [`MemoryLoader`]), [`Data`] loaded for it (text
//! in a [`DataFormat`], a path, or a workbook's bytes), [`Ruleset::assess`], and the
//! [`Results`] queried by id. Every failure is an [`Error`] whose `Display` is
//! `file:line:col: message`; [`Error::render`] gives the full report in a [`Lang`].
//!
//! ```
//! use tieuchi::{CriterionResult, Data, DataFormat, Ruleset, Verdict};
//!
//! let rules = Ruleset::from_text("demo.tc", r#"
//! ruleset demo "Demo"
//! input vu "Số vụ": count
//! input kham_pha "Số vụ khám phá": count
//! assessment chuyen_hoa "Chuyển hóa" {
//!   criterion C1 "Tỷ lệ khám phá ≥ 80%" required { ratio(kham_pha, vu) >= 80% }
//!   outcome dat "Đạt" when all_required
//!   outcome chua_dat "Chưa đạt" otherwise
//! }
//! "#)?;
//! let data = Data::from_text(&rules, "data.json", r#"{ "areas": [
//!   { "id": "a", "values": { "vu": 10, "kham_pha": 8 } },
//!   { "id": "b", "values": { "vu": 12, "kham_pha": 9 } },
//!   { "id": "c", "values": { "vu": 12 } } ] }"#, DataFormat::Json)?;
//! let results = rules.assess(&data)?;
//!
//! assert_eq!(results.area("a")?.verdict("chuyen_hoa")?, Verdict::Outcome("dat"));
//! assert_eq!(results.area("b")?.criterion("chuyen_hoa", "C1")?, CriterionResult::Fail);
//! let c = results.area("c")?;
//! assert_eq!(c.verdict("chuyen_hoa")?, Verdict::Unknown { possible: vec!["dat", "chua_dat"] });
//! // Why: the explanation names the missing input.
//! let why = c.explain();
//! let reason = &why.assessments[0].criteria[0].reasons[0];
//! assert_eq!(*reason, tieuchi::explain::Reason::Missing { input: "kham_pha".into() });
//! # Ok::<(), tieuchi::Error>(())
//! ```
//!
//! Errors carry their place:
//!
//! ```
//! let err = tieuchi::Ruleset::from_text("bad.tc", "ruleset r \"R\"\nlet x = y + 1\n").unwrap_err();
//! assert!(err.to_string().starts_with("bad.tc:2:9: "), "{err}");
//! ```
//!
//! Cargo features: `cli` (the `tieuchi` command, [`cli::run`]), `spreadsheets` (workbooks in
//! and out), `report` (the council report's charts) and `server` (`tieuchi serve`) are on by
//! default; `default-features = false` builds the engine alone. `internals` (off) exposes the
//! phases' modules, unstable, for this crate's own tests and benches.

#![warn(missing_docs)]
// Without `internals`, the phases' public items that only the tests, benches or the command line
// use are unreachable: that is not dead code (`internals` builds, which clippy checks, still
// report private dead code and unused imports).
#![cfg_attr(not(feature = "internals"), allow(dead_code, unused_imports))]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod api;
pub use api::*;
pub use data::DataFormat;
pub use diag::Severity;
pub use eval::{CriterionResult, Tally, TargetResult};
pub use i18n::Lang;
pub use loader::{DiskLoader, MemoryLoader, SourceLoader};
pub use num::Num;
pub use source::{ReadError, MAX_FILE_BYTES};

/// The `tieuchi` command line, as the binary runs it.
#[cfg(feature = "cli")]
pub mod cli;
mod loader;
/// `tieuchi lsp`: a Language Server for `.tc` files over stdio.
#[cfg(feature = "lsp")]
pub mod lsp;
/// `tieuchi serve`: the HTTP API and the web workbench.
#[cfg(feature = "server")]
pub mod serve;
mod stack;

// The phases and workflows: internal. The `internals` feature (for this crate's tests and
// benches only, no stability promise) makes them public and hidden from the documentation.
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod ast;
#[cfg(not(feature = "internals"))]
mod ast;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod check;
#[cfg(not(feature = "internals"))]
mod check;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod coverage;
#[cfg(not(feature = "internals"))]
mod coverage;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod data;
#[cfg(not(feature = "internals"))]
mod data;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod diag;
#[cfg(not(feature = "internals"))]
mod diag;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod diff;
#[cfg(not(feature = "internals"))]
mod diff;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod eval;
#[cfg(not(feature = "internals"))]
mod eval;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod fmt;
#[cfg(not(feature = "internals"))]
mod fmt;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod i18n;
#[cfg(not(feature = "internals"))]
mod i18n;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod num;
#[cfg(not(feature = "internals"))]
mod num;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod report;
#[cfg(not(feature = "internals"))]
mod report;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod schema;
#[cfg(not(feature = "internals"))]
mod schema;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod select;
#[cfg(not(feature = "internals"))]
mod select;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod source;
#[cfg(not(feature = "internals"))]
mod source;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod sweep;
#[cfg(not(feature = "internals"))]
mod sweep;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod syntax;
#[cfg(not(feature = "internals"))]
mod syntax;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod template;
#[cfg(not(feature = "internals"))]
mod template;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod testing;
#[cfg(not(feature = "internals"))]
mod testing;
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod value;
#[cfg(not(feature = "internals"))]
mod value;

// The old conveniences at the root, for this crate's tests and benches (`internals` only).
#[cfg(feature = "internals")]
#[doc(hidden)]
pub use internal_api::*;
#[cfg(feature = "internals")]
mod internal_api;

/// The README's Rust blocks (its library example), run by `cargo test` as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

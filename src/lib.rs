//! tieuchi: a rules engine for appraising key, complex areas for social order.
pub mod ast;
pub mod check;
pub mod data;
pub mod diag;
pub mod eval;
pub mod source;
pub mod syntax;
pub mod value;

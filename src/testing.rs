//! Running `test` blocks (next commit).

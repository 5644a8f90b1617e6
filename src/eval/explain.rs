//! Explanations (placeholder until the explain module lands).

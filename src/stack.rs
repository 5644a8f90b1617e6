//! Stack safety for the recursive passes over expression trees.
//!
//! Every recursive function over an expression (parsing, checking, compiling, evaluating,
//! explaining, formatting) runs its body through [`grow`]: when less than [`RED_ZONE`] of the
//! stack is left, the rest runs on a new heap-allocated segment of [`SEGMENT`]. So the library is
//! safe on an ordinary thread (2 MiB) for every tree the parser accepts, not only on the binary's
//! big main thread.

/// The stack that must be left before a recursive step runs on the current stack.
const RED_ZONE: usize = 64 * 1024;

/// The size of each new stack segment.
const SEGMENT: usize = 1024 * 1024;

/// Runs `f`, first moving to a fresh stack segment if the current one is nearly used up.
#[inline]
pub(crate) fn grow<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, SEGMENT, f)
}

//! words (in progress).

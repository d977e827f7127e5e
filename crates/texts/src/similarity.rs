//! similarity (in progress).

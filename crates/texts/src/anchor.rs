//! anchor (in progress).

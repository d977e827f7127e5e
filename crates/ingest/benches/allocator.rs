//! The allocator the `rapporteur` binary runs with (jemalloc, see `crates/cli/src/main.rs`),
//! so that the benchmarks and the measuring examples time the readers as the binary runs
//! them. With `--features system-allocator` they use the C library's allocator instead, for
//! a side-by-side figure.

#[cfg(not(feature = "system-allocator"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

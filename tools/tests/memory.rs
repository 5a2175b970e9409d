//! The memory subsystem of the simulator, `runtime-src/memory/`, checked
//! without the VM, and the object-layout page derived from it.
//!
//! Purpose: hold the allocator (lazy allocation: allocation stack, marks,
//! write and return barriers, tail-call rule, eviction, the stack-full
//! fallback) and both collectors to `docs/runtime.md`, and keep
//! `docs/object-layout.md` a faithful product of `layout.ut`.
//!
//! Design:
//! 1. `lazy_allocation_and_collectors` runs `tests/memory/lazy.ut` with the
//!    built `utena` from the workspace root. The program includes the
//!    memory modules by relative paths, drives them with a fake Roots
//!    object, and prints `ok: NAME` per check or stops with an error. Every
//!    line must be `ok: …`, and every check in `EXPECTED` must have run, so
//!    a check deleted or skipped fails here.
//! 2. `tail_loop_stays_bounded`: `lazy.ut tail 5000000`, the alloc +
//!    `tail-call!` loop five million times; the allocation stack must peak
//!    at one pair. Ten million, the figure, takes about 96 s of CPU
//!    on the seed (9.6 µs an iteration); five million is the largest round
//!    count under about a minute.
//! 3. `object_layout_doc_is_fresh`: `runtime-src/memory/layout-doc.ut`'s
//!    output must equal `docs/object-layout.md` byte for byte. With
//!    `UTENA_UPDATE_DOCS=1` the test writes the file instead of comparing.
//!
//! Not done here: running compiled programs on the simulated heap
//! (`tools/tests/sim.rs`).

mod common;
use common::{check_generated_doc, utena_run};

const PROGRAM: &str = "tests/memory/lazy.ut";
const GENERATOR: &str = "runtime-src/memory/layout-doc.ut";
const DOC: &str = "docs/object-layout.md";

/// The checks `lazy.ut` must report, each a prefix of an `ok:` line.
const EXPECTED: &[&str] = &[
    "the frame's alias was rewritten to the heap copy",
    "the heap cell holds the same object as the alias",
    "the structure and its cycle were evicted intact",
    "each of the three objects was copied exactly once",
    "a store within one frame's region evicts nothing",
    "a store into an older frame's object evicts the younger object",
    "an eviction rewrites an older object of the same frame that pointed at it",
    "a list returned through 60 nested frames survives intact",
    "only the returned pairs reached the heap, the garbage never did",
    "the allocation stack stayed bounded: peak 24 bytes",
    "the tail-call rule evicted one object per iteration",
    "copying: a random graph keeps its shape through collections",
    "mark-sweep: a random graph keeps its shape through collections",
    "copying: a random graph keeps its shape through collections (stress)",
    "mark-sweep: a random graph keeps its shape through collections (stress)",
    "copying: a dropped graph is reclaimed",
    "mark-sweep: a dropped graph is reclaimed",
    "copying: a list built past a full allocation stack is intact",
    "mark-sweep: the full stack was evicted and reset",
    "copying: a heap allocation during a collection traps",
    "mark-sweep: a heap allocation during a collection traps",
    "copying: a full heap is the catchable error `heap exhausted: ...`",
    "mark-sweep: a full heap is the catchable error `heap exhausted: ...`",
    "verify! finds a new heap object pointing into the allocation stack",
    "verify! finds an old heap object pointing into the allocation stack (full check)",
    "verify! finds an old frame's object pointing at a younger frame's (full check)",
    "verify! finds a frame slot naming an evicted object",
    "verify! finds a pointer to no object",
    "verify! finds a broken heap header",
];

/// Runs `program` (relative to the workspace root) with `args`; answers
/// its standard output, or fails the test with its report.
fn run(program: &str, args: &[&str]) -> String {
    utena_run(program, args)
}

#[test]
fn lazy_allocation_and_collectors() {
    let stdout = run(PROGRAM, &[]);
    for line in stdout.lines() {
        assert!(line.starts_with("ok: "), "{PROGRAM} printed a line that is not `ok: …`: {line}");
    }
    for check in EXPECTED {
        assert!(
            stdout.lines().any(|line| line.strip_prefix("ok: ") == Some(check)),
            "{PROGRAM} did not report the check `{check}`\n--- stdout:\n{stdout}"
        );
    }
}

#[test]
fn tail_loop_stays_bounded() {
    let stdout = run(PROGRAM, &["tail", "5000000"]);
    for check in ["the tail loop ran to the end", "the allocation stack stayed bounded: peak 24 bytes"] {
        assert!(
            stdout.lines().any(|line| line.strip_prefix("ok: ") == Some(check)),
            "{PROGRAM} tail 5000000 did not report the check `{check}`\n--- stdout:\n{stdout}"
        );
    }
}

#[test]
fn object_layout_doc_is_fresh() {
    check_generated_doc(DOC, GENERATOR, &run(GENERATOR, &[]), "memory");
}

//! The register bytecode's one table, `runtime-src/compiler/bytecode.ut`,
//! and what is derived from it.
//!
//! Purpose: keep `docs/bytecode.md` a faithful product of the table, keep
//! published opcodes from changing, and check that the encoder, decoder and
//! disassembler written in Utena agree with each other for every opcode.
//!
//! Design:
//! 1. Every Utena program here includes the table itself
//!    (`bytecode-doc.ut` by `(include "bytecode.ut")`, the programs under
//!    `tests/bytecode/` by a relative path), so each is run as it stands,
//!    with the built `utena` from the workspace root; an error names the
//!    file and line where it happened, in the table or in the program.
//! 2. `doc_is_fresh`: `bytecode-doc.ut`'s output must equal
//!    `docs/bytecode.md` byte for byte. With `UTENA_UPDATE_DOCS=1` the test
//!    writes the file instead of comparing.
//! 3. `published_opcodes`: an `insta` snapshot of every opcode's
//!    `(number name "format")`, the stability guard. Adding an opcode adds
//!    lines; `published_opcodes_never_change` fails, with a message naming
//!    the opcode, when a line the snapshot already holds changes or goes.
//! 4. `round_trip`: each program under `tests/bytecode/` prints `ok: …` lines
//!    and exits 0; a failed check inside it is a Utena error.
//!
//! Not done here: running bytecode (there is no simulator yet).

use std::path::PathBuf;

mod common;
use common::{check_generated_doc, utena_run, workspace_root};

const GENERATOR: &str = "runtime-src/compiler/bytecode-doc.ut";
const DOC: &str = "docs/bytecode.md";
const SNAPSHOT: &str = "tools/tests/snapshots/bytecode__published_opcodes.snap";

/// Runs `program` (relative to the workspace root) with `args`; answers
/// its standard output, or fails the test with its report.
fn run(program: &str, args: &[&str]) -> String {
    utena_run(program, args)
}

#[test]
fn doc_is_fresh() {
    check_generated_doc(DOC, GENERATOR, &run(GENERATOR, &[]), "bytecode");
}

#[test]
fn published_opcodes() {
    insta::assert_snapshot!(run(GENERATOR, &["opcodes"]));
}

/// The `(number name "format")` lines of a published list, by number.
fn published_lines(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter(|line| line.starts_with('('))
        .map(|line| {
            let number = line[1..].split(' ').next().unwrap_or_default().to_string();
            (number, line.to_string())
        })
        .collect()
}

/// A published opcode never changes and never goes away: every line of the
/// committed snapshot is still printed, unchanged.
#[test]
fn published_opcodes_never_change() {
    let Ok(snapshot) = std::fs::read_to_string(workspace_root().join(SNAPSHOT)) else {
        return; // Nothing is published until the first snapshot is accepted.
    };
    let current = published_lines(&run(GENERATOR, &["opcodes"]));
    for (number, published) in published_lines(&snapshot) {
        let now = current.iter().find(|(n, _)| *n == number).map(|(_, line)| line.as_str());
        assert_eq!(
            now,
            Some(published.as_str()),
            "published opcode {number} changed: it was {published}. Published opcodes never change \
             their number, name or format: restore it, and give a new meaning a new number"
        );
    }
}

#[test]
fn round_trip() {
    let root = workspace_root();
    let mut programs: Vec<PathBuf> = std::fs::read_dir(root.join("tests/bytecode"))
        .unwrap_or_else(|error| panic!("cannot list tests/bytecode: {error}"))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|extension| extension == "ut"))
        .collect();
    programs.sort();
    assert!(!programs.is_empty(), "tests/bytecode holds no .ut program");
    for program in programs {
        let relative = format!("tests/bytecode/{}", program.file_name().unwrap_or_default().to_string_lossy());
        let stdout = run(&relative, &[]);
        assert!(!stdout.is_empty(), "{relative} printed nothing: it checked nothing");
        for line in stdout.lines() {
            assert!(line.starts_with("ok: "), "{relative} printed a line that is not `ok: …`: {line}");
        }
    }
}

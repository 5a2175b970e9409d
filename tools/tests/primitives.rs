//! The primitive table, `runtime-src/compiler/primitives.ut`, and what is
//! derived from it.
//!
//! Purpose: keep `docs/primitives.md` a faithful product of the table, keep
//! published primitive numbers from changing, and keep the table equal to
//! what the seed actually provides.
//!
//! Design:
//! 1. `doc_is_fresh`: `primitives-doc.ut`'s output must equal
//!    `docs/primitives.md` byte for byte. With `UTENA_UPDATE_DOCS=1` the
//!    test writes the file instead of comparing.
//! 2. `published_primitives`: an `insta` snapshot of every primitive's
//!    `(number name min max)`, the stability guard;
//!    `published_primitives_never_change` fails, naming the primitive, when
//!    a number the snapshot holds changes its name or goes away.
//! 3. `table_is_the_seeds_builtins`: the table names exactly the seed's
//!    builtins (`seed::builtins::all_builtins`), each with the seed's
//!    argument counts.
//!
//! Not done here: running a primitive by number (there is no VM yet).

mod common;
use common::{check_generated_doc, utena_run, workspace_root};

const GENERATOR: &str = "runtime-src/compiler/primitives-doc.ut";
const DOC: &str = "docs/primitives.md";
const SNAPSHOT: &str = "tools/tests/snapshots/primitives__published_primitives.snap";

/// Standard output of `utena run GENERATOR ARGS…`, which must succeed.
fn run(args: &[&str]) -> String {
    utena_run(GENERATOR, args)
}

#[test]
fn doc_is_fresh() {
    check_generated_doc(DOC, GENERATOR, &run(&[]), "primitives");
}

#[test]
fn published_primitives() {
    insta::assert_snapshot!(run(&["published"]));
}

/// `(number name min max)` lines as (number, name, min, max).
fn entries(text: &str) -> Vec<(String, String, String, String)> {
    text.lines()
        .filter(|line| line.starts_with('('))
        .map(|line| {
            let words: Vec<&str> = line.trim_matches(|c| c == '(' || c == ')').split(' ').collect();
            let word = |i: usize| words.get(i).copied().unwrap_or_default().to_string();
            (word(0), word(1), word(2), word(3))
        })
        .collect()
}

/// A published primitive keeps its number and name: every number of the
/// committed snapshot still names the same primitive.
#[test]
fn published_primitives_never_change() {
    let Ok(snapshot) = std::fs::read_to_string(workspace_root().join(SNAPSHOT)) else {
        return; // Nothing is published until the first snapshot is accepted.
    };
    let current = entries(&run(&["published"]));
    for (number, name, _, _) in entries(&snapshot) {
        let now = current.iter().find(|entry| entry.0 == number).map(|entry| entry.1.as_str());
        assert_eq!(
            now,
            Some(name.as_str()),
            "published primitive {number} ({name}) changed or went away. Published primitives keep \
             their number and name: restore it, and give a new primitive a new number"
        );
    }
}

#[test]
fn table_is_the_seeds_builtins() {
    let table = entries(&run(&["published"]));
    let mut seed: Vec<(String, String, String)> = seed::builtins::all_builtins()
        .map(|prim| {
            let max = prim.max.map_or("#f".to_string(), |max| max.to_string());
            (prim.name.to_string(), prim.min.to_string(), max)
        })
        .collect();
    let mut ours: Vec<(String, String, String)> =
        table.into_iter().map(|(_, name, min, max)| (name, min, max)).collect();
    seed.sort();
    ours.sort();
    let missing: Vec<_> = seed.iter().filter(|entry| !ours.contains(entry)).collect();
    let extra: Vec<_> = ours.iter().filter(|entry| !seed.contains(entry)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "runtime-src/compiler/primitives.ut does not match the seed's builtins \
         (name, min, max):\n  the seed has, the table lacks: {missing:?}\n  the table has, the seed lacks: {extra:?}"
    );
}

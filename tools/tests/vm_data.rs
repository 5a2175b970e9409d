//! The simulator's data layer, printer and primitives against the seed.
//!
//! Purpose: check that `runtime-src/vm/data.ut`, `printer.ut` and the
//! `primitives-*.ut` groups give, on heap values, exactly the text the seed
//! gives on the same data, without the VM.
//!
//! Design:
//! 1. `tests/vm-data/differential.ut` (run by the seed) prints, for each
//!    case, the seed's own output and then ours, between markers: `@@case N`,
//!    the seed's text, `@@heap`, our text, `@@end`. The program compares
//!    nothing itself.
//! 2. This test splits the output into cases and fails listing every case
//!    whose two texts differ (at most a screenful), so a printer bug cannot
//!    approve its own output.
//!
//! Not done here: running programs on the simulator (tools/tests/sim.rs).

mod common;
use common::utena_run;

const PROGRAM: &str = "tests/vm-data/differential.ut";

/// The cases of the program's output: (number, seed text, heap text).
fn cases(output: &str) -> Vec<(String, String, String)> {
    let mut cases = Vec::new();
    for chunk in output.split("@@case ").skip(1) {
        let (number, rest) = chunk.split_once('\n').unwrap_or((chunk, ""));
        let (seed, rest) = rest.split_once("\n@@heap\n").unwrap_or((rest, ""));
        let heap = rest.strip_suffix("\n@@end\n").unwrap_or(rest);
        cases.push((number.to_string(), seed.to_string(), heap.to_string()));
    }
    cases
}

#[test]
fn heap_data_and_primitives_match_the_seed() {
    let stdout = utena_run(PROGRAM, &[]);
    let cases = cases(&stdout);
    assert!(cases.len() > 1000, "only {} cases ran", cases.len());
    let differing: Vec<String> = cases
        .iter()
        .filter(|(_, seed, heap)| seed != heap)
        .map(|(number, seed, heap)| format!("case {number}:\n  seed: {seed}\n  heap: {heap}"))
        .collect();
    assert!(
        differing.is_empty(),
        "{} of {} cases differ from the seed:\n{}",
        differing.len(),
        cases.len(),
        differing.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
}

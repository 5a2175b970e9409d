//! The native runtime's printer, `runtime-src/native/print.ut`, against the
//! seed's own `display` and `write`.
//!
//! Purpose: hold print.ut to the text seed/src/printer.rs prints, so that a
//! native program prints what the seed prints.
//!
//! Design:
//! 1. `tests/native/print-check.scm` (run by the seed) prints, for each
//!    case, the seed's text and then print.ut's, between markers:
//!    `@@case N KIND`, the seed's text, `@@ours`, print.ut's text, `@@end`;
//!    it ends with `@@cases N`. The seed has no string ports, so its text
//!    can only be compared outside the program, and the program compares
//!    nothing itself: a printer bug cannot approve its own output.
//! 2. This test splits the output into cases, checks that every case
//!    arrived, and fails listing the cases whose two texts differ (at most
//!    a screenful).
//!
//! Not done here: running print.ut natively (the native backend's tests).

mod common;
use common::utena_run;

const PROGRAM: &str = "tests/native/print-check.scm";

/// One case of the program's output.
struct Case {
    heading: String,
    seed: String,
    ours: String,
}

/// The cases of the program's output, and the count it announced last.
fn cases(output: &str) -> (Vec<Case>, Option<usize>) {
    let (body, count) = match output.rsplit_once("@@cases ") {
        Some((body, count)) => (body, count.trim().parse().ok()),
        None => (output, None),
    };
    let mut cases = Vec::new();
    for chunk in body.split("@@case ").skip(1) {
        let (heading, rest) = chunk.split_once('\n').unwrap_or((chunk, ""));
        let (seed, rest) = rest.split_once("\n@@ours\n").unwrap_or((rest, ""));
        let ours = rest.strip_suffix("\n@@end\n").unwrap_or(rest);
        cases.push(Case { heading: heading.to_string(), seed: seed.to_string(), ours: ours.to_string() });
    }
    (cases, count)
}

/// The part of `text` from a little before character `at` (where the two
/// texts first differ), at most a few hundred characters.
fn excerpt(text: &str, at: usize) -> String {
    let start = at.saturating_sub(60);
    let shown: String = text.chars().skip(start).take(240).collect();
    let before = if start > 0 { "…" } else { "" };
    let after = if start + shown.chars().count() < text.chars().count() { "…" } else { "" };
    format!("{before}{shown:?}{after}")
}

/// The index of the first character where `a` and `b` differ.
fn first_difference(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

#[test]
fn print_ut_writes_and_displays_what_the_seed_does() {
    let stdout = utena_run(PROGRAM, &[]);
    let (cases, count) = cases(&stdout);
    assert_eq!(count, Some(cases.len()), "{PROGRAM} did not finish, or its output could not be split into cases");
    assert!(cases.len() > 4000, "only {} cases ran", cases.len());
    let differing: Vec<String> = cases
        .iter()
        .filter(|case| case.seed != case.ours)
        .map(|case| {
            let at = first_difference(&case.seed, &case.ours);
            format!("case {}:\n  seed: {}\n  ours: {}", case.heading, excerpt(&case.seed, at), excerpt(&case.ours, at))
        })
        .collect();
    assert!(
        differing.is_empty(),
        "{} of {} cases differ from the seed:\n{}",
        differing.len(),
        cases.len(),
        differing.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
    );
}

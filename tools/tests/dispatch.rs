//! Dispatch: classes, method dictionaries, lookup and inline caches in the
//! simulated heap (`runtime-src/dispatch/dispatch.ut`).
//!
//! Purpose: run the Utena programs under `tests/dispatch/` with the built
//! `utena run` and hold them to their output.
//!
//! Design:
//! 1. Each program includes `tests/dispatch/support.ut` (the layout,
//!    Data, dispatch, a stand-in allocator, a seeded random generator,
//!    `check`; `collection.ut` uses the real allocator and both collectors
//!    instead) and prints one `ok: …` line per check; a failed
//!    check is a Utena error, so the program exits with status 1.
//! 2. A program with a `; expect error: TEXT` line must instead exit with
//!    status 1 and a first stderr line `FILE:LINE:COL: error: MESSAGE` whose
//!    MESSAGE contains TEXT (the fatal miss of satiation).
//! 3. Otherwise it must exit 0 with nothing on stderr, print at least one
//!    `ok:` line, and print nothing but `ok:` lines and `figure:` lines
//!    (measurements, which vary from run to run and are not compared).
//! 4. `every_program_has_a_test`: each program under `tests/dispatch/` but
//!    `support.ut` is named in [`PROGRAMS`], so none is silently skipped.
//!
//! Not done here: dispatch inside the simulator's VM (`tools/tests/sim.rs`).

mod common;
use common::{files_under, slash_path, utena_run_output, workspace_root};

const PROGRAMS: &[&str] =
    &["basics.ut", "random-hierarchies.ut", "satiation.ut", "fatal-miss.ut", "no-regress.ut", "collection.ut"];
const EXPECT_ERROR: &str = "; expect error:";

/// Runs `tests/dispatch/NAME` and checks it as the module comment says.
fn check(name: &str) {
    let relative = format!("tests/dispatch/{name}");
    let source = std::fs::read_to_string(workspace_root().join(&relative))
        .unwrap_or_else(|error| panic!("cannot read {relative}: {error}"));
    let expected_error = source.lines().find_map(|line| line.strip_prefix(EXPECT_ERROR)).map(str::trim);
    let output = utena_run_output(&relative, &[]);
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let report = format!(
        "`utena run {relative}`\n--- exit status: {}\n--- stdout:\n{stdout}--- stderr:\n{stderr}",
        output.status
    );
    match expected_error {
        Some(text) => {
            let first = stderr.lines().next().unwrap_or("");
            let message = first.split_once(": error: ").map(|(_, message)| message);
            assert!(output.status.code() == Some(1), "expected exit status 1 from {report}");
            assert!(
                message.is_some_and(|message| message.contains(text)),
                "expected an error containing {text:?} from {report}"
            );
        }
        None => {
            assert!(output.status.success() && stderr.is_empty(), "{report}");
            assert!(stdout.lines().any(|line| line.starts_with("ok: ")), "no check ran in {report}");
            let stray = stdout.lines().find(|line| !line.starts_with("ok: ") && !line.starts_with("figure: "));
            assert!(stray.is_none(), "unexpected line {stray:?} in {report}");
        }
    }
}

#[test]
fn basics() {
    check("basics.ut");
}

#[test]
fn random_hierarchies() {
    check("random-hierarchies.ut");
}

#[test]
fn satiation() {
    check("satiation.ut");
}

#[test]
fn fatal_miss() {
    check("fatal-miss.ut");
}

#[test]
fn no_regress() {
    check("no-regress.ut");
}

#[test]
fn collection() {
    check("collection.ut");
}

#[test]
fn every_program_has_a_test() {
    let dir = workspace_root().join("tests").join("dispatch");
    let files = files_under(&dir, &["ut"]).unwrap_or_else(|error| panic!("cannot list tests/dispatch: {error}"));
    for file in files {
        let name = slash_path(file.strip_prefix(&dir).unwrap_or(&file));
        assert!(
            name == "support.ut" || PROGRAMS.contains(&name.as_str()),
            "tests/dispatch/{name} is not run: add it to PROGRAMS and give it a #[test] in tools/tests/dispatch.rs"
        );
    }
}

//! The program harness: every file under `tests/programs/` is a test on every
//! engine.
//!
//! Purpose: hold every engine to the expectations written in the programs
//! themselves (`docs/conventions.md`, `docs/testing.md`).
//!
//! Design:
//! 1. Find every `.scm` and `.ut` file under `tests/programs/`, sorted.
//! 2. For each (engine, file) make one test named `ENGINE::RELATIVE-PATH`,
//!    e.g. `seed::lists/append.scm`, so `cargo test -p utena --test programs
//!    -- seed::lists/` runs a directory on one engine.
//! 3. A test parses the file's `; expect:`, `; expect error:`, `; args:`,
//!    `; sim-args:`, `; stdin:` and `; expect stderr:` comments, runs the
//!    built `utena run --engine ENGINE FILE ARGS…` from the workspace root
//!    with a time limit and the `; stdin:` lines piped in, and compares:
//!    - standard output, line by line, with the `; expect:` lines;
//!    - with `; expect error: TEXT`: exit status 1 and a first stderr line
//!      `FILE:LINE:COL: error: MESSAGE` whose MESSAGE contains TEXT;
//!      `; expect error at LINE:COL: TEXT` pins the position too, so every
//!      engine must report the error at the same place;
//!    - without it: exit status 0 and stderr exactly the `; expect stderr:`
//!      lines (none: nothing on stderr).
//!
//! Invariant: a test can fail. A file with no expectation at all fails, since
//! it would otherwise pass whatever the engine did.
//! Invariant: the expectations are the same on every engine. Only the
//! *workload* may differ: `; sim-args:` gives the simulator (which interprets
//! the VM on the seed, about a thousand times slower) smaller arguments than
//! `; args:`, for the programs that loop millions of times to prove the
//! seed's tail calls; such a program reads its size from the command line
//! and prints what does not depend on it. The constant space of the
//! simulator's own tail calls is checked by `tools/tests/sim.rs` and
//! `tools/tests/memory.rs`.
//!
//! Not done here: deciding which engines exist beyond [`ENGINES`]; the CLI's
//! `Engine` enum is what `--engine` accepts.

use std::collections::HashMap;
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use libtest_mimic::{Arguments, Failed, Trial};

mod common;
use common::{Bootstrap, bootstrap, copy_tree, files_under, slash_path, stamp, workspace_root};

/// The engines the programs run on by default.
///
/// With `native`, the harness first runs the bootstrap (`utena bootstrap`:
/// the seed compiles build.ut to stage1, stage1 to stage2, stage2 to
/// stage3, which must be byte-identical; the trial `bootstrap::fixpoint`
/// reports it), then builds every selected program with stage2, in one
/// `--batch` per core (the runtime library compiled once per batch).
/// `UTENA_NO_STAGE2=1` builds with build.ut on the seed instead;
/// `UTENA_ENGINES=seed` (or `seed,sim`) leaves native out for a quicker run.
const ENGINES: &[&str] = &["seed", "sim", "native"];

/// Every engine the harness knows; `UTENA_ENGINES` picks from these.
const KNOWN_ENGINES: &[&str] = &["seed", "sim", "native"];

/// The engines of this run: `UTENA_ENGINES` (comma-separated) or [`ENGINES`].
fn engines() -> Vec<&'static str> {
    match std::env::var("UTENA_ENGINES") {
        Ok(list) => {
            let chosen: Vec<&'static str> = KNOWN_ENGINES
                .iter()
                .copied()
                .filter(|engine| list.split(',').any(|name| name.trim() == *engine))
                .collect();
            if chosen.is_empty() {
                eprintln!("programs harness: UTENA_ENGINES={list} names none of {KNOWN_ENGINES:?}");
                std::process::exit(2);
            }
            chosen
        }
        Err(_) => ENGINES.to_vec(),
    }
}

/// What a native executable prints when the program reaches a builtin or an
/// instruction the native back end does not implement yet
/// (`runtime-src/native/library.ut`, `native:unsupported`).
const NOT_NATIVE_YET: &str = "not supported natively yet: ";

/// How long one program may run on an engine before it is killed and its
/// test fails: a guard against hangs, not a performance test (that is
/// `bench/`). The simulator interprets the VM on the seed, a few hundred
/// thousand instructions a second, so it is given longer (the slowest
/// program, `programs/nqueens.scm`, takes about a minute).
fn time_limit(engine: &str) -> Duration {
    match engine {
        "sim" => Duration::from_secs(300),
        "native" => Duration::from_secs(120),
        _ => Duration::from_secs(60),
    }
}

const EXPECT: &str = "; expect:";
const EXPECT_ERROR: &str = "; expect error:";
const EXPECT_ERROR_AT: &str = "; expect error at ";
const ARGS: &str = "; args:";
const SIM_ARGS: &str = "; sim-args:";
const STDIN: &str = "; stdin:";
const EXPECT_STDERR: &str = "; expect stderr:";

fn main() {
    let arguments = Arguments::from_args();
    let root = workspace_root();
    let programs = match files_under(&root.join("tests").join("programs"), &["scm", "ut"]) {
        Ok(programs) => programs,
        Err(error) => {
            eprintln!("programs harness: cannot list tests/programs: {error}");
            std::process::exit(2);
        }
    };
    let engines = engines();
    // Listing the tests (`--list`) runs none, so it builds nothing.
    if engines.contains(&"native") && !arguments.list {
        let wanted: Vec<&Path> = programs
            .iter()
            .filter(|program| {
                let relative = program.strip_prefix(root.join("tests").join("programs")).unwrap_or(program);
                selected(&arguments, &format!("native::{}", slash_path(relative)))
            })
            .map(PathBuf::as_path)
            .collect();
        if !wanted.is_empty()
            || [
                BOOTSTRAP_TRIAL,
                SAME_BUILD_TRIAL,
                FILE_ERRORS_TRIAL,
                FROM_ANYWHERE_TRIAL,
                JOBS_TRIAL,
                CARRIED_RUNTIME_TRIAL,
                FAILING_CHILD_TRIAL,
            ]
            .iter()
            .any(|trial| selected(&arguments, trial))
        {
            let _ = BOOTSTRAP.set(bootstrap(&root, "programs harness"));
        }
        let _ = PREBUILT.set(prebuild(&root, &wanted));
    }
    let mut trials = Vec::new();
    for &engine in &engines {
        for program in &programs {
            let relative = program.strip_prefix(root.join("tests").join("programs")).unwrap_or(program);
            let name = format!("{engine}::{}", slash_path(relative));
            let root = root.clone();
            let program = program.clone();
            trials.push(Trial::test(name, move || run_test(&root, engine, &program)));
        }
    }
    if engines.contains(&"native") {
        let no_stage2 = stamp::stage2_disabled();
        trials.push(Trial::test(BOOTSTRAP_TRIAL, check_bootstrap).with_ignored_flag(no_stage2));
        let same_root = root.clone();
        trials.push(Trial::test(SAME_BUILD_TRIAL, move || check_same_build(&same_root)).with_ignored_flag(no_stage2));
        let files_root = root.clone();
        trials
            .push(Trial::test(FILE_ERRORS_TRIAL, move || check_file_errors(&files_root)).with_ignored_flag(no_stage2));
        let anywhere_root = root.clone();
        trials.push(
            Trial::test(FROM_ANYWHERE_TRIAL, move || check_from_anywhere(&anywhere_root)).with_ignored_flag(no_stage2),
        );
        let jobs_root = root.clone();
        trials.push(Trial::test(JOBS_TRIAL, move || check_jobs(&jobs_root)).with_ignored_flag(no_stage2));
        let carried_root = root.clone();
        trials.push(
            Trial::test(CARRIED_RUNTIME_TRIAL, move || check_carried_runtime(&carried_root))
                .with_ignored_flag(no_stage2),
        );
        let failing_root = root.clone();
        trials.push(
            Trial::test(FAILING_CHILD_TRIAL, move || check_failing_child(&failing_root)).with_ignored_flag(no_stage2),
        );
    }
    trials.push(Trial::test("harness::expectations", self_test_expectations));
    trials.push(Trial::test("harness::check", self_test_check));
    libtest_mimic::run(&arguments, trials).exit();
}

/// What a program says it should do, from its comments.
#[derive(Debug, Default, Clone, PartialEq)]
struct Expectations {
    stdout: Vec<String>,
    error: Option<String>,
    /// `LINE:COL` of the error, when the program pins it.
    error_at: Option<String>,
    args: Vec<String>,
    sim_args: Option<Vec<String>>,
    /// The program's standard input: each `; stdin:` line and a line break.
    stdin: Option<String>,
    /// What a program that ends normally writes to stderr, line by line.
    stderr: Vec<String>,
}

impl Expectations {
    /// The program's arguments on `engine`.
    /// The program's arguments on `engine`; `{engine}` in one is replaced
    /// by the engine's name, so that a program that writes a file can name
    /// it apart from the same program running on another engine at the
    /// same time.
    fn args_for(&self, engine: &str) -> Vec<String> {
        let args = match (&self.sim_args, engine) {
            (Some(args), "sim") => args,
            _ => &self.args,
        };
        args.iter().map(|arg| arg.replace("{engine}", engine)).collect()
    }
}

/// Collects the expectation comments. A comment may stand on its own line or
/// end a line of code (`(display 1) ; expect: 1`).
fn parse_expectations(source: &str) -> Result<Expectations, String> {
    let mut expectations = Expectations::default();
    for (index, line) in source.lines().enumerate() {
        let error = match (line.find(EXPECT_ERROR), line.find(EXPECT_ERROR_AT)) {
            (Some(at), _) => Some((None, line[at + EXPECT_ERROR.len()..].trim())),
            (None, Some(at)) => {
                let rest = &line[at + EXPECT_ERROR_AT.len()..];
                let position = error_position(rest)
                    .ok_or_else(|| format!("line {}: expected `{EXPECT_ERROR_AT}LINE:COL: TEXT`", index + 1))?;
                Some((Some(position.to_string()), rest[position.len() + 1..].trim()))
            }
            (None, None) => None,
        };
        if let Some((position, text)) = error {
            if expectations.error.is_some() {
                return Err(format!(
                    "line {}: a second `{EXPECT_ERROR}` (a program stops at its first error)",
                    index + 1
                ));
            }
            expectations.error = Some(text.to_string());
            expectations.error_at = position;
        } else if let Some(at) = line.find(EXPECT_STDERR) {
            let text = &line[at + EXPECT_STDERR.len()..];
            expectations.stderr.push(text.strip_prefix(' ').unwrap_or(text).to_string());
        } else if let Some(at) = line.find(STDIN) {
            let text = &line[at + STDIN.len()..];
            let input = expectations.stdin.get_or_insert_with(String::new);
            input.push_str(text.strip_prefix(' ').unwrap_or(text));
            input.push('\n');
        } else if let Some(at) = line.find(EXPECT) {
            let text = &line[at + EXPECT.len()..];
            expectations.stdout.push(text.strip_prefix(' ').unwrap_or(text).to_string());
        } else if let Some(at) = line.find(SIM_ARGS) {
            let args = line[at + SIM_ARGS.len()..].split_whitespace().map(str::to_string);
            expectations.sim_args.get_or_insert_with(Vec::new).extend(args);
        } else if let Some(at) = line.find(ARGS) {
            expectations.args.extend(line[at + ARGS.len()..].split_whitespace().map(str::to_string));
        }
    }
    if expectations.error.is_some() && !expectations.stderr.is_empty() {
        return Err(format!("`{EXPECT_STDERR}` and `{EXPECT_ERROR}` together: an error's stderr is its report"));
    }
    if expectations.stdout.is_empty() && expectations.error.is_none() && expectations.stderr.is_empty() {
        return Err(format!(
            "no `{EXPECT}` or `{EXPECT_ERROR}` comment: this test could never fail; add the expected output"
        ));
    }
    Ok(expectations)
}

/// The feature a native run stopped at, when it stopped at one.
fn not_native_yet(finished: &Finished) -> Option<String> {
    let first = finished.stderr.lines().next()?;
    let at = first.find(NOT_NATIVE_YET)?;
    (finished.status.code() == Some(1)).then(|| first[at + NOT_NATIVE_YET.len()..].to_string())
}

struct Finished {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

/// Whether libtest-mimic's filter and skips select the trial `name`.
fn selected(arguments: &Arguments, name: &str) -> bool {
    let matches = |pattern: &str| if arguments.exact { name == pattern } else { name.contains(pattern) };
    arguments.filter.as_deref().is_none_or(matches) && !arguments.skip.iter().any(|skip| matches(skip))
}

/// The trial that reports the bootstrap: seed -> stage1 -> stage2 -> stage3,
/// byte-identical (`utena bootstrap`, docs/bootstrap.md).
const BOOTSTRAP_TRIAL: &str = "bootstrap::fixpoint";

static BOOTSTRAP: OnceLock<Bootstrap> = OnceLock::new();

/// The toolchain carries a symbol and DWARF line rows for its own code, so
/// that gdb and addr2line name runtime-src functions and `.ut` lines: the
/// symbol of build.ut's `nb-split` starts at a row in build.ut (read back
/// by `utena inspect`, with `object` and `gimli`).
fn check_toolchain_debug_info(stage2: &Path) -> Result<(), Failed> {
    let output =
        Command::new(env!("CARGO_BIN_EXE_utena")).arg("inspect").arg(stage2).output().map_err(|e| e.to_string())?;
    let listing = String::from_utf8_lossy(&output.stdout);
    let address = listing
        .lines()
        .find(|line| line.trim_end().ends_with("function nb-split"))
        .and_then(|line| line.split_whitespace().next())
        .ok_or("stage2 has no symbol nb-split")?;
    let row = listing
        .lines()
        .find(|line| line.split_whitespace().next() == Some(address) && line.contains(".ut:"))
        .ok_or(format!("stage2 has no line row at nb-split's address {address}"))?;
    if !row.contains("native/build.ut:") {
        return Err(Failed::from(format!("nb-split's first line row is not in build.ut: {row}")));
    }
    Ok(())
}

/// The trial that builds one program with the seed and with stage2: the
/// compiler is deterministic on every engine, so the two executables are
/// the same bytes.
const SAME_BUILD_TRIAL: &str = "bootstrap::same-executable";

/// The program of [`SAME_BUILD_TRIAL`]: closures, tail calls, lists,
/// strings, vectors, records, classes, conditions, `call/cc`.
const SAME_BUILD_PROGRAM: &str = "tests/native/smoke.scm";

/// The stage2 toolchain the harness's bootstrap made.
fn bootstrapped_stage2() -> Result<PathBuf, Failed> {
    BOOTSTRAP
        .get()
        .and_then(|bootstrap| bootstrap.stage2.clone())
        .ok_or_else(|| Failed::from("no stage2 toolchain: the bootstrap failed (see bootstrap::fixpoint)"))
}

fn check_same_build(root: &Path) -> Result<(), Failed> {
    let stage2 = bootstrapped_stage2()?;
    let directory = tempfile::tempdir().map_err(|e| e.to_string())?;
    let by_seed = directory.path().join("by-seed");
    let by_stage2 = directory.path().join("by-stage2");
    // The seed's build.ut names the runtime's files by its own canonical
    // path; stage2 is given the same.
    let runtime_src = root.join("runtime-src").canonicalize().map_err(|e| e.to_string())?;
    let seed = Command::new(env!("CARGO_BIN_EXE_utena"))
        .current_dir(root)
        .env(stamp::NO_STAGE2, "1")
        .arg("build")
        .arg("--runtime-src")
        .arg(&runtime_src)
        .arg(SAME_BUILD_PROGRAM)
        .arg("-o")
        .arg(&by_seed)
        .output()
        .map_err(|e| e.to_string())?;
    let native = Command::new(&stage2)
        .current_dir(root)
        .arg("--runtime-src")
        .arg(&runtime_src)
        .arg(SAME_BUILD_PROGRAM)
        .arg(&by_stage2)
        .output()
        .map_err(|e| e.to_string())?;
    for (who, output) in [("the seed", &seed), ("stage2", &native)] {
        if !output.status.success() {
            return Err(Failed::from(format!(
                "{who} could not build {SAME_BUILD_PROGRAM} ({}):\n{}",
                output.status,
                String::from_utf8_lossy(&output.stderr)
            )));
        }
    }
    // The bootstrap's own comparison, which names the first difference.
    let compared = Command::new(env!("CARGO_BIN_EXE_utena"))
        .args(["bootstrap", "--compare"])
        .arg(&by_seed)
        .arg(&by_stage2)
        .output()
        .map_err(|e| e.to_string())?;
    if compared.status.success() {
        Ok(())
    } else {
        Err(Failed::from(format!(
            "{SAME_BUILD_PROGRAM} built by the seed and by stage2 differ ({}):\n{}{}",
            compared.status,
            String::from_utf8_lossy(&compared.stdout),
            String::from_utf8_lossy(&compared.stderr)
        )))
    }
}

/// The trial that gives stage2 a program it cannot read and an output it
/// cannot write: each is one line, `utena: ...`, and status 2, as from
/// the Rust CLI -- not a backtrace of build.ut.
const FILE_ERRORS_TRIAL: &str = "bootstrap::file-errors";

fn check_file_errors(root: &Path) -> Result<(), Failed> {
    let stage2 = bootstrapped_stage2()?;
    let directory = tempfile::tempdir().map_err(|e| e.to_string())?;
    let missing = directory.path().join("missing.scm");
    let executable = directory.path().join("out");
    let cases = [
        (missing.as_path(), executable.as_path(), "cannot read"),
        (Path::new(SAME_BUILD_PROGRAM), directory.path(), "cannot write"),
    ];
    for (program, output, wanted) in cases {
        let result = Command::new(&stage2)
            .current_dir(root)
            .arg("--runtime-src")
            .arg(root.join("runtime-src"))
            .arg("build")
            .arg(program)
            .arg("-o")
            .arg(output)
            .output()
            .map_err(|e| e.to_string())?;
        let stderr = String::from_utf8_lossy(&result.stderr);
        if result.status.code() != Some(2)
            || !stderr.starts_with("utena: ")
            || !stderr.contains(wanted)
            || stderr.lines().count() != 1
        {
            return Err(Failed::from(format!(
                "stage2 build {} -o {}: wanted status 2 and one line `utena: ...{wanted}...`, got {}:\n{stderr}",
                program.display(),
                output.display(),
                result.status
            )));
        }
    }
    Ok(())
}

/// The trial that runs stage2 by its path from a directory with no
/// `runtime-src`, without `--runtime-src`: it finds the sources of the
/// checkout it sits in, and builds a program that runs.
const FROM_ANYWHERE_TRIAL: &str = "bootstrap::from-anywhere";

fn check_from_anywhere(root: &Path) -> Result<(), Failed> {
    let stage2 = bootstrapped_stage2()?;
    let directory = tempfile::tempdir().map_err(|e| e.to_string())?;
    let built = Command::new(&stage2)
        .current_dir(directory.path())
        .arg("build")
        .arg(root.join("examples").join("hello.scm"))
        .arg("-o")
        .arg("hello")
        .output()
        .map_err(|e| e.to_string())?;
    if !built.status.success() {
        return Err(Failed::from(format!(
            "{} build examples/hello.scm from {}: {}\n{}",
            stage2.display(),
            directory.path().display(),
            built.status,
            String::from_utf8_lossy(&built.stderr)
        )));
    }
    let ran = Command::new(directory.path().join("hello")).output().map_err(|e| e.to_string())?;
    if !ran.status.success() || !String::from_utf8_lossy(&ran.stdout).contains("Hello") {
        return Err(Failed::from(format!(
            "the hello it built: {}\n{}",
            ran.status,
            String::from_utf8_lossy(&ran.stdout)
        )));
    }
    Ok(())
}

/// The trial that builds one program with stage2 assembling in one, two
/// and three processes (`--jobs N`: forked children assemble later shares
/// of the functions, build.ut's "Assembling in two processes"): the
/// executables must be the same bytes, since a child's share must not
/// depend on what the parent would have made before it. With `--jobs`
/// the program, though short, has its runtime compiled in a child too.
/// Without `--jobs` a program this small is assembled in one process.
const JOBS_TRIAL: &str = "bootstrap::jobs";

fn check_jobs(root: &Path) -> Result<(), Failed> {
    let stage2 = bootstrapped_stage2()?;
    let directory = tempfile::tempdir().map_err(|e| e.to_string())?;
    let mut built = Vec::new();
    for jobs in ["1", "2", "3", "default"] {
        let executable = directory.path().join(format!("jobs-{jobs}"));
        let output =
            timed_build(&stage2, root, &root.join("runtime-src"), jobs, Path::new(SAME_BUILD_PROGRAM), &executable)?;
        let stderr = String::from_utf8_lossy(&output.stderr);
        // --timings names the processes that assembled, so the split is
        // known to have happened.
        let alone = jobs == "1" || jobs == "default";
        let wanted = if alone { "; assembling ".to_string() } else { format!("; assembling ({jobs} processes)") };
        let split = stderr.contains("; assembling (");
        let carried = stderr.contains("; the runtime, from the other process ");
        if !output.status.success() || !stderr.contains(&wanted) || split == alone || carried == alone {
            return Err(Failed::from(format!(
                "stage2 build --jobs {jobs} {SAME_BUILD_PROGRAM}: wanted success and `{wanted}` in its timings, got {}:\n{stderr}",
                output.status
            )));
        }
        built.push((jobs, std::fs::read(&executable).map_err(|e| e.to_string())?));
    }
    same_bytes(SAME_BUILD_PROGRAM, &built)
}

/// `stage2 --runtime-src RUNTIME --timings build [--jobs JOBS] PROGRAM -o
/// EXECUTABLE` (no `--jobs` for "default"), run from `root`.
fn timed_build(
    stage2: &Path,
    root: &Path,
    runtime: &Path,
    jobs: &str,
    program: &Path,
    executable: &Path,
) -> Result<std::process::Output, Failed> {
    let mut command = Command::new(stage2);
    command.current_dir(root).arg("--runtime-src").arg(runtime).args(["--timings", "build"]);
    if jobs != "default" {
        command.args(["--jobs", jobs]);
    }
    command.arg(program).arg("-o").arg(executable).output().map_err(|e| Failed::from(e.to_string()))
}

/// Every build of `what` in `built` ((jobs, bytes) ...) is the first's bytes.
fn same_bytes(what: &str, built: &[(&str, Vec<u8>)]) -> Result<(), Failed> {
    for (jobs, bytes) in &built[1..] {
        if *bytes != built[0].1 {
            return Err(Failed::from(format!(
                "{what} built with --jobs {jobs} differs from --jobs {} ({} against {} bytes)",
                built[0].0,
                bytes.len(),
                built[0].1.len()
            )));
        }
    }
    Ok(())
}

/// The trial for the runtime compiled in a child process while the parent
/// compiles a long program (build.ut's "Compiling in two processes"): the
/// toolchain's own build.ut built by stage2 with `--jobs 1`, `--jobs 2` and
/// without `--jobs` must be the same bytes, and the timings must say the
/// runtime came from the other process with `--jobs 2`, and without
/// `--jobs` when the machine lets the process run on more than one CPU
/// (the affinity mask Rust's `available_parallelism` reads too), whose
/// count, at most 8, is the number of processes assembling. Then the
/// same with a runtime whose list
/// library makes a top-level definition by a macro, named by an uninterned
/// symbol, which a child cannot carry: the parent compiles the runtime
/// itself, and the bytes are still those of one process.
const CARRIED_RUNTIME_TRIAL: &str = "bootstrap::carried-runtime";

fn check_carried_runtime(root: &Path) -> Result<(), Failed> {
    let stage2 = bootstrapped_stage2()?;
    let directory = tempfile::tempdir().map_err(|e| e.to_string())?;
    let uncarriable = directory.path().join("runtime-src");
    copy_tree(&root.join("runtime-src"), &uncarriable);
    let lists = uncarriable.join("core").join("lists.ut");
    let mut text = std::fs::read_to_string(&lists).map_err(|e| e.to_string())?;
    text.push_str(
        "\n(define-syntax lists-hidden (syntax-rules () ((_ name v) (begin (define hidden v) (define (name) hidden)))))\n\
         (lists-hidden lists-hidden-value 5)\n",
    );
    std::fs::write(&lists, text).map_err(|e| e.to_string())?;
    let cpus = std::thread::available_parallelism().map_err(|e| e.to_string())?.get().min(8);
    for (runtime, carriable, runs) in
        [(root.join("runtime-src"), true, &["1", "2", "default"][..]), (uncarriable, false, &["1", "2"][..])]
    {
        let program = runtime.join("native").join("build.ut");
        let mut built = Vec::new();
        for &jobs in runs {
            let executable = directory.path().join(format!("toolchain-{carriable}-{jobs}"));
            let output = timed_build(&stage2, root, &runtime, jobs, &program, &executable)?;
            let stderr = String::from_utf8_lossy(&output.stderr);
            let processes = if jobs == "default" { cpus } else { jobs.parse().map_err(|_| "a count")? };
            let runtime_wanted = if processes > 1 && carriable {
                "; the runtime, from the other process "
            } else {
                "; compiling the runtime "
            };
            let assembling_wanted = if processes > 1 {
                format!("; assembling ({processes} processes)")
            } else {
                "; assembling ".to_string()
            };
            if !output.status.success() || !stderr.contains(runtime_wanted) || !stderr.contains(&assembling_wanted) {
                return Err(Failed::from(format!(
                    "stage2 build (--jobs {jobs}) {} (runtime carriable: {carriable}): wanted success, `{runtime_wanted}` and `{assembling_wanted}` in its timings, got {}:\n{stderr}",
                    program.display(),
                    output.status
                )));
            }
            built.push((jobs, std::fs::read(&executable).map_err(|e| e.to_string())?));
        }
        same_bytes(&format!("{} (runtime carriable: {carriable})", program.display()), &built)?;
    }
    Ok(())
}

/// The trial that makes the child assembling a share fail (`--fail-child`):
/// the build must stop with status 1, the child's own message and the
/// parent's line saying a process failed, and no executable.
const FAILING_CHILD_TRIAL: &str = "bootstrap::failing-child";

fn check_failing_child(root: &Path) -> Result<(), Failed> {
    let stage2 = bootstrapped_stage2()?;
    let directory = tempfile::tempdir().map_err(|e| e.to_string())?;
    let executable = directory.path().join("out");
    let output = Command::new(&stage2)
        .current_dir(root)
        .arg("--runtime-src")
        .arg(root.join("runtime-src"))
        .args(["build", "--jobs", "2", "--fail-child", SAME_BUILD_PROGRAM, "-o"])
        .arg(&executable)
        .output()
        .map_err(|e| e.to_string())?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let wanted = [
        "error: utena build: --fail-child: this child process fails, as asked",
        "utena build: a process assembling part of the functions failed: spawn: the child process failed (exit status 1)",
    ];
    if output.status.code() != Some(1)
        || wanted.iter().any(|line| !stderr.contains(line))
        || stderr.lines().last() != Some(wanted[1])
        || executable.exists()
    {
        return Err(Failed::from(format!(
            "stage2 build --fail-child: wanted status 1, {wanted:?} on stderr (the second last) and no executable; got {} (executable {}):\n{stderr}",
            output.status,
            if executable.exists() { "written" } else { "absent" }
        )));
    }
    Ok(())
}

fn check_bootstrap() -> Result<(), Failed> {
    match BOOTSTRAP.get() {
        Some(Bootstrap { stage2: Some(stage2), .. }) => check_toolchain_debug_info(stage2),
        Some(Bootstrap { report, .. }) => Err(Failed::from(format!("the bootstrap failed:\n{report}"))),
        None => Err(Failed::from("the bootstrap did not run")),
    }
}

/// The native executables of the programs, built before any test runs.
///
/// Building a program compiles the runtime library again every time;
/// `--batch` compiles it once for a list of programs and builds each as
/// `run --engine native` would (compile errors deferred to run time). The
/// builder is the bootstrap's stage2 toolchain, or build.ut on the seed
/// when there is none. The programs are split into one batch per core. A program whose build stopped has no
/// executable here and runs through `utena run --engine native` itself,
/// which reports the build's error as a user would see it.
struct Prebuilt {
    _directory: tempfile::TempDir,
    executables: HashMap<PathBuf, PathBuf>,
}

static PREBUILT: OnceLock<Prebuilt> = OnceLock::new();

fn prebuild(root: &Path, programs: &[&Path]) -> Prebuilt {
    let directory = tempfile::Builder::new().prefix("utena-suite-").tempdir().expect("a scratch directory");
    let shards = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 4).min(programs.len().max(1));
    let mut lists = vec![String::new(); shards];
    let mut executables = HashMap::new();
    for (index, program) in programs.iter().enumerate() {
        let out = directory.path().join(format!("program-{index:04}"));
        let relative = slash_path(program.strip_prefix(root).unwrap_or(program));
        lists[index % shards].push_str(&format!("{relative}\t{}\n", out.display()));
        executables.insert(program.to_path_buf(), out);
    }
    let started = Instant::now();
    let toolchain = match BOOTSTRAP.get().and_then(|bootstrap| bootstrap.stage2.as_ref()) {
        Some(stage2) => stage2.display().to_string(),
        None => "build.ut on the seed".to_string(),
    };
    eprintln!("programs harness: building {} programs natively in {shards} batches with {toolchain}", programs.len());
    let children: Vec<_> = lists
        .iter()
        .enumerate()
        .map(|(shard, list)| {
            let path = directory.path().join(format!("batch-{shard}"));
            std::fs::write(&path, list).expect("the batch list");
            let mut command = match BOOTSTRAP.get().and_then(|bootstrap| bootstrap.stage2.as_ref()) {
                // The toolchain the bootstrap made (the same build.ut, compiled).
                Some(stage2) => {
                    let mut command = Command::new(stage2);
                    command.arg("--runtime-src").arg(root.join("runtime-src")).arg("--batch");
                    command
                }
                None => {
                    let mut command = Command::new(env!("CARGO_BIN_EXE_utena"));
                    command.args(["run", "--engine", "seed", "runtime-src/native/build.ut", "--batch"]);
                    command
                }
            };
            command
                .current_dir(root)
                .arg(&path)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("the batch build starts")
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().expect("the batch build finishes");
        if !output.status.success() {
            // Whatever it built is used; the rest fall back to `utena run`.
            eprintln!(
                "programs harness: a native batch build failed ({}):\n{}",
                output.status,
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }
    eprintln!("programs harness: native builds took {:.0} s", started.elapsed().as_secs_f64());
    executables.retain(|_, out| out.exists());
    Prebuilt { _directory: directory, executables }
}

fn run_test(root: &Path, engine: &str, program: &Path) -> Result<(), Failed> {
    let source = std::fs::read_to_string(program).map_err(|e| format!("cannot read {}: {e}", program.display()))?;
    let expectations = parse_expectations(&source)?;
    let relative = slash_path(program.strip_prefix(root).unwrap_or(program));
    let prebuilt =
        (engine == "native").then(|| PREBUILT.get().and_then(|prebuilt| prebuilt.executables.get(program))).flatten();
    let command = match prebuilt {
        // As `utena run --engine native` runs it: argv[0] is the file as given.
        Some(executable) => {
            let mut command = Command::new(executable);
            command.arg0(&relative).current_dir(root).args(expectations.args_for(engine));
            command
        }
        None => {
            let mut command = Command::new(env!("CARGO_BIN_EXE_utena"));
            command.current_dir(root).args(["run", "--engine", engine, &relative]).args(expectations.args_for(engine));
            command
        }
    };
    let finished = run_with_time_limit(command, expectations.stdin.as_deref(), time_limit(engine))?;
    if engine == "native"
        && let Some(feature) = not_native_yet(&finished)
    {
        // The native back end is partial (issue 5): a program that
        // reaches what it lacks stops with this message. What it wrote
        // before must still be what the program expects, line for line.
        let written: Vec<&str> = finished.stdout.lines().collect();
        let prefix_ok = written.len() <= expectations.stdout.len()
            && written.iter().zip(&expectations.stdout).all(|(got, want)| got == want);
        if !prefix_ok {
            return Err(Failed::from(format!(
                "native stopped at `{feature}`, and its output before that differs from the expectations\n--- stdout:\n{}",
                finished.stdout
            )));
        }
        eprintln!("native::{relative}: not native yet ({feature})");
        return Ok(());
    }

    check(&relative, &expectations, &finished).map_err(|problem| {
        Failed::from(format!(
            "{problem}\n--- exit status: {}\n--- stdout:\n{}--- stderr:\n{}",
            finished.status, finished.stdout, finished.stderr
        ))
    })
}

/// Runs `command` with piped output and `input` (or nothing) as its
/// standard input, killing it after `limit`.
fn run_with_time_limit(mut command: Command, input: Option<&str>, limit: Duration) -> Result<Finished, Failed> {
    let mut child = command
        .stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", env!("CARGO_BIN_EXE_utena")))?;
    // Written on its own thread; a program that stops reading early closes
    // the pipe, and the write's error is no concern of the test.
    if let (Some(mut pipe), Some(input)) = (child.stdin.take(), input) {
        let input = input.to_string();
        std::thread::spawn(move || {
            use std::io::Write;
            let _ = pipe.write_all(input.as_bytes());
        });
    }
    // Drain both pipes on their own threads so a chatty program cannot
    // block on a full pipe while we wait for it.
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let started = Instant::now();
    let status = loop {
        match child.try_wait().map_err(|e| format!("cannot wait for the program: {e}"))? {
            Some(status) => break status,
            None if started.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("timed out after {} s (killed)", limit.as_secs()).into());
            }
            None => std::thread::sleep(Duration::from_millis(5)),
        }
    };
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    Ok(Finished { status, stdout, stderr })
}

fn drain(pipe: Option<impl Read + Send + 'static>) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// Compares a finished run with the expectations; the error says what differs.
fn check(path: &str, expectations: &Expectations, finished: &Finished) -> Result<(), String> {
    let actual: Vec<&str> = finished.stdout.lines().collect();
    if actual != expectations.stdout {
        return Err(format!("stdout differs from the `{EXPECT}` lines:\n{}", line_diff(&expectations.stdout, &actual)));
    }
    match &expectations.error {
        None => {
            if finished.status.code() != Some(0) {
                return Err(format!("expected exit status 0, got {}", finished.status));
            }
            let stderr: Vec<&str> = finished.stderr.lines().collect();
            if stderr != expectations.stderr {
                return Err(format!(
                    "stderr differs from the `{EXPECT_STDERR}` lines (none: nothing on stderr):\n{}",
                    line_diff(&expectations.stderr, &stderr)
                ));
            }
        }
        Some(text) => {
            if finished.status.code() != Some(1) {
                return Err(format!("expected exit status 1 (error: {text}), got {}", finished.status));
            }
            let first = finished.stderr.lines().next().unwrap_or("");
            match error_message(path, first) {
                Some(message) if !message.contains(text.as_str()) => {
                    return Err(format!("expected an error containing `{text}`, got `{message}`"));
                }
                Some(_) => {}
                None => {
                    return Err(format!("stderr's first line is not `{path}:LINE:COL: error: MESSAGE`: `{first}`"));
                }
            }
            if let Some(position) = &expectations.error_at {
                let reported = error_position(&first[path.len() + 1..]).unwrap_or("");
                if reported != position {
                    return Err(format!("expected the error at {position}, got it at {reported}: `{first}`"));
                }
            }
        }
    }
    Ok(())
}

/// The MESSAGE of `PATH:LINE:COL: error: MESSAGE`, if `line` has that form.
fn error_message<'a>(path: &str, line: &'a str) -> Option<&'a str> {
    let rest = line.strip_prefix(path)?.strip_prefix(':')?;
    let position = error_position(rest)?;
    rest[position.len()..].strip_prefix(": error: ")
}

/// The `LINE:COL` that `text` starts with, followed by a colon.
fn error_position(text: &str) -> Option<&str> {
    let is_number = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    let (line_number, rest) = text.split_once(':')?;
    let (column, _) = rest.split_once(':')?;
    (is_number(line_number) && is_number(column)).then(|| &text[..line_number.len() + 1 + column.len()])
}

/// Expected and actual lines side by side, marking the first difference.
fn line_diff(expected: &[String], actual: &[&str]) -> String {
    let mut text = String::new();
    let mut marked = false;
    for index in 0..expected.len().max(actual.len()) {
        let want = expected.get(index).map(String::as_str);
        let got = actual.get(index).copied();
        let marker = if want != got && !marked {
            marked = true;
            ">>"
        } else {
            "  "
        };
        let show = |line: Option<&str>| line.map_or("(no line)".to_string(), |l| format!("{l:?}"));
        text.push_str(&format!(
            "{marker} {:>4}  expected {}\n{marker}        actual   {}\n",
            index + 1,
            show(want),
            show(got)
        ));
    }
    text
}

/// The harness's own parser: comments anywhere on a line, one leading space
/// stripped, and a file without expectations rejected.
fn self_test_expectations() -> Result<(), Failed> {
    let parsed =
        parse_expectations("(display 1) ; expect: 1\n; expect:\n; args: a  b\n; sim-args: c\n; expect error: boom\n")?;
    let wanted = Expectations {
        stdout: vec!["1".to_string(), String::new()],
        error: Some("boom".to_string()),
        error_at: None,
        args: vec!["a".to_string(), "b".to_string()],
        sim_args: Some(vec!["c".to_string()]),
        stdin: None,
        stderr: Vec::new(),
    };
    if parsed != wanted {
        return Err(format!("parsed {parsed:?}, wanted {wanted:?}").into());
    }
    let pinned = parse_expectations("(car 1) ; expect error at 1:1: car: expected\n")?;
    if pinned.error.as_deref() != Some("car: expected") || pinned.error_at.as_deref() != Some("1:1") {
        return Err(format!("parsed {pinned:?} from `; expect error at 1:1: car: expected`").into());
    }
    if parse_expectations("; expect error at 1: boom\n").is_ok() {
        return Err("`; expect error at` without a column was accepted".into());
    }
    if parsed.args_for("seed") != ["a", "b"] || parsed.args_for("sim") != ["c"] {
        return Err("`; sim-args:` must apply to the simulator only".into());
    }
    let named = parse_expectations("; args: out-{engine}.tmp\n; expect: x\n")?;
    if named.args_for("native") != ["out-native.tmp"] {
        return Err(format!("`{{engine}}` in `; args:` gave {:?} on native", named.args_for("native")).into());
    }
    if parse_expectations("(display 1)\n; args: x\n").is_ok() {
        return Err("a file without expectations was accepted".into());
    }
    let io = parse_expectations("; stdin: a b\n; stdin:\n; expect stderr: oops\n")?;
    if io.stdin.as_deref() != Some("a b\n\n") || io.stderr != ["oops"] {
        return Err(format!("parsed {io:?} from `; stdin:` and `; expect stderr:` lines").into());
    }
    if parse_expectations("; expect stderr: x\n; expect error: y\n").is_ok() {
        return Err("`; expect stderr:` beside `; expect error:` was accepted".into());
    }
    Ok(())
}

/// The harness's own comparison: it must reject every kind of wrong run.
fn self_test_check() -> Result<(), Failed> {
    use std::os::unix::process::ExitStatusExt;
    let run = |code: i32, stdout: &str, stderr: &str| Finished {
        status: ExitStatus::from_raw(code << 8),
        stdout: stdout.to_string(),
        stderr: stderr.to_string(),
    };
    let output = Expectations { stdout: vec!["1".to_string()], ..Expectations::default() };
    let error = Expectations { error: Some("boom".to_string()), ..output.clone() };
    let pinned = Expectations { error_at: Some("3:7".to_string()), ..error.clone() };
    let warned = Expectations { stderr: vec!["warning".to_string()], ..output.clone() };
    let report = "p.scm:3:7: error: big boom\n  in f at p.scm:3:7\n";
    let cases = [
        (&output, run(0, "1\n", ""), true),
        (&output, run(0, "1", ""), true),
        (&output, run(0, "2\n", ""), false),
        (&output, run(0, "1\n1\n", ""), false),
        (&output, run(3, "1\n", ""), false),
        (&output, run(0, "1\n", "warning\n"), false),
        (&error, run(1, "1\n", report), true),
        (&error, run(0, "1\n", report), false),
        (&error, run(1, "1\n", "q.scm:3:7: error: boom\n"), false),
        (&error, run(1, "1\n", "p.scm:3: error: boom\n"), false),
        (&error, run(1, "1\n", "p.scm:3:7: error: bang\n"), false),
        (&error, run(1, "", report), false),
        (&pinned, run(1, "1\n", report), true),
        (&pinned, run(1, "1\n", "p.scm:3:8: error: boom\n"), false),
        (&pinned, run(1, "1\n", "p.scm:13:7: error: boom\n"), false),
        (&warned, run(0, "1\n", "warning\n"), true),
        (&warned, run(0, "1\n", ""), false),
        (&warned, run(0, "1\n", "warning\nmore\n"), false),
    ];
    for (index, (expectations, finished, should_pass)) in cases.iter().enumerate() {
        if check("p.scm", expectations, finished).is_ok() != *should_pass {
            return Err(format!("case {index}: check gave the wrong verdict").into());
        }
    }
    Ok(())
}

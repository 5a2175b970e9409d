//! Helpers shared by the integration tests of the `utena` crate: where the
//! repository is, which files a test walks, and how paths are shown.
// Each test binary includes this module and uses a different part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// The stage2 stamp's rule (`tools/src/stamp.rs` itself, not a copy).
#[path = "../../src/stamp.rs"]
pub mod stamp;

/// The repository root (the parent of `tools/`).
pub fn workspace_root() -> PathBuf {
    let tools = Path::new(env!("CARGO_MANIFEST_DIR"));
    tools.parent().unwrap_or(tools).to_path_buf()
}

/// Every file below `dir` whose extension is one of `extensions`, sorted,
/// so tests run and report in the same order on every machine.
pub fn files_under(dir: &Path, extensions: &[&str]) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.contains(&e)) {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// A copy of the directory tree `from` at `to` (a scratch runtime-src
/// that a test changes).
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a directory");
    for entry in std::fs::read_dir(from).expect("a directory listing") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a file type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("a copy");
        }
    }
}

/// A path with `/` separators, as test names and reports show it.
pub fn slash_path(path: &Path) -> String {
    path.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// The finished `utena run --engine seed PROGRAM ARGS…`, run from the
/// repository root (PROGRAM relative to it): the seed, which every other
/// engine's output is compared with, and which runs the tools written in
/// Utena (generators, checkers) at once, with nothing to build first.
pub fn utena_run_output(program: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_utena"))
        .current_dir(workspace_root())
        .args(["run", "--engine", "seed"])
        .arg(program)
        .args(args)
        .output()
        .unwrap_or_else(|error| panic!("cannot run {}: {error}", env!("CARGO_BIN_EXE_utena")))
}

/// The standard output of `utena run --engine seed PROGRAM ARGS…`, which must exit 0 and
/// print nothing on stderr; otherwise the test fails with the whole report.
pub fn utena_run(program: &str, args: &[&str]) -> String {
    let output = utena_run_output(program, args);
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        output.status.success() && stderr.is_empty(),
        "`utena run --engine seed {program} {}` failed (from the workspace root)\n\
         --- exit status: {}\n--- stdout:\n{stdout}--- stderr:\n{stderr}",
        args.join(" "),
        output.status,
    );
    stdout
}

/// The environment variable that makes a doc-freshness check rewrite the
/// doc instead of failing.
pub const UPDATE_DOCS: &str = "UTENA_UPDATE_DOCS";

/// Checks that the committed `doc` (relative to the root) is exactly what
/// `generator` printed (`generated`); with `UTENA_UPDATE_DOCS` set, writes
/// it instead. `test` names the test binary, for the regeneration command.
pub fn check_generated_doc(doc: &str, generator: &str, generated: &str, test: &str) {
    let doc_path = workspace_root().join(doc);
    if std::env::var_os(UPDATE_DOCS).is_some() {
        std::fs::write(&doc_path, generated).unwrap_or_else(|error| panic!("cannot write {doc}: {error}"));
        return;
    }
    let committed = std::fs::read_to_string(&doc_path).unwrap_or_default();
    if committed != generated {
        let line = committed.lines().zip(generated.lines()).position(|(a, b)| a != b);
        let line = line.unwrap_or_else(|| committed.lines().count().min(generated.lines().count()));
        panic!(
            "{doc} is stale: it is not what {generator} prints (first difference at line {}).\n\
             Regenerate it and commit it with the change to its source:\n    \
             {UPDATE_DOCS}=1 cargo test --release -p utena --test {test}\n\
             --- {doc} has:\n{}\n--- the generator prints:\n{}",
            line + 1,
            committed.lines().nth(line).unwrap_or("(end of file)"),
            generated.lines().nth(line).unwrap_or("(end of output)"),
        );
    }
}

/// The outcome of `utena bootstrap`, run once before any test that builds
/// native code: the stage2 toolchain when the fixpoint held, and the
/// command's report.
pub struct Bootstrap {
    pub stage2: Option<PathBuf>,
    pub report: String,
}

/// Runs the whole bootstrap into the workspace's `target/`; native builds
/// are then made by its stage2, the toolchain Utena compiled (`utena build`
/// and `utena run` use it by the stamp's rule). A stage2 whose stamp
/// matches the sources is kept: the stamp is written only at a fixpoint of
/// exactly these sources (a clean checkout, as in CI, has none, so there
/// the first harness that needs it bootstraps, and the next keeps it).
/// `harness` names the caller in what it prints on stderr.
pub fn bootstrap(root: &Path, harness: &str) -> Bootstrap {
    if stamp::stage2_disabled() {
        return Bootstrap { stage2: None, report: format!("{} is set: no bootstrap", stamp::NO_STAGE2) };
    }
    if let Some(stage2) = stamp::fresh_stage2(&root.join("runtime-src")) {
        let report = format!("{} is stamped with the current sources: its fixpoint holds", stage2.display());
        eprintln!("{harness}: {report}");
        return Bootstrap { stage2: Some(stage2), report };
    }
    let out = root.join("target");
    eprintln!("{harness}: bootstrapping (utena bootstrap --out {})", out.display());
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_utena"))
        .current_dir(root)
        .arg("bootstrap")
        .arg("--out")
        .arg(&out)
        .stdin(Stdio::null())
        .output();
    let (success, report) = match output {
        Ok(output) => (
            output.status.success(),
            format!(
                "utena bootstrap: {}\n{}{}",
                output.status,
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            ),
        ),
        Err(error) => (false, format!("utena bootstrap did not start: {error}")),
    };
    eprintln!("{report}");
    eprintln!("{harness}: the bootstrap took {:.0} s", started.elapsed().as_secs_f64());
    let stage2 = out.join("stage2").join("utena");
    Bootstrap { stage2: (success && stage2.is_file()).then_some(stage2), report }
}

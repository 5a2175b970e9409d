//! The documentation harness: every ```` ```scheme ```` example under `docs/`
//! is a test.
//!
//! Purpose: keep the language reference (and every other page in `docs/`)
//! true to the implementation: an example whose written output is not what
//! `utena` prints fails the suite.
//!
//! Design:
//! 1. Find every Markdown file under `docs/`, sorted, and split it into
//!    fenced code blocks (backticks or tildes, any indentation).
//! 2. Each ```` ```scheme ```` block is a complete program and one test named
//!    `FILE:LINE`, the line of its opening fence, e.g. `docs/language.md:61`
//!    (so `-- docs/language.md:` runs one page).
//! 3. Its expectation is one of:
//!    - a transcript: the next block follows with only blank lines between,
//!      is ```` ```text ````, and its first line starts with `$ `. The program
//!      is written into a fresh directory under the name the first
//!      `utena run … FILE.scm …` command gives it (`prog.scm` otherwise); one
//!      `bash` runs the `$ ` lines in order there, with `utena`'s directory
//!      first on `PATH`; its standard output and error, merged into one
//!      stream, must equal the transcript's other lines exactly. Exit
//!      statuses are not checked (a transcript shows them with `echo $?`);
//!    - otherwise the `; ⇒ TEXT` comments in the program, in order (one space
//!      after `⇒` is dropped): `utena run prog.scm` in a fresh directory must
//!      print exactly those lines, exit with status 0 and write nothing on
//!      standard error.
//! 4. libtest-mimic runs the tests on parallel threads; each run is killed
//!    (its whole process group) after [`TIME_LIMIT`].
//! 5. `utena run`'s default engine is native, so every example is built to
//!    an executable and run, as a reader trying it would see it. First the
//!    harness makes sure the stage2 toolchain is fresh (`utena bootstrap`
//!    unless its stamp matches the sources: the bootstrap the programs
//!    harness would otherwise run), so that each build takes seconds; the
//!    trial `harness::native_toolchain` fails if the bootstrap did.
//!
//! Invariant: an example can fail. A ```` ```scheme ```` block with neither
//! `; ⇒` lines nor a transcript fails, unless its info string marks it
//! ```` ```scheme untested ````: a syntax template or a file in another
//! format, which is not a program with a documented output.
//!
//! Not done here: other engines (`utena run` uses its default, native; the
//! programs harness, `programs.rs`, holds every engine to its expectations), and
//! Markdown beyond fenced blocks (indented code blocks are never examples).

use std::ffi::OsString;
use std::io::{PipeReader, Read};
use std::os::unix::process::CommandExt;
use std::path::{Component, Path};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use libtest_mimic::{Arguments, Failed, Trial};

mod common;
use common::{files_under, slash_path, workspace_root};

/// How long one example may run before it is killed and its test fails.
const TIME_LIMIT: Duration = Duration::from_secs(60);

/// The file an example is written to, unless its transcript names another.
const DEFAULT_PROGRAM: &str = "prog.scm";

/// The info-string word that exempts a ```` ```scheme ```` block.
const UNTESTED: &str = "untested";

const MISSING: &str = "this ```scheme block has no `; ⇒` line and no ```text transcript after it, so it could never \
                       fail: write its expected output (docs/testing.md), or mark a block that is not a program \
                       ```scheme untested";

fn main() {
    let arguments = Arguments::from_args();
    let root = workspace_root();
    let pages = match files_under(&root.join("docs"), &["md"]) {
        Ok(pages) => pages,
        Err(error) => {
            eprintln!("doc examples harness: cannot list docs/: {error}");
            std::process::exit(2);
        }
    };
    let mut trials = Vec::new();
    if !arguments.list {
        // `utena run` compiles natively by default: with the stage2
        // toolchain (bootstrapped here unless fresh) that takes seconds.
        let bootstrap = common::bootstrap(&root, "doc examples harness");
        let disabled = common::stamp::stage2_disabled();
        trials.push(
            Trial::test("harness::native_toolchain", move || match bootstrap.stage2 {
                Some(_) => Ok(()),
                None => {
                    Err(format!("no stage2 toolchain, so every example builds on the seed:\n{}", bootstrap.report)
                        .into())
                }
            })
            .with_ignored_flag(disabled),
        );
    }
    for page in &pages {
        let name = slash_path(page.strip_prefix(&root).unwrap_or(page));
        trials.extend(page_trials(&name, page));
    }
    if trials.is_empty() {
        trials.push(Trial::test("harness::found", || Err("no ```scheme example found under docs/".into())));
    }
    trials.push(Trial::test("harness::examples", self_test_examples));
    trials.push(Trial::test("harness::verdicts", self_test_verdicts));
    trials.push(Trial::test("harness::merged_output", self_test_merged_output));
    libtest_mimic::run(&arguments, trials).exit();
}

/// One test per example of the page `name`, or one failing test if the page
/// cannot be read or split into blocks.
fn page_trials(name: &str, page: &Path) -> Vec<Trial> {
    let text = match std::fs::read_to_string(page) {
        Ok(text) => text,
        Err(error) => return vec![failing_trial(name.to_string(), format!("{name}: cannot read: {error}"))],
    };
    match examples(&text) {
        Ok(examples) => examples.into_iter().map(|example| example_trial(name, example)).collect(),
        Err(problem) => vec![failing_trial(name.to_string(), format!("{name}:{}: {}", problem.line, problem.message))],
    }
}

fn failing_trial(name: String, message: String) -> Trial {
    Trial::test(name, move || Err(message.into()))
}

fn example_trial(page: &str, example: Example) -> Trial {
    let name = format!("{page}:{}", example.line);
    Trial::test(name.clone(), move || run_example(&example).map_err(|problem| format!("{name}: {problem}").into()))
}

// ---------------------------------------------------------------------------
// Finding the examples.

/// A fenced code block: its info string, the 0-based line indices of its
/// fences, and its lines with the fence's indentation removed.
struct Block<'a> {
    info: &'a str,
    open: usize,
    close: usize,
    body: Vec<&'a str>,
}

/// An opening fence: `indent` spaces, then `length` (at least 3) of `marker`.
struct Fence<'a> {
    indent: usize,
    marker: char,
    length: usize,
    info: &'a str,
}

#[derive(Debug, PartialEq)]
struct ParseError {
    line: usize,
    message: String,
}

/// A ```` ```scheme ```` block and what it must do.
#[derive(Debug, PartialEq)]
struct Example {
    /// The 1-based line of the opening fence.
    line: usize,
    program: String,
    expectation: Expectation,
}

#[derive(Debug, PartialEq)]
enum Expectation {
    /// The `; ⇒` lines, each ended by a newline: the whole standard output.
    Stdout(String),
    Transcript(Transcript),
    /// Neither `; ⇒` lines nor a transcript: the example could never fail.
    Missing,
}

#[derive(Debug, PartialEq)]
struct Transcript {
    /// The name the program is written under.
    file_name: String,
    /// The `$ ` lines without their prompt, each ended by a newline.
    script: String,
    /// The other lines, each ended by a newline.
    output: String,
}

/// Every ```` ```scheme ```` block of a Markdown page, except the untested.
fn examples(text: &str) -> Result<Vec<Example>, ParseError> {
    let lines: Vec<&str> = text.lines().collect();
    let blocks = fenced_blocks(&lines)?;
    let mut examples = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        let mut words = block.info.split_whitespace();
        if words.next() != Some("scheme") || words.any(|word| word == UNTESTED) {
            continue;
        }
        let adjacent = |next: &&Block| lines[block.close + 1..next.open].iter().all(|line| line.trim().is_empty());
        let expectation = match blocks.get(index + 1).filter(adjacent).and_then(transcript) {
            Some(transcript) => Expectation::Transcript(transcript),
            None => stdout_expectation(&block.body),
        };
        let program = block.body.iter().map(|line| format!("{line}\n")).collect();
        examples.push(Example { line: block.open + 1, program, expectation });
    }
    Ok(examples)
}

fn fenced_blocks<'a>(lines: &[&'a str]) -> Result<Vec<Block<'a>>, ParseError> {
    let mut blocks = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let Some(fence) = opening_fence(lines[index]) else {
            index += 1;
            continue;
        };
        let close = (index + 1..lines.len())
            .find(|&at| fence.is_closed_by(lines[at]))
            .ok_or_else(|| ParseError { line: index + 1, message: "this code block is never closed".to_string() })?;
        let body = lines[index + 1..close].iter().map(|line| fence.dedent(line)).collect();
        blocks.push(Block { info: fence.info, open: index, close, body });
        index = close + 1;
    }
    Ok(blocks)
}

fn opening_fence(line: &str) -> Option<Fence<'_>> {
    let trimmed = line.trim_start_matches(' ');
    let marker = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let length = trimmed.chars().take_while(|c| *c == marker).count();
    // The marker is ASCII, so `length` counts bytes too.
    let info = trimmed[length..].trim();
    if length < 3 || (marker == '`' && info.contains('`')) {
        return None;
    }
    Some(Fence { indent: line.len() - trimmed.len(), marker, length, info })
}

impl Fence<'_> {
    fn is_closed_by(&self, line: &str) -> bool {
        let trimmed = line.trim_start_matches(' ');
        let length = trimmed.chars().take_while(|c| *c == self.marker).count();
        length >= self.length && trimmed[length..].trim().is_empty()
    }

    fn dedent<'a>(&self, line: &'a str) -> &'a str {
        let spaces = line.len() - line.trim_start_matches(' ').len();
        &line[spaces.min(self.indent)..]
    }
}

/// The block as a transcript, if it is a ```` ```text ```` block whose first
/// line is a `$ ` command.
fn transcript(block: &Block) -> Option<Transcript> {
    if block.info != "text" || !block.body.first()?.starts_with("$ ") {
        return None;
    }
    let mut file_name = None;
    let (mut script, mut output) = (String::new(), String::new());
    for line in &block.body {
        match line.strip_prefix("$ ") {
            Some(command) => {
                file_name = file_name.or_else(|| program_argument(command));
                script.push_str(command);
                script.push('\n');
            }
            None => {
                output.push_str(line);
                output.push('\n');
            }
        }
    }
    Some(Transcript { file_name: file_name.unwrap_or(DEFAULT_PROGRAM).to_string(), script, output })
}

/// The program file a `utena run …` command names: its first argument that
/// ends in `.scm` or `.ut`.
fn program_argument(command: &str) -> Option<&str> {
    let arguments = command.strip_prefix("utena run ")?;
    arguments.split_whitespace().find(|word| word.ends_with(".scm") || word.ends_with(".ut"))
}

fn stdout_expectation(program: &[&str]) -> Expectation {
    let lines: Vec<&str> = program.iter().filter_map(|line| expected_line(line)).collect();
    if lines.is_empty() {
        return Expectation::Missing;
    }
    Expectation::Stdout(lines.iter().map(|line| format!("{line}\n")).collect())
}

/// The TEXT of a `; ⇒ TEXT` comment (`;⇒` and extra spaces before `⇒` too).
fn expected_line(line: &str) -> Option<&str> {
    let text = line.match_indices(';').find_map(|(at, _)| line[at + 1..].trim_start().strip_prefix('⇒'))?;
    Some(text.strip_prefix(' ').unwrap_or(text))
}

// ---------------------------------------------------------------------------
// Running the examples.

fn run_example(example: &Example) -> Result<(), String> {
    if example.expectation == Expectation::Missing {
        return Err(MISSING.to_string());
    }
    let directory = tempfile::Builder::new()
        .prefix("utena-doc-example-")
        .tempdir()
        .map_err(|error| format!("cannot make a scratch directory: {error}"))?;
    match &example.expectation {
        Expectation::Stdout(expected) => run_program(directory.path(), &example.program, expected),
        Expectation::Transcript(transcript) => run_transcript(directory.path(), &example.program, transcript),
        Expectation::Missing => Err(MISSING.to_string()),
    }
}

fn run_program(directory: &Path, program: &str, expected: &str) -> Result<(), String> {
    write_program(directory, DEFAULT_PROGRAM, program)?;
    let mut command = Command::new(env!("CARGO_BIN_EXE_utena"));
    command.current_dir(directory).args(["run", DEFAULT_PROGRAM]);
    check_program(expected, &run_with_time_limit(command, Streams::Separate)?)
}

/// Whether `utena run prog.scm` did what the `; ⇒` lines say.
fn check_program(expected: &str, finished: &Finished) -> Result<(), String> {
    if finished.stdout == expected && finished.status.success() && finished.stderr.is_empty() {
        return Ok(());
    }
    let stderr = if finished.stderr.is_empty() { " (empty)\n" } else { ":\n" };
    Err(format!(
        "`utena run {DEFAULT_PROGRAM}` must print the `; ⇒` lines, exit with status 0 and write nothing on \
         stderr\n{}--- {}\n--- stderr{stderr}{}",
        compare(expected, &finished.stdout),
        finished.status,
        finished.stderr
    ))
}

fn run_transcript(directory: &Path, program: &str, transcript: &Transcript) -> Result<(), String> {
    write_program(directory, &transcript.file_name, program)?;
    let mut command = Command::new("bash");
    command.current_dir(directory).env("PATH", search_path()?).env_remove("BASH_ENV").args(["-c", &transcript.script]);
    let finished = run_with_time_limit(command, Streams::Merged)?;
    if finished.stdout == transcript.output {
        return Ok(());
    }
    let commands: String = transcript.script.lines().map(|command| format!("$ {command}\n")).collect();
    Err(format!(
        "the transcript's output differs (bash ran these in a fresh directory holding {}):\n{commands}{}",
        transcript.file_name,
        compare(&transcript.output, &finished.stdout)
    ))
}

/// Writes the program under `name`, which must stay inside `directory`.
fn write_program(directory: &Path, name: &str, program: &str) -> Result<(), String> {
    let relative = Path::new(name);
    if !relative.components().all(|component| matches!(component, Component::Normal(_))) {
        return Err(format!("the transcript's program name {name} must be a relative path without `..`"));
    }
    let path = directory.join(relative);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|error| format!("cannot make {}: {error}", parent.display()))?;
    }
    std::fs::write(&path, program).map_err(|error| format!("cannot write {}: {error}", path.display()))
}

/// `PATH` with the directory of the `utena` under test first.
fn search_path() -> Result<OsString, String> {
    let binary = Path::new(env!("CARGO_BIN_EXE_utena"));
    let inherited = std::env::var_os("PATH").unwrap_or_default();
    let directories = binary.parent().map(Path::to_path_buf).into_iter().chain(std::env::split_paths(&inherited));
    std::env::join_paths(directories).map_err(|error| format!("cannot build PATH: {error}"))
}

/// Expected and actual output in full, then the first line that differs.
fn compare(expected: &str, actual: &str) -> String {
    let mut expected_lines = expected.split_inclusive('\n');
    let mut actual_lines = actual.split_inclusive('\n');
    let mut number = 1;
    let difference = loop {
        match (expected_lines.next(), actual_lines.next()) {
            (None, None) => break "none".to_string(),
            (want, got) if want != got => {
                let show = |line: Option<&str>| line.map_or("(end of output)".to_string(), |line| format!("{line:?}"));
                break format!("line {number}: expected {}, actual {}", show(want), show(got));
            }
            _ => number += 1,
        }
    };
    let end = if actual.is_empty() || actual.ends_with('\n') { "" } else { "\n" };
    format!("--- expected:\n{expected}--- actual:\n{actual}{end}--- first difference: {difference}\n")
}

/// How a child's standard error is collected.
#[derive(Clone, Copy)]
enum Streams {
    /// Apart from standard output, in [`Finished::stderr`].
    Separate,
    /// Into the same pipe as standard output, as a terminal would show them.
    Merged,
}

struct Finished {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

/// Runs `command` in a process group of its own, killing the group after
/// [`TIME_LIMIT`].
fn run_with_time_limit(mut command: Command, streams: Streams) -> Result<Finished, String> {
    let pipe_error = |error: std::io::Error| format!("cannot make a pipe: {error}");
    let (stdout_reader, stdout_writer) = std::io::pipe().map_err(pipe_error)?;
    let (stderr_reader, stderr_writer) = match streams {
        Streams::Merged => (None, stdout_writer.try_clone().map_err(pipe_error)?),
        Streams::Separate => std::io::pipe().map(|(reader, writer)| (Some(reader), writer)).map_err(pipe_error)?,
    };
    command.stdin(Stdio::null()).stdout(stdout_writer).stderr(stderr_writer).process_group(0);
    let program = command.get_program().to_string_lossy().into_owned();
    let mut child = command.spawn().map_err(|error| format!("cannot start {program}: {error}"))?;
    // The command still holds the pipes' write ends: drop it, or the readers
    // would never see the end of the output.
    drop(command);
    // Drain both pipes on their own threads so a chatty program cannot block
    // on a full pipe while we wait for it.
    let stdout = drain(Some(stdout_reader));
    let stderr = drain(stderr_reader);
    let status = wait_with_time_limit(&mut child)?;
    Ok(Finished { status, stdout: stdout.join().unwrap_or_default(), stderr: stderr.join().unwrap_or_default() })
}

fn wait_with_time_limit(child: &mut Child) -> Result<ExitStatus, String> {
    let started = Instant::now();
    loop {
        match child.try_wait().map_err(|error| format!("cannot wait for the example: {error}"))? {
            Some(status) => return Ok(status),
            None if started.elapsed() > TIME_LIMIT => {
                // The group's id is the child's: `process_group(0)`. Killing
                // the group also stops what a transcript's bash started.
                let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", child.id())]).status();
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("timed out after {} s (killed)", TIME_LIMIT.as_secs()));
            }
            None => std::thread::sleep(Duration::from_millis(5)),
        }
    }
}

fn drain(pipe: Option<PipeReader>) -> JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

// ---------------------------------------------------------------------------
// The harness's own tests.

/// The block rules: `; ⇒` spellings, a transcript only directly after its
/// program, `untested`, indented and longer fences, an unclosed fence.
fn self_test_examples() -> Result<(), Failed> {
    let page = r#"Text.

```scheme
(display 1) ; ⇒ 1
(newline)   ;⇒  two spaces
```

```scheme
(car '())
```

```text
$ utena run --engine seed demo.scm a b
demo.scm:1:1: error: car: expected a pair, got ()
$ echo $?
1
```

```scheme
(display 2)
```
A paragraph, so the next block is not its transcript.
```text
$ utena run prog.scm
```

```scheme untested
(%define-syntax name transformer-expression)
```

  ````scheme
  (display "```") ; ⇒ ```
  ````
"#;
    let stdout = |text: &str| Expectation::Stdout(text.to_string());
    let wanted = vec![
        Example {
            line: 3,
            program: "(display 1) ; ⇒ 1\n(newline)   ;⇒  two spaces\n".into(),
            expectation: stdout("1\n two spaces\n"),
        },
        Example {
            line: 8,
            program: "(car '())\n".into(),
            expectation: Expectation::Transcript(Transcript {
                file_name: "demo.scm".into(),
                script: "utena run --engine seed demo.scm a b\necho $?\n".into(),
                output: "demo.scm:1:1: error: car: expected a pair, got ()\n1\n".into(),
            }),
        },
        Example { line: 19, program: "(display 2)\n".into(), expectation: Expectation::Missing },
        Example { line: 31, program: "(display \"```\") ; ⇒ ```\n".into(), expectation: stdout("```\n") },
    ];
    let found = examples(page).map_err(|problem| format!("{problem:?}"))?;
    if found != wanted {
        return Err(format!("found {found:#?}\nwanted {wanted:#?}").into());
    }
    match examples("text\n```scheme\n(display 1) ; ⇒ 1\n") {
        Err(ParseError { line: 2, .. }) => Ok(()),
        other => Err(format!("an unclosed fence gave {other:?}").into()),
    }
}

/// The verdict on `utena run prog.scm`: it must reject every kind of wrong run.
fn self_test_verdicts() -> Result<(), Failed> {
    use std::os::unix::process::ExitStatusExt;
    let run = |code: i32, stdout: &str, stderr: &str| Finished {
        status: ExitStatus::from_raw(code << 8),
        stdout: stdout.to_string(),
        stderr: stderr.to_string(),
    };
    let cases = [
        (run(0, "1\n2\n", ""), true),
        (run(0, "1\n2", ""), false),
        (run(0, "1\n", ""), false),
        (run(0, "1\n2\n3\n", ""), false),
        (run(1, "1\n2\n", ""), false),
        (run(0, "1\n2\n", "warning\n"), false),
    ];
    for (index, (finished, should_pass)) in cases.iter().enumerate() {
        if check_program("1\n2\n", finished).is_ok() != *should_pass {
            return Err(format!("case {index}: check_program gave the wrong verdict").into());
        }
    }
    Ok(())
}

/// A transcript sees standard output and error in the order they were written.
fn self_test_merged_output() -> Result<(), Failed> {
    let mut command = Command::new("bash");
    command.args(["-c", "echo one; echo two >&2; echo three"]);
    let finished = run_with_time_limit(command, Streams::Merged)?;
    if finished.stdout != "one\ntwo\nthree\n" || !finished.status.success() {
        return Err(format!("merged output {:?}, status {}", finished.stdout, finished.status).into());
    }
    Ok(())
}

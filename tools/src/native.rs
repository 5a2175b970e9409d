//! `utena build FILE [-o OUT]` and `utena run --engine native FILE`: a
//! program compiled to a static x86-64 executable, written or run.
//!
//! Purpose: give the native back end in Utena (`runtime-src/native/build.ut`,
//! which compiles a program and writes the executable with
//! `runtime-src/image/elf.ut`) one command to write an executable and one
//! engine to run a program through it, without the user knowing where that
//! source lives.
//!
//! Design:
//! 1. The back end is Utena source: `native/build.ut` runs on the seed, as
//!    `sim.rs` runs `sim/main.ut`, with `FILE OUT` as its arguments.
//!    `runtime-src` is found as for `disasm` (`--runtime-src`,
//!    `$UTENA_RUNTIME_SRC`, else the tree utena was built from).
//! 2. Its contract: it writes OUT and exits 0, or prints
//!    `FILE:LINE:COL: error: …` on stderr and exits 1. Its stdout, stderr
//!    and exit status are passed through. An error in `build.ut` itself (the
//!    seed's report) is a driver failure, status 2, as for the simulator; so
//!    is a status 0 with no OUT written.
//! 3. Before the seed starts, FILE must be readable (the error `run` gives)
//!    and OUT writable: a directory, a missing directory or a read-only file
//!    is `utena: error: cannot write OUT: …` (status 2) at once, not after
//!    the compiler has run. OUT is by default FILE's stem in the current
//!    directory, and never FILE itself.
//! 4. `run --engine native` builds into a fresh temporary directory (removed
//!    afterwards), then runs the executable with the program's arguments,
//!    the file name as given as its `argv[0]` (what `(command-line)` starts
//!    with on the seed), and stdin, stdout and stderr inherited. The
//!    program's status is utena's; a program killed by signal N is
//!    `utena: the native program was killed by signal N` and 128+N (SIGPIPE,
//!    a closed output pipe, quietly, as `run` does on every engine). A
//!    build's stdout goes to stderr when the build succeeds, so that the
//!    program's output is the program's alone; a failed build's goes to
//!    stdout, as `utena build` would print it.
//! 5. Executing a file just written can fail with ETXTBSY while a fork of
//!    another thread still holds a descriptor to it (`../shared/NOTES-toolchain.md`):
//!    the exec is retried for about a second.
//! 6. `utena run` compiles natively by default; when that is the seed path
//!    and stderr is a terminal, a one-line note says it takes tens of
//!    seconds and how to avoid it (never in a pipe, where it would be mixed
//!    with the program's errors).
//! 7. The fast path: when `utena bootstrap` has left a native toolchain
//!    built from these very sources (`stamp.rs`'s rule: `<runtime-src>/../
//!    target/stage2/utena` with a stamp matching runtime-src; not when
//!    `UTENA_NO_STAGE2` is set), that executable runs the build as a child
//!    process, `--runtime-src DIR` then the same arguments, instead of the
//!    seed: the same executable, sooner (docs/bootstrap.md). Its output and
//!    status are handled as in step 2 (its stderr is inherited); killed by a
//!    signal, it is a driver failure.
//!
//! Not done here: compiling anything. This is a driver; `utena disasm
//! --native` (`native_disasm.rs`) reads the executables back.

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, ExitStatus, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context, bail};

use crate::disasm::find_runtime_program;
use crate::stamp;
use crate::{DRIVER_FAILURE, exit_code, read_source};

/// The back end's driver, relative to `runtime-src`.
pub const BUILD: &str = "native/build.ut";

/// ETXTBSY: the file to execute is still open for writing somewhere.
const TEXT_FILE_BUSY: i32 = 26;

/// SIGPIPE: the program's output was a pipe that was closed.
const SIGPIPE: i32 = 13;

/// Where a build's standard output goes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum BuildOutput {
    /// Straight to utena's stdout (`utena build`).
    Stdout,
    /// Collected; to stdout if the build fails, else to stderr (a build
    /// before running or listing the executable).
    Aside,
}

/// What a build did.
pub enum Built {
    /// The executable, written.
    Written(PathBuf),
    /// The build refused the program (its report is printed): this status.
    Failed(ExitCode),
}

/// What `utena build` passes on to build.ut besides the file: the heap's
/// size in MiB (`--heap-mib`; build.ut's default when `None`), lazy
/// allocation (`--lazy`) and the processes a native toolchain compiles and
/// assembles in (`--jobs`; its default when `None`).
#[derive(Clone, Copy, Debug, Default)]
pub struct BuildOptions {
    pub heap_mib: Option<u32>,
    pub lazy: bool,
    pub jobs: Option<u32>,
}

/// `utena build`: writes the executable, or passes the back end's refusal on.
pub fn build_command(
    file: &Path,
    output: Option<PathBuf>,
    options: BuildOptions,
    runtime_src: Option<PathBuf>,
) -> anyhow::Result<ExitCode> {
    let out = match output {
        Some(out) => out,
        None => default_output(file)?,
    };
    match build_with(file, &out, runtime_src, BuildOutput::Stdout, options)? {
        Built::Written(_) => Ok(ExitCode::SUCCESS),
        Built::Failed(status) => Ok(status),
    }
}

/// `utena run --engine native`: the program's exit status.
pub fn run(file: &Path, args: Vec<String>, runtime_src: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let directory = temporary_directory()?;
    let out = directory.path().join(executable_name(file));
    let executable = match build(file, &out, runtime_src, BuildOutput::Aside)? {
        Built::Written(executable) => executable,
        Built::Failed(status) => return Ok(status),
    };
    let mut command = Command::new(&executable);
    command.arg0(file.as_os_str()).args(args);
    let status = status_retrying(&mut command)
        .with_context(|| format!("cannot run the native program built from {}", file.display()))?;
    drop(directory);
    Ok(program_status(status))
}

/// A fresh directory for an executable utena builds only to use once.
pub fn temporary_directory() -> anyhow::Result<tempfile::TempDir> {
    tempfile::Builder::new().prefix("utena-native-").tempdir().context("cannot make a temporary directory")
}

/// The executable's file name for FILE: its stem (`prog.scm` -> `prog`).
pub fn executable_name(file: &Path) -> OsString {
    file.file_stem().map(OsString::from).unwrap_or_else(|| OsString::from("program"))
}

/// `utena build FILE`'s OUT: FILE's stem in the current directory.
fn default_output(file: &Path) -> anyhow::Result<PathBuf> {
    let Some(stem) = file.file_stem() else {
        bail!("cannot name the executable for {}: give it with -o OUT", file.display());
    };
    Ok(Path::new(".").join(stem))
}

/// Runs `native/build.ut FILE OUT` on the seed. The outer error is a driver
/// failure found before the build started (FILE unreadable, OUT unwritable,
/// no back end).
pub fn build(file: &Path, out: &Path, runtime_src: Option<PathBuf>, output: BuildOutput) -> anyhow::Result<Built> {
    build_with(file, out, runtime_src, output, BuildOptions::default())
}

/// As `build`, with `utena build`'s options.
pub fn build_with(
    file: &Path,
    out: &Path,
    runtime_src: Option<PathBuf>,
    output: BuildOutput,
    options: BuildOptions,
) -> anyhow::Result<Built> {
    let driver = find_runtime_program(runtime_src, BUILD, "the native back end")?;
    // Read only to report an unreadable file here, as `run` does.
    read_source(file)?;
    check_writable(file, out)?;
    let arguments = back_end_arguments(file, out, output, options);
    if let Some(runtime_dir) = driver.parent().and_then(Path::parent)
        && let Some(toolchain) = stamp::fresh_stage2(runtime_dir)
    {
        return build_with_toolchain(&toolchain, runtime_dir, &arguments, out, output);
    }
    if output == BuildOutput::Aside && std::io::stderr().is_terminal() {
        eprintln!(
            "utena: note: no native toolchain built from these sources; the seed builds {} (tens of seconds). \
             `utena bootstrap` makes builds take seconds; `--engine seed` runs at once.",
            file.display()
        );
    }
    let source = read_source(&driver)?;
    let name = driver.display().to_string();
    let collected = Collected::default();
    let sink = collected.clone();
    let outcome = seed::run_with_large_stack(move || {
        let output: Box<dyn Write> = match output {
            BuildOutput::Stdout => seed::stdout_output(),
            BuildOutput::Aside => Box::new(sink),
        };
        let mut interpreter =
            seed::Seed::new(seed::Options { output, fuel: None }).map_err(|error| error.to_string())?;
        interpreter.run_source(&name, &source, &arguments).map_err(|error| error.to_string())
    });
    let printed = collected.take();
    match outcome {
        Ok(0) => {
            // A successful build's output is not the program's.
            std::io::stderr().write_all(&printed).ok();
            if !out.is_file() {
                bail!("the native back end ({BUILD}) exited 0 but did not write {}", out.display());
            }
            Ok(Built::Written(out.to_path_buf()))
        }
        Ok(status) => {
            std::io::stdout().write_all(&printed).and_then(|()| std::io::stdout().flush()).ok();
            Ok(Built::Failed(exit_code(status)))
        }
        Err(report) => {
            std::io::stdout().write_all(&printed).and_then(|()| std::io::stdout().flush()).ok();
            eprintln!("{report}");
            eprintln!(
                "utena: error: the native build stopped (the report above: an error in {}, not in the program)",
                driver.display()
            );
            Ok(Built::Failed(ExitCode::from(DRIVER_FAILURE)))
        }
    }
}

/// build.ut's arguments (after any `--runtime-src DIR`), on either path.
fn back_end_arguments(file: &Path, out: &Path, output: BuildOutput, options: BuildOptions) -> Vec<String> {
    // `--lazy` goes first: build.ut reads it before the command.
    let mut arguments = Vec::new();
    if options.lazy {
        arguments.push("--lazy".to_string());
    }
    // So does `--jobs N`; on the seed, which cannot fork, it changes nothing.
    if let Some(jobs) = options.jobs {
        arguments.extend(["--jobs".to_string(), jobs.to_string()]);
    }
    // `utena run` wants the seed's behaviour for a compile error in a later
    // top-level form: the forms before it run, then the error is reported.
    if matches!(output, BuildOutput::Aside) {
        arguments.push("--deferred-errors".to_string());
    }
    if let Some(mib) = options.heap_mib {
        arguments.extend(["--heap-mib".to_string(), mib.to_string()]);
    }
    arguments.extend([file.display().to_string(), out.display().to_string()]);
    arguments
}

/// The fast path (design step 7): the stage2 toolchain runs the build as a
/// child, told `--runtime-src` so that it reads (and names) the runtime's
/// sources as the seed-run build.ut would.
fn build_with_toolchain(
    toolchain: &Path,
    runtime_dir: &Path,
    arguments: &[String],
    out: &Path,
    output: BuildOutput,
) -> anyhow::Result<Built> {
    let mut command = Command::new(toolchain);
    command.arg("--runtime-src").arg(runtime_dir).args(arguments).stdin(Stdio::null());
    let (status, printed) = match output {
        BuildOutput::Stdout => (status_retrying(&mut command), Vec::new()),
        BuildOutput::Aside => {
            // Only stdout is set aside: `output` would capture stderr too,
            // and a compile error's message is on stderr.
            command.stdout(Stdio::piped()).stderr(Stdio::inherit());
            match output_retrying(&mut command) {
                Ok(finished) => (Ok(finished.status), finished.stdout),
                Err(error) => (Err(error), Vec::new()),
            }
        }
    };
    let status = status.with_context(|| format!("cannot run the native toolchain {}", toolchain.display()))?;
    match status.code() {
        Some(0) => {
            std::io::stderr().write_all(&printed).ok();
            if !out.is_file() {
                bail!("the native toolchain {} exited 0 but did not write {}", toolchain.display(), out.display());
            }
            Ok(Built::Written(out.to_path_buf()))
        }
        Some(code) => {
            std::io::stdout().write_all(&printed).and_then(|()| std::io::stdout().flush()).ok();
            Ok(Built::Failed(exit_code(code)))
        }
        None => {
            std::io::stdout().write_all(&printed).and_then(|()| std::io::stdout().flush()).ok();
            eprintln!(
                "utena: error: the native toolchain {} was killed by signal {} (set {}=1 to build on the seed)",
                toolchain.display(),
                status.signal().unwrap_or(0),
                stamp::NO_STAGE2
            );
            Ok(Built::Failed(ExitCode::from(DRIVER_FAILURE)))
        }
    }
}

/// Fails unless OUT can be written, leaving no file behind that was not
/// there; and refuses an OUT that is FILE itself.
fn check_writable(file: &Path, out: &Path) -> anyhow::Result<()> {
    if out.is_dir() {
        bail!("cannot write {}: it is a directory", out.display());
    }
    if let (Ok(source), Ok(target)) = (file.canonicalize(), out.canonicalize())
        && source == target
    {
        bail!("cannot write {}: it is the source file {} (give another with -o OUT)", out.display(), file.display());
    }
    let existed = out.exists();
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(out)
        .with_context(|| format!("cannot write {}", out.display()))?;
    if !existed {
        std::fs::remove_file(out).with_context(|| format!("cannot write {}", out.display()))?;
    }
    Ok(())
}

/// Runs `command` to its end with inherited stdio, retrying while the
/// kernel says the file is busy (ETXTBSY).
pub fn status_retrying(command: &mut Command) -> std::io::Result<ExitStatus> {
    retrying_while_busy(|| command.status())
}

/// `attempt`'s result, retried for about a second while it fails with
/// ETXTBSY (an executable just written, still open in another fork).
pub fn retrying_while_busy<T>(mut attempt: impl FnMut() -> std::io::Result<T>) -> std::io::Result<T> {
    let mut tries = 0;
    loop {
        match attempt() {
            Err(error) if error.raw_os_error() == Some(TEXT_FILE_BUSY) && tries < 50 => {
                tries += 1;
                std::thread::sleep(Duration::from_millis(20));
            }
            other => return other,
        }
    }
}

/// As [`status_retrying`], collecting what `command` pipes.
fn output_retrying(command: &mut Command) -> std::io::Result<Output> {
    retrying_while_busy(|| command.output())
}

/// The native program's status as utena's: its own, or 128+N (with a note)
/// when signal N killed it.
fn program_status(status: ExitStatus) -> ExitCode {
    if let Some(code) = status.code() {
        return exit_code(code);
    }
    let signal = status.signal().unwrap_or(0);
    if signal != SIGPIPE {
        eprintln!("utena: the native program was killed by signal {signal}");
    }
    ExitCode::from((128 + signal) as u8)
}

/// An output sink read after the seed (on its own thread) has written to it.
#[derive(Clone, Default)]
struct Collected(Arc<Mutex<Vec<u8>>>);

impl Collected {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
    }
}

impl Write for Collected {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

//! `utena disasm FILE`: the compiler's listing of a program.
//!
//! Purpose: show what the compiler in Utena (`runtime-src/compiler/`) makes
//! of a program -- every compiled function with its registers, constants,
//! code and source lines -- without the user knowing where the compiler's
//! source lives.
//!
//! Design:
//! 1. The compiler is Utena source, not part of the binary: `disasm.ut` runs
//!    on the seed. Its directory, `runtime-src`, is `--runtime-src DIR`,
//!    else `$UTENA_RUNTIME_SRC`, else the `runtime-src` of the source tree
//!    the binary was built from ([`DEFAULT_RUNTIME_SRC`]). A missing
//!    `DIR/compiler/disasm.ut` is a driver failure (status 2) naming both
//!    ways to point at another one.
//! 2. FILE is read here first, so an unreadable file is the same driver
//!    failure `run` reports, and is then passed to `disasm.ut` as given, so
//!    positions in the listing and in errors name it as the user wrote it.
//! 3. `disasm.ut` prints either the listing (status 0) or one
//!    `FILE:LINE:COL: error: MESSAGE` line (status 1; `internal error: …`
//!    for a bug in the compiler) on its standard output. Its output is
//!    collected, then routed: the listing to stdout, an error to stderr with
//!    status 1. `disasm.ut` compiles the whole file before it prints
//!    anything, so an error never follows part of a listing.
//! 4. The seed itself failing (a broken `runtime-src`) is a driver failure:
//!    the report, then status 2.
//!
//! Not done here: compiling or listing anything in Rust; this is a driver.

use std::cell::RefCell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use anyhow::bail;

use crate::{PROGRAM_ERROR, read_source};

/// The `runtime-src` of the source tree this binary was built from.
pub const DEFAULT_RUNTIME_SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../runtime-src");

/// The listing program, relative to `runtime-src`.
const DISASM: &str = "compiler/disasm.ut";

/// Exit status when standard output is a closed pipe, as after SIGPIPE.
const CLOSED_PIPE: u8 = 128 + 13;

/// What `disasm.ut` did with the file.
enum Listing {
    /// The listing, for stdout.
    Compiled(String),
    /// The error line(s), for stderr.
    Refused(String),
}

/// The Utena program `relative` (to `runtime-src`) that a subcommand runs on
/// the seed; `what` names it in the error when it is missing. `runtime_src`
/// is `--runtime-src` or `$UTENA_RUNTIME_SRC`, else [`DEFAULT_RUNTIME_SRC`].
pub fn find_runtime_program(runtime_src: Option<PathBuf>, relative: &str, what: &str) -> anyhow::Result<PathBuf> {
    let runtime_src = runtime_src.unwrap_or_else(|| PathBuf::from(DEFAULT_RUNTIME_SRC));
    let program = runtime_src.join(relative);
    // Canonical, so that positions in an internal error read well.
    let program = program.canonicalize().unwrap_or(program);
    if !program.is_file() {
        bail!(
            "cannot find {what}: {} does not exist (give the directory with --runtime-src DIR or \
             UTENA_RUNTIME_SRC)",
            program.display()
        );
    }
    Ok(program)
}

/// `utena disasm`: the listing on stdout, or 1 after printing a compile error.
pub fn run(file: &Path, runtime_src: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let disasm = find_runtime_program(runtime_src, DISASM, "the compiler")?;
    let program = read_source(&disasm)?;
    // Read only to report an unreadable file here; disasm.ut reads it again.
    read_source(file)?;
    let program_name = disasm.display().to_string();
    let file_name = file.display().to_string();
    match list(program_name, program, file_name)? {
        Listing::Compiled(listing) => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(listing.as_bytes()).and_then(|()| stdout.flush()) {
                Ok(()) => Ok(ExitCode::SUCCESS),
                Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::from(CLOSED_PIPE)),
                Err(error) => Err(error.into()),
            }
        }
        Listing::Refused(error) => {
            eprint!("{error}");
            if !error.ends_with('\n') {
                eprintln!();
            }
            Ok(ExitCode::from(PROGRAM_ERROR))
        }
    }
}

/// Runs `disasm.ut` (source `program`, read from `program_name`) on the seed
/// with `file` as its argument, collecting what it prints.
fn list(program_name: String, program: String, file: String) -> anyhow::Result<Listing> {
    let outcome = seed::run_with_large_stack(move || {
        let output = SharedBuffer::default();
        let options = seed::Options { output: Box::new(output.clone()), fuel: None };
        let mut interpreter = seed::Seed::new(options).map_err(|error| error.to_string())?;
        let status = interpreter.run_source(&program_name, &program, &[file]).map_err(|error| error.to_string())?;
        let printed = String::from_utf8_lossy(&output.0.borrow()).into_owned();
        Ok::<_, String>((status, printed))
    });
    match outcome {
        Ok((0, listing)) => Ok(Listing::Compiled(listing)),
        Ok((1, error)) => Ok(Listing::Refused(error)),
        Ok((status, printed)) => bail!("the compiler stopped with status {status}: {}", printed.trim_end()),
        Err(report) => bail!("the compiler failed:\n{report}"),
    }
}

/// An output sink the caller can read after the seed has written to it.
#[derive(Clone, Default)]
struct SharedBuffer(Rc<RefCell<Vec<u8>>>);

impl Write for SharedBuffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

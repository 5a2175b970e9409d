//! The Utena seed: a small, fast interpreter that starts the first build.
//!
//! Purpose: run Utena (and plain Scheme) programs, and later the Utena
//! compiler over `runtime-src/`, before any native code exists.
//!
//! Design:
//! 1. `reader` turns text into data (pairs keep source positions).
//! 2. `analyze` turns each top-level form, once, into a tree of `Node`s:
//!    variables become lexical addresses or pre-resolved global cells,
//!    macros (explicit renaming, `%define-syntax`) are expanded, class
//!    bodies are resolved with Newspeak's implicit-receiver rule.
//! 3. `eval` walks the tree. Calls in tail position return to a trampoline,
//!    so tail calls run in constant Rust stack; non-tail recursion uses the
//!    Rust stack of a thread with a large stack, and a guard turns its
//!    exhaustion into a Utena `stack overflow` error.
//! 4. The surface language (`let`, `cond`, `syntax-rules`, …) is Utena code
//!    in `runtime-src/core/`, embedded in the binary and loaded into the
//!    language scope at start-up (`prelude.rs`).
//! 5. `platform` holds the only objects with authority over the outside
//!    world; a program's entry module receives them as `platform`.
//!
//! Invariant: the seed knows nothing about object layouts, bytecode or x86.
//! Invariant: no input makes the seed panic or hang in the reader or
//! analyser; runtime errors are Utena errors with a position and backtrace.
//!
//! Not done here: a tracing collector (reference counting leaks cycles),
//! re-entrant continuations (only escaping ones), rationals and bignums.

pub mod analyze;
pub mod builtins;
pub mod error;
pub mod eval;
pub mod objects;
pub mod platform;
mod prelude;
pub mod printer;
pub mod reader;
pub mod value;

use std::io::Write;

pub use eval::Options;

/// A failure reported to the user: `LOCATION: error: MESSAGE` and a backtrace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// `FILE:LINE:COL`, when the error has a known source position.
    pub location: Option<String>,
    pub message: String,
    /// `in NAME at FILE:LINE:COL`, innermost first.
    pub backtrace: Vec<String>,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.location {
            Some(location) => write!(f, "{location}: error: {}", self.message)?,
            None => write!(f, "error: {}", self.message)?,
        }
        for line in &self.backtrace {
            write!(f, "\n  {line}")?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    /// The program (or the runtime-src prelude) failed: a Utena error.
    #[error("{0}")]
    Program(Report),
    /// The program called `exit` (only `repl_eval` reports this; `run_*`
    /// return the status instead).
    #[error("exit with status {0}")]
    Exit(i32),
}

/// One interpreter: the language scope with `runtime-src/core` loaded.
pub struct Seed {
    interp: eval::Interp,
}

impl Seed {
    /// Makes an interpreter and loads the embedded `runtime-src` prelude.
    pub fn new(options: Options) -> Result<Seed, SeedError> {
        let mut interp = eval::Interp::new(options);
        prelude::load(&mut interp)?;
        Ok(Seed { interp })
    }

    /// Runs program text as an entry module, as if read from file `name`.
    pub fn run_source(&mut self, name: &str, source: &str, args: &[String]) -> Result<i32, SeedError> {
        let result = self.interp.run_program(name, source, args);
        self.interp.flush_output();
        result
    }

    /// Evaluates REPL input in a persistent entry module; returns the
    /// written form of each non-unspecified result.
    pub fn repl_eval(&mut self, source: &str) -> Result<Vec<String>, SeedError> {
        let result = self.interp.repl_eval(source);
        self.interp.flush_output();
        result
    }
}

/// `input_is_complete`: whether REPL input is a complete sequence of data
/// (false while a list, string or block comment is still open).
/// `read_dump`: the reader's output for a source, one datum per line with
/// its position, for snapshot tests and `utena read`.
pub use reader::{dump as read_dump, input_is_complete};

/// Runs `f` on a thread whose stack is large enough for a million nested
/// non-tail Utena calls. The seed must run on such a thread.
pub fn run_with_large_stack<F, T>(f: F) -> T
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    // If the OS refuses a stack this large, try smaller ones; the guard in
    // `eval` is sized to whichever stack the thread really got.
    let job = std::sync::Arc::new(std::sync::Mutex::new(Some(f)));
    for size in [eval::STACK_SIZE, eval::STACK_SIZE / 4, eval::STACK_SIZE / 16] {
        let job = job.clone();
        let spawned = std::thread::Builder::new().name("utena-seed".into()).stack_size(size).spawn(move || {
            eval::mark_stack_base(size);
            let f = job.lock().ok().and_then(|mut slot| slot.take());
            f.map(|f| f())
        });
        if let Ok(handle) = spawned {
            match handle.join() {
                Ok(Some(value)) => return value,
                Ok(None) => break,
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
    }
    eval::mark_stack_base(8 << 20);
    let f = job.lock().ok().and_then(|mut slot| slot.take()).expect("the seed job runs exactly once");
    f()
}

/// Where program output goes by default.
pub fn stdout_output() -> Box<dyn Write> {
    Box::new(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()))
}

//! Engines: the ways `utena run` can execute a program.
//!
//! Purpose: one enum names every engine, so the command line, the help text
//! and the error for an unknown engine all come from one place.
//!
//! Design: each variant has one arm in [`Engine::run`]. The seed interprets
//! the source directly. `Sim` is `utena sim run` with its defaults
//! (`sim.rs`): it reports the program's errors itself, so `main.rs` hands it
//! the file rather than calling [`Engine::run`]. `Native` is `utena build`
//! into a temporary directory, then the executable (`native.rs`), and is
//! handed the file in the same way. Adding an engine is a variant, a doc
//! comment (its help text) and an arm.
//!
//! Invariant: every engine prints the same output and the same error report
//! for the same program (`docs/conventions.md`); the test harness in
//! `tools/tests/programs.rs` runs every program on every engine to hold them
//! to it.

use clap::ValueEnum;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Engine {
    /// The seed interpreter: reads and interprets the source directly.
    Seed,
    /// The runtime in Utena on a simulated heap (`utena sim run` with its defaults).
    Sim,
    /// Native code: `utena build` the program into a temporary directory, then run the executable.
    Native,
}

/// A finished program: its exit status, or its error report (already
/// formatted as `FILE:LINE:COL: error: MESSAGE` and backtrace lines).
pub type ProgramOutcome = Result<i32, String>;

impl Engine {
    /// Runs `source` (read from the file `name`) with `args` as the program's
    /// arguments. The outer error means the engine itself could not run.
    pub fn run(self, name: String, source: String, args: Vec<String>) -> anyhow::Result<ProgramOutcome> {
        match self {
            Engine::Seed => Ok(run_on_seed(name, source, args)),
            Engine::Sim => anyhow::bail!("internal error: the simulator runs through sim::run"),
            Engine::Native => anyhow::bail!("internal error: native programs run through native::run"),
        }
    }
}

fn run_on_seed(name: String, source: String, args: Vec<String>) -> ProgramOutcome {
    seed::run_with_large_stack(move || {
        let mut interpreter = seed::Seed::new(seed::Options::default()).map_err(|error| error.to_string())?;
        interpreter.run_source(&name, &source, &args).map_err(|error| error.to_string())
    })
}

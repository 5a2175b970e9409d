//! `utena sim run`: a program run by the runtime in Utena on a simulated heap.
//!
//! Purpose: run the VM, allocator, collectors and dispatch written in Utena
//! (`runtime-src/vm`, `memory`, `dispatch`; `docs/runtime.md`) over a
//! simulated memory, so every object the program makes lives there, without
//! the user knowing where that source lives.
//!
//! Design:
//! 1. The simulator is Utena source: `runtime-src/sim/main.ut` runs on the
//!    seed with the options, FILE and the program's arguments as its own
//!    arguments. `runtime-src` is found as for `disasm` (`--runtime-src`,
//!    `$UTENA_RUNTIME_SRC`, else the tree utena was built from).
//! 2. `main.ut` writes the program's output to stdout and reports the
//!    program's errors itself (`FILE:LINE:COL: error: …`, status 1), so its
//!    exit status is the program's.
//! 3. An error in `main.ut` itself -- a bug in the simulator, not in the
//!    program -- is a driver failure: the seed's report, then status 2.
//!
//! Not done here: anything but finding and starting the simulator.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::disasm::find_runtime_program;
use crate::{DRIVER_FAILURE, exit_code, read_source};

/// The simulator's driver, relative to `runtime-src`.
const SIM: &str = "sim/main.ut";

/// The options `utena sim run` passes on to `main.ut`.
pub struct SimOptions {
    pub gc: String,
    pub stress: bool,
    pub verify: bool,
    pub stats: bool,
}

impl Default for SimOptions {
    /// `utena run --engine sim`: the copying collector, no checks, no figures.
    fn default() -> Self {
        SimOptions { gc: "copying".to_string(), stress: false, verify: false, stats: false }
    }
}

/// Runs FILE on the simulator: the program's exit status.
pub fn run(
    file: &Path,
    args: Vec<String>,
    options: SimOptions,
    runtime_src: Option<PathBuf>,
) -> anyhow::Result<ExitCode> {
    let driver = find_runtime_program(runtime_src, SIM, "the simulator")?;
    let source = read_source(&driver)?;
    // Read only to report an unreadable file here, as `run` does.
    read_source(file)?;
    let mut arguments = vec!["--gc".to_string(), options.gc];
    for (flag, on) in [("--stress", options.stress), ("--verify", options.verify), ("--stats", options.stats)] {
        if on {
            arguments.push(flag.to_string());
        }
    }
    arguments.push(file.display().to_string());
    arguments.extend(args);
    let name = driver.display().to_string();
    let outcome = seed::run_with_large_stack(move || {
        let mut interpreter = seed::Seed::new(seed::Options::default()).map_err(|error| error.to_string())?;
        interpreter.run_source(&name, &source, &arguments).map_err(|error| error.to_string())
    });
    match outcome {
        Ok(status) => Ok(exit_code(status)),
        Err(report) => {
            eprintln!("{report}");
            eprintln!(
                "utena: error: the simulator stopped (the report above: an error in runtime-src, or what it cannot run yet)"
            );
            Ok(ExitCode::from(DRIVER_FAILURE))
        }
    }
}

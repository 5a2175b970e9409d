//! `utena sim run` and `utena sim heap`: a program run by the runtime in
//! Utena on a simulated heap, and the heap it left drawn as a graph.
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
//! 4. `utena sim heap` is `sim run` with `--dot OUT.dot --max-nodes N`
//!    passed on: `main.ut` writes the graph (`runtime-src/sim/heap-dot.ut`)
//!    after the program's last form.
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
    /// `off`, `builtin` or `all`: which misses at satiated library sites are fatal.
    pub fatal_misses: String,
    /// `evict` or `adopt`: the allocator's return policy.
    pub return_policy: String,
    /// `utena sim heap`: where to draw the heap, and how much of it.
    pub heap: Option<HeapGraph>,
}

/// The heap graph `utena sim heap` writes.
pub struct HeapGraph {
    pub dot: PathBuf,
    pub max_nodes: u64,
}

/// `utena sim heap`'s graph options: `--dot` and `--max-nodes` as given
/// before FILE, or leading the arguments after it (`utena sim heap FILE
/// --dot OUT.dot`, the form), which are taken out of `args`.
pub fn heap_graph(dot: Option<PathBuf>, max_nodes: u64, args: &mut Vec<String>) -> anyhow::Result<HeapGraph> {
    let mut graph = HeapGraph { dot: dot.unwrap_or_default(), max_nodes };
    while args.len() >= 2 && (args[0] == "--dot" || args[0] == "--max-nodes") {
        let value = args[1].clone();
        if args[0] == "--dot" {
            graph.dot = PathBuf::from(value);
        } else {
            graph.max_nodes = value
                .parse()
                .ok()
                .filter(|count| *count > 0)
                .ok_or_else(|| anyhow::anyhow!("--max-nodes needs a positive count, not `{value}`"))?;
        }
        args.drain(..2);
    }
    if graph.dot.as_os_str().is_empty() {
        anyhow::bail!("utena sim heap needs --dot OUT.dot: where to write the graph");
    }
    Ok(graph)
}

impl Default for SimOptions {
    /// `utena run --engine sim`: the copying collector, no checks, no
    /// figures, built-in misses at the library's sites fatal.
    fn default() -> Self {
        SimOptions {
            gc: "copying".to_string(),
            stress: false,
            verify: false,
            stats: false,
            fatal_misses: "builtin".to_string(),
            return_policy: "evict".to_string(),
            heap: None,
        }
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
    let mut arguments = vec![
        "--gc".to_string(),
        options.gc,
        "--fatal-misses".to_string(),
        options.fatal_misses,
        "--return-policy".to_string(),
        options.return_policy,
    ];
    for (flag, on) in [("--stress", options.stress), ("--verify", options.verify), ("--stats", options.stats)] {
        if on {
            arguments.push(flag.to_string());
        }
    }
    if let Some(heap) = options.heap {
        arguments.extend(["--dot".to_string(), heap.dot.display().to_string()]);
        arguments.extend(["--max-nodes".to_string(), heap.max_nodes.to_string()]);
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

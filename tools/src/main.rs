//! `utena`: the command-line driver for the Utena toolchain.
//!
//! Purpose: give a user one command for everything — running a program,
//! looking at what the reader and the compiler make of a file, and an
//! interactive session.
//!
//! Design:
//! 1. `clap` parses the command line into [`Cli`]; each subcommand is one
//!    function here or in a module named for it (`repl`, `disasm`).
//! 2. A program runs on an [`Engine`] (`engine.rs`): the seed interpreter,
//!    the simulator (`sim.rs`), or native code (`native.rs`: `utena build`
//!    into a temporary directory, then the executable).
//! 3. Every seed call happens inside `seed::run_with_large_stack`, because a
//!    `Seed` needs a thread with a large stack (and is `!Send`, so it is made
//!    and used inside that closure).
//! 4. `disasm` runs the compiler in Utena (`runtime-src/compiler/disasm.ut`)
//!    on the seed; `disasm.rs` finds it and routes its output. `build` runs
//!    the native back end (`runtime-src/native/build.ut`) the same way;
//!    `disasm --native` (`native_disasm.rs`) lists an executable's machine code.
//!    `bootstrap` (`bootstrap.rs`) builds build.ut with itself to a fixpoint,
//!    and leaves the native toolchain `build` then runs instead (`stamp.rs`).
//!
//! Exit status (documented in README.md):
//! - a program that runs to the end or calls `exit`: its own status;
//! - a Utena error (syntax or runtime; for `disasm`, a compile error): the
//!   report on stderr, status 1;
//! - the driver itself cannot do its job (unreadable file, bad command line,
//!   no compiler for `disasm`): `utena: error: …` on stderr, status 2.
//!
//! Invariant: `tools` is a thin driver. It knows the seed only through the
//! public API of the `seed` crate and never interprets Utena itself.

mod bootstrap;
mod disasm;
mod engine;
mod inspect;
mod native;
mod native_disasm;
mod repl;
mod sim;
mod stamp;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use crate::engine::Engine;

/// mimalloc rather than the system allocator: the seed allocates and frees
/// a frame, argument vectors and pairs on almost every call it interprets,
/// and glibc's malloc took about a tenth of stage0's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit status when the driver (not the Utena program) fails.
const DRIVER_FAILURE: u8 = 2;
/// Exit status when a Utena program fails with an error report.
const PROGRAM_ERROR: u8 = 1;

#[derive(Parser)]
#[command(
    name = "utena",
    version,
    about = "Utena: a self-hosting, Scheme-compatible Lisp with Newspeak-style objects",
    after_help = "Exit status: the program's own status; 1 when the program fails with an error \
                  report; 2 when utena itself cannot run (unreadable file, bad arguments)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a program (.scm or .ut); its output goes to stdout, errors to stderr.
    #[command(after_help = "By default the program is compiled to native code and run (as `utena build` into a \
                      temporary directory, then the executable): in seconds once `utena bootstrap` has built \
                      the native toolchain, else by the seed-driven back end, which takes tens of seconds \
                      (a note on a terminal says so). `--engine seed` interprets the source at once; \
                      `--engine sim` runs it on the simulated heap. Every engine prints the same output \
                      and the same errors.")]
    Run {
        /// Which engine runs the program.
        #[arg(long, value_enum, default_value_t = Engine::Native)]
        engine: Engine,
        /// The program's source file.
        file: PathBuf,
        /// Arguments passed to the program (available as `(command-line)`).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Start an interactive session (Ctrl-D exits).
    Repl,
    /// Print the reader's data for a file, with source positions.
    Read {
        /// The source file to read.
        file: PathBuf,
    },
    /// Compile a file with the compiler in Utena (run on the seed) and print
    /// every compiled function: registers, constants, bytecode, source lines.
    /// With --native, list an executable's machine code instead.
    #[command(after_help = "A compile error prints FILE:LINE:COL: error: MESSAGE on stderr (status 1). The compiler \
                      is read from DIR/compiler/disasm.ut, where DIR is --runtime-src, else \
                      $UTENA_RUNTIME_SRC, else the runtime-src this utena was built from.\n\n\
                      --native: FILE is an ELF executable, or a source file that is built first as by \
                      `utena build` (its errors as there). For each function symbol, in address order: \
                      `== NAME at 0xADDR (SIZE bytes)`, then `  ADDRESS  BYTES  INSTRUCTION` (Intel \
                      syntax) per instruction and `  ; FILE:LINE` where the DWARF line changes.")]
    Disasm {
        /// The source file to compile (.scm or .ut); with --native, an executable or a source file.
        file: PathBuf,
        /// Disassemble the x86-64 code of a native executable (built from FILE first unless it is one).
        #[arg(long)]
        native: bool,
        /// The runtime-src directory holding the compiler [default: the one utena was built from].
        #[arg(long, value_name = "DIR", env = "UTENA_RUNTIME_SRC")]
        runtime_src: Option<PathBuf>,
    },
    /// Compile a program to a static x86-64 executable (the native back end in Utena, run on the seed).
    #[command(after_help = "Writes OUT, by default FILE's name without its extension in the current directory \
                      (prog.scm -> ./prog), and exits 0. A compile error, or a program the native back end \
                      cannot compile yet, prints FILE:LINE:COL: error: MESSAGE on stderr (status 1). An \
                      unreadable FILE or unwritable OUT is `utena: error: ...` (status 2). The back end is \
                      DIR/native/build.ut, DIR as for `utena disasm`, run on the seed -- or, when `utena \
                      bootstrap` has left DIR/../target/stage2/utena built from DIR's sources as they are \
                      now (its stamp matches), that native toolchain, with the same results (this fast path \
                      serves `utena run` too, whose default engine is native). UTENA_NO_STAGE2=1 forces the seed.")]
    Build {
        /// The program's source file (.scm or .ut).
        file: PathBuf,
        /// Where to write the executable [default: ./STEM, FILE's name without its extension].
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: Option<PathBuf>,
        /// The heap the executable maps, in MiB: two semispaces for its copying collector [default: 1024].
        #[arg(long = "heap-mib", value_name = "N", value_parser = clap::value_parser!(u32).range(2..=65536))]
        heap_mib: Option<u32>,
        /// Lazy allocation: objects on an allocation stack first, in the heap only when they escape
        /// (runtime-src/native/lazy.ut; UTENA_LAZY_STATS=1 when running it prints the counts).
        #[arg(long)]
        lazy: bool,
        /// How many processes the native toolchain compiles and assembles in (forked children; the
        /// executable is the same bytes whatever N) [default: the CPUs it may run on, at most 8; the
        /// seed-run back end uses one].
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=64))]
        jobs: Option<u32>,
        /// The runtime-src directory holding the back end [default: the one utena was built from].
        #[arg(long, value_name = "DIR", env = "UTENA_RUNTIME_SRC")]
        runtime_src: Option<PathBuf>,
    },
    /// Build the native toolchain three times (the seed, then itself twice) and check that it reproduces itself.
    #[command(after_help = "stage0: the seed runs DIR/native/build.ut over itself -> OUT/stage1/utena; stage1: \
                      OUT/stage1/utena builds it again -> OUT/stage2/utena; stage2: OUT/stage2/utena -> \
                      OUT/stage3/utena. Each stage gets `--runtime-src DIR` and FILE = DIR/native/build.ut, \
                      both canonical. For each: wall time, peak RSS, SHA-256 of the executable. DIR is as for \
                      `utena disasm`; OUT is --out, else DIR/../target.\n\n\
                      The fixpoint is stage1, stage2 and stage3 byte-identical: status 0, and the stamp \
                      OUT/stage2/utena.sources (SHA-256 of every *.ut under DIR) is written. From then on \
                      `utena build` and `utena run` (native by default) use OUT/stage2/utena (when OUT is the \
                      default) while the stamp matches DIR's sources; UTENA_NO_STAGE2=1 forces the seed. \
                      Differing executables: status 1, with the first differing byte (file offset, section, \
                      the symbol and offset in it, or the virtual address in .data). A stage that fails: \
                      its output, status 1. A bad DIR or OUT: status 2.\n\n\
                      --compare A B compares two executables only, reporting as above (status 0 or 1).")]
    Bootstrap {
        /// The runtime-src directory to build from [default: the one utena was built from].
        #[arg(long, value_name = "DIR", env = "UTENA_RUNTIME_SRC")]
        runtime_src: Option<PathBuf>,
        /// Where stage1/, stage2/ and stage3/ go [default: DIR/../target].
        #[arg(long, value_name = "OUT")]
        out: Option<PathBuf>,
        /// Build nothing: compare two executables and report their first difference.
        #[arg(long, num_args = 2, value_names = ["A", "B"], conflicts_with = "out")]
        compare: Option<Vec<PathBuf>>,
    },
    /// Show an executable's segments, sections, symbols and DWARF line table (docs/image.md).
    #[command(after_help = "A file that cannot be read or is not a 64-bit ELF file is an error (status 2).")]
    Inspect {
        /// The executable to read.
        file: PathBuf,
    },
    /// The runtime in Utena on a simulated heap (docs/runtime.md).
    Sim {
        #[command(subcommand)]
        command: SimCommand,
    },
}

#[derive(Subcommand)]
enum SimCommand {
    /// Compile a program and run it with all its objects in a simulated memory.
    #[command(after_help = "Program output goes to stdout; a program error prints FILE:LINE:COL: error: MESSAGE \
                      on stderr (status 1). The simulator is DIR/sim/main.ut, DIR as for `utena disasm`.")]
    Run {
        #[command(flatten)]
        options: SimArgs,
        /// The program's source file.
        file: PathBuf,
        /// Arguments passed to the program.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Run a program on the simulated heap, then write the heap it left as a Graphviz graph.
    #[command(after_help = "A node per object reachable from the VM's roots (kind, length, a short value, \
                      address), an edge per pointer field labelled with the field's name, the roots as \
                      one double-octagon node; the program's globals are drawn first. Render it with \
                      `dot -Tsvg OUT.dot -o heap.svg`.")]
    Heap {
        #[command(flatten)]
        options: SimArgs,
        /// Where to write the graph (Graphviz DOT); it may also follow FILE, before the program's arguments.
        #[arg(long, value_name = "OUT.dot")]
        dot: Option<PathBuf>,
        /// Draw at most this many objects; a DOT comment says what was left out.
        #[arg(long, value_name = "N", default_value_t = 3000, value_parser = clap::value_parser!(u64).range(1..))]
        max_nodes: u64,
        /// The program's source file.
        file: PathBuf,
        /// Arguments passed to the program.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
}

/// The options every `utena sim` command takes.
#[derive(clap::Args)]
struct SimArgs {
    /// The collector the runtime is instantiated with.
    #[arg(long, value_parser = ["copying", "mark-sweep"], default_value = "copying")]
    gc: String,
    /// Collect at every safepoint after an allocation, from the program's first form (the boot is not stressed).
    #[arg(long)]
    stress: bool,
    /// Check the lazy-allocation invariant after every store and frame pop, and the heap after every collection.
    #[arg(long)]
    verify: bool,
    /// Print allocation, eviction, collection, dispatch and instruction figures to stderr.
    #[arg(long)]
    stats: bool,
    /// Which inline-cache misses at the runtime library's (satiated) send sites stop the run:
    /// off, builtin (a built-in class's) or all.
    #[arg(long, value_name = "MODE", value_parser = ["off", "builtin", "all"], default_value = "builtin")]
    fatal_misses: String,
    /// What the return barrier does with a returned stack object: evict it to the heap,
    /// or adopt it (the caller's region takes over the returning frame's; an experiment).
    #[arg(long, value_name = "POLICY", value_parser = ["evict", "adopt"], default_value = "evict")]
    return_policy: String,
    /// The runtime-src directory [default: the one utena was built from].
    #[arg(long, value_name = "DIR", env = "UTENA_RUNTIME_SRC")]
    runtime_src: Option<PathBuf>,
}

impl SimArgs {
    /// The simulator's options, and where its driver is looked for.
    fn split(self, heap: Option<sim::HeapGraph>) -> (sim::SimOptions, Option<PathBuf>) {
        let options = sim::SimOptions {
            gc: self.gc,
            stress: self.stress,
            verify: self.verify,
            stats: self.stats,
            fatal_misses: self.fatal_misses,
            return_policy: self.return_policy,
            heap,
        };
        (options, self.runtime_src)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Run { engine, file, args } => run(engine, &file, args),
        Command::Repl => repl::run().map(exit_code),
        Command::Read { file } => read(&file),
        Command::Disasm { file, native: false, runtime_src } => disasm::run(&file, runtime_src),
        Command::Disasm { file, native: true, runtime_src } => native_disasm::run(&file, runtime_src),
        Command::Build { file, output, heap_mib, lazy, jobs, runtime_src } => {
            native::build_command(&file, output, native::BuildOptions { heap_mib, lazy, jobs }, runtime_src)
        }
        Command::Bootstrap { compare: Some(files), .. } => bootstrap::compare(&files[0], &files[1]),
        Command::Bootstrap { runtime_src, out, compare: None } => bootstrap::run(runtime_src, out),
        Command::Inspect { file } => inspect::run(&file),
        Command::Sim { command: SimCommand::Run { options, file, args } } => {
            let (options, runtime_src) = options.split(None);
            sim::run(&file, args, options, runtime_src)
        }
        Command::Sim { command: SimCommand::Heap { options, dot, max_nodes, file, mut args } } => {
            sim::heap_graph(dot, max_nodes, &mut args).and_then(|graph| {
                let (options, runtime_src) = options.split(Some(graph));
                sim::run(&file, args, options, runtime_src)
            })
        }
    };
    outcome.unwrap_or_else(|error| {
        eprintln!("utena: error: {error:#}");
        ExitCode::from(DRIVER_FAILURE)
    })
}

/// `utena run`: the program's exit status, or 1 after printing its error report.
fn run(engine: Engine, file: &Path, args: Vec<String>) -> anyhow::Result<ExitCode> {
    if engine == Engine::Sim {
        return sim::run(file, args, sim::SimOptions::default(), None);
    }
    if engine == Engine::Native {
        return native::run(file, args, std::env::var_os("UTENA_RUNTIME_SRC").map(PathBuf::from));
    }
    let source = read_source(file)?;
    let name = file.display().to_string();
    match engine.run(name, source, args)? {
        Ok(status) => Ok(exit_code(status)),
        Err(report) => {
            eprintln!("{report}");
            Ok(ExitCode::from(PROGRAM_ERROR))
        }
    }
}

/// `utena read`: the reader's dump on stdout, or 1 after printing a syntax error.
fn read(file: &Path) -> anyhow::Result<ExitCode> {
    let source = read_source(file)?;
    let name = file.display().to_string();
    match seed::run_with_large_stack(move || seed::read_dump(&name, &source).map_err(|e| e.to_string())) {
        Ok(dump) => {
            print!("{dump}");
            if !dump.is_empty() && !dump.ends_with('\n') {
                println!();
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(report) => {
            eprintln!("{report}");
            Ok(ExitCode::from(PROGRAM_ERROR))
        }
    }
}

/// Reads a source file as UTF-8 text, with the file name in every error.
fn read_source(file: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    String::from_utf8(bytes).map_err(|error| {
        anyhow::anyhow!(
            "cannot read {}: not valid UTF-8 (first bad byte at offset {})",
            file.display(),
            error.utf8_error().valid_up_to()
        )
    })
}

/// A program's exit status as the process's: like `exit(2)` in C, only the
/// low 8 bits reach the parent.
fn exit_code(status: i32) -> ExitCode {
    ExitCode::from((status & 0xff) as u8)
}

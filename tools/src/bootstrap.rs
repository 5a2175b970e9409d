//! `utena bootstrap`: build the native toolchain with itself until it
//! reproduces itself byte for byte, and say where it does not.
//!
//! Purpose: `runtime-src/native/build.ut` compiles any program, itself
//! included, into a static executable with its command line. Built by the
//! seed, then by that executable, then by the next, the three executables
//! must be identical — the check that the native toolchain compiles its own
//! compiler as the seed does. The last good one is the fast path of
//! `utena build` (`stamp.rs`).
//!
//! Design:
//! 1. The sources: runtime-src (`--runtime-src`, `$UTENA_RUNTIME_SRC`, else
//!    the tree utena was built from), made canonical; FILE is its
//!    `native/build.ut`, canonical too. Every stage is given the same strings
//!    — FILE, and `--runtime-src DIR` — because the runtime's file names end
//!    up in the executable (the seed-run build.ut finds the runtime beside
//!    its own canonical path; a toolchain is told DIR). OUT is `--out`, else
//!    `<runtime-src>/../target`; children run in runtime-src's parent.
//! 2. Three stages, each a child process, so that each is measured alike:
//!    stage0 is this utena, `build --runtime-src DIR FILE -o
//!    OUT/stage1/utena` with `UTENA_NO_STAGE2=1` (the seed runs build.ut);
//!    stage1 is `OUT/stage1/utena --runtime-src DIR FILE OUT/stage2/utena`;
//!    stage2 the same with stage2's executable, writing OUT/stage3/utena.
//!    Each writes `utena.new` beside its target and renames it into place
//!    when it succeeds, so a running toolchain is never overwritten and a
//!    failed stage leaves the previous executable. The stamp is removed
//!    first, so a stage2 being rebuilt is never the fast path.
//! 3. A child's stdout and stderr share one pipe (read here, in order); it
//!    is reaped with `wait4`, whose rusage gives its peak RSS (`ru_maxrss`).
//!    A line per stage says what runs, with a spinner and the elapsed time
//!    when stderr is a terminal; when it ends, its wall time, peak RSS and
//!    the SHA-256 of what it wrote go to stdout. A stage that fails (any
//!    status but 0, or a signal) stops the bootstrap: its output, then
//!    `utena: error: …`, status 1.
//! 4. The fixpoint: stage1, stage2 and stage3 identical; then the stamp is
//!    written (`OUT/stage2/utena.sources`, `stamp.rs`) and the status is 0 —
//!    unless the sources' digest, taken before stage0, has changed by the
//!    end (a `.ut` file edited meanwhile): then no stamp, and a line saying
//!    so, since the toolchain may be the old sources'.
//!    Otherwise each differing pair is reported by its first differing byte
//!    (`compare`, also `utena bootstrap --compare A B`): the file offset,
//!    the section holding it and, read with `object`, the symbol of
//!    `.symtab` containing it and the offset inside it, or for a section
//!    without symbols (`.data`, the genesis heap) its virtual address, and
//!    when that byte is in a header, the first differing byte inside a
//!    section too; a note if the sources changed while the stages ran; the
//!    status is 1.
//!
//! Invariant: the executables are only read here (`object`, read
//! features); they are written by Utena code alone.
//!
//! Not done here: explaining a difference (`utena disasm --native` on both
//! files, `utena inspect`), or running stages in parallel — each needs the
//! one before it.

use std::ffi::OsString;
use std::io::{IsTerminal, Read};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use object::read::elf::{ElfFile64, FileHeader};
use object::{Endianness, Object, ObjectSection, ObjectSymbol, SectionKind};
use sha2::{Digest, Sha256};

use crate::disasm::{DEFAULT_RUNTIME_SRC, find_runtime_program};
use crate::native::{BUILD, retrying_while_busy};
use crate::stamp;

/// The status of a bootstrap that failed: a stage failed or no fixpoint.
const NO_FIXPOINT: u8 = 1;

/// One run of build.ut over itself.
struct Stage {
    /// `stage0`, `stage1`, `stage2`.
    name: &'static str,
    /// Who runs build.ut, for the progress line.
    builder: String,
    /// The program and its arguments (the output last: `utena.new`).
    program: PathBuf,
    arguments: Vec<OsString>,
    /// Set for stage0, so that the seed runs build.ut.
    no_stage2: bool,
    /// The executable it writes.
    target: PathBuf,
}

/// What a stage that succeeded cost and made.
struct Measured {
    seconds: f64,
    peak_rss_kib: i64,
    sha256: String,
    bytes: usize,
}

/// `utena bootstrap`: 0 at a fixpoint, 1 when a stage fails or the
/// executables differ.
pub fn run(runtime_src: Option<PathBuf>, out: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let runtime_src = canonical_runtime_src(runtime_src)?;
    let driver = find_runtime_program(Some(runtime_src.clone()), BUILD, "the native back end")?;
    let out = out.unwrap_or_else(|| stamp::default_output_directory(&runtime_src));
    std::fs::create_dir_all(&out).with_context(|| format!("cannot make {}", out.display()))?;
    let out = out.canonicalize().with_context(|| format!("cannot use {}", out.display()))?;
    let stamp_path = out.join(stamp::STAGE2_STAMP);
    if let Err(error) = std::fs::remove_file(&stamp_path)
        && error.kind() != std::io::ErrorKind::NotFound
    {
        return Err(error).with_context(|| format!("cannot remove the old stamp {}", stamp_path.display()));
    }
    let directory = runtime_src.parent().unwrap_or(&runtime_src).to_path_buf();
    let sources_before = sources_digest(&runtime_src)?;
    let mut built = Vec::new();
    for stage in stages(&runtime_src, &driver, &out)? {
        match run_stage(&stage, &directory)? {
            Some(measured) => {
                report(&stage, &measured);
                built.push((stage.target, measured));
            }
            None => return Ok(ExitCode::from(NO_FIXPOINT)),
        }
    }
    let identical = fixpoint(&built)?;
    let sources_after = sources_digest(&runtime_src)?;
    if !identical {
        if sources_after != sources_before {
            println!(
                "note: the sources under {} changed while the stages ran, so the stages may have compiled \
                 different text; run utena bootstrap again when they are quiet",
                runtime_src.display()
            );
        }
        return Ok(ExitCode::from(NO_FIXPOINT));
    }
    if sources_after != sources_before {
        println!(
            "no stamp: the sources under {} changed while the stages ran (sha256 {sources_before}, now \
             {sources_after}); run utena bootstrap again for the fast path",
            runtime_src.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    std::fs::write(&stamp_path, format!("{sources_after}\n"))
        .with_context(|| format!("cannot write {}", stamp_path.display()))?;
    println!("stamp: {} (sources sha256 {sources_after})", stamp_path.display());
    Ok(ExitCode::SUCCESS)
}

/// Whether the executables the stages wrote are identical: the fixpoint
/// line, or each differing pair's first difference.
fn fixpoint(built: &[(PathBuf, Measured)]) -> anyhow::Result<bool> {
    let mut identical = true;
    for pair in built.windows(2) {
        let ((first, _), (second, _)) = (&pair[0], &pair[1]);
        if let Some(difference) = describe_difference(&read(first)?, &read(second)?) {
            println!("no fixpoint: {} and {} differ: {difference}", first.display(), second.display());
            identical = false;
        }
    }
    if let Some((_, last)) = built.last().filter(|_| identical) {
        println!(
            "fixpoint: stage1, stage2 and stage3 are byte-identical ({} bytes, sha256 {})",
            last.bytes, last.sha256
        );
    }
    Ok(identical)
}

/// The stamp's digest of the sources (`stamp.rs`), the directory named in
/// the error.
fn sources_digest(runtime_src: &Path) -> anyhow::Result<String> {
    stamp::sources_digest(runtime_src)
        .with_context(|| format!("cannot read the sources under {}", runtime_src.display()))
}

/// `utena bootstrap --compare A B`: 0 when identical, else 1 after the
/// first difference.
pub fn compare(a_path: &Path, b_path: &Path) -> anyhow::Result<ExitCode> {
    let (a, b) = (read(a_path)?, read(b_path)?);
    match describe_difference(&a, &b) {
        None => {
            println!("identical: {} bytes, sha256 {}", a.len(), sha256(&a));
            Ok(ExitCode::SUCCESS)
        }
        Some(difference) => {
            println!("{} and {} differ: {difference}", a_path.display(), b_path.display());
            Ok(ExitCode::from(NO_FIXPOINT))
        }
    }
}

/// runtime-src as a canonical directory, or a driver failure saying why not.
fn canonical_runtime_src(runtime_src: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    let given = runtime_src.unwrap_or_else(|| PathBuf::from(DEFAULT_RUNTIME_SRC));
    let canonical = given.canonicalize().with_context(|| {
        format!("cannot use {} as runtime-src (give the directory holding native/build.ut)", given.display())
    })?;
    if !canonical.is_dir() {
        bail!("cannot use {} as runtime-src: it is not a directory", given.display());
    }
    Ok(canonical)
}

/// The three stages (design step 2), their output directories made.
fn stages(runtime_src: &Path, driver: &Path, out: &Path) -> anyhow::Result<Vec<Stage>> {
    let utena = std::env::current_exe().context("cannot find this utena executable")?;
    let mut stages = Vec::new();
    for (index, name) in ["stage0", "stage1", "stage2"].into_iter().enumerate() {
        let directory = out.join(format!("stage{}", index + 1));
        std::fs::create_dir_all(&directory).with_context(|| format!("cannot make {}", directory.display()))?;
        let target = directory.join("utena");
        let new = directory.join("utena.new");
        let mut arguments: Vec<OsString> = Vec::new();
        let (program, builder) = if index == 0 {
            arguments.push("build".into());
            (utena.clone(), "the seed runs build.ut".to_string())
        } else {
            let toolchain = out.join(format!("stage{index}")).join("utena");
            let builder = format!("stage{index}/utena runs build.ut");
            (toolchain, builder)
        };
        arguments.extend(["--runtime-src".into(), runtime_src.into(), driver.into()]);
        if index == 0 {
            arguments.push("-o".into());
        }
        arguments.push(new.into());
        stages.push(Stage { name, builder, program, arguments, no_stage2: index == 0, target });
    }
    Ok(stages)
}

/// Runs one stage (design step 3): its figures, or `None` after reporting
/// its failure.
fn run_stage(stage: &Stage, directory: &Path) -> anyhow::Result<Option<Measured>> {
    let line = format!("{}: {} -> {}", stage.name, stage.builder, stage.target.display());
    let progress = Progress::start(&line);
    let started = Instant::now();
    let (status, peak_rss_kib, printed) = run_measured(stage, directory)
        .with_context(|| format!("cannot run {} ({})", stage.name, stage.program.display()))?;
    let seconds = started.elapsed().as_secs_f64();
    progress.finish();
    let written = stage.target.with_file_name("utena.new");
    if !status.success() {
        eprint!("{}", String::from_utf8_lossy(&printed));
        let how = match status.code() {
            Some(code) => format!("exit status {code}"),
            None => format!("killed by signal {}", status.signal().unwrap_or(0)),
        };
        eprintln!("utena: error: {} failed ({how}); its output is above", stage.name);
        std::fs::remove_file(&written).ok();
        return Ok(None);
    }
    eprint!("{}", String::from_utf8_lossy(&printed));
    std::fs::rename(&written, &stage.target)
        .with_context(|| format!("{} exited 0 but cannot move {} into place", stage.name, written.display()))?;
    let bytes = read(&stage.target)?;
    Ok(Some(Measured { seconds, peak_rss_kib, sha256: sha256(&bytes), bytes: bytes.len() }))
}

/// Runs the stage's child with stdout and stderr on one pipe; its status,
/// peak RSS in KiB and output.
fn run_measured(stage: &Stage, directory: &Path) -> std::io::Result<(ExitStatus, i64, Vec<u8>)> {
    let (mut reader, writer) = std::io::pipe()?;
    let child = {
        // The command holds the pipe's write end until it is dropped, and
        // the read below ends only when every write end is closed.
        let mut command = Command::new(&stage.program);
        command.args(&stage.arguments).current_dir(directory).stdin(Stdio::null());
        command.stdout(writer.try_clone()?).stderr(writer);
        if stage.no_stage2 {
            command.env(stamp::NO_STAGE2, "1");
        }
        retrying_while_busy(|| command.spawn())?
    };
    let mut printed = Vec::new();
    reader.read_to_end(&mut printed)?;
    let (status, peak_rss_kib) = wait_with_usage(child.id() as libc::pid_t)?;
    Ok((status, peak_rss_kib, printed))
}

/// Reaps the child `pid`: its status and its peak resident set in KiB.
fn wait_with_usage(pid: libc::pid_t) -> std::io::Result<(ExitStatus, i64)> {
    let mut status: libc::c_int = 0;
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    loop {
        // SAFETY: `status` and `usage` are valid for writes for the call;
        // `pid` is our own unreaped child, so no other process is waited for.
        let reaped = unsafe { libc::wait4(pid, &mut status, 0, usage.as_mut_ptr()) };
        if reaped == pid {
            break;
        }
        let error = std::io::Error::last_os_error();
        if error.kind() != std::io::ErrorKind::Interrupted {
            return Err(error);
        }
    }
    // SAFETY: wait4 returned the child, so it filled `usage` (and a zeroed
    // rusage, all integers, is a valid one anyway).
    let usage = unsafe { usage.assume_init() };
    Ok((ExitStatus::from_raw(status), usage.ru_maxrss))
}

/// The figures of a stage that succeeded, on stdout.
fn report(stage: &Stage, measured: &Measured) {
    println!(
        "{}: {} -> {}\n        {:.1} s wall, {:.1} MiB peak RSS, {} bytes, sha256 {}",
        stage.name,
        stage.builder,
        stage.target.display(),
        measured.seconds,
        measured.peak_rss_kib as f64 / 1024.0,
        measured.bytes,
        measured.sha256
    );
}

/// A stage's line on stderr while it runs: a spinner and the elapsed time
/// on a terminal, else the line once.
struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    fn start(line: &str) -> Progress {
        if !std::io::stderr().is_terminal() {
            eprintln!("{line} ...");
            return Progress(None);
        }
        let bar = indicatif::ProgressBar::new_spinner();
        if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} {msg} [{elapsed}]") {
            bar.set_style(style);
        }
        bar.set_message(line.to_string());
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress(Some(bar))
    }

    fn finish(self) {
        if let Some(bar) = self.0 {
            bar.finish_and_clear();
        }
    }
}

/// A file's bytes, the file named in the error.
fn read(path: &Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

/// SHA-256 as lowercase hex.
fn sha256(bytes: &[u8]) -> String {
    stamp::hex(&Sha256::digest(bytes))
}

/// `None` when `a` and `b` are identical; else their first differing byte:
/// where it is in `a` (`locate`), both bytes, and how much differs.
fn describe_difference(a: &[u8], b: &[u8]) -> Option<String> {
    let common = a.len().min(b.len());
    let offset = match (0..common).find(|&index| a[index] != b[index]) {
        Some(offset) => offset,
        None if a.len() == b.len() => return None,
        None => common,
    };
    let bytes = match (a.get(offset), b.get(offset)) {
        (Some(x), Some(y)) => format!("A has {x:#04x}, B has {y:#04x}"),
        _ => format!("one file ends there (A is {} bytes, B {})", a.len(), b.len()),
    };
    let differing = (offset..common).filter(|&index| a[index] != b[index]).count();
    let count = if differing == 1 { "1 byte differs".to_string() } else { format!("{differing} bytes differ") };
    let extent = if a.len() == b.len() {
        format!("{count} in all")
    } else {
        format!("{count} before the shorter file ends; A is {} bytes, B {}", a.len(), b.len())
    };
    let where_ = locate(if offset < a.len() { a } else { b }, offset as u64);
    let mut report = format!("first difference at file offset {offset:#x} ({offset}): {where_}; {bytes}; {extent}");
    // A header that differs (a size, an offset) usually follows from a
    // difference in the contents: name the first of those too.
    if !in_a_section(a, offset as u64)
        && let Some(inside) = (offset..common).find(|&index| a[index] != b[index] && in_a_section(a, index as u64))
    {
        let (x, y) = (a[inside], b[inside]);
        let where_ = locate(a, inside as u64);
        report.push_str(&format!(
            "; the first inside a section: file offset {inside:#x} ({inside}): {where_}; A has {x:#04x}, B has {y:#04x}"
        ));
    }
    Some(report)
}

/// Whether file offset `offset` of the ELF file `bytes` is inside one of
/// its sections.
fn in_a_section(bytes: &[u8], offset: u64) -> bool {
    let Ok(file) = ElfFile64::<Endianness>::parse(bytes) else { return false };
    file.sections()
        .filter_map(|section| section.file_range())
        .any(|(start, size)| offset >= start && offset < start + size)
}

/// What holds file offset `offset` of the ELF file `bytes`: a section (and
/// inside `.text` the symbol, inside `.data` the virtual address), or one
/// of the headers.
fn locate(bytes: &[u8], offset: u64) -> String {
    let Ok(file) = ElfFile64::<Endianness>::parse(bytes) else {
        return "not in a 64-bit ELF file".to_string();
    };
    for section in file.sections() {
        let Some((start, size)) = section.file_range() else { continue };
        if offset < start || offset >= start + size {
            continue;
        }
        let name = section.name().unwrap_or("an unnamed section");
        let inside = offset - start;
        if section.address() == 0 {
            return format!("{name}, {inside:#x} bytes into the section");
        }
        let address = section.address() + inside;
        return match symbol_at(&file, address) {
            Some((symbol, symbol_address)) => format!(
                "{name}, address {address:#x}, in symbol {symbol} (at {symbol_address:#x}) + {:#x}",
                address - symbol_address
            ),
            None if section.kind() == SectionKind::Text => format!("{name}, address {address:#x}, in no symbol"),
            None => format!("{name}, virtual address {address:#x}"),
        };
    }
    locate_in_headers(&file, offset)
}

/// The `.symtab` symbol whose extent holds `address`: its name and start.
fn symbol_at(file: &ElfFile64<'_, Endianness>, address: u64) -> Option<(String, u64)> {
    file.symbols()
        .filter(|symbol| symbol.size() > 0 && symbol.address() <= address && address < symbol.address() + symbol.size())
        .map(|symbol| (symbol.name().unwrap_or("?").to_string(), symbol.address()))
        .next()
}

/// An offset outside every section: the ELF header, the program or section
/// headers, or padding.
fn locate_in_headers(file: &ElfFile64<'_, Endianness>, offset: u64) -> String {
    let header = file.elf_header();
    let endian = file.endian();
    let within = |start: u64, count: u64, size: u64| offset >= start && offset < start + count * size;
    if offset < u64::from(header.e_ehsize(endian)) {
        format!("the ELF header, byte {offset:#x}")
    } else if within(header.e_phoff(endian), u64::from(header.e_phnum(endian)), u64::from(header.e_phentsize(endian))) {
        let index = (offset - header.e_phoff(endian)) / u64::from(header.e_phentsize(endian));
        format!("program header {index}")
    } else if within(header.e_shoff(endian), u64::from(header.e_shnum(endian)), u64::from(header.e_shentsize(endian))) {
        let index = (offset - header.e_shoff(endian)) / u64::from(header.e_shentsize(endian));
        format!("section header {index}")
    } else {
        "padding between sections".to_string()
    }
}

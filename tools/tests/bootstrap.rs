//! `utena bootstrap`'s pieces, without a bootstrap: the first-difference
//! report, the sources stamp, the stage2 fast path of `utena build`, and the
//! command line.
//!
//! Purpose: a failed fixpoint is only useful if it names the byte that
//! differs, and the fast path is only safe if it is taken exactly when the
//! stamp matches the sources. Both are checked here on small inputs; the
//! full bootstrap (minutes of CPU) belongs to the program harness.
//!
//! Design:
//! 1. The difference report: `examples/hello.scm` is built once (`utena
//!    build`); copies with a byte flipped in `.text`, in `.data` or cut
//!    short go to `utena bootstrap --compare`, and its message must name
//!    the symbol and offset, the virtual address, or the length.
//! 2. The stamp: `stamp.rs` is included here by path — the very rule
//!    `utena build` follows, not a copy — and run over a tiny fake
//!    runtime-src in a scratch directory.
//! 3. The fast path: a fake runtime-src whose `native/build.ut` says "seed"
//!    and a shell script as `target/stage2/utena`, stamped; which one
//!    `utena build` and `utena run --engine native` ran shows in their
//!    output, and the script records the arguments it was given.
//!
//! Not done here: the bootstrap itself.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use object::read::elf::ElfFile64;
use object::{Endianness, Object, ObjectSection, ObjectSymbol};

mod common;
use common::{stamp, workspace_root};

fn utena(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_utena"));
    command.args(args).current_dir(workspace_root()).env_remove("UTENA_RUNTIME_SRC").env_remove(stamp::NO_STAGE2);
    command
}

fn run(command: &mut Command) -> Output {
    command.output().expect("utena runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn describe(output: &Output) -> String {
    format!("status {}\n--- stdout:\n{}--- stderr:\n{}", output.status, text(&output.stdout), text(&output.stderr))
}

// ---- 1. The first-difference report ----------------------------------------

/// `examples/hello.scm`'s executable, built once for every test here.
struct Hello {
    scratch: tempfile::TempDir,
    executable: PathBuf,
    bytes: Vec<u8>,
}

fn hello() -> &'static Hello {
    static HELLO: OnceLock<Hello> = OnceLock::new();
    HELLO.get_or_init(|| {
        let scratch = tempfile::tempdir().expect("a scratch directory");
        let executable = scratch.path().join("hello");
        let output = run(utena(&["build", "examples/hello.scm", "-o"]).arg(&executable));
        assert!(output.status.success(), "utena build examples/hello.scm failed: {}", describe(&output));
        let bytes = std::fs::read(&executable).expect("the executable");
        Hello { scratch, executable, bytes }
    })
}

/// A copy of hello with `change` applied, and `utena bootstrap --compare`'s
/// output on the original and the copy.
fn compare_with(name: &str, change: impl FnOnce(&mut Vec<u8>)) -> Output {
    let hello = hello();
    let mut bytes = hello.bytes.clone();
    change(&mut bytes);
    let copy = hello.scratch.path().join(name);
    std::fs::write(&copy, bytes).expect("the copy is written");
    run(utena(&["bootstrap", "--compare"]).arg(&hello.executable).arg(&copy))
}

/// The file offset, address and name of a function symbol in `.text` of
/// at least 64 bytes whose name no other symbol has.
fn unique_text_symbol(bytes: &[u8]) -> (u64, u64, String) {
    let file = ElfFile64::<Endianness>::parse(bytes).expect("an ELF file");
    let text = file.section_by_name(".text").expect("a .text section");
    let (text_offset, _) = text.file_range().expect(".text is in the file");
    let names: Vec<String> = file.symbols().filter_map(|symbol| symbol.name().ok().map(String::from)).collect();
    let symbol = file
        .symbols()
        .find(|symbol| {
            let name = symbol.name().unwrap_or("");
            symbol.size() >= 64 && names.iter().filter(|other| *other == name).count() == 1
        })
        .expect("a symbol of 64 bytes or more with a name of its own");
    let offset = text_offset + (symbol.address() - text.address());
    (offset, symbol.address(), symbol.name().unwrap_or("").to_string())
}

/// The file offset and address of `.data`.
fn data_section(bytes: &[u8]) -> (u64, u64) {
    let file = ElfFile64::<Endianness>::parse(bytes).expect("an ELF file");
    let data = file.section_by_name(".data").expect("a .data section");
    (data.file_range().expect(".data is in the file").0, data.address())
}

#[test]
fn identical_executables_compare_equal() {
    let output = compare_with("same", |_| {});
    assert!(output.status.success(), "{}", describe(&output));
    assert!(text(&output.stdout).starts_with("identical: "), "{}", describe(&output));
}

#[test]
fn a_byte_in_text_is_named_by_its_symbol_and_offset() {
    let (offset, address, name) = unique_text_symbol(&hello().bytes);
    let output = compare_with("text", |bytes| bytes[offset as usize + 0x11] ^= 0xff);
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    let at = offset + 0x11;
    let expected = format!(
        "first difference at file offset {at:#x} ({at}): .text, address {:#x}, in symbol {name} (at {address:#x}) + 0x11;",
        address + 0x11
    );
    assert!(stdout.contains(&expected), "expected {expected:?} in\n{}", describe(&output));
    assert!(stdout.contains("1 byte differs in all"), "{}", describe(&output));
}

#[test]
fn a_byte_in_data_is_named_by_its_virtual_address() {
    let (offset, address) = data_section(&hello().bytes);
    let output = compare_with("data", |bytes| bytes[offset as usize + 0x128] ^= 0x01);
    let at = offset + 0x128;
    let expected =
        format!("first difference at file offset {at:#x} ({at}): .data, virtual address {:#x};", address + 0x128);
    assert_eq!(address, 0x1000_0000, "genesis's heap is at 0x10000000");
    assert!(text(&output.stdout).contains(&expected), "expected {expected:?} in\n{}", describe(&output));
}

#[test]
fn the_first_of_several_differences_is_reported() {
    let (text_offset, _, name) = unique_text_symbol(&hello().bytes);
    let (data_offset, _) = data_section(&hello().bytes);
    let output = compare_with("both", |bytes| {
        bytes[data_offset as usize] ^= 0x01;
        bytes[text_offset as usize] ^= 0x01;
    });
    let stdout = text(&output.stdout);
    assert!(stdout.contains(&format!("in symbol {name} ")), "{}", describe(&output));
    assert!(stdout.contains("2 bytes differ in all"), "{}", describe(&output));
}

#[test]
fn a_shorter_file_is_reported_where_it_ends() {
    let length = hello().bytes.len();
    let output = compare_with("short", |bytes| bytes.truncate(length - 10));
    let expected = format!("one file ends there (A is {length} bytes, B {})", length - 10);
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    assert!(text(&output.stdout).contains(&expected), "expected {expected:?} in\n{}", describe(&output));
}

#[test]
fn a_byte_in_the_elf_header_is_named_so_with_the_first_inside_a_section() {
    let (offset, _, name) = unique_text_symbol(&hello().bytes);
    let output = compare_with("header", |bytes| {
        bytes[0x18] ^= 0x01;
        bytes[offset as usize + 3] ^= 0x01;
    });
    let stdout = text(&output.stdout);
    assert!(stdout.contains("first difference at file offset 0x18 (24): the ELF header, byte 0x18;"), "{stdout}");
    let inside = offset + 3;
    let expected = format!("; the first inside a section: file offset {inside:#x} ({inside}): .text, address ");
    assert!(stdout.contains(&expected), "expected {expected:?} in {stdout}");
    assert!(stdout.contains(&format!("in symbol {name} (at ")), "{stdout}");
}

// ---- 2. The stamp ----------------------------------------------------------

/// A fake runtime-src (two .ut files, one nested, and a file of another
/// kind) in a scratch directory, with a program `prog.scm` beside it.
fn fake_runtime_src() -> (tempfile::TempDir, PathBuf) {
    let scratch = tempfile::tempdir().expect("a scratch directory");
    std::fs::write(scratch.path().join("prog.scm"), "(display 1)\n").expect("the program");
    let runtime_src = scratch.path().join("runtime-src");
    std::fs::create_dir_all(runtime_src.join("native")).expect("native/ is made");
    std::fs::write(runtime_src.join("native/build.ut"), "(display \"seed path\")\n(newline)\n(exit 3)\n")
        .expect("build.ut is written");
    std::fs::write(runtime_src.join("core.ut"), "(define x 1)\n").expect("core.ut is written");
    std::fs::write(runtime_src.join("README.md"), "not a source\n").expect("README.md is written");
    (scratch, runtime_src)
}

fn digest(runtime_src: &Path) -> String {
    stamp::sources_digest(runtime_src).expect("the sources are read")
}

#[test]
fn the_digest_follows_every_ut_file_and_nothing_else() {
    let (_scratch, runtime_src) = fake_runtime_src();
    let first = digest(&runtime_src);
    assert_eq!(first.len(), 64);
    assert_eq!(digest(&runtime_src), first, "the digest is deterministic");
    std::fs::write(runtime_src.join("README.md"), "changed\n").expect("written");
    assert_eq!(digest(&runtime_src), first, "a file that is not *.ut does not count");
    std::fs::write(runtime_src.join("native/build.ut"), "(exit 4)\n").expect("written");
    let edited = digest(&runtime_src);
    assert_ne!(edited, first, "a changed .ut file changes the digest");
    std::fs::rename(runtime_src.join("core.ut"), runtime_src.join("native/core.ut")).expect("moved");
    let moved = digest(&runtime_src);
    assert_ne!(moved, edited, "a moved .ut file changes the digest");
    std::fs::write(runtime_src.join("new.ut"), "").expect("written");
    assert_ne!(digest(&runtime_src), moved, "a new, even empty, .ut file changes the digest");
}

/// Puts `script` as the fake tree's `target/stage2/utena`, stamped with the
/// sources' digest now.
fn install_stage2(runtime_src: &Path, script: &str) -> PathBuf {
    let stage2 = runtime_src.parent().expect("a parent").join("target/stage2");
    std::fs::create_dir_all(&stage2).expect("target/stage2 is made");
    let toolchain = stage2.join("utena");
    std::fs::write(&toolchain, script).expect("the toolchain is written");
    std::fs::set_permissions(&toolchain, std::fs::Permissions::from_mode(0o755)).expect("it is executable");
    std::fs::write(stage2.join("utena.sources"), format!("{}\n", digest(runtime_src))).expect("the stamp");
    toolchain
}

#[test]
fn stage2_is_fresh_only_while_its_stamp_matches() {
    let (_scratch, runtime_src) = fake_runtime_src();
    assert_eq!(stamp::fresh_stage2(&runtime_src), None, "no stage2 yet");
    let toolchain = install_stage2(&runtime_src, "#!/bin/sh\nexit 0\n");
    assert_eq!(stamp::fresh_stage2(&runtime_src), Some(toolchain.canonicalize().expect("canonical")));
    std::fs::write(runtime_src.join("core.ut"), "(define x 2)\n").expect("written");
    assert_eq!(stamp::fresh_stage2(&runtime_src), None, "the sources changed after the stamp");
}

// ---- 3. The fast path ------------------------------------------------------

/// A toolchain that records its arguments in ARGS beside itself, says so on
/// stdout, and writes OUT (its last argument) as a program printing "ran".
const RECORDING_TOOLCHAIN: &str = "#!/bin/sh\n\
    echo \"$@\" > \"$(dirname \"$0\")/ARGS\"\n\
    echo 'stage2 path'\n\
    for out; do :; done\n\
    printf '#!/bin/sh\\necho ran\\n' > \"$out\"\n\
    chmod +x \"$out\"\n";

#[test]
fn build_uses_a_fresh_stage2_with_the_same_arguments() {
    let (scratch, runtime_src) = fake_runtime_src();
    let toolchain = install_stage2(&runtime_src, RECORDING_TOOLCHAIN);
    let program = scratch.path().join("prog.scm");
    let out = scratch.path().join("prog");
    let output = run(utena(&["build", "--heap-mib", "64", "--jobs", "3", "--runtime-src"])
        .arg(&runtime_src)
        .arg(&program)
        .arg("-o")
        .arg(&out));
    assert!(output.status.success(), "{}", describe(&output));
    assert_eq!(text(&output.stdout), "stage2 path\n", "{}", describe(&output));
    let recorded = std::fs::read_to_string(toolchain.with_file_name("ARGS")).expect("the toolchain ran");
    let canonical = runtime_src.canonicalize().expect("canonical");
    let expected = format!(
        "--runtime-src {} --jobs 3 --heap-mib 64 {} {}\n",
        canonical.display(),
        program.display(),
        out.display()
    );
    assert_eq!(recorded, expected);
    // A count of processes the toolchain refuses is refused before it runs.
    let refused = run(utena(&["build", "--jobs", "0", "--runtime-src"]).arg(&runtime_src).arg(&program));
    assert_eq!(refused.status.code(), Some(2), "{}", describe(&refused));
    assert!(text(&refused.stderr).contains("--jobs"), "{}", describe(&refused));
}

#[test]
fn run_native_uses_stage2_with_deferred_errors_and_its_output_aside() {
    let (scratch, runtime_src) = fake_runtime_src();
    let toolchain = install_stage2(&runtime_src, RECORDING_TOOLCHAIN);
    let program = scratch.path().join("prog.scm");
    let output = run(utena(&["run", "--engine", "native"]).arg(&program).env("UTENA_RUNTIME_SRC", &runtime_src));
    assert!(output.status.success(), "{}", describe(&output));
    assert_eq!(text(&output.stdout), "ran\n", "only the program's output on stdout: {}", describe(&output));
    assert!(text(&output.stderr).contains("stage2 path"), "the build's output on stderr: {}", describe(&output));
    let recorded = std::fs::read_to_string(toolchain.with_file_name("ARGS")).expect("the toolchain ran");
    assert!(recorded.contains(" --deferred-errors "), "{recorded}");
}

#[test]
fn a_failing_stage2_build_keeps_its_status() {
    let (scratch, runtime_src) = fake_runtime_src();
    install_stage2(&runtime_src, "#!/bin/sh\necho 'prog.scm:1:1: error: no' >&2\nexit 1\n");
    let program = scratch.path().join("prog.scm");
    let output =
        run(utena(&["build", "--runtime-src"]).arg(&runtime_src).arg(&program).arg("-o").arg(scratch.path().join("p")));
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    assert_eq!(text(&output.stderr), "prog.scm:1:1: error: no\n", "{}", describe(&output));
}

#[test]
fn a_failing_stage2_build_under_run_keeps_its_message() {
    // `run` sets the build's stdout aside; its stderr (the compile error) must
    // still reach the user (CI found it lost: errors/bytevector-dotted.scm).
    let (scratch, runtime_src) = fake_runtime_src();
    install_stage2(&runtime_src, "#!/bin/sh\necho 'prog.scm:1:1: error: no' >&2\nexit 1\n");
    let program = scratch.path().join("prog.scm");
    let output = run(utena(&["run", "--engine", "native"]).arg(&program).env("UTENA_RUNTIME_SRC", &runtime_src));
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    assert_eq!(text(&output.stderr), "prog.scm:1:1: error: no\n", "{}", describe(&output));
}

#[test]
fn no_stage2_or_a_stale_stamp_means_the_seed() {
    let (scratch, runtime_src) = fake_runtime_src();
    install_stage2(&runtime_src, RECORDING_TOOLCHAIN);
    let program = scratch.path().join("prog.scm");
    let build = |forced: bool| {
        let mut command = utena(&["build", "--runtime-src"]);
        command.arg(&runtime_src).arg(&program).arg("-o").arg(scratch.path().join("p"));
        if forced {
            command.env(stamp::NO_STAGE2, "1");
        }
        run(&mut command)
    };
    let forced = build(true);
    assert_eq!(forced.status.code(), Some(3), "UTENA_NO_STAGE2=1 runs build.ut on the seed: {}", describe(&forced));
    assert_eq!(text(&forced.stdout), "seed path\n");
    std::fs::write(runtime_src.join("core.ut"), "(define x 2)\n").expect("written");
    let stale = build(false);
    assert_eq!(stale.status.code(), Some(3), "a stale stamp means the seed: {}", describe(&stale));
}

// ---- 4. The command line ---------------------------------------------------

#[test]
fn bootstrap_help_describes_the_stages() {
    let output = run(&mut utena(&["bootstrap", "--help"]));
    assert!(output.status.success(), "{}", describe(&output));
    let stdout = text(&output.stdout);
    for needle in ["stage0", "OUT/stage3/utena", "utena.sources", "UTENA_NO_STAGE2", "--compare"] {
        assert!(stdout.contains(needle), "{needle:?} in\n{stdout}");
    }
}

#[test]
fn a_missing_runtime_src_is_a_driver_failure() {
    let output = run(&mut utena(&["bootstrap", "--runtime-src", "/nonexistent/runtime-src"]));
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    assert!(
        text(&output.stderr).starts_with("utena: error: cannot use /nonexistent/runtime-src as runtime-src"),
        "{}",
        describe(&output)
    );
}

#[test]
fn a_runtime_src_without_build_ut_is_a_driver_failure() {
    let scratch = tempfile::tempdir().expect("a scratch directory");
    let out = scratch.path().join("out");
    let output = run(utena(&["bootstrap", "--runtime-src"]).arg(scratch.path()).arg("--out").arg(&out));
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    assert!(text(&output.stderr).contains("cannot find the native back end"), "{}", describe(&output));
    assert!(!out.exists(), "nothing is made before the sources are found");
}

#[test]
fn a_failing_stage_stops_the_bootstrap_with_its_output() {
    let (scratch, runtime_src) = fake_runtime_src();
    let out = scratch.path().join("out");
    let output = run(utena(&["bootstrap", "--runtime-src"]).arg(&runtime_src).arg("--out").arg(&out));
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("seed path\n"), "the stage's output is shown: {}", describe(&output));
    assert!(
        stderr.contains("utena: error: stage0 failed (exit status 3); its output is above"),
        "{}",
        describe(&output)
    );
    assert!(!out.join("stage1/utena").exists() && !out.join("stage1/utena.new").exists());
    assert!(!out.join(stamp::STAGE2_STAMP).exists(), "no stamp without a fixpoint");
}

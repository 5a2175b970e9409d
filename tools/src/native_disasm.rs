//! `utena disasm --native EXE-OR-SOURCE`: the machine code of a native
//! executable, function by function, with the source lines it came from.
//!
//! Purpose: show what the native back end made of a program as x86-64
//! instructions, read back from the executable itself — its symbols, its
//! bytes and its DWARF line table — by parsers independent of the writer
//! (`runtime-src/image/elf.ut`), so a mistake in code generation or in the
//! writer shows up as text.
//!
//! Design:
//! 1. An argument that starts with the ELF magic is read as the executable;
//!    anything else is a source file, built first (`native.rs`) into a
//!    temporary directory; a failed build's report and status are passed on.
//! 2. `object` gives the function symbols (`STT_FUNC`), listed in address
//!    order (then by name, so aliases list the same way every time), each
//!    one's bytes taken from the section holding its address; `gimli` gives
//!    the line table, kept as sequences of rows (address, file, line).
//! 3. For each function: `== NAME at 0xADDR (SIZE bytes)`, then one line per
//!    instruction, `  ADDRESS  BYTES  INSTRUCTION`, decoded by `iced-x86` in
//!    Intel syntax with `0x` numbers; a near call or jump into a function
//!    names its target (`<NAME>`, `<NAME+0xOFFSET>`). Before an instruction
//!    whose file and line differ from the previous instruction's (and before
//!    a function's first, when it has one), `  ; FILE:LINE`, the file as the line program holds it
//!    (directory, then name), so the listing does not depend on where the
//!    program was built.
//! 4. Bytes that do not decode are `(bad)` and listing goes on; a function
//!    whose bytes are not in the file (outside every section, or in a
//!    zero-filled one) says so. A file that is not a well-formed 64-bit ELF
//!    file is a driver error (status 2), never a panic.
//!
//! Not done here: bytecode (`utena disasm` without `--native`), and data:
//! bytes outside function symbols (padding, constants) are not listed.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, anyhow};
use iced_x86::{Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter, OpKind};
use object::read::elf::ElfFile64;
use object::{Endianness, Object, ObjectSection, ObjectSymbol, SymbolKind};

use crate::native::{self, BuildOutput, Built};

/// Exit status when standard output is a closed pipe, as after SIGPIPE.
const CLOSED_PIPE: u8 = 128 + 13;

/// The width of the bytes column: up to ten bytes without spilling over.
const BYTES_WIDTH: usize = 20;

/// `utena disasm --native`: the listing on stdout, status 0.
pub fn run(file: &Path, runtime_src: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let data = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let (data, _directory) = if data.starts_with(b"\x7fELF") {
        (data, None)
    } else {
        let directory = native::temporary_directory()?;
        let out = directory.path().join(native::executable_name(file));
        match native::build(file, &out, runtime_src, BuildOutput::Aside)? {
            Built::Written(executable) => {
                let data = std::fs::read(&executable)
                    .with_context(|| format!("cannot read the executable built from {}", file.display()))?;
                (data, Some(directory))
            }
            Built::Failed(status) => return Ok(status),
        }
    };
    let text = listing(&data).with_context(|| format!("cannot disassemble {}", file.display()))?;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::from(CLOSED_PIPE)),
        Err(error) => Err(error.into()),
    }
}

/// A function symbol.
struct Function {
    name: String,
    address: u64,
    size: u64,
}

/// The whole listing of an ELF executable's bytes.
pub fn listing(data: &[u8]) -> anyhow::Result<String> {
    let elf = ElfFile64::<Endianness>::parse(data).map_err(|error| {
        anyhow!("not a well-formed 64-bit ELF file ({error}); utena disasm --native reads what `utena build` writes")
    })?;
    let mut functions: Vec<Function> = elf
        .symbols()
        .filter(|symbol| symbol.kind() == SymbolKind::Text)
        .map(|symbol| Function {
            name: symbol.name().unwrap_or("<bad name>").to_string(),
            address: symbol.address(),
            size: symbol.size(),
        })
        .collect();
    functions.sort_by(|a, b| (a.address, &a.name).cmp(&(b.address, &b.name)));
    // The function at each start address (the first by name where several share one).
    let starts: BTreeMap<u64, &Function> =
        functions.iter().rev().map(|function| (function.address, function)).collect();
    let lines = LineTable::read(&elf)?;
    let mut formatter = IntelFormatter::new();
    formatter.options_mut().set_hex_prefix("0x");
    formatter.options_mut().set_hex_suffix("");
    formatter.options_mut().set_space_after_operand_separator(true);
    formatter.options_mut().set_branch_leading_zeros(false);
    formatter.options_mut().set_uppercase_hex(false);
    let mut out = String::new();
    if functions.is_empty() {
        writeln!(out, "; no function symbols (a stripped executable?)")?;
    }
    for function in &functions {
        writeln!(out, "== {} at {:#x} ({} bytes)", function.name, function.address, function.size)?;
        let Some(bytes) = function_bytes(&elf, function)? else {
            writeln!(out, "  ; its bytes are not in the file")?;
            continue;
        };
        let mut decoder = Decoder::with_ip(64, bytes, function.address, DecoderOptions::NONE);
        let mut instruction = Instruction::default();
        let mut last_location = None;
        while decoder.can_decode() {
            let offset = (decoder.ip() - function.address) as usize;
            decoder.decode_out(&mut instruction);
            let location = lines.location(instruction.ip());
            if location != last_location
                && let Some((file, line)) = location
            {
                writeln!(out, "  ; {file}:{line}")?;
            }
            last_location = location;
            let encoded = &bytes[offset..offset + instruction.len()];
            let hex: String = encoded.iter().map(|byte| format!("{byte:02x}")).collect();
            let mut text = String::new();
            if instruction.is_invalid() {
                text.push_str("(bad)");
            } else {
                formatter.format(&instruction, &mut text);
                if instruction.op0_kind() == OpKind::NearBranch64
                    && let Some(target) = branch_target(&starts, instruction.near_branch_target())
                {
                    write!(text, " <{target}>")?;
                }
            }
            writeln!(out, "  {:#010x}  {hex:<BYTES_WIDTH$}  {text}", instruction.ip())?;
        }
    }
    Ok(out)
}

/// A branch target as `NAME` (a function's first byte) or `NAME+0xOFFSET`
/// (inside it), or None outside every function.
fn branch_target(starts: &BTreeMap<u64, &Function>, target: u64) -> Option<String> {
    let (&start, function) = starts.range(..=target).next_back()?;
    match target - start {
        0 => Some(function.name.clone()),
        offset if offset < function.size => Some(format!("{}+{offset:#x}", function.name)),
        _ => None,
    }
}

/// The file bytes of `function`, or None when no section with file bytes
/// holds all of it.
fn function_bytes<'data>(
    elf: &ElfFile64<'data, Endianness>,
    function: &Function,
) -> anyhow::Result<Option<&'data [u8]>> {
    for section in elf.sections() {
        let (start, size) = (section.address(), section.size());
        if start == 0 || function.address < start || function.address - start + function.size > size {
            continue;
        }
        let data = section.data().context("bad section data")?;
        let offset = (function.address - start) as usize;
        let end = offset + function.size as usize;
        return Ok(data.get(offset..end));
    }
    Ok(None)
}

/// One sequence of the line program: its rows (address, file, line) and
/// the address just past it.
struct Sequence {
    rows: Vec<(u64, Option<(String, u64)>)>,
    end: u64,
}

/// The DWARF line table, as sequences.
struct LineTable {
    sequences: Vec<Sequence>,
}

impl LineTable {
    fn read(elf: &ElfFile64<Endianness>) -> anyhow::Result<LineTable> {
        let dwarf = crate::inspect::load_dwarf(elf)?;
        let mut sequences = Vec::new();
        let mut units = dwarf.units();
        while let Some(header) = units.next().context("bad .debug_info")? {
            let unit = dwarf.unit(header).context("bad compile unit")?;
            let Some(program) = unit.line_program.clone() else { continue };
            let mut rows = program.rows();
            let mut current = Vec::new();
            while let Some((header, row)) = rows.next_row().context("bad .debug_line")? {
                if row.end_sequence() {
                    sequences.push(Sequence { rows: std::mem::take(&mut current), end: row.address() });
                    continue;
                }
                let location = match row.file(header) {
                    Some(file) => {
                        let mut path = String::new();
                        if let Some(directory) = file.directory(header) {
                            let directory = dwarf.attr_string(&unit, directory).context("bad directory name")?;
                            if !directory.is_empty() {
                                path = format!("{}/", directory.to_string_lossy());
                            }
                        }
                        let name = dwarf.attr_string(&unit, file.path_name()).context("bad file name")?;
                        path.push_str(&name.to_string_lossy());
                        Some((path, row.line().map_or(0, |line| line.get())))
                    }
                    None => None,
                };
                current.push((row.address(), location));
            }
        }
        Ok(LineTable { sequences })
    }

    /// The file and line of the row covering `address`.
    fn location(&self, address: u64) -> Option<(&str, u64)> {
        let sequence = self
            .sequences
            .iter()
            .find(|sequence| sequence.rows.first().is_some_and(|row| row.0 <= address) && address < sequence.end)?;
        let (_, location) = sequence.rows.iter().rev().find(|row| row.0 <= address)?;
        location.as_ref().map(|(file, line)| (file.as_str(), *line))
    }
}

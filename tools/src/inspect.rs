//! `utena inspect EXE`: what an executable holds, as the loader and a
//! debugger will see it.
//!
//! Purpose: show the work of `runtime-src/image/elf.ut` (docs/image.md) —
//! its segments, symbols and line table — read back by independent
//! parsers, so a mistake in the writer shows up here rather than as a
//! crash of the executable or a silent debugger.
//!
//! Design:
//! 1. The file is read whole and parsed with `object`'s ELF reader (read
//!    features only); anything that is not a 64-bit little-endian ELF file
//!    is a driver error (`utena: error: …`, status 2), never a panic.
//! 2. The summary is built as a string, in file order: the header, every
//!    program header, every section, every symbol (in table order, so
//!    locals come first), then the DWARF line table read with `gimli`: one
//!    row per line per address, and each sequence's end.
//! 3. Paths in the line table are shown as the line program holds them
//!    (directory, then file name); the compile unit's directory is printed
//!    once, so the output does not depend on where the file was built
//!    unless the writer put that in.
//!
//! Not done here: disassembly (`utena disasm` is the bytecode listing), and
//! other formats or machines — Utena writes only static x86-64 ELF.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, anyhow};
use object::read::elf::{ElfFile64, FileHeader, ProgramHeader};
use object::{Endianness, Object, ObjectSection, ObjectSymbol, SectionKind, SymbolKind, elf};

/// `utena inspect`: the summary on stdout, status 0; or a driver error.
pub fn run(file: &Path) -> anyhow::Result<ExitCode> {
    let data = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let summary = describe(&data).with_context(|| format!("cannot inspect {}", file.display()))?;
    print!("{summary}");
    Ok(ExitCode::SUCCESS)
}

/// The whole summary of an ELF executable's bytes.
pub fn describe(data: &[u8]) -> anyhow::Result<String> {
    let elf = ElfFile64::<Endianness>::parse(data).map_err(|error| {
        anyhow!("not a well-formed 64-bit ELF file ({error}); utena inspect reads what `utena build` writes")
    })?;
    let mut out = String::new();
    header(&mut out, &elf)?;
    segments(&mut out, &elf)?;
    sections(&mut out, &elf)?;
    symbols(&mut out, &elf)?;
    line_table(&mut out, &elf)?;
    Ok(out)
}

fn header(out: &mut String, elf: &ElfFile64<Endianness>) -> anyhow::Result<()> {
    let endian = elf.endian();
    let kind = match elf.elf_header().e_type(endian) {
        elf::ET_EXEC => "executable (ET_EXEC)".to_string(),
        elf::ET_DYN => "position-independent executable or shared object (ET_DYN)".to_string(),
        elf::ET_REL => "relocatable object (ET_REL)".to_string(),
        other => format!("ELF type {}", other.0),
    };
    let machine = match elf.elf_header().e_machine(endian) {
        elf::EM_X86_64 => "x86-64".to_string(),
        other => format!("machine {}", other.0),
    };
    let headers = elf.elf_program_headers();
    let interpreter = headers.iter().any(|h| h.p_type(endian) == elf::PT_INTERP);
    let dynamic = headers.iter().any(|h| h.p_type(endian) == elf::PT_DYNAMIC);
    writeln!(out, "ELF64 {machine} {kind}, entry {:#x}", elf.entry())?;
    writeln!(
        out,
        "linking: {}",
        if interpreter || dynamic { "dynamic (has PT_INTERP or PT_DYNAMIC)" } else { "static" }
    )?;
    Ok(())
}

fn segment_type_name(kind: elf::ProgramType) -> String {
    match kind {
        elf::PT_LOAD => "LOAD".into(),
        elf::PT_GNU_STACK => "GNU_STACK".into(),
        elf::PT_INTERP => "INTERP".into(),
        elf::PT_DYNAMIC => "DYNAMIC".into(),
        elf::PT_NOTE => "NOTE".into(),
        elf::PT_TLS => "TLS".into(),
        elf::PT_PHDR => "PHDR".into(),
        other => format!("{:#x}", other.0),
    }
}

fn segments(out: &mut String, elf: &ElfFile64<Endianness>) -> anyhow::Result<()> {
    let endian = elf.endian();
    writeln!(out, "segments:")?;
    for header in elf.elf_program_headers() {
        let flags = header.p_flags(endian).0;
        let letter = |bit: u32, c: char| if flags & bit != 0 { c } else { '-' };
        writeln!(
            out,
            "  {:<10} vaddr {:#010x}  filesz {:#07x}  memsz {:#07x}  {}{}{}  offset {:#07x}  align {:#x}",
            segment_type_name(header.p_type(endian)),
            header.p_vaddr(endian),
            header.p_filesz(endian),
            header.p_memsz(endian),
            letter(elf::PF_R.0, 'r'),
            letter(elf::PF_W.0, 'w'),
            letter(elf::PF_X.0, 'x'),
            header.p_offset(endian),
            header.p_align(endian),
        )?;
    }
    Ok(())
}

fn sections(out: &mut String, elf: &ElfFile64<Endianness>) -> anyhow::Result<()> {
    writeln!(out, "sections:")?;
    for section in elf.sections() {
        let name = section.name().unwrap_or("<bad name>");
        let kind = match section.kind() {
            SectionKind::Text => "code",
            SectionKind::Data => "data",
            SectionKind::UninitializedData => "zero-filled",
            SectionKind::Metadata => "metadata",
            SectionKind::Other if name.starts_with(".debug_") => "debug",
            _ => "other",
        };
        writeln!(
            out,
            "  [{:>2}] {:<14} {:<11} addr {:#010x}  size {:#07x}",
            section.index().0,
            name,
            kind,
            section.address(),
            section.size()
        )?;
    }
    Ok(())
}

fn symbols(out: &mut String, elf: &ElfFile64<Endianness>) -> anyhow::Result<()> {
    writeln!(out, "symbols:")?;
    for symbol in elf.symbols() {
        let kind = match symbol.kind() {
            SymbolKind::Text => "function",
            SymbolKind::Data => "data",
            SymbolKind::File => "file",
            SymbolKind::Section => "section",
            _ => "other",
        };
        writeln!(
            out,
            "  {:#010x}  size {:>5}  {:<6} {:<8} {}",
            symbol.address(),
            symbol.size(),
            if symbol.is_global() { "global" } else { "local" },
            kind,
            symbol.name().unwrap_or("<bad name>")
        )?;
    }
    Ok(())
}

pub type Slice<'data> = gimli::EndianSlice<'data, gimli::LittleEndian>;

/// The DWARF sections of an ELF file (an absent section reads as empty).
pub fn load_dwarf<'data>(elf: &ElfFile64<'data, Endianness>) -> anyhow::Result<gimli::Dwarf<Slice<'data>>> {
    let load = |id: gimli::SectionId| -> Result<Slice<'data>, object::Error> {
        let data = match elf.section_by_name(id.name()) {
            Some(section) => section.data()?,
            None => &[],
        };
        Ok(gimli::EndianSlice::new(data, gimli::LittleEndian))
    };
    gimli::Dwarf::load(load).context("cannot load the DWARF sections")
}

fn line_table(out: &mut String, elf: &ElfFile64<Endianness>) -> anyhow::Result<()> {
    if !elf.is_little_endian() {
        return Err(anyhow!("big-endian ELF: utena inspect reads little-endian x86-64 only"));
    }
    let dwarf = load_dwarf(elf)?;
    writeln!(out, "line table:")?;
    let mut units = dwarf.units();
    while let Some(header) = units.next().context("bad .debug_info")? {
        let unit = dwarf.unit(header).context("bad compile unit")?;
        let text = |r: Option<Slice>| r.map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        writeln!(out, "  compile unit {} (directory {})", text(unit.name), text(unit.comp_dir))?;
        if let Some(program) = unit.line_program.clone() {
            line_rows(out, &dwarf, &unit, program)?;
        }
    }
    Ok(())
}

fn line_rows(
    out: &mut String,
    dwarf: &gimli::Dwarf<Slice>,
    unit: &gimli::Unit<Slice>,
    program: gimli::IncompleteLineProgram<Slice>,
) -> anyhow::Result<()> {
    let mut rows = program.rows();
    while let Some((header, row)) = rows.next_row().context("bad .debug_line")? {
        if row.end_sequence() {
            writeln!(out, "    {:#010x}  end of sequence", row.address())?;
            continue;
        }
        let mut path = String::new();
        if let Some(file) = row.file(header) {
            if let Some(directory) = file.directory(header) {
                let directory = dwarf.attr_string(unit, directory).context("bad directory name")?;
                if !directory.is_empty() {
                    path = format!("{}/", directory.to_string_lossy());
                }
            }
            let name = dwarf.attr_string(unit, file.path_name()).context("bad file name")?;
            path.push_str(&name.to_string_lossy());
        } else {
            path.push_str("<no file>");
        }
        let line = row.line().map_or(0, |line| line.get());
        let column = match row.column() {
            gimli::ColumnType::LeftEdge => 0,
            gimli::ColumnType::Column(column) => column.get(),
        };
        writeln!(out, "    {:#010x}  {path}:{line}:{column}", row.address())?;
    }
    Ok(())
}

//! The x86-64 encoder written in Utena, `runtime-src/asm/x86.ut`, against
//! dynasm, a Rust assembler that serves as the reference.
//!
//! Purpose: show that every instruction form the templates use encodes to
//! the same bytes in Utena as in dynasm, for every register and for
//! immediates and displacements at the edges of their encodings, and that
//! bad operands are refused with an error instead of wrong bytes.
//!
//! Design:
//! 1. `generate` emits every case with `dynasm!` into one `VecAssembler`,
//!    remembering where each case starts and ends and how the same
//!    instructions are written for `x86.ut` (a list of instruction lists).
//!    Registers are passed into `dynasm!` as identifiers by `macro_rules!`
//!    (static names: dynasm's dynamic registers give valid but
//!    non-canonical encodings). Immediates and displacements are run-time
//!    values, each written with the size (`BYTE`, `DWORD`) that its value
//!    needs, so dynasm picks the short form exactly where `x86.ut` does.
//!    Each generator is its own `#[inline(never)]` function: one function
//!    holding thousands of `dynasm!` expansions takes minutes to optimise.
//! 2. The Utena side is one program, generated into a temporary directory:
//!    it includes `tests/asm/check.ut` and hands it every case, which
//!    prints one line per case (the bytes in hex, or `error: …`). One seed
//!    start for all cases keeps the test fast.
//! 3. Bytes must match exactly, with one documented exception: dynasm
//!    writes `OP [mem], imm` with a 32-bit immediate (`81 /n id`) even when
//!    the value fits a byte, where `x86.ut` uses the sign-extended imm8
//!    form (`83 /n ib`), as GNU as does. For those cases the reference is
//!    dynasm's bytes with `81` turned into `83` and the immediate cut to
//!    its low byte (`Expect::Imm8`); the same instruction with `(imm32 n)`
//!    is compared with dynasm's bytes unchanged.
//! 4. `bad_operands_are_errors`: each bad instruction must print an
//!    `error: asm: …` line that contains the expected words.
//! 5. `simulator_agrees_with_seed`: a sample of the cases, run with
//!    `--engine sim` (x86.ut compiled by Utena's compiler, run by the VM
//!    on a simulated heap), prints what the seed prints.
//!
//! Not done here: executing the code (the templates' tests will), and the
//! forms dynasm cannot express the same way (`movabs` of a label, `dq`):
//! `layout_and_relocations` checks those against bytes written out by hand.

use std::fmt::Write as _;

use dynasmrt::{DynamicLabel, DynasmApi, DynasmLabelApi, VecAssembler, dynasm, x64::X64Relocation};

mod common;
use common::workspace_root;

/// How a case's reference bytes are derived from dynasm's.
#[derive(Clone, Copy)]
enum Expect {
    /// Exactly dynasm's bytes.
    Exact,
    /// dynasm's `81 /n` form with an immediate of this many bytes, turned
    /// into the `83 /n ib` form (see the header, step 3).
    Imm8(usize),
}

struct Case {
    /// The instructions as `x86.ut` reads them: `((mov rax rbx))`.
    text: String,
    start: usize,
    end: usize,
    expect: Expect,
}

struct Gen {
    ops: VecAssembler<X64Relocation>,
    cases: Vec<Case>,
    start: usize,
}

impl Gen {
    fn begin(&mut self) {
        self.start = self.ops.offset().0;
    }

    /// Ends a case of one instruction, written without its parentheses.
    fn end(&mut self, instruction: &str) {
        self.end_with(format!("(({instruction}))"), Expect::Exact);
    }

    fn end_with(&mut self, text: String, expect: Expect) {
        let end = self.ops.offset().0;
        self.cases.push(Case { text, start: self.start, end, expect });
    }

    fn label(&mut self) -> DynamicLabel {
        self.ops.new_dynamic_label()
    }
}

/// Displacements: zero, both edges of disp8, just past them, and disp32's edges.
const DISPS: &[i32] = &[0, 1, -1, 127, 128, -128, -129, i32::MIN, i32::MAX];
/// Immediates of a 32- or 64-bit operation (sign-extended imm32).
const IMMS: &[i32] = &[0, 1, -1, 127, 128, -128, -129, 0x1234_5678, i32::MIN, i32::MAX];
/// Immediates of `mov r64, imm`: imm32 where it fits, movabs beyond.
const IMMS64: &[i64] = &[
    0,
    1,
    -1,
    i32::MIN as i64,
    i32::MAX as i64,
    i32::MAX as i64 + 1,
    i32::MIN as i64 - 1,
    1 << 32,
    0x1234_5678_9abc_def0,
    i64::MIN,
    i64::MAX,
];

/// The memory operand `(SIZE base [disp])` as x86.ut writes it.
fn mem_text(size: &str, base: &str, disp: i32) -> String {
    if disp == 0 { format!("({size} {base})") } else { format!("({size} {base} {disp})") }
}

// ---------------------------------------------------------------------------
// Macros that hand register names to dynasm!
// ---------------------------------------------------------------------------

/// `each!(m!(args) ; r1 r2 …)` is `m!(args r1); m!(args r2); …`.
macro_rules! each {
    ($m:ident ! $args:tt ; $($r:ident)*) => { $( call!($m $args $r); )* };
}
macro_rules! call {
    ($m:ident ($($a:tt)*) $r:ident) => { $m!($($a)* $r) };
}

/// A register-register instruction: `op d, s`.
macro_rules! rr {
    ($g:ident, $op:ident, $d:ident, $s:ident) => {{
        $g.begin();
        dynasm!($g.ops ; .arch x64 ; $op $d, $s);
        $g.end(concat!(stringify!($op), " ", stringify!($d), " ", stringify!($s)));
    }};
}

/// `pairs!(name, op, [regs])`: a function emitting `op d, s` for every pair.
macro_rules! pairs {
    ($name:ident, $op:ident, [$($r:ident)*]) => {
        #[inline(never)]
        fn $name(g: &mut Gen) {
            macro_rules! row { ($d:ident) => { each!(rr!(g, $op, $d,) ; $($r)*) }; }
            $( row!($r); )*
        }
    };
}

/// `row_col!(name, op, fixed-dst, fixed-src, [regs])`: `op fixed-dst, r`
/// and `op r, fixed-src` for every r.
macro_rules! row_col {
    ($name:ident, $op:ident, $d:ident, $s:ident, [$($r:ident)*]) => {
        #[inline(never)]
        fn $name(g: &mut Gen) {
            $( rr!(g, $op, $d, $r); rr!(g, $op, $r, $s); )*
        }
    };
}

/// `one!(name, op …, [regs])`: `op r` for every op and r.
macro_rules! one {
    ($name:ident, $($op:ident)*, [$($r:ident)*]) => {
        #[inline(never)]
        fn $name(g: &mut Gen) {
            macro_rules! for_op { ($o:ident) => { $( one_instruction!(g, $o, $r); )* }; }
            $( for_op!($op); )*
        }
    };
}
macro_rules! one_instruction {
    ($g:ident, $op:ident, $r:ident) => {{
        $g.begin();
        dynasm!($g.ops ; .arch x64 ; $op $r);
        $g.end(concat!(stringify!($op), " ", stringify!($r)));
    }};
}

/// `row!(name, op, d, [srcs])` is `op d, s` for every s; `col!(name, op,
/// s, [dsts])` is `op d, s` for every d (for forms whose operands differ
/// in size).
macro_rules! row {
    ($name:ident, $op:ident, $d:ident, [$($r:ident)*]) => {
        #[inline(never)]
        fn $name(g: &mut Gen) { $( rr!(g, $op, $d, $r); )* }
    };
}
macro_rules! col {
    ($name:ident, $op:ident, $s:ident, [$($r:ident)*]) => {
        #[inline(never)]
        fn $name(g: &mut Gen) { $( rr!(g, $op, $r, $s); )* }
    };
}

/// `op r, imm` for every r and every immediate in `$imms`: with
/// `byte_too`, `BYTE` where the value fits a byte, else `$wide`; with
/// `wide_only` (forms without an imm8 encoding), always `$wide`.
macro_rules! reg_imm {
    ($name:ident, $op:ident, $imms:expr, $wide:ident, $short:ident, [$($r:ident)*]) => {
        #[inline(never)]
        fn $name(g: &mut Gen) {
            $(
                for &v in $imms {
                    g.begin();
                    let expect = reg_imm_one!($short, g, $op, $r, $wide, v);
                    let text = format!(concat!("((", stringify!($op), " ", stringify!($r), " {}))"), v);
                    g.end_with(text, expect);
                }
            )*
        }
    };
}
macro_rules! reg_imm_one {
    (byte_too, $g:ident, $op:ident, $r:ident, $wide:ident, $v:ident) => {{
        match i8::try_from($v) {
            Ok(v8) => dynasm!($g.ops ; .arch x64 ; $op $r, BYTE v8),
            Err(_) => wide_imm!($g, $op, $r, $wide, $v),
        }
        Expect::Exact
    }};
    (wide_only, $g:ident, $op:ident, $r:ident, $wide:ident, $v:ident) => {{
        wide_imm!($g, $op, $r, $wide, $v);
        Expect::Exact
    }};
    // dynasm has no `cmp r, imm8` (83 /7 ib): the reference is its imm32
    // form, rewritten (header, step 3).
    (byte_rewrite, $g:ident, $op:ident, $r:ident, $wide:ident, $v:ident) => {{
        wide_imm!($g, $op, $r, $wide, $v);
        if i8::try_from($v).is_ok() { Expect::Imm8(4) } else { Expect::Exact }
    }};
}
macro_rules! wide_imm {
    ($g:ident, $op:ident, $r:ident, DWORD, $v:ident) => { dynasm!($g.ops ; .arch x64 ; $op $r, DWORD $v as i32) };
    ($g:ident, $op:ident, $r:ident, WORD, $v:ident) => { dynasm!($g.ops ; .arch x64 ; $op $r, WORD $v as i16) };
    ($g:ident, $op:ident, $r:ident, BYTE, $v:ident) => { dynasm!($g.ops ; .arch x64 ; $op $r, BYTE $v as i8) };
}

/// A memory operand with a run-time displacement, written the way that
/// gives dynasm's canonical encoding: `[b]`, `[BYTE b + d8]`, `[DWORD b + d]`.
macro_rules! with_disp {
    ($g:ident, $disp:ident, [$($pre:tt)*] [$($base:tt)*] [$($post:tt)*]) => {
        if $disp == 0 {
            dynasm!($g.ops ; .arch x64 ; $($pre)* [$($base)*] $($post)*)
        } else if let Ok(d8) = i8::try_from($disp) {
            dynasm!($g.ops ; .arch x64 ; $($pre)* [BYTE $($base)* + d8] $($post)*)
        } else {
            dynasm!($g.ops ; .arch x64 ; $($pre)* [DWORD $($base)* + $disp] $($post)*)
        }
    };
}

/// `mem_form!(name, "size", "(template with @)", [dynasm before] [after], [bases])`:
/// the instruction with `[base + disp]` for every base and displacement;
/// `@` in the template is where the memory operand goes.
macro_rules! mem_form {
    ($name:ident, $size:literal, $tpl:literal, $pre:tt $post:tt, [$($b:ident)*]) => {
        #[inline(never)]
        fn $name(g: &mut Gen) {
            $(
                for &disp in DISPS {
                    g.begin();
                    with_disp!(g, disp, $pre [$b] $post);
                    let text = $tpl.replace('@', &mem_text($size, stringify!($b), disp));
                    g.end_with(format!("({text})"), Expect::Exact);
                }
            )*
        }
    };
}

/// `OP SIZE [base + disp], imm` for every base, displacement and immediate.
/// dynasm always writes the 32-bit (or 16-bit) immediate; `$imm8` says
/// whether x86.ut uses `83 /n ib` for values that fit a byte (`Expect::Imm8`).
/// The same instruction with `(imm32 v)` must match dynasm exactly.
macro_rules! mem_imm {
    ($name:ident, $op:ident, $size:literal, $dsize:ident, $width:tt, $imm8:literal, $imms:expr, [$($b:ident)*]) => {
        #[inline(never)]
        fn $name(g: &mut Gen) {
            $(
                for &disp in &[0, 8, -129] {
                    for &v in $imms {
                        let mem = mem_text($size, stringify!($b), disp);
                        let fits = i8::try_from(v).is_ok() && $width > 1;
                        for forced in [false, true] {
                            if forced && !(fits && $imm8) {
                                continue;
                            }
                            g.begin();
                            mem_imm_one!(g, $op, $dsize, $b, disp, v, $width);
                            let imm = if forced { format!("(imm32 {v})") } else { v.to_string() };
                            let text = format!("(({} {mem} {imm}))", stringify!($op));
                            let expect = if fits && $imm8 && !forced { Expect::Imm8($width) } else { Expect::Exact };
                            g.end_with(text, expect);
                        }
                    }
                }
            )*
        }
    };
}
macro_rules! mem_imm_one {
    ($g:ident, $op:ident, $dsize:ident, $b:ident, $disp:ident, $v:ident, 4) => {
        { let v32 = $v as i32; with_disp!($g, $disp, [$op $dsize] [$b] [, DWORD v32]) }
    };
    ($g:ident, $op:ident, $dsize:ident, $b:ident, $disp:ident, $v:ident, 2) => {
        { let v16 = $v as i16; with_disp!($g, $disp, [$op $dsize] [$b] [, WORD v16]) }
    };
    ($g:ident, $op:ident, $dsize:ident, $b:ident, $disp:ident, $v:ident, 1) => {
        { let v8 = $v as i8; with_disp!($g, $disp, [$op $dsize] [$b] [, BYTE v8]) }
    };
}

// ---------------------------------------------------------------------------
// The cases
// ---------------------------------------------------------------------------

pairs!(rr_mov64, mov, [rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15]);
pairs!(rr_add64, add, [rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15]);
pairs!(rr_cmp64, cmp, [rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15]);
pairs!(rr_test64, test, [rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15]);

macro_rules! row_col64 {
    ($($name:ident, $op:ident),*) => { $( row_col!($name, $op, rbp, r12,
        [rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15]); )* };
}
row_col64!(
    rc_or, or, rc_adc, adc, rc_sbb, sbb, rc_and, and, rc_sub, sub, rc_xor, xor, rc_imul, imul, rc_cmove, cmove,
    rc_cmovl, cmovl, rc_cmovo, cmovo
);
macro_rules! row_col32 {
    ($($name:ident, $op:ident),*) => { $( row_col!($name, $op, ebp, r12d,
        [eax ecx edx ebx esp ebp esi edi r8d r9d r10d r11d r12d r13d r14d r15d]); )* };
}
row_col32!(rc_mov32, mov, rc_add32, add, rc_cmp32, cmp, rc_xor32, xor, rc_test32, test, rc_imul32, imul);
macro_rules! row_col16 {
    ($($name:ident, $op:ident),*) => { $( row_col!($name, $op, bp, r12w,
        [ax cx dx bx sp bp si di r8w r9w r10w r11w r12w r13w r14w r15w]); )* };
}
row_col16!(rc_mov16, mov, rc_add16, add, rc_cmp16, cmp);
macro_rules! row_col8 {
    ($($name:ident, $op:ident),*) => { $( row_col!($name, $op, sil, r12b,
        [al cl dl bl spl bpl sil dil r8b r9b r10b r11b r12b r13b r14b r15b]); )* };
}
row_col8!(rc_mov8, mov, rc_add8, add, rc_cmp8, cmp, rc_test8, test, rc_and8, and);
row!(rc_movzx8, movzx, rax, [al cl dl bl spl bpl sil dil r8b r9b r10b r11b r12b r13b r14b r15b]);
col!(rc_movzx8c, movzx, sil, [rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15]);
row!(rc_movzx16, movzx, ecx, [ax cx dx bx sp bp si di r8w r9w r10w r11w r12w r13w r14w r15w]);
col!(rc_movzx16c, movzx, r10w, [rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15]);
row!(rc_movsx8, movsx, r11, [al cl dl bl spl bpl sil dil r8b r9b r10b r11b r12b r13b r14b r15b]);
col!(rc_movsx8c, movsx, r12b, [eax ecx edx ebx esp ebp esi edi r8d r9d r10d r11d r12d r13d r14d r15d]);
row!(rc_movsxd, movsxd, r13, [eax ecx edx ebx esp ebp esi edi r8d r9d r10d r11d r12d r13d r14d r15d]);
col!(rc_movsxdc, movsxd, ebp, [rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15]);

one!(unary64, neg not mul div idiv inc dec imul push pop, [rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15]);
one!(branch_reg, call jmp, [rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15]);
one!(unary32, neg not inc, [eax ecx edx ebx esp ebp esi edi r8d r9d r10d r11d r12d r13d r14d r15d]);
one!(set8, sete setl, [al cl dl bl spl bpl sil dil r8b r9b r10b r11b r12b r13b r14b r15b]);
one!(set_all, seto setno setb setae sete setne setbe seta sets setns setp setnp setl setge setle setg,
    [al sil r9b]);

#[inline(never)]
fn shifts(g: &mut Gen) {
    macro_rules! rr_cl {
        ($op:ident, $r:ident) => {
            rr!(g, $op, $r, cl)
        };
    }
    macro_rules! by_imm1 {
        ($counts:expr, $op:ident, $r:ident) => {
            for &c in $counts {
                g.begin();
                dynasm!(g.ops ; .arch x64 ; $op $r, BYTE c);
                g.end(&format!(concat!(stringify!($op), " ", stringify!($r), " {}"), c));
            }
        };
    }
    macro_rules! by_imm {
        ($counts:expr ; $($op:ident)* ; $($r:ident)*) => {
            macro_rules! for_op { ($o:ident) => { $( by_imm1!($counts, $o, $r); )* }; }
            $( for_op!($op); )*
        };
    }
    macro_rules! cl_all {
        ($($op:ident)*) => { $( each!(rr_cl!($op,) ; rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15); )* };
    }
    cl_all!(sar shl shr rol ror rcl rcr);
    by_imm!(&[0i8, 1, 2, 31, 63] ; sar shl shr ; rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15);
    by_imm!(&[1i8, 7] ; rol ror ; rax r15);
    by_imm!(&[0i8, 1, 31] ; sar shl shr ; eax r9d);
}

#[inline(never)]
fn cmov_all(g: &mut Gen) {
    macro_rules! all {
        ($($op:ident)*) => { $( rr!(g, $op, rax, rbx); rr!(g, $op, r9, r14); )* };
    }
    all!(cmovo cmovno cmovb cmovae cmove cmovne cmovbe cmova cmovs cmovns cmovp cmovnp cmovl cmovge cmovle cmovg);
}

reg_imm!(ri_add, add, IMMS, DWORD, byte_too, [rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15]);
reg_imm!(ri_or, or, IMMS, DWORD, byte_too, [rax rcx rbx rsp r9 r13]);
reg_imm!(ri_adc, adc, IMMS, DWORD, byte_too, [rax rcx rbp r12]);
reg_imm!(ri_sbb, sbb, IMMS, DWORD, byte_too, [rax rcx rbp r12]);
reg_imm!(ri_and, and, IMMS, DWORD, byte_too, [rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15]);
reg_imm!(ri_sub, sub, IMMS, DWORD, byte_too, [rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15]);
reg_imm!(ri_xor, xor, IMMS, DWORD, byte_too, [rax rcx rbx rsp r9 r13]);
reg_imm!(ri_cmp, cmp, IMMS, DWORD, byte_rewrite, [rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15]);
reg_imm!(ri_test, test, IMMS, DWORD, wide_only, [rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15]);
reg_imm!(ri_add32, add, IMMS, DWORD, byte_too, [eax ecx esp ebp r8d r12d r13d r15d]);
reg_imm!(ri_cmp32, cmp, IMMS, DWORD, byte_rewrite, [eax ecx esp r13d]);
reg_imm!(ri_test32, test, IMMS, DWORD, wide_only, [eax ecx r13d]);
reg_imm!(ri_mov32, mov, IMMS, DWORD, wide_only, [eax ecx edx ebx esp ebp esi edi r8d r9d r10d r11d r12d r13d r14d r15d]);
reg_imm!(ri_add16, add, &[0i32, 1, -1, 127, 128, -129, 32767, -32768], WORD, byte_too, [ax cx sp r9w]);
reg_imm!(ri_mov16, mov, &[0i32, 1, -1, 128, 32767, -32768], WORD, wide_only, [ax cx sp r9w]);
reg_imm!(ri_mov8, mov, &[0i32, 1, -1, 127, -128], BYTE, wide_only,
    [al cl dl bl spl bpl sil dil r8b r9b r10b r11b r12b r13b r14b r15b]);
reg_imm!(ri_cmp8, cmp, &[0i32, 1, -1, 127, -128], BYTE, wide_only, [al cl spl dil r8b r15b]);
reg_imm!(ri_test8, test, &[0i32, 1, -1, 127, -128], BYTE, wide_only, [al cl spl dil r8b r15b]);
reg_imm!(ri_and8, and, &[0i32, 1, -1, 127, -128], BYTE, wide_only, [al cl spl dil r8b r15b]);

/// `mov r64, imm`: the sign-extended imm32 form where the value fits, else
/// movabs; and `movabs` itself, always ten bytes.
#[inline(never)]
fn mov_imm64(g: &mut Gen) {
    macro_rules! m {
        ($($r:ident)*) => { $(
            for &v in IMMS64 {
                g.begin();
                match i32::try_from(v) {
                    Ok(v32) => { dynasm!(g.ops ; .arch x64 ; mov $r, DWORD v32); }
                    Err(_) => { dynasm!(g.ops ; .arch x64 ; mov $r, QWORD v); }
                }
                g.end(&format!(concat!("mov ", stringify!($r), " {}"), v));
                g.begin();
                dynasm!(g.ops ; .arch x64 ; mov $r, QWORD v);
                g.end(&format!(concat!("movabs ", stringify!($r), " {}"), v));
            }
        )* };
    }
    m!(rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15);
}

#[inline(never)]
fn imul_imm(g: &mut Gen) {
    macro_rules! m {
        ($($d:ident $s:ident)*) => { $(
            for &v in IMMS {
                g.begin();
                match i8::try_from(v) {
                    Ok(v8) => { dynasm!(g.ops ; .arch x64 ; imul $d, $s, BYTE v8); }
                    Err(_) => { dynasm!(g.ops ; .arch x64 ; imul $d, $s, DWORD v); }
                }
                g.end(&format!(concat!("imul ", stringify!($d), " ", stringify!($s), " {}"), v));
            }
        )* };
    }
    m!(rax rbx rcx r9 r13 rsp r12 rbp r8 r8 rdx r15);
}

#[inline(never)]
fn push_imm(g: &mut Gen) {
    for &v in IMMS {
        g.begin();
        match i8::try_from(v) {
            Ok(v8) => dynasm!(g.ops ; .arch x64 ; push BYTE v8),
            Err(_) => dynasm!(g.ops ; .arch x64 ; push DWORD v),
        }
        g.end(&format!("push {v}"));
    }
}

/// Every register as a load's destination and as its base, no displacement.
#[inline(never)]
fn load_store_pairs(g: &mut Gen) {
    macro_rules! load { ($d:ident, $b:ident) => {{
        g.begin();
        dynasm!(g.ops ; .arch x64 ; mov $d, [$b]);
        g.end(concat!("mov ", stringify!($d), " (mem ", stringify!($b), ")"));
        g.begin();
        dynasm!(g.ops ; .arch x64 ; mov [$b], $d);
        g.end(concat!("mov (mem ", stringify!($b), ") ", stringify!($d)));
    }}; }
    macro_rules! row { ($d:ident) => { each!(load!($d,) ; rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15) }; }
    each!(row!() ; rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15);
}

mem_form!(m_load, "mem", "(mov rcx @)", [mov rcx,] [], [rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15]);
mem_form!(m_load_hi, "qword", "(mov r10 @)", [mov r10,] [], [rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15]);
mem_form!(m_store, "mem", "(mov @ rdx)", [mov] [, rdx], [rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15]);
mem_form!(m_store_hi, "mem", "(mov @ r14)", [mov] [, r14], [rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15]);
mem_form!(m_lea, "mem", "(lea rsi @)", [lea rsi,] [], [rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15]);
mem_form!(m_lea_hi, "mem", "(lea r12 @)", [lea r12,] [], [rax rsp rbp r12 r13 r15]);
mem_form!(m_cmp_rm, "mem", "(cmp rax @)", [cmp rax,] [], [rax rsp rbp r12 r13 r15]);
// The shapes x86.ut encodes straight from the list (quick-mov!,
// quick-alu!): a 64-bit register and `(qword base disp)`, low and high
// registers on both sides.
mem_form!(m_load_q, "qword", "(mov rcx @)", [mov rcx,] [], [rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15]);
mem_form!(m_store_q, "qword", "(mov @ rdx)", [mov] [, rdx], [rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15]);
mem_form!(m_store_q_hi, "qword", "(mov @ r8)", [mov] [, r8], [rax rsp rbp r8 r12 r13 r15]);
mem_form!(m_cmp_rm_q, "qword", "(cmp rax @)", [cmp rax,] [], [rax rcx rsp rbp r12 r13 r15]);
mem_form!(m_cmp_rm_q_hi, "qword", "(cmp r11 @)", [cmp r11,] [], [rax rsp rbp r12 r13 r15]);
mem_form!(m_cmp_mr, "qword", "(cmp @ r9)", [cmp] [, r9], [rax rsp rbp r12 r13 r15]);
mem_form!(m_add_rm, "mem", "(add r11 @)", [add r11,] [], [rax rsp rbp r12 r13 r15]);
mem_form!(m_add_mr, "mem", "(add @ rbx)", [add] [, rbx], [rax rsp rbp r12 r13 r15]);
mem_form!(m_sub_rm, "mem", "(sub rdi @)", [sub rdi,] [], [rbx r12]);
mem_form!(m_and_mr, "mem", "(and @ r8)", [and] [, r8], [rbx r13]);
mem_form!(m_or_rm, "mem", "(or rcx @)", [or rcx,] [], [rbx rsp]);
mem_form!(m_xor_mr, "mem", "(xor @ rsi)", [xor] [, rsi], [rbp r15]);
mem_form!(m_test_mr, "mem", "(test @ rdx)", [test] [, rdx], [rax rsp rbp r12 r13 r15]);
mem_form!(m_imul, "mem", "(imul r15 @)", [imul r15,] [], [rax rsp rbp r12 r13 r15]);
mem_form!(m_cmovne, "mem", "(cmovne rax @)", [cmovne rax,] [], [rbx rsp r13]);
mem_form!(m_movzx8, "byte", "(movzx rax @)", [movzx rax, BYTE] [], [rax rsp rbp r12 r13 r15]);
mem_form!(m_movzx8_32, "byte", "(movzx r9d @)", [movzx r9d, BYTE] [], [rbx r12]);
mem_form!(m_movzx16, "word", "(movzx r8 @)", [movzx r8, WORD] [], [rax rsp rbp r12 r13 r15]);
mem_form!(m_movsx8, "byte", "(movsx rdx @)", [movsx rdx, BYTE] [], [rax rsp rbp r12 r13 r15]);
mem_form!(m_movsx16, "word", "(movsx r12 @)", [movsx r12, WORD] [], [rax rsp rbp r12 r13 r15]);
mem_form!(m_movsxd, "dword", "(movsxd rbp @)", [movsxd rbp, DWORD] [], [rax rsp rbp r12 r13 r15]);
mem_form!(m_load32, "mem", "(mov ecx @)", [mov ecx,] [], [rax rsp rbp r12 r13 r15]);
mem_form!(m_store32, "mem", "(mov @ r13d)", [mov] [, r13d], [rax rsp rbp r12 r13 r15]);
mem_form!(m_store16, "mem", "(mov @ si)", [mov] [, si], [rax rsp rbp r12 r13 r15]);
mem_form!(m_store8, "mem", "(mov @ sil)", [mov] [, sil], [rax rsp rbp r12 r13 r15]);
mem_form!(m_store8_lo, "mem", "(mov @ cl)", [mov] [, cl], [rax rsp r13]);
mem_form!(m_store8_hi, "byte", "(mov @ r10b)", [mov] [, r10b], [rax rsp r13]);
mem_form!(m_load8, "mem", "(mov dil @)", [mov dil,] [], [rax rsp rbp r12 r13 r15]);
mem_form!(m_push, "qword", "(push @)", [push QWORD] [], [rax rsp rbp r12 r13 r15]);
mem_form!(m_pop, "qword", "(pop @)", [pop QWORD] [], [rax rsp rbp r12 r13 r15]);
mem_form!(m_call, "qword", "(call @)", [call QWORD] [], [rax rsp rbp r12 r13 r15]);
mem_form!(m_jmp, "qword", "(jmp @)", [jmp QWORD] [], [rax rsp rbp r12 r13 r15]);
mem_form!(m_inc, "qword", "(inc @)", [inc QWORD] [], [rax rsp rbp r12 r13 r15]);
mem_form!(m_dec32, "dword", "(dec @)", [dec DWORD] [], [rbx r13]);
mem_form!(m_neg, "qword", "(neg @)", [neg QWORD] [], [rax rsp rbp r12 r13 r15]);
mem_form!(m_not8, "byte", "(not @)", [not BYTE] [], [rbx r12]);
mem_form!(m_sar, "qword", "(sar @ 3)", [sar QWORD] [, 3], [rax rsp rbp r12 r13 r15]);
mem_form!(m_shl_cl, "qword", "(shl @ cl)", [shl QWORD] [, cl], [rax rsp rbp r12 r13 r15]);
mem_form!(m_idiv, "qword", "(idiv @)", [idiv QWORD] [], [rbx rbp r12]);
mem_form!(m_sete, "byte", "(sete @)", [sete BYTE] [], [rax rsp rbp r12 r13 r15]);
mem_form!(m_movsd_load, "qword", "(movsd xmm3 @)", [movsd xmm3, QWORD] [], [rax rsp rbp r12 r13 r15]);
mem_form!(m_movsd_load_hi, "mem", "(movsd xmm12 @)", [movsd xmm12, QWORD] [], [rax rsp r13]);
mem_form!(m_movsd_store, "mem", "(movsd @ xmm9)", [movsd QWORD] [, xmm9], [rax rsp rbp r12 r13 r15]);
mem_form!(m_addsd, "qword", "(addsd xmm1 @)", [addsd xmm1, QWORD] [], [rax rsp rbp r12 r13 r15]);
mem_form!(m_ucomisd, "qword", "(ucomisd xmm10 @)", [ucomisd xmm10, QWORD] [], [rbx r13]);
mem_form!(m_cvtsi2sd, "qword", "(cvtsi2sd xmm2 @)", [cvtsi2sd xmm2, QWORD] [], [rax rsp rbp r12 r13 r15]);
mem_form!(m_cvttsd2si, "qword", "(cvttsd2si r8 @)", [cvttsd2si r8, QWORD] [], [rax rsp rbp r12 r13 r15]);

mem_imm!(mi_mov64, mov, "qword", QWORD, 4, false, IMMS, [rax rsp rbp r12 r13 r15]);
mem_imm!(mi_mov32, mov, "dword", DWORD, 4, false, IMMS, [rbx r12 r13]);
mem_imm!(mi_mov16, mov, "word", WORD, 2, false, &[0i32, 1, -1, 127, 128, -129, 32767, -32768], [rbx r12 r13]);
mem_imm!(mi_mov8, mov, "byte", BYTE, 1, false, &[0i32, 1, -1, 127, -128], [rbx r12 r13]);
mem_imm!(mi_add64, add, "qword", QWORD, 4, true, IMMS, [rax rsp rbp r12 r13 r15]);
mem_imm!(mi_cmp64, cmp, "qword", QWORD, 4, true, IMMS, [rax rsp rbp r12 r13 r15]);
mem_imm!(mi_sub64, sub, "qword", QWORD, 4, true, IMMS, [rbx r12]);
mem_imm!(mi_and64, and, "qword", QWORD, 4, true, IMMS, [rbx r13]);
mem_imm!(mi_or32, or, "dword", DWORD, 4, true, IMMS, [rbx r13]);
mem_imm!(mi_xor64, xor, "qword", QWORD, 4, true, IMMS, [rbp r12]);
mem_imm!(mi_cmp16, cmp, "word", WORD, 2, true, &[0i32, 1, -1, 127, 128, -129, 32767, -32768], [rbx r12 r13]);
mem_imm!(mi_cmp8, cmp, "byte", BYTE, 1, false, &[0i32, 1, -1, 127, -128], [rbx r12 r13]);
mem_imm!(mi_test64, test, "qword", QWORD, 4, false, IMMS, [rax rsp rbp r12 r13 r15]);
mem_imm!(mi_test8, test, "byte", BYTE, 1, false, &[0i32, 1, -1, 127, -128], [rbx r12 r13]);

/// `[base + index*scale + disp]`: every base with every index (scale 8),
/// then every scale and displacement for the bases and indexes that need
/// special encodings, and every destination register.
#[inline(never)]
fn indexed(g: &mut Gen) {
    macro_rules! bi { ($b:ident, $i:ident) => {{
        g.begin();
        dynasm!(g.ops ; .arch x64 ; mov rax, [$b + $i * 8]);
        g.end(concat!("mov rax (mem ", stringify!($b), " ", stringify!($i), " 8)"));
    }}; }
    macro_rules! row { ($b:ident) => { each!(bi!($b,) ; rax rcx rdx rbx rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15) }; }
    each!(row!() ; rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15);
}

#[inline(never)]
fn indexed_scales(g: &mut Gen) {
    macro_rules! bis { ($b:ident, $i:ident, $s:tt) => {
        for &disp in &[0, 1, -128, 128, i32::MIN] {
            g.begin();
            with_disp!(g, disp, [lea rdx,] [$b + $i * $s] []);
            let mut text = format!(concat!("lea rdx (mem ", stringify!($b), " ", stringify!($i), " ", $s));
            if disp != 0 {
                let _ = write!(text, " {disp}");
            }
            g.end(&(text + ")"));
        }
    }; }
    macro_rules! scales {
        ($b:ident, $i:ident) => {
            bis!($b, $i, 1);
            bis!($b, $i, 2);
            bis!($b, $i, 4);
            bis!($b, $i, 8);
        };
    }
    macro_rules! row { ($b:ident) => { each!(scales!($b,) ; rcx rbp r12 r13); }; }
    each!(row!() ; rbx rsp rbp r12 r13);
    macro_rules! dst { ($d:ident) => {{
        g.begin();
        dynasm!(g.ops ; .arch x64 ; mov $d, [rsp + r9 * 4 + 16]);
        g.end(concat!("mov ", stringify!($d), " (mem rsp r9 4 16)"));
        g.begin();
        dynasm!(g.ops ; .arch x64 ; mov [r13 + rbx * 2 - 8], $d);
        g.end(concat!("mov (mem r13 rbx 2 -8) ", stringify!($d)));
    }}; }
    each!(dst!() ; rax rcx rdx rbx rsp rbp rsi rdi r8 r9 r10 r11 r12 r13 r14 r15);
}

#[inline(never)]
fn sse(g: &mut Gen) {
    macro_rules! xr {
        ($x:ident, $r:ident) => {
            rr!(g, movq, $x, $r);
            rr!(g, movq, $r, $x);
            rr!(g, cvtsi2sd, $x, $r);
            rr!(g, cvttsd2si, $r, $x);
            rr!(g, cvtsd2si, $r, $x);
        };
    }
    xr!(xmm0, rax);
    xr!(xmm1, rcx);
    xr!(xmm2, rdx);
    xr!(xmm3, rbx);
    xr!(xmm4, rsp);
    xr!(xmm5, rbp);
    xr!(xmm6, rsi);
    xr!(xmm7, rdi);
    xr!(xmm8, r8);
    xr!(xmm9, r9);
    xr!(xmm10, r10);
    xr!(xmm11, r11);
    xr!(xmm12, r12);
    xr!(xmm13, r13);
    xr!(xmm14, r14);
    xr!(xmm15, r15);
    xr!(xmm0, r15);
    xr!(xmm15, rax);
    xr!(xmm7, r8);
    xr!(xmm8, rdi);
    rr!(g, cvtsi2sd, xmm3, r9d);
    rr!(g, cvtsi2sd, xmm11, eax);
    rr!(g, cvttsd2si, eax, xmm9);
    macro_rules! xx_col {
        ($op:ident, $x:ident) => {
            rr!(g, $op, $x, xmm12)
        };
    }
    macro_rules! xx { ($op:ident) => {
        each!(rr!(g, $op, xmm5,) ; xmm0 xmm1 xmm2 xmm3 xmm4 xmm5 xmm6 xmm7 xmm8 xmm9 xmm10 xmm11 xmm12 xmm13 xmm14 xmm15);
        each!(xx_col!($op,) ; xmm0 xmm1 xmm2 xmm3 xmm4 xmm5 xmm6 xmm7 xmm8 xmm9 xmm10 xmm11 xmm12 xmm13 xmm14 xmm15);
    }; }
    xx!(movsd);
    xx!(addsd);
    xx!(subsd);
    xx!(mulsd);
    xx!(divsd);
    xx!(sqrtsd);
    xx!(ucomisd);
    xx!(comisd);
    xx!(minsd);
    xx!(maxsd);
    xx!(xorpd);
    xx!(andpd);
}

#[inline(never)]
fn plain(g: &mut Gen) {
    macro_rules! p { ($($op:ident)*) => { $(
        g.begin();
        dynasm!(g.ops ; .arch x64 ; $op);
        g.end(stringify!($op));
    )* }; }
    p!(ret syscall int3 ud2 nop cqo cdq leave hlt);
}

/// Label cases: `jmp`, `call` and every `jCC`, rel32 and rel8, forward
/// and backward, at the edges of rel8 (127 forward, -128 back).
#[inline(never)]
fn labels(g: &mut Gen) {
    fn nops(g: &mut Gen, count: usize, text: &mut String) {
        for _ in 0..count {
            dynasm!(g.ops ; .arch x64 ; nop);
            text.push_str(" (nop)");
        }
    }
    macro_rules! jumps { ($($op:ident $short:literal $long:literal)*) => { $(
        for count in [0usize, 5, 200] {
            let l = g.label();
            let mut text = format!("(({} l)", $long);
            g.begin();
            dynasm!(g.ops ; .arch x64 ; $op =>l);
            nops(g, count, &mut text);
            dynasm!(g.ops ; .arch x64 ; =>l);
            g.end_with(text + " (bind l))", Expect::Exact);
            let l = g.label();
            let mut text = String::from("((bind l)");
            g.begin();
            dynasm!(g.ops ; .arch x64 ; =>l);
            nops(g, count, &mut text);
            dynasm!(g.ops ; .arch x64 ; $op =>l);
            g.end_with(text + &format!(" ({} l))", $long), Expect::Exact);
        }
        {
            for count in [0usize, 1, 127] {
                let l = g.label();
                let mut text = format!("(({} l)", $short);
                g.begin();
                dynasm!(g.ops ; .arch x64 ; $op BYTE =>l);
                nops(g, count, &mut text);
                dynasm!(g.ops ; .arch x64 ; =>l);
                g.end_with(text + " (bind l))", Expect::Exact);
            }
            for count in [0usize, 1, 126] {
                let l = g.label();
                let mut text = String::from("((bind l)");
                g.begin();
                dynasm!(g.ops ; .arch x64 ; =>l);
                nops(g, count, &mut text);
                dynasm!(g.ops ; .arch x64 ; $op BYTE =>l);
                g.end_with(text + &format!(" ({} l))", $short), Expect::Exact);
            }
        }
    )* }; }
    for count in [0usize, 5, 200] {
        let l = g.label();
        let mut text = String::from("((call l)");
        g.begin();
        dynasm!(g.ops ; .arch x64 ; call =>l);
        nops(g, count, &mut text);
        dynasm!(g.ops ; .arch x64 ; =>l ; call =>l);
        g.end_with(text + " (bind l) (call l))", Expect::Exact);
    }
    jumps!(jmp "jmp-short" "jmp"
        jo "jo-short" "jo" jno "jno-short" "jno" jb "jb-short" "jb" jae "jae-short" "jae"
        je "je-short" "je" jne "jne-short" "jne" jbe "jbe-short" "jbe" ja "ja-short" "ja"
        js "js-short" "js" jns "jns-short" "jns" jp "jp-short" "jp" jnp "jnp-short" "jnp"
        jl "jl-short" "jl" jge "jge-short" "jge" jle "jle-short" "jle" jg "jg-short" "jg");
    // Aliases name the same conditions.
    let l = g.label();
    g.begin();
    dynasm!(g.ops ; .arch x64 ; jz =>l ; jnz =>l ; jc =>l ; jnae =>l ; jnl =>l ; jnle =>l ; =>l);
    g.end_with("((jz l) (jnz l) (jc l) (jnae l) (jnl l) (jnle l) (bind l))".into(), Expect::Exact);
    // RIP-relative operands count from the end of the instruction, past
    // any immediate.
    let l = g.label();
    g.begin();
    dynasm!(g.ops ; .arch x64
        ; lea rax, [=>l] ; mov r9, [=>l] ; jmp QWORD [=>l] ; mov QWORD [=>l], DWORD 5
        ; nop ; =>l ; lea r12, [=>l] ; cmp QWORD [=>l], DWORD 1000 ; movsd xmm9, QWORD [=>l]);
    g.end_with(
        "((lea rax (mem rip l)) (mov r9 (qword rip l)) (jmp (qword rip l)) (mov (qword rip l) (imm32 5)) \
         (nop) (bind l) (lea r12 (mem rip l)) (cmp (qword rip l) 1000) (movsd xmm9 (mem rip l)))"
            .into(),
        Expect::Exact,
    );
}

fn generate() -> (Vec<Case>, Vec<u8>) {
    let mut g = Gen { ops: VecAssembler::new(0), cases: Vec::new(), start: 0 };
    let generators: &[fn(&mut Gen)] = &[
        rr_mov64,
        rr_add64,
        rr_cmp64,
        rr_test64,
        rc_or,
        rc_adc,
        rc_sbb,
        rc_and,
        rc_sub,
        rc_xor,
        rc_imul,
        rc_cmove,
        rc_cmovl,
        rc_cmovo,
        rc_mov32,
        rc_add32,
        rc_cmp32,
        rc_xor32,
        rc_test32,
        rc_imul32,
        rc_mov16,
        rc_add16,
        rc_cmp16,
        rc_mov8,
        rc_add8,
        rc_cmp8,
        rc_test8,
        rc_and8,
        rc_movzx8,
        rc_movzx8c,
        rc_movzx16,
        rc_movzx16c,
        rc_movsx8,
        rc_movsx8c,
        rc_movsxd,
        rc_movsxdc,
        unary64,
        branch_reg,
        unary32,
        set8,
        set_all,
        shifts,
        cmov_all,
        ri_add,
        ri_or,
        ri_adc,
        ri_sbb,
        ri_and,
        ri_sub,
        ri_xor,
        ri_cmp,
        ri_test,
        ri_add32,
        ri_cmp32,
        ri_test32,
        ri_mov32,
        ri_add16,
        ri_mov16,
        ri_mov8,
        ri_cmp8,
        ri_test8,
        ri_and8,
        mov_imm64,
        imul_imm,
        push_imm,
        load_store_pairs,
        m_load,
        m_load_hi,
        m_store,
        m_store_hi,
        m_lea,
        m_lea_hi,
        m_cmp_rm,
        m_load_q,
        m_store_q,
        m_store_q_hi,
        m_cmp_rm_q,
        m_cmp_rm_q_hi,
        m_cmp_mr,
        m_add_rm,
        m_add_mr,
        m_sub_rm,
        m_and_mr,
        m_or_rm,
        m_xor_mr,
        m_test_mr,
        m_imul,
        m_cmovne,
        m_movzx8,
        m_movzx8_32,
        m_movzx16,
        m_movsx8,
        m_movsx16,
        m_movsxd,
        m_load32,
        m_store32,
        m_store16,
        m_store8,
        m_store8_lo,
        m_store8_hi,
        m_load8,
        m_push,
        m_pop,
        m_call,
        m_jmp,
        m_inc,
        m_dec32,
        m_neg,
        m_not8,
        m_sar,
        m_shl_cl,
        m_idiv,
        m_sete,
        m_movsd_load,
        m_movsd_load_hi,
        m_movsd_store,
        m_addsd,
        m_ucomisd,
        m_cvtsi2sd,
        m_cvttsd2si,
        mi_mov64,
        mi_mov32,
        mi_mov16,
        mi_mov8,
        mi_add64,
        mi_cmp64,
        mi_sub64,
        mi_and64,
        mi_or32,
        mi_xor64,
        mi_cmp16,
        mi_cmp8,
        mi_test64,
        mi_test8,
        indexed,
        indexed_scales,
        sse,
        plain,
        labels,
    ];
    for generate in generators {
        generate(&mut g);
    }
    let bytes = match g.ops.finalize() {
        Ok(bytes) => bytes,
        Err(error) => panic!("dynasm could not finish the reference code: {error:?}"),
    };
    (g.cases, bytes)
}

/// The reference bytes of one case.
fn expected(case: &Case, bytes: &[u8]) -> Vec<u8> {
    let mut out = bytes[case.start..case.end].to_vec();
    if let Expect::Imm8(width) = case.expect {
        let at = out.iter().position(|&b| b != 0x66 && !(0x40..=0x4f).contains(&b)).unwrap_or(0);
        match out[at] {
            // 81 /n id  ->  83 /n ib
            0x81 => out[at] = 0x83,
            // The accumulator form, OP*8+5 id  ->  83 /OP ib with ModRM 11 OP 000.
            op if op & 7 == 5 && op < 0x40 => {
                out[at] = 0x83;
                out.insert(at + 1, 0xC0 | (op & 0x38));
            }
            op => panic!("an Imm8 case whose reference has opcode {op:#04x}: {}", case.text),
        }
        out.truncate(out.len() - (width - 1));
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(" ")
}

/// Runs `cases` (each a list of instruction lists, as text) through
/// tests/asm/check.ut in one seed run; answers one line per case.
fn run_cases(cases: &[String]) -> Vec<String> {
    run_cases_with(&["--engine", "seed"], cases)
}

/// The same with `utena run OPTIONS PROGRAM` (`--engine sim`, say).
fn run_cases_with(options: &[&str], cases: &[String]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("cannot make a temporary directory: {error}"));
    let check = workspace_root().join("tests/asm/check.ut");
    let mut program = format!("(include {:?})\n(asm-check-cases '(\n", check.display().to_string());
    for case in cases {
        program.push_str(case);
        program.push('\n');
    }
    program.push_str("))\n");
    let path = dir.path().join("cases.ut");
    std::fs::write(&path, program).unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_utena"))
        .current_dir(workspace_root())
        .arg("run")
        .args(options)
        .arg(&path)
        .output()
        .unwrap_or_else(|error| panic!("cannot run {}: {error}", env!("CARGO_BIN_EXE_utena")));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && stderr.is_empty(),
        "`utena run {} cases.ut` failed\n--- exit status: {}\n--- stdout:\n{stdout}--- stderr:\n{stderr}",
        options.join(" "),
        output.status
    );
    let lines: Vec<String> = stdout.lines().map(str::to_string).collect();
    assert_eq!(lines.len(), cases.len(), "check.ut printed {} lines for {} cases", lines.len(), cases.len());
    lines
}

#[test]
fn encodings_match_dynasm() {
    let (cases, bytes) = generate();
    let texts: Vec<String> = cases.iter().map(|case| case.text.clone()).collect();
    let lines = run_cases(&texts);
    let mut failures = Vec::new();
    for (case, line) in cases.iter().zip(&lines) {
        let want = hex(&expected(case, &bytes));
        if *line != want {
            failures.push(format!("{}\n    dynasm: {want}\n    x86.ut: {line}", case.text));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from dynasm; the first ones:\n{}",
        failures.len(),
        cases.len(),
        failures.iter().take(25).cloned().collect::<Vec<_>>().join("\n")
    );
    eprintln!("{} generated cases encode as dynasm does", cases.len());
}

/// Bad operands give an `asm:` error that says what is wrong.
#[test]
fn bad_operands_are_errors() {
    let bad: &[(&str, &str)] = &[
        ("((mov rax rbz))", "unknown register"),
        ("((add rbz 1))", "unknown register"),
        ("((push eax))", "no such form"),
        ("((mov rax ebx))", "operand sizes differ"),
        ("((add (qword rbx) eax))", "operand sizes differ"),
        ("((mov (mem rbx) 1))", "needs a size"),
        ("((mov rax (mem rbx 2147483648)))", "displacement"),
        ("((mov rax (mem rbx -2147483649)))", "displacement"),
        ("((mov rax (mem ebx)))", "64-bit register"),
        ("((mov rax (mem rbx rsp 1)))", "rsp cannot be an index"),
        ("((mov rax (mem rbx rcx 3)))", "scale"),
        ("((add rax 2147483648))", "immediate out of range"),
        ("((cmp rax -2147483649))", "immediate out of range"),
        ("((mov (qword rbx) 2147483648))", "immediate out of range"),
        ("((mov eax 4294967296))", "immediate out of range"),
        ("((mov al 256))", "immediate out of range"),
        ("((add cx 65536))", "immediate out of range"),
        ("((sar rax 64))", "shift count"),
        ("((shl eax 32))", "shift count"),
        ("((sar rax rcx))", "shift count"),
        ("((jmp l))", "undefined label"),
        ("((je l) (bind m))", "undefined label"),
        ("((bind l) (bind l))", "bound twice"),
        ("((jmp-short l) (align 256) (bind l))", "short jump out of range"),
        ("((nop) (bind l) (align 128) (je-short l))", "short jump out of range"),
        ("((jmp rax rbx))", "expected 1 operands"),
        ("((frob rax))", "unknown instruction"),
        ("((je rax))", "expected a label"),
        ("((movzx rax (qword rbx)))", "no such extension"),
        ("((movzx rax (mem rbx)))", "needs a size"),
        ("((movq xmm0 eax))", "movq moves"),
        ("((addsd xmm0 rax))", "xmm register or a qword"),
        ("((mov ah 1))", "unknown register"),
        ("((lea rax rbx))", "lea takes"),
        ("((setl eax))", "8-bit register"),
        ("((align 3))", "power of two"),
        ("((db 256))", "db takes bytes"),
        ("(mov rax rbx)", "an instruction is a list"),
        ("((jmp-short (extern f)))", "cannot reach an extern"),
        ("((call (extern)))", "malformed extern"),
        ("((mov rax (extern f)))", "no such form"),
    ];
    let lines = run_cases(&bad.iter().map(|(case, _)| case.to_string()).collect::<Vec<_>>());
    for ((case, words), line) in bad.iter().zip(&lines) {
        assert!(
            line.starts_with("error: asm: ") && line.contains(words),
            "{case} should fail with an error about {words:?}, got: {line}"
        );
    }
}

/// The forms dynasm cannot write the same way: `movabs` of a label, `dq`,
/// `align`, `(extern name)`; and what `labels` and `relocations` answer
/// after `finish`.
#[test]
fn layout_and_relocations() {
    let lines = run_cases(&[
        "(layout (bind start) (movabs rax end) (align 16) (bind end) (dq start end 258) (db 1 -1))".to_string(),
        "(layout (call (extern gc-collect)) (jne (extern \"slow path\")) (movabs r9 (extern table)) \
         (dq (extern table)) (jmp (extern exit)))"
            .to_string(),
    ]);
    assert_eq!(
        lines[0],
        "48 b8 10 00 00 00 00 00 00 00 90 90 90 90 90 90 \
         00 00 00 00 00 00 00 00 10 00 00 00 00 00 00 00 02 01 00 00 00 00 00 00 01 ff \
         labels ((start . 0) (end . 16)) relocations ((abs64 2 end 16) (abs64 16 start 0) (abs64 24 end 16))"
    );
    assert_eq!(
        lines[1],
        "e8 00 00 00 00 0f 85 00 00 00 00 49 b9 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 e9 00 00 00 00 \
         labels () relocations ((extern-rel32 1 gc-collect) (extern-rel32 7 \"slow path\") \
         (extern-abs64 13 table) (extern-abs64 21 table) (extern-rel32 30 exit))"
    );
}

/// The encoder compiled by Utena's own compiler and run by the simulator
/// (`--engine sim`) answers what it answers on the seed, for a sample of
/// the generated cases and two refusals (every engine gives the same
/// output; ../shared/DESIGN.md, 3.9). A sample, because the simulator
/// runs the encoder about a thousand times slower than the seed.
#[test]
fn simulator_agrees_with_seed() {
    let (cases, bytes) = generate();
    let sample: Vec<&Case> = cases.iter().step_by(199).collect();
    let mut texts: Vec<String> = sample.iter().map(|case| case.text.clone()).collect();
    texts.push("((mov rax rbz))".to_string());
    texts.push("((jmp-short l) (align 256) (bind l))".to_string());
    let sim = run_cases_with(&["--engine", "sim"], &texts);
    assert_eq!(sim, run_cases(&texts), "the simulator and the seed disagree");
    for (case, line) in sample.iter().zip(&sim) {
        assert_eq!(*line, hex(&expected(case, &bytes)), "{}", case.text);
    }
}

//! The compiler's passes, `runtime-src/compiler/` (expand, parse, resolve,
//! closures, codegen), seen through the listing `disasm.ut` prints: core
//! forms, derived forms, hygiene, records and the object layer (classes,
//! modules, sends, nested classes, super).
//!
//! Purpose: pin down what the compiler makes of core forms -- registers,
//! constants, closures, boxes, tail calls, line tables -- and the text of
//! its errors, so that a change to any pass shows up as a reviewed diff.
//!
//! Design:
//! 1. Each program is a file of core forms under `tests/compiler/` (not
//!    `tests/programs/`: these are compiler inputs, not programs with
//!    expectations on every engine).
//! 2. `check(NAME)` runs the built `utena run runtime-src/compiler/disasm.ut
//!    tests/compiler/NAME` from the workspace root (so paths in the listing
//!    are relative and stable), requires exit status 0 and an empty
//!    stderr, and snapshots standard output with `insta`
//!    (`tools/tests/snapshots/compiler__NAME.snap`; review changes with
//!    `cargo insta review`).
//! 3. `check_passes(NAME)` does the same with `runtime-src/compiler/passes.ut`,
//!    which prints each top-level form as L1, L2 and L3 (the output of
//!    parse, resolve and closure conversion), so each pass is pinned down
//!    on its own (`compiler__passes_NAME.snap`).
//! 4. `check_error(NAME, TEXT)` runs `disasm.ut` on
//!    `tests/compiler/errors/NAME`, requires exit status 1, and compares the
//!    first line of output with `tests/compiler/errors/NAME:TEXT`, the
//!    `FILE:LINE:COL: error: MESSAGE` every engine prints. It also runs the
//!    file on the seed (`utena run FILE`) and requires the same first line
//!    on its stderr: the compiler's messages and positions are the seed's.
//!    `check_error_in(NAME, FILE, TEXT)` is the same for an error inside
//!    `FILE`, a file NAME includes (`.inc`, so no harness runs it alone).
//! 5. `checker`: `tests/compiler/checker.ut` feeds the code checker
//!    (`cg-verify` in codegen.ut, which every compiled function passes
//!    through) hand-made broken code, one case per rule, and prints `ok:`
//!    for each refusal.
//! 6. `every_test_program_compiles` runs `disasm.ut` on every program
//!    under `tests/programs/`: each must compile, or fail with the same
//!    first line the seed prints (an error the seed also finds before
//!    running). There is no list of exceptions. It prints the two counts.
//! 7. `every_program_is_checked` fails when a file under `tests/compiler/`
//!    has no `check` here, so that a new program cannot go unsnapshotted.
//! 8. `entry_names_are_what_entry_ut_defines`: resolve.ut's list of the
//!    entry module's names must be exactly the names `core/entry.ut`
//!    defines at its top level, and `platform`. Natively, a name the
//!    program does not define is linked to the library's `native:NAME`
//!    only if it is on that list (or a builtin, or a name the runtime
//!    uses), so a procedure added to entry.ut and not to the list is
//!    unbound in native executables (it happened to `with-output-to-file`).
//!
//! Not done here: running the compiled code (there is no simulator yet).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const DISASM: &str = "runtime-src/compiler/disasm.ut";
const PASSES: &str = "runtime-src/compiler/passes.ut";

/// The programs `check` snapshots, for `every_program_is_checked`.
const PROGRAMS: &[&str] = &[
    "allocation.scm",
    "builtins.scm",
    "calls.scm",
    "closures.scm",
    "derived.scm",
    "exits.scm",
    "fact.scm",
    "forms.scm",
    "hygiene.scm",
    "include-body.scm",
    "include.scm",
    "inheritance.scm",
    "letrec.scm",
    "lets.scm",
    "members.scm",
    "modules.scm",
    "objects.scm",
    "own-plus.scm",
    "record-types.scm",
    "records.scm",
    "values.scm",
];

fn workspace_root() -> PathBuf {
    let tools = Path::new(env!("CARGO_MANIFEST_DIR"));
    tools.parent().unwrap_or(tools).to_path_buf()
}

/// `utena run --engine seed ARGS…` from the workspace root.
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_utena"))
        .current_dir(workspace_root())
        .args(["run", "--engine", "seed"])
        .args(args)
        .output()
        .unwrap_or_else(|error| panic!("cannot run {}: {error}", env!("CARGO_BIN_EXE_utena")))
}

/// Standard output of `utena run ARGS…`, which must succeed.
fn succeed(args: &[&str]) -> String {
    let output = run(args);
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        output.status.success() && stderr.is_empty(),
        "utena run {} failed\n--- exit status: {}\n--- stdout:\n{stdout}--- stderr:\n{stderr}",
        args.join(" "),
        output.status,
    );
    stdout
}

fn check(name: &str) {
    let snapshot = name.trim_end_matches(".scm");
    insta::assert_snapshot!(snapshot, succeed(&[DISASM, &format!("tests/compiler/{name}")]));
}

fn check_passes(name: &str) {
    let snapshot = format!("passes_{}", name.trim_end_matches(".scm"));
    insta::assert_snapshot!(snapshot, succeed(&[PASSES, &format!("tests/compiler/{name}")]));
}

fn check_error(name: &str, expected: &str) {
    check_error_in(name, name, expected);
}

/// `check_error` for an error the message places in `file` (a file `name`
/// includes), both under `tests/compiler/errors/`.
fn check_error_in(name: &str, file: &str, expected: &str) {
    let relative = format!("tests/compiler/errors/{name}");
    let output = run(&[DISASM, &relative]);
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert_eq!(output.status.code(), Some(1), "{relative} should fail to compile; it printed:\n{stdout}");
    let expected = format!("tests/compiler/errors/{file}:{expected}");
    assert_eq!(stdout.lines().next().unwrap_or(""), expected);
    let seed = run(&[&relative]);
    let seed_stderr = String::from_utf8_lossy(&seed.stderr).into_owned();
    assert_eq!(seed_stderr.lines().next().unwrap_or(""), expected, "the seed reports {relative} differently");
}

#[test]
fn include() {
    check("include.scm");
}

/// `include` in a body splices the file's forms, definitions and macros
/// included; the line table names the included file.
#[test]
fn include_body() {
    check("include-body.scm");
}

#[test]
fn include_in_expression() {
    check_error(
        "include-expression.scm",
        "3:8: error: `include` is only allowed at the top level or at the start of a body",
    );
}

#[test]
fn include_body_error() {
    check_error_in(
        "include-body-error.scm",
        "include-error.inc",
        "3:3: error: bad `if` form: expected (if test consequent [alternative])",
    );
}

#[test]
fn include_error() {
    check_error_in(
        "include-error.scm",
        "include-error.inc",
        "3:3: error: bad `if` form: expected (if test consequent [alternative])",
    );
}

#[test]
fn include_missing() {
    check_error(
        "include-missing.scm",
        "1:10: error: cannot include tests/compiler/errors/no-such-file.inc: No such file or directory (os error 2)",
    );
}

/// Calls of primitives become `builtin` with the table's number; a
/// primitive as a value stays a global; wrong counts and primitives that
/// call Utena code stay calls.
#[test]
fn builtins() {
    check("builtins.scm");
}

/// A program that defines `+` and `car` got `add` for its own `+`: its
/// calls must be ordinary calls.
#[test]
fn own_plus() {
    check("own-plus.scm");
}

#[test]
fn set_builtin() {
    check_error("set-builtin.scm", "3:3: error: cannot assign to builtin: car");
}

/// `values`, and call-with-values of lambda expressions inlined as
/// `receive` / `receive-rest` (let-values, define-values).
#[test]
fn values() {
    check("values.scm");
}

#[test]
fn passes_values() {
    check_passes("values.scm");
}

/// call/cc and dynamic-wind of lambda expressions as push-exit,
/// push-cleanup, pop-exit and rethrow.
#[test]
fn exits() {
    check("exits.scm");
}

#[test]
fn passes_exits() {
    check_passes("exits.scm");
}

/// let (an immediately applied lambda expression) as a binding in the
/// enclosing function: no closure, no call; a wrong count stays a call.
#[test]
fn lets() {
    check("lets.scm");
}

#[test]
fn passes_lets() {
    check_passes("lets.scm");
}

#[test]
fn let_duplicate_parameter() {
    check_error("let-duplicate.scm", "4:3: error: duplicate parameter `a`");
}

#[test]
fn receive_duplicate_parameter() {
    check_error("receive-duplicate.scm", "4:5: error: duplicate parameter `a`");
}

#[test]
fn bad_let_values() {
    check_error(
        "bad-let-values.scm",
        "3:3: error: bad syntax: expected (let-values ((formals expression) ...) body ...): (let-values (((a b) 1 2)) a)",
    );
}

/// A malformed definition later in a body was reported after an error in
/// an earlier definition's value: the seed checks every definition first.
#[test]
fn bad_define_values() {
    check_error("bad-define-values.scm", "4:3: error: bad `define` form: expected a name or (name parameter ...)");
}

/// A top-level define-record-type: one record-type constant and
/// procedures of record opcodes; in a body, calls as before.
#[test]
fn record_types() {
    check("record-types.scm");
}

#[test]
fn passes_record_types() {
    check_passes("record-types.scm");
}

#[test]
fn record_constructor_field() {
    check_error(
        "record-constructor-field.scm",
        "2:1: error: bad syntax: a constructor argument is not a field of the record: \
         (define-record-type point (make-point x z) point? (x point-x))",
    );
}

#[test]
fn record_field_spec() {
    check_error(
        "record-field-spec.scm",
        "2:1: error: bad syntax: a field spec must be (field accessor [modifier]): \
         (define-record-type point (make-point x) point? (x point-x set-point-x! extra))",
    );
}

#[test]
fn record_field_twice() {
    check_error(
        "record-field-twice.scm",
        "2:1: error: bad syntax: a record field is named twice: \
         (define-record-type point (make-point x) point? (x point-x) (x other-x))",
    );
}

#[test]
fn record_too_short() {
    check_error(
        "record-too-short.scm",
        "2:1: error: bad syntax: expected (define-record-type name (constructor field ...) predicate field-spec ...): \
         (define-record-type point (make-point))",
    );
}

#[test]
fn calls() {
    check("calls.scm");
}

#[test]
fn closures() {
    check("closures.scm");
}

#[test]
fn fact() {
    check("fact.scm");
}

#[test]
fn forms() {
    check("forms.scm");
}

#[test]
fn letrec() {
    check("letrec.scm");
}

#[test]
fn derived() {
    check("derived.scm");
}

#[test]
fn hygiene() {
    check("hygiene.scm");
}

#[test]
fn records() {
    check("records.scm");
}

#[test]
fn objects() {
    check("objects.scm");
}

#[test]
fn inheritance() {
    check("inheritance.scm");
}

#[test]
fn modules() {
    check("modules.scm");
}

#[test]
fn members() {
    check("members.scm");
}

#[test]
fn allocation() {
    check("allocation.scm");
}

/// The lazy-allocation facts (allocation.ut) as the `AL` lines show them:
/// allocation sites, stores that need or provably skip the write barrier,
/// the return barrier, and which tail calls need the tail-call rule.
#[test]
fn passes_allocation() {
    check_passes("allocation.scm");
}

#[test]
fn passes_members() {
    check_passes("members.scm");
}

#[test]
fn passes_objects() {
    check_passes("objects.scm");
}

#[test]
fn passes_inheritance() {
    check_passes("inheritance.scm");
}

#[test]
fn passes_modules() {
    check_passes("modules.scm");
}

#[test]
fn passes_derived() {
    check_passes("derived.scm");
}

#[test]
fn passes_hygiene() {
    check_passes("hygiene.scm");
}

#[test]
fn passes_records() {
    check_passes("records.scm");
}

#[test]
fn passes_calls() {
    check_passes("calls.scm");
}

#[test]
fn passes_closures() {
    check_passes("closures.scm");
}

#[test]
fn passes_forms() {
    check_passes("forms.scm");
}

#[test]
fn passes_letrec() {
    check_passes("letrec.scm");
}

#[test]
fn bad_lambda() {
    check_error("bad-lambda.scm", "2:3: error: bad `lambda` form: expected (lambda formals body ...)");
}

#[test]
fn duplicate_parameter() {
    check_error("duplicate-parameter.scm", "1:1: error: duplicate parameter `a`");
}

#[test]
fn bad_define() {
    check_error("bad-define.scm", "1:1: error: bad `define` form: expected a name or (name parameter ...)");
}

#[test]
fn define_without_body() {
    check_error("define-no-body.scm", "1:1: error: bad `define` form: the procedure has no body");
}

#[test]
fn define_in_expression() {
    check_error(
        "define-in-expression.scm",
        "2:9: error: `define` is only allowed at the top level or at the start of a body",
    );
}

#[test]
fn bad_parameter() {
    check_error("bad-parameter.scm", "1:1: error: bad parameter 1");
}

#[test]
fn bad_set() {
    check_error("bad-set.scm", "2:7: error: `set!` needs a variable name");
}

#[test]
fn bad_if() {
    check_error("bad-if.scm", "1:1: error: bad `if` form: expected (if test consequent [alternative])");
}

#[test]
fn duplicate_rest_parameter() {
    check_error("duplicate-rest.scm", "1:1: error: duplicate parameter `a`");
}

#[test]
fn improper_define() {
    check_error("improper-define.scm", "1:1: error: bad `define` form");
}

#[test]
fn reader_error() {
    check_error("unterminated.scm", "1:1: error: unexpected end of input in list");
}

#[test]
fn macro_without_matching_rule() {
    check_error("no-rule.scm", "5:3: error: bad syntax: no rule of pair-of matches: (pair-of 1)");
}

#[test]
fn language_macro_error() {
    check_error("bad-let.scm", "3:3: error: bad syntax: expected (let ((name init) ...) body ...): (let ((x)) x)");
}

#[test]
fn error_inside_macro_expansion() {
    check_error("inside-macro.scm", "5:13: error: `set!` needs a variable name");
}

#[test]
fn bad_syntax_rules_rule() {
    check_error(
        "bad-rule.scm",
        "3:3: error: syntax-rules: a rule must be a list of a pattern and a template: ((_ a) a a)",
    );
}

#[test]
fn keyword_as_variable() {
    check_error("keyword-variable.scm", "3:11: error: syntax keyword `when` used as a variable");
}

#[test]
fn unknown_library() {
    check_error("unknown-library.scm", "3:9: error: unknown library (my library): only (scheme …) is built in");
}

#[test]
fn method_hides_parameter() {
    check_error(
        "method-hides-parameter.scm",
        "3:11: error: method `price` would hide the class parameter `price`: rename one",
    );
}

#[test]
fn set_class_parameter() {
    check_error("set-parameter.scm", "4:5: error: cannot assign to class parameter `x`: keep changing state in a slot");
}

#[test]
fn duplicate_member() {
    check_error("duplicate-member.scm", "3:11: error: duplicate member `x` in class A");
}

#[test]
fn inherit_not_first() {
    check_error("inherit-not-first.scm", "3:3: error: `inherit` must be the first clause of a class");
}

#[test]
fn inherit_not_first_in_define_class() {
    // A template's new list cells carry the macro use's position.
    check_error("inherit-not-first-in-define-class.scm", "1:1: error: `inherit` must be the first clause of a class");
}

#[test]
fn bad_slot() {
    check_error("bad-slot.scm", "1:1: error: bad `slot` clause in a class");
}

#[test]
fn bad_clause() {
    check_error("bad-clause.scm", "1:1: error: a class clause must be a list starting with a keyword");
}

#[test]
fn unknown_class_clause() {
    check_error(
        "unknown-clause.scm",
        "3:3: error: unknown class clause `field`: expected inherit, slot, method, define or class",
    );
}

#[test]
fn super_outside_class() {
    check_error("super-outside-class.scm", "1:13: error: `super` used outside a class");
}

#[test]
fn bad_send() {
    check_error("bad-send.scm", "2:1: error: bad `send` form: expected (send receiver selector argument ...)");
}

#[test]
fn duplicate_method_parameter() {
    check_error("duplicate-method-parameter.scm", "2:11: error: duplicate parameter `x`");
}

#[test]
fn bad_class() {
    check_error("bad-class.scm", "1:11: error: bad class form: expected (class (Name parameter ...) clause ...)");
}

/// Every `.scm` and `.ut` file under `dir`, recursively, sorted.
fn program_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|error| panic!("cannot list {}: {error}", dir.display()));
    for path in entries.filter_map(|entry| entry.ok()).map(|entry| entry.path()) {
        if path.is_dir() {
            program_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "scm" || ext == "ut") {
            out.push(path);
        }
    }
    out.sort();
}

#[test]
fn every_test_program_compiles() {
    let root = workspace_root();
    let mut files = Vec::new();
    program_files(&root.join("tests/programs"), &mut files);
    let (mut compiled, mut same_error) = (0, 0);
    let mut failures = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&root).unwrap_or(file).to_string_lossy().into_owned();
        let output = run(&[DISASM, &relative]);
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        let first = stdout.lines().next().unwrap_or("").to_string();
        if output.status.success() {
            compiled += 1;
        } else {
            let seed = run(&[&relative]);
            let seed_stderr = String::from_utf8_lossy(&seed.stderr).into_owned();
            if seed_stderr.lines().next() == Some(first.as_str()) {
                same_error += 1;
            } else {
                failures.push(format!("{relative}: {first}"));
            }
        }
    }
    println!("{compiled} compile, {same_error} fail as on the seed");
    assert!(failures.is_empty(), "programs the compiler rejects:\n{}", failures.join("\n"));
    assert!(compiled > 0, "no program compiled");
}

#[test]
fn checker() {
    let stdout = succeed(&["tests/compiler/checker.ut"]);
    assert_eq!(stdout.lines().filter(|line| line.starts_with("ok: ")).count(), 11, "{stdout}");
}

#[test]
fn every_program_is_checked() {
    let directory = workspace_root().join("tests/compiler");
    let mut found: Vec<String> = std::fs::read_dir(&directory)
        .unwrap_or_else(|error| panic!("cannot list {}: {error}", directory.display()))
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".scm"))
        .collect();
    found.sort();
    assert_eq!(found, PROGRAMS, "every program under tests/compiler/ needs a `check` in tools/tests/compiler.rs");
}

#[test]
fn entry_names_are_what_entry_ut_defines() {
    let read = |path: &str| {
        std::fs::read_to_string(workspace_root().join(path))
            .unwrap_or_else(|error| panic!("cannot read {path}: {error}"))
    };
    let entry = read("runtime-src/core/entry.ut");
    let mut defined: Vec<&str> = entry
        .lines()
        .filter_map(|line| line.strip_prefix("(define "))
        .filter_map(|rest| rest.trim_start_matches('(').split([' ', ')']).next())
        .collect();
    defined.push("platform");
    defined.sort_unstable();
    let resolve = read("runtime-src/compiler/resolve.ut");
    let start = resolve.find("(define resolve-entry-names").expect("resolve.ut defines resolve-entry-names");
    let list = &resolve[start..];
    let list = &list[list.find("'(").expect("a quoted list") + 2..];
    let list = &list[..list.find(')').expect("the list's end")];
    let mut listed: Vec<&str> = list.split_whitespace().collect();
    listed.sort_unstable();
    assert_eq!(listed, defined, "resolve-entry-names (resolve.ut) against core/entry.ut's top-level definitions");
}

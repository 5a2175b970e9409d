//! Snapshot tests of error reports: what a user sees when a program is
//! malformed or fails at run time (`docs/conventions.md` fixes the format).
//!
//! Each test is one `check(source)` line; the snapshot holds the program,
//! what it wrote before failing, and the full report with its backtrace.
//! Review changes with `cargo insta review`; never hand-edit a snapshot.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

/// Program output collected in memory, shared with the test after the run.
#[derive(Clone, Default)]
struct Captured(Rc<RefCell<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs `source` as the program `program.scm`: the source, its output and
/// its error report (or its exit status, if it did not fail).
fn run(source: &str) -> String {
    let owned = source.to_string();
    let (output, outcome) = seed::run_with_large_stack(move || {
        let captured = Captured::default();
        let options = seed::Options { output: Box::new(captured.clone()), ..seed::Options::default() };
        let outcome = match seed::Seed::new(options) {
            Ok(mut interpreter) => match interpreter.run_source("program.scm", &owned, &[]) {
                Ok(status) => format!("--- no error; exit status {status}"),
                Err(error) => format!("--- error\n{error}"),
            },
            Err(error) => format!("--- the seed failed to start\n{error}"),
        };
        let output = String::from_utf8_lossy(&captured.0.borrow()).into_owned();
        (output, outcome)
    });
    format!("{source}\n--- stdout\n{output}\n{}\n", without_frame_counts(&outcome))
}

/// The report with the number of elided backtrace frames replaced by `N`:
/// how deep a stack overflow gets depends on the build, not on the program.
fn without_frame_counts(report: &str) -> String {
    let lines = report.lines().map(|line| match line.trim().strip_prefix("... ") {
        Some(rest) if rest.ends_with(" more frames ...") => "  ... N more frames ...".to_string(),
        _ => line.to_string(),
    });
    lines.collect::<Vec<_>>().join("\n")
}

macro_rules! check {
    ($name:ident, $source:expr) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(run($source));
        }
    };
}

// Syntax errors stop the program before it runs anything.
check!(syntax_unclosed_paren, "(display \"never\")\n(define (f x)\n  (+ x 1)\n");
check!(syntax_unterminated_string, "(display \"hello)\n(newline)\n");
check!(syntax_bad_hash, "(display #z)\n");
check!(syntax_unexpected_close, "(display 1))\n");

// Malformed special forms.
check!(bad_if, "(if)\n");
check!(bad_lambda, "(lambda)\n");
check!(bad_define, "(define)\n");
check!(bad_let_binding, "(let ((x)) x)\n");

// Runtime errors, with the output written before them kept.
check!(car_of_number, "(display \"before\")\n(newline)\n(car 5)\n");
check!(unbound_variable, "(define (f) (g 1))\n(f)\n");
check!(wrong_argument_count, "(define (fact n) (if (= n 0) 1 (* n (fact (- n 1)))))\n(fact 1 2)\n");
check!(division_by_zero, "(quotient 7 0)\n");
check!(vector_index, "(vector-ref (vector 1 2 3) 10)\n");
check!(not_a_procedure, "(5 1 2)\n");
check!(error_with_irritants, "(error \"msg\" 1 \"two\" 'three)\n");
check!(raise_non_error, "(raise 'boom)\n");
check!(integer_overflow, "(+ 9223372036854775807 1)\n");
check!(assign_builtin, "(set! car cdr)\n");
check!(string_literal_mutation, "(string-set! \"abc\" 0 #\\z)\n");
check!(
    backtrace_through_calls,
    "(define (inner x) (car x))\n(define (middle x) (+ 1 (inner x)))\n(define (outer x) (* 2 (middle x)))\n(outer 7)\n"
);
check!(stack_overflow, "(define (down n) (+ 1 (down n)))\n(down 0)\n");
check!(
    does_not_understand,
    "(define-class (Point x y)\n  (method (norm) (+ (* x x) (* y y))))\n(send (Point 1 2) area)\n"
);

// Regression: an error that guard re-raised (no clause matched) was reported at the guard.
check!(
    guard_reraise_keeps_position,
    "(define (first-of x) (car x))\n(guard (e ((string? e) 'caught))\n  (first-of 5))\n"
);
// Regression: a macro's error was reported inside runtime-src/core/syntax.ut, not at the use.
check!(macro_error_at_use, "(define-syntax two (syntax-rules () ((_ a b) (list a b))))\n(display \"ok\")\n(two 1)\n");

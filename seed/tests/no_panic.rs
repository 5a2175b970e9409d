//! No input makes the seed panic (DESIGN.md §5): a deterministic property
//! test over random text.
//!
//! Design:
//! 1. A small PRNG (SplitMix64, fixed seed) makes inputs of three kinds:
//!    random characters, random token soup (brackets, quotes, `#(`, `#\`,
//!    strings, numbers, special-form names), and random well-bracketed
//!    expressions, which get past the reader and exercise the evaluator.
//!    A few hand-written extremes (very deep nesting) are added.
//! 2. Each input goes to `seed::read_dump` and to `Seed::run_source` with a
//!    fuel limit (so loops end) and output discarded, inside
//!    `run_with_large_stack`, under `catch_unwind`.
//! 3. The test fails listing the inputs that panicked (each is a
//!    reproducer: paste it into `utena run`).
//!
//! Errors are fine — most inputs are not programs. Only a panic (or an abort,
//! which kills the test process) is a failure. For open-ended search use the
//! cargo-fuzz targets in `fuzz/` (docs/testing.md).

use std::panic::{AssertUnwindSafe, catch_unwind};

/// Inputs of each random kind. Together they must run in a few seconds in
/// release mode (how CI runs the tests); debug builds run fewer.
const CASES_PER_KIND: usize = if cfg!(debug_assertions) { 200 } else { 1000 };
/// Evaluation steps allowed per interpreter.
const FUEL: u64 = 100_000;
/// Programs run by one interpreter before a fresh one is made (making one
/// loads the prelude, which costs more than running most inputs).
const PROGRAMS_PER_INTERPRETER: usize = 50;

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and good enough here.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Characters that matter to the reader, plus some that should not.
const CHARACTERS: &[&str] = &[
    "(", ")", "[", "]", "'", "`", ",", "@", "#", "\\", "\"", ";", "|", ".", " ", "\n", "\t", "a", "x", "u", "8", "0",
    "1", "9", "+", "-", "e", "i", "t", "f", "λ", "\u{0}", "\u{7f}", "\u{feff}", "\r", "!", "?", "*", "/",
];

/// Tokens of the language. No token names `platform` or files: a random
/// program must not be able to write to the disk.
#[rustfmt::skip]
const TOKENS: &[&str] = &[
    "(", ")", "(", ")", "[", "]", "'", "`", ",", ",@", "#(", "#u8(", "#\\", "#\\a", "#\\space", "#\\x41",
    "\"str\"", "\"", "\"a\\nb\"", "\\", "1", "-5", "0", "3.14", "1e400", "-0.0", "#x1F", "+inf.0", "+nan.0",
    "9223372036854775807", "99999999999999999999", ".", "...", "define", "lambda", "let", "let*", "letrec",
    "if", "set!", "quote", "quasiquote", "unquote", "begin", "cond", "case", "else", "=>", "and", "or", "do",
    "class", "define-class", "method", "slot", "inherit", "send", "self", "super", "module", "define-module",
    "define-syntax", "syntax-rules", "%define-syntax", "define-record-type", "call/cc", "dynamic-wind",
    "with-exception-handler", "raise", "error", "apply", "values", "call-with-values", "x", "y", "f", "car",
    "cdr", "cons", "list", "vector", "vector-ref", "make-vector", "string-ref", "string-set!",
    "string-append", "+", "-", "*", "/", "quotient", "<", "=", "display", "write", "newline", "exit", "#t",
    "#f", "#|", "|#", ";", "\n", "#;", "|", " ",
];

/// Heads for the well-bracketed expressions.
#[rustfmt::skip]
const HEADS: &[&str] = &[
    "define", "lambda", "let", "letrec", "if", "set!", "quote", "begin", "cond", "case", "and", "or", "do",
    "class", "define-class", "method", "send", "define-syntax", "call/cc", "apply", "error", "raise", "car",
    "cons", "list", "vector", "vector-ref", "+", "*", "quotient", "display", "f", "x",
];
#[rustfmt::skip]
const LEAVES: &[&str] = &["x", "y", "f", "1", "0", "-1", "2.5", "\"s\"", "#\\c", "#t", "#f", "'()", "'x", "self", "..."];

fn random_characters(rng: &mut Rng) -> String {
    (0..rng.below(64)).map(|_| rng.pick(CHARACTERS)).collect()
}

fn token_soup(rng: &mut Rng) -> String {
    let mut text = String::new();
    for _ in 0..rng.below(48) {
        text.push_str(rng.pick(TOKENS));
        if rng.below(3) > 0 {
            text.push(' ');
        }
    }
    text
}

fn expression(rng: &mut Rng, depth: usize, text: &mut String) {
    if depth == 0 || rng.below(3) == 0 {
        text.push_str(rng.pick(LEAVES));
        return;
    }
    text.push('(');
    text.push_str(rng.pick(HEADS));
    for _ in 0..rng.below(4) {
        text.push(' ');
        expression(rng, depth - 1, text);
    }
    text.push(')');
}

fn bracketed_program(rng: &mut Rng) -> String {
    let mut text = String::new();
    for _ in 0..1 + rng.below(3) {
        // Half the time, a procedure body that is then called, so that
        // random code runs with its parameters bound.
        let wrapped = rng.below(2) == 0;
        if wrapped {
            text.push_str("(define (f x y) ");
        }
        expression(rng, 5, &mut text);
        if wrapped {
            text.push_str(")\n(f 1 '(2 3))");
        }
        text.push('\n');
    }
    text
}

/// Inputs at the limits, where recursion in the reader or evaluator would
/// overflow the Rust stack if it were not guarded.
fn extremes() -> Vec<String> {
    vec![
        "(".repeat(200_000),
        format!("{}{}", "(".repeat(150_000), ")".repeat(150_000)),
        format!("{}x", "'".repeat(150_000)),
        format!("{}1{}", "(car ".repeat(50_000), ")".repeat(50_000)),
        format!("{}1{}", "(list ".repeat(50_000), ")".repeat(50_000)),
        format!("{}1{}", "#(".repeat(50_000), ")".repeat(50_000)),
        "(define (f) (f)) (f)".to_string(),
        "(define (f n) (+ 1 (f n))) (f 0)".to_string(),
        "(let loop ((i 0)) (loop (+ i 1)))".to_string(),
        "#| #| #| |# |#".to_string(),
        "\"\\x110000;\"".to_string(),
        "#\\x110000".to_string(),
        "#e1e400 #i#e1 #x#b1 #e+nan.0".to_string(),
    ]
}

fn all_inputs() -> Vec<String> {
    let mut rng = Rng(0x5eed_f00d_cafe);
    let mut inputs = extremes();
    for _ in 0..CASES_PER_KIND {
        inputs.push(random_characters(&mut rng));
        inputs.push(token_soup(&mut rng));
        inputs.push(bracketed_program(&mut rng));
    }
    inputs
}

/// Feeds every input to the reader and the evaluator; returns the inputs
/// that panicked, with the stage that panicked.
fn panicking_inputs(inputs: Vec<String>) -> Vec<(String, &'static str)> {
    seed::run_with_large_stack(move || {
        let mut failures = Vec::new();
        let mut tally = Tally::default();
        let mut interpreter = None;
        for (index, input) in inputs.iter().enumerate() {
            match catch_unwind(|| seed::read_dump("fuzz.scm", input)) {
                Ok(Ok(_)) => tally.read += 1,
                Ok(Err(_)) => {}
                Err(_) => failures.push((input.clone(), "read_dump")),
            }
            if index % PROGRAMS_PER_INTERPRETER == 0 {
                interpreter = None;
            }
            let run = catch_unwind(AssertUnwindSafe(|| {
                let seed = match &mut interpreter {
                    Some(seed) => seed,
                    slot => slot.insert(new_interpreter()),
                };
                seed.run_source("fuzz.scm", input, &[]).map_err(|error| error.to_string())
            }));
            match run {
                // Fuel is spent over an interpreter's life: after it runs
                // out, the next input gets a fresh interpreter.
                Ok(Err(report)) if report.contains("out of fuel") => {
                    tally.out_of_fuel += 1;
                    interpreter = None;
                }
                Ok(Ok(_)) => tally.ran += 1,
                Ok(Err(_)) => tally.failed += 1,
                Err(_) => {
                    failures.push((input.clone(), "run_source"));
                    // Its state may be broken; the next input gets a fresh one.
                    interpreter = None;
                }
            }
        }
        // Seen with `--nocapture`: how many inputs got how far.
        eprintln!("{} inputs: {tally:?}", inputs.len());
        failures
    })
}

/// How the inputs fared: read without error; ran to the end; stopped with a
/// Utena error; stopped by the fuel limit.
#[derive(Debug, Default)]
struct Tally {
    read: usize,
    ran: usize,
    failed: usize,
    out_of_fuel: usize,
}

fn new_interpreter() -> seed::Seed {
    let options = seed::Options { output: Box::new(std::io::sink()), fuel: Some(FUEL) };
    match seed::Seed::new(options) {
        Ok(seed) => seed,
        Err(error) => panic!("the seed failed to start:\n{error}"),
    }
}

#[test]
fn no_input_makes_the_seed_panic() {
    let failures = panicking_inputs(all_inputs());
    if !failures.is_empty() {
        let mut message = format!("{} inputs panicked; the first ones:\n", failures.len());
        for (input, stage) in failures.iter().take(10) {
            let shown: String = input.chars().take(300).collect();
            message.push_str(&format!("  {stage}: {shown:?}\n"));
        }
        panic!("{message}");
    }
}

//! The reader differential test: the Utena reader against the seed's.
//!
//! Purpose: hold `runtime-src/reader/reader.ut` to the seed's reader
//! (`seed/src/reader.rs`): the same data, the same source positions, and for
//! bad input the same error message at the same position, so that the
//! native toolchain reads every program exactly as the seed does.
//!
//! Design:
//! 1. Inputs: every source file (`.scm`, `.ut`, `.inc`) under [`CORPUS`]
//!    (read from the workspace root, named by their relative paths), and
//!    the [`SNIPPETS`] (each lexical feature and each kind of syntax
//!    error) and a deterministic [`token_soup`], written to files under
//!    Cargo's per-test scratch directory.
//! 2. The seed's side, in this process: `seed::read_dump` of each file (on
//!    a large-stack thread, as the seed requires), or `!! REPORT` for a read
//!    error, plus `!! incomplete` when the text ended inside a datum.
//! 3. The Utena side: `utena run runtime-src/reader/dump.ut FILE…` (the
//!    program includes `reader.ut`), which prints the same format for each
//!    file, after a `== FILE` line. The files are shared out among one
//!    process per core, largest first.
//! 4. Compare file by file; a failure lists every file whose dumps differ,
//!    with the first differing line of each.
//!
//! Invariant: both readers see the same bytes under the same name, so a
//! difference is a difference between the readers.
//!
//! Not done here: reading the Utena reader's output back (the dump is text,
//! compared as text) and timing (each Utena process is only killed after
//! [`TIME_LIMIT`]).

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::{files_under, slash_path, workspace_root};

/// The directories whose source files are read by both readers.
const CORPUS: &[&str] = &["tests", "runtime-src", "examples", "bench"];

/// The program that dumps what the Utena reader reads.
const DUMP: &str = "runtime-src/reader/dump.ut";

/// How long one `utena run` over a share of the files may take.
const TIME_LIMIT: Duration = Duration::from_secs(300);

/// Small inputs: every piece of lexical syntax, its corners, and every
/// syntax error the seed reports.
const SNIPPETS: &[&str] = &[
    // Numbers.
    "0 42 -7 +7 9223372036854775807 -9223372036854775808",
    "1.5 -0.25 .5 1. 1e3 1.5e-3 -2E2 +.5 1.e5 -.5e+3 0.1 1e21 1e-7 123456789012.5",
    "+inf.0 -inf.0 +nan.0 -nan.0",
    "#x1F #xff #b101 #o17 #d99 #e1.0 #i3 #x-a #X1F #e#x10 #x#e10 #i#x10 #e1e3 #e1e30 #i1.5",
    "#e+inf.0 #i+inf.0 #e-0.0 #e9.1e18 #e9.3e18 #x1.5 #b102 #o8 #d1e2 #x+ff #x+-1",
    "1+ -1+ 1.2.3 1e 1e+ e1 +e1 1e1.5 .e1 +. -. .. +5x -5x 1/2/3 a/b 1/x",
    "9223372036854775808",
    "-9223372036854775809",
    "+123456789012345678901234567890",
    "#x8000000000000000",
    "#e1.5",
    "1/2",
    "-3/4",
    // Booleans and characters.
    "#t #f #true #false",
    "#T",
    r"#\a #\A #\( #\) #\; #\space #\newline #\tab #\nul #\x41 #\λ #\x #\u41 #\U41 #\x+41 #\x0041",
    r"#\alarm #\backspace #\delete #\escape #\null #\return #\linefeed #\rubout #\altmode #\x7 #\x0",
    "#\\\n#\\ x",
    r"#\xD800",
    r"#\x110000",
    r"#\xFFFFFFFFF",
    r"#\bogus",
    r"#\x-41",
    "#\\",
    // Strings.
    r#""" "plain" "with \"quotes\"" "tab\there" "new\nline" "back\\slash" "\x41;\x3bb;" "\a\b\0\r\|""#,
    "\"one \\\n     two\" \"three \\  \t\n  \t four\" \"five \\\r\n six\"",
    "\"a\nb\" (x)\n\"\ttab\"",
    "\"bad \\  x\"",
    r#""\x;""#,
    r#""\xD800;""#,
    r#""\x110000;""#,
    r#""\x123456789;""#,
    r#""\x41""#,
    r#""bad \q escape""#,
    "\"\\x4",
    "\"abc\\",
    "(display \"hello)\n",
    // Symbols.
    r"foo set! list->vector <=? a.b + - ... ->x *x* |with space| |a\|b| |x\ny| |\x41;| || Foo FOO",
    "+ - ... +a -> .a a'b a,b a`b a#b λ (λ) \"λ\" |λ x| {a} a\\b",
    "|never closed",
    // Lists, abbreviations, vectors, bytevectors.
    "(a (b c)\n  (d\n   e))",
    "() [] (()) [()]",
    "(a . b) (a b . c) (a . (b c)) (a . ()) (a . (b . c)) (a . #(1)) (a . [b]) (a .(b)) (a .b)",
    "[a b] (let ([x 1]) x)",
    "'a `(b ,c ,@d) '() ''x ',a '[a] '#(a) '\"s\"",
    "' a",
    "'\n;c\n a",
    "#(1 \"two\" #\\3 (4)) #() #(a . (b)) #(#(x)) #((a . b))",
    "#u8(0 1 255) #u8() #u8(#x10 #b1)",
    // Atmosphere.
    "; a comment\na ; trailing\nb",
    "#| block |# a #| nested #| inner |# still |# b",
    "#||# x #|#|#||#|# y #| | # |# z",
    "#;(ignored datum) a #; b c (d #;e f) #;#;1 2 3 #; #; (x) y",
    "#!/usr/bin/env utena\n(display 1)",
    "#!",
    " #!x",
    "",
    "; nothing\n#| here |#",
    "x\r\ny\r\n(z\r\n w)",
    "\ttab (a\tb)\x0b(c\x0cd)",
    "a\u{a0}b \u{2028} c\u{3000}d\u{85}e\u{1680}f\u{200a}g\u{200b}h",
    // Syntax errors.
    "(define (f x)\n  (+ x 1)",
    "(a (b (c)",
    "(a b))",
    ")",
    "]",
    "(a b]",
    "[a b)",
    "#(a]",
    "a #| never closed",
    "#| a #| b |# c",
    "(list #q 1)",
    "#",
    "#u8",
    "#u8 (1)",
    "#u(1)",
    "#!fold-case x",
    "(# )",
    "#\"a\"",
    "#u8(1 256)",
    "#u8(1 -1)",
    "#u8(1.0)",
    "#u8(a)",
    "#u8(\"s\")",
    "#u8((1 2 . x))",
    "#u8(#\\a)",
    "#u8(|a b|)",
    "#u8(#(1 \"x\"))",
    "#u8(#t)",
    "#u8(+inf.0)",
    "#u8(#\\x7)",
    "#u8(#\\x85)",
    "#u8(|1|)",
    "#u8(|#a| |.| |a;b| ||)",
    "#u8(\"a\\tb\\x7;\\x9f;\\\\\\\"\")",
    "#u8(1 . 2)",
    "#(a . b)",
    "( . a)",
    "(. a)",
    "(a . )",
    "(a . b c)",
    "(a . b]",
    "(a .",
    "(a . b",
    "(a ')",
    "'",
    "`",
    ",@",
    ",@)",
    "a #;",
    "(a #;)",
    "(a #; ;c\n)",
];

/// How many inputs of [`token_soup`] the snippet test reads.
const SOUP_SIZE: usize = 600;

/// The pieces token soup is made of: brackets, prefixes, escapes, number
/// fragments, comment openers and blanks, so that random sequences hit the
/// corners of the syntax (most of them are errors).
#[rustfmt::skip]
const SOUP_PIECES: &[&str] = &[
    "(", ")", "[", "]", "'", "`", ",", ",@", "\"", "\\", "|", "#", "#(", "#u8(", "#\\", "#|", "|#", "#;", ";", "\n",
    " ", "\t", "\r", ".", " . ", "a", "λ", "1", "9", "0", "-", "+", "e", "x", "/", "#x", "#e", "#i", "#b", "inf.0",
    "nan.0", "t", "f", "true", "space", "u", "8", "\\x", "41", "@", "\u{a0}", "\u{2028}", "99999999999999999999",
    "1.5", "#t", "#\\a", "\"s\"", "(a b)",
];

/// `count` inputs of 1 to 24 pieces each, from a fixed xorshift sequence
/// (the same inputs on every run).
fn token_soup(count: usize) -> Vec<String> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count)
        .map(|_| {
            let pieces = 1 + next() % 24;
            (0..pieces).map(|_| SOUP_PIECES[(next() % SOUP_PIECES.len() as u64) as usize]).collect()
        })
        .collect()
}

#[test]
fn corpus_reads_alike() {
    let root = workspace_root();
    let mut files = Vec::new();
    for dir in CORPUS {
        let found = files_under(&root.join(dir), &["scm", "ut", "inc"]);
        files.extend(found.unwrap_or_else(|error| panic!("cannot list {dir}: {error}")));
    }
    files.sort();
    let names: Vec<String> = files.iter().map(|file| slash_path(file.strip_prefix(&root).unwrap_or(file))).collect();
    assert!(names.len() > 100, "the corpus is suspiciously small: {names:?}");
    compare(&root, &names, |_| None);
}

#[test]
fn snippets_read_alike() {
    let root = workspace_root();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("reader_differential");
    std::fs::create_dir_all(&dir).unwrap_or_else(|error| panic!("cannot make {}: {error}", dir.display()));
    // Nesting one level past the limit, in lists and in quotations.
    let deep_list = "(".repeat(100_001);
    let deep_quote = format!("{}x", "'".repeat(100_001));
    let soup = token_soup(SOUP_SIZE);
    let snippets: Vec<&str> = SNIPPETS
        .iter()
        .copied()
        .chain([deep_list.as_str(), deep_quote.as_str()])
        .chain(soup.iter().map(String::as_str))
        .collect();
    let mut names = Vec::new();
    for (index, snippet) in snippets.iter().enumerate() {
        let file = dir.join(format!("snippet-{index:03}.scm"));
        std::fs::write(&file, snippet).unwrap_or_else(|error| panic!("cannot write {}: {error}", file.display()));
        names.push(file.display().to_string());
    }
    compare(&root, &names, |name| {
        let index = names.iter().position(|n| n == name)?;
        Some(snippets[index].chars().take(200).collect())
    });
}

/// Reads `names` (paths relative to `root`, or absolute) with both readers
/// and fails with every difference; `describe` may show a file's source.
fn compare(root: &Path, names: &[String], describe: impl Fn(&str) -> Option<String>) {
    let started = Instant::now();
    let sources: Vec<String> = names
        .iter()
        .map(|name| {
            std::fs::read_to_string(root.join(name)).unwrap_or_else(|error| panic!("cannot read {name}: {error}"))
        })
        .collect();
    let expected = seed_dumps(names, &sources);
    let actual = utena_dumps(root, names, &sources);
    let mut failures = Vec::new();
    for (index, name) in names.iter().enumerate() {
        if let Some(difference) = first_difference(&expected[index], &actual[index]) {
            let source = describe(name).map(|text| format!("\n  source: {text:?}")).unwrap_or_default();
            failures.push(format!("{name}: {difference}{source}"));
        }
    }
    assert!(
        failures.is_empty(),
        "the Utena reader and the seed's disagree on {} of {} files:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
    eprintln!("{} files read alike in {:.1?}", names.len(), started.elapsed());
}

/// The seed's dump of each file, in the format of `dump.ut`.
fn seed_dumps(names: &[String], sources: &[String]) -> Vec<String> {
    let jobs: Vec<(String, String)> = names.iter().cloned().zip(sources.iter().cloned()).collect();
    seed::run_with_large_stack(move || {
        jobs.iter()
            .map(|(name, source)| match seed::read_dump(name, source) {
                Ok(dump) => dump,
                Err(error) if seed::input_is_complete(source) => format!("!! {error}\n"),
                Err(error) => format!("!! {error}\n!! incomplete\n"),
            })
            .collect()
    })
}

/// The Utena reader's dump of each file: `dump.ut` over a share of the
/// files per core, the shares in parallel.
fn utena_dumps(root: &Path, names: &[String], sources: &[String]) -> Vec<String> {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 4);
    // Largest first, each to the share with the least text so far.
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by_key(|&index| std::cmp::Reverse(sources[index].len()));
    let mut shares: Vec<(usize, Vec<usize>)> = vec![(0, Vec::new()); cores.min(names.len()).max(1)];
    for index in order {
        let share = shares.iter_mut().min_by_key(|(size, _)| *size).expect("at least one share");
        share.0 += sources[index].len();
        share.1.push(index);
    }
    let mut dumps = vec![String::new(); names.len()];
    std::thread::scope(|scope| {
        let running: Vec<_> = shares
            .into_iter()
            .map(|(_, indexes)| {
                let files: Vec<&str> = indexes.iter().map(|&index| names[index].as_str()).collect();
                (indexes.clone(), scope.spawn(move || run_dump(root, &files)))
            })
            .collect();
        for (indexes, handle) in running {
            let outputs = handle.join().unwrap_or_else(|_| panic!("a dump thread panicked"));
            for (index, output) in indexes.into_iter().zip(outputs) {
                dumps[index] = output;
            }
        }
    });
    dumps
}

/// Runs the dump program over `files` from `root`; one dump per file.
fn run_dump(root: &Path, files: &[&str]) -> Vec<String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_utena"))
        .args(["run", "--engine", "seed"])
        .arg(DUMP)
        .args(files)
        .current_dir(root)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| panic!("cannot run utena: {error}"));
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let out_reader = std::thread::spawn(move || {
        let mut text = String::new();
        stdout.read_to_string(&mut text).map(|_| text)
    });
    let err_reader = std::thread::spawn(move || {
        let mut text = String::new();
        stderr.read_to_string(&mut text).map(|_| text)
    });
    let deadline = Instant::now() + TIME_LIMIT;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            Ok(None) => {
                let _ = child.kill();
                panic!("the dump of {} files took longer than {TIME_LIMIT:?}", files.len());
            }
            Err(error) => panic!("cannot wait for utena: {error}"),
        }
    };
    let output = out_reader.join().ok().and_then(Result::ok).unwrap_or_default();
    let errors = err_reader.join().ok().and_then(Result::ok).unwrap_or_default();
    assert!(
        errors.is_empty() && matches!(status.code(), Some(0 | 1)),
        "the dump program failed ({status}):\n{errors}\n(after {} bytes of output)",
        output.len()
    );
    split_dumps(&output, files)
}

/// The output of one dump run, cut at its `== FILE` lines (there are none
/// when it read a single file).
fn split_dumps(output: &str, files: &[&str]) -> Vec<String> {
    if files.len() == 1 {
        return vec![output.to_string()];
    }
    let mut dumps: Vec<String> = Vec::new();
    for line in output.split_inclusive('\n') {
        match line.strip_prefix("== ") {
            Some(name) if files.get(dumps.len()) == Some(&name.trim_end_matches('\n')) => dumps.push(String::new()),
            _ => match dumps.last_mut() {
                Some(dump) => dump.push_str(line),
                None => panic!("dump output before the first `== FILE` line: {line:?}"),
            },
        }
    }
    assert_eq!(dumps.len(), files.len(), "the dump program stopped early");
    dumps
}

/// The first line where two dumps differ, both versions shown.
fn first_difference(expected: &str, actual: &str) -> Option<String> {
    if expected == actual {
        return None;
    }
    let clip = |line: Option<&str>| match line {
        Some(line) if line.chars().count() > 300 => format!("{}…", line.chars().take(300).collect::<String>()),
        Some(line) => line.to_string(),
        None => "(no line)".to_string(),
    };
    let (mut seed_lines, mut utena_lines) = (expected.lines(), actual.lines());
    let mut number = 1;
    loop {
        let (seed_line, utena_line) = (seed_lines.next(), utena_lines.next());
        if seed_line != utena_line {
            return Some(format!("line {number} differs\n  seed:  {}\n  utena: {}", clip(seed_line), clip(utena_line)));
        }
        if seed_line.is_none() {
            return Some("the dumps differ only in their line endings".to_string());
        }
        number += 1;
    }
}

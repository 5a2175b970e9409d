//! The seed stays small: it only starts the first build (ARCHITECTURE.md).
//!
//! Counts the non-blank, non-comment lines of Rust in `seed/src`, stopping
//! at each file's `#[cfg(test)]` module (tests are not part of the budget),
//! and fails when they exceed the budget.

use std::path::Path;

const BUDGET: usize = 4_000;

fn code_lines(source: &str) -> usize {
    source
        .lines()
        .take_while(|line| line.trim() != "#[cfg(test)]")
        .filter(|line| {
            let line = line.trim();
            !line.is_empty() && !line.starts_with("//")
        })
        .count()
}

fn count_dir(dir: &Path) -> usize {
    let mut total = 0;
    for entry in std::fs::read_dir(dir).expect("seed/src is readable") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            total += count_dir(&path);
        } else if path.extension().is_some_and(|e| e == "rs") {
            total += code_lines(&std::fs::read_to_string(&path).expect("source is UTF-8"));
        }
    }
    total
}

#[test]
fn seed_stays_within_its_line_budget() {
    let lines = count_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    println!("seed/src: {lines} non-blank, non-comment lines (budget {BUDGET})");
    assert!(lines <= BUDGET, "seed/src has {lines} lines of code, over its budget of {BUDGET}");
}

#[test]
fn counting_skips_blanks_comments_and_tests() {
    let source = "// essay\nfn a() {}\n\n    // note\nfn b() {}\n#[cfg(test)]\nmod tests { fn c() {} }\n";
    assert_eq!(code_lines(source), 2);
}

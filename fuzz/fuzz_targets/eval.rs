//! Fuzz target: any program, read and run with a fuel limit, ends in a
//! value or a Utena error report, never a panic, a hang or a crash.
//!
//! Run: `cargo +nightly fuzz run eval` from the repository root. Each input
//! gets a fresh interpreter, so a crash reproduces from its input alone.
//! Output is discarded; the fuel limit turns endless loops into errors.
//!
//! The program is the entry module and so receives `platform`: an input can
//! in principle write files through `(send platform files)`. Run the fuzzer
//! in a scratch directory.

#![no_main]

use libfuzzer_sys::fuzz_target;

/// Evaluation steps allowed per input.
const FUEL: u64 = 100_000;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let text = text.to_string();
        seed::run_with_large_stack(move || {
            let options = seed::Options { output: Box::new(std::io::sink()), fuel: Some(FUEL) };
            // Failing to start does not depend on the input: it is a broken
            // prelude, and every input would find it.
            let mut interpreter = match seed::Seed::new(options) {
                Ok(interpreter) => interpreter,
                Err(error) => panic!("the seed failed to start:\n{error}"),
            };
            let _ = interpreter.run_source("fuzz.scm", &text, &[]);
        });
    }
});

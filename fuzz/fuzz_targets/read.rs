//! Fuzz target: the reader must turn any text into data or a `ReadError`,
//! never a panic, a hang or a stack overflow.
//!
//! Run: `cargo +nightly fuzz run read` from the repository root.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The reader takes text; the CLI rejects files that are not UTF-8.
    if let Ok(text) = std::str::from_utf8(data) {
        let text = text.to_string();
        seed::run_with_large_stack(move || {
            let _ = seed::read_dump("fuzz.scm", &text);
        });
    }
});

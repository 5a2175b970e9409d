//! `utena repl`: an interactive session on the seed interpreter.
//!
//! Purpose: type expressions, see their values, keep definitions between
//! inputs.
//!
//! Design:
//! 1. `rustyline` reads lines, with history kept in `~/.utena_history`
//!    (failing to load or save it is not an error: the session still works).
//! 2. Lines accumulate in a buffer while `seed::input_is_complete` says a
//!    list, string or block comment is still open; the prompt changes to the
//!    continuation prompt meanwhile.
//! 3. A complete input goes to `Seed::repl_eval`, which evaluates it in one
//!    persistent entry module; each value it returns is echoed on its own
//!    line. An error prints its report on stderr and the session goes on.
//! 4. Ctrl-C abandons the input being typed; Ctrl-D or `(exit)` ends the
//!    session.
//!
//! Not done here: completion, highlighting, interrupting a running
//! evaluation.

use std::cell::Cell;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::rc::Rc;

use anyhow::Context;
use rustyline::DefaultEditor;
use rustyline::error::ReadlineError;

const PROMPT: &str = "utena> ";
const CONTINUATION_PROMPT: &str = "  ...> ";
const HISTORY_FILE: &str = ".utena_history";

/// Runs a session until end of input or `(exit)`; returns the exit status.
pub fn run() -> anyhow::Result<i32> {
    seed::run_with_large_stack(session)
}

fn session() -> anyhow::Result<i32> {
    let output = LineTrackingStdout::default();
    let at_line_start = output.at_line_start.clone();
    let options = seed::Options { output: Box::new(output), ..seed::Options::default() };
    let mut interpreter =
        seed::Seed::new(options).map_err(|error| anyhow::anyhow!("the seed failed to start:\n{error}"))?;
    let mut editor = DefaultEditor::new().context("cannot start the line editor")?;
    let history = history_path();
    if let Some(path) = &history {
        // A missing or unreadable history file only means no history yet.
        let _ = editor.load_history(path);
    }
    if std::io::stdin().is_terminal() {
        println!("Utena {} (seed engine). Ctrl-D exits.", env!("CARGO_PKG_VERSION"));
    }

    let mut buffer = String::new();
    let mut status = 0;
    loop {
        let prompt = if buffer.is_empty() { PROMPT } else { CONTINUATION_PROMPT };
        match editor.readline(prompt) {
            Ok(line) => {
                if !buffer.is_empty() {
                    buffer.push('\n');
                }
                buffer.push_str(&line);
                if buffer.trim().is_empty() {
                    buffer.clear();
                } else if seed::input_is_complete(&buffer) {
                    let _ = editor.add_history_entry(buffer.as_str());
                    let exit = evaluate(&mut interpreter, &buffer, &at_line_start);
                    buffer.clear();
                    if let Some(code) = exit {
                        status = code;
                        break;
                    }
                }
            }
            Err(ReadlineError::Interrupted) => buffer.clear(),
            Err(ReadlineError::Eof) => break,
            Err(other) => return Err(other).context("cannot read input"),
        }
    }
    if let Some(path) = &history {
        // Not saving history must not turn a good session into a failure.
        let _ = editor.save_history(path);
    }
    Ok(status)
}

/// Evaluates one complete input and prints its values or its error report.
/// Returns the status when the input called `exit`.
fn evaluate(interpreter: &mut seed::Seed, input: &str, at_line_start: &Cell<bool>) -> Option<i32> {
    let result = interpreter.repl_eval(input);
    // Output such as `(display "hi")` may leave the cursor mid-line; start
    // the echoed values and the next prompt on a fresh line.
    if !at_line_start.get() {
        println!();
        at_line_start.set(true);
    }
    match result {
        Ok(values) => {
            for value in values {
                println!("{value}");
            }
            None
        }
        Err(seed::SeedError::Exit(code)) => Some(code),
        Err(error) => {
            eprintln!("{error}");
            None
        }
    }
}

fn history_path() -> Option<PathBuf> {
    let home = std::env::var_os("HOME").filter(|home| !home.is_empty())?;
    Some(PathBuf::from(home).join(HISTORY_FILE))
}

/// Standard output that remembers whether the last byte written was a
/// newline, so the REPL knows when to end a line the program left open.
struct LineTrackingStdout {
    stdout: std::io::Stdout,
    at_line_start: Rc<Cell<bool>>,
}

impl Default for LineTrackingStdout {
    fn default() -> Self {
        LineTrackingStdout { stdout: std::io::stdout(), at_line_start: Rc::new(Cell::new(true)) }
    }
}

impl Write for LineTrackingStdout {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let written = self.stdout.write(bytes)?;
        if let Some(&last) = bytes[..written].last() {
            self.at_line_start.set(last == b'\n');
        }
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.stdout.flush()
    }
}

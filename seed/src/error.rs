//! Errors and non-local exits inside the seed.
//!
//! Purpose: the one Rust type, [`Unwind`], that carries anything that leaves
//! a procedure other than by returning a value: a raised Utena object (most
//! often an error object), an escaping continuation, or `exit`.
//!
//! Design:
//! 1. Every evaluation step returns `R<T> = Result<T, Box<Unwind>>`; the box
//!    keeps the success path small.
//! 2. A raised error starts without a position. The innermost call node it
//!    passes through records its position (`pos`, the error's location) and
//!    the call site (`site`); each Utena procedure the error leaves pushes
//!    one backtrace entry naming itself and that site.
//! 3. Messages follow `docs/conventions.md` word for word: every engine
//!    prints the same text.
//!
//! Invariant: a Rust panic is never the way a Utena error is reported.

use std::rc::Rc;

use crate::printer::write_string;
use crate::value::{Pos, Sym, Value};

pub type R<T> = Result<T, Box<Unwind>>;

pub enum Unwind {
    /// `raise` (or an error inside a builtin): the payload is the raised object.
    Raise(Raised),
    /// A continuation invoked: unwind to the `call/cc` with this id.
    Escape { id: u64, value: Value },
    /// `exit` was called with this status.
    Exit(i32),
}

pub struct Raised {
    pub payload: Value,
    /// Where the error happened (the innermost known source position).
    pub pos: Option<Pos>,
    /// The call site in the procedure currently being unwound.
    pub site: Option<Pos>,
    /// Innermost first: the procedure's name and where in it the error was.
    pub backtrace: Vec<(Option<Sym>, Pos)>,
    /// Raised by `raise-continuable`.
    pub continuable: bool,
    /// Already offered to the exception handlers.
    pub signalled: bool,
}

/// An R7RS error object, made by `error` and by every builtin that fails.
pub struct ErrorObject {
    pub message: String,
    pub irritants: Vec<Value>,
    /// Where it was first raised: a handler that re-raises it (as `guard`
    /// does when no clause matches) must not move the report.
    pub pos: std::cell::Cell<Option<Pos>>,
}

impl ErrorObject {
    /// The message followed by the written irritants, as reports print it.
    pub fn describe(&self) -> String {
        self.irritants.iter().fold(self.message.clone(), |text, irritant| text + " " + &write_string(irritant))
    }
}

impl Raised {
    /// `payload` raised, not yet located or offered to a handler.
    pub fn new(payload: Value) -> Raised {
        Raised { payload, pos: None, site: None, backtrace: Vec::new(), continuable: false, signalled: false }
    }
}

/// An error with only a message (what `(error msg)` raises).
pub fn error(message: impl Into<String>) -> Box<Unwind> {
    let object = ErrorObject { message: message.into(), irritants: Vec::new(), pos: Default::default() };
    Box::new(Unwind::Raise(Raised::new(Value::Error(Rc::new(object)))))
}

/// `WHO: expected WHAT, got VALUE`.
pub fn type_error(who: &str, expected: &str, got: &Value) -> Box<Unwind> {
    error(format!("{who}: expected {expected}, got {}", write_string(got)))
}

/// `WHO: index I out of range for length N`.
pub fn index_error(who: &str, index: &Value, length: usize) -> Box<Unwind> {
    error(format!("{who}: index {} out of range for length {length}", write_string(index)))
}

/// `WHO: expected N arguments, got M` in the wording of docs/conventions.md.
pub fn arity_error(who: &str, min: usize, max: Option<usize>, got: usize) -> Box<Unwind> {
    let plural = |n: usize| if n == 1 { "argument" } else { "arguments" };
    let expected = match max {
        Some(max) if max == min => format!("{min} {}", plural(min)),
        Some(max) => format!("{min} to {max} arguments"),
        None => format!("at least {min} {}", plural(min)),
    };
    error(format!("{who}: expected {expected}, got {got}"))
}

/// An `arity_error` unless `min <= got <= max` (no `max`: no upper bound).
pub fn check_arity(who: &str, min: usize, max: Option<usize>, got: usize) -> R<()> {
    if got < min || max.is_some_and(|max| got > max) { Err(arity_error(who, min, max, got)) } else { Ok(()) }
}

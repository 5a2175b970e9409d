//! Builtin procedures of the language scope.
//!
//! Purpose: the authority-free primitives every Utena scope can see —
//! R7RS-small's data-type procedures, implemented in Rust because the seed
//! must be fast enough to run the whole compiler during bootstrap.
//!
//! Design:
//! 1. Each submodule owns one data type and exports `PRIMS`, a static table
//!    of [`Prim`] entries (name, arity, and a plain function) written with
//!    `prims!`: one row per group of names that share a body. Such a group
//!    is a set of aliases (`memq memv`) or a family whose body reads the
//!    variant from its own name, as R7RS names spell it out (`cadr`,
//!    `char-ci<=?`, `floor-quotient`).
//! 2. The interpreter binds every entry, once, in the language scope; those
//!    bindings are immutable, which lets the analyser call a builtin directly
//!    (no lookup at run time).
//! 3. A builtin receives its evaluated arguments as a slice whose length
//!    already satisfies the declared arity, and the interpreter (for the few
//!    that call back into Utena code).
//!
//! Invariant: nothing here has authority over the outside world. Console,
//! files, clock and memory are reached only through the `platform` object
//! (`platform.rs`).
//!
//! Higher-order list procedures (`map`, `for-each`, …) are Utena code in
//! `runtime-src/core/lists.ut`, not here.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

use crate::error::{R, error, index_error, type_error};
use crate::eval::Interp;
use crate::value::{Pair, Str, Sym, Value, eqv};

/// One builtin procedure.
pub struct Prim {
    pub name: &'static str,
    /// Fewest arguments accepted.
    pub min: usize,
    /// Most arguments accepted; `None` for any number.
    pub max: Option<usize>,
    pub f: fn(&mut Interp, &[Value]) -> R<Value>,
}

/// A table of builtins. Each row `([NAME, …], MIN, MAX, |interp, args, who| BODY)`
/// makes one entry per name, with `who` bound to that entry's name.
macro_rules! prims {
    ($(([$($name:literal),+], $min:literal, $max:expr, |$interp:pat_param, $args:pat_param, $who:pat_param| $body:expr)),* $(,)?) => {
        &[$($($crate::builtins::Prim {
            name: $name,
            min: $min,
            max: $max,
            f: |$interp, $args| {
                let $who: &'static str = $name;
                $body
            },
        },)+)*]
    };
}

pub mod chars;
pub mod control;
pub mod lists;
pub mod numbers;
pub mod strings;
pub mod tables;
pub mod vectors;

/// Every builtin, in registration order.
pub fn all_builtins() -> impl Iterator<Item = &'static Prim> {
    let tables =
        [numbers::PRIMS, lists::PRIMS, chars::PRIMS, strings::PRIMS, vectors::PRIMS, tables::PRIMS, control::PRIMS];
    tables.into_iter().flatten().chain([&control::APPLY])
}

// Argument helpers shared by the data-type builtins (and by the platform's
// messages). Each checks one argument and names the builtin (`who`) in the
// error, in the wording of docs/conventions.md.

/// The most elements `make-vector`, `make-string` and `make-bytevector`
/// allocate: a mistyped size must be an error, not an out-of-memory abort.
pub const MAX_SIZE: usize = 1 << 28;

/// `NAME(who, v)`: what `v` holds when it is a `Value::VARIANT`, else the
/// error `WHO: expected WHAT, got V`.
macro_rules! getters {
    ($($name:ident: $variant:ident -> $t:ty, $what:literal;)*) => {$(
        pub fn $name<'a>(who: &str, v: &'a Value) -> R<&'a $t> {
            match v {
                Value::$variant(x) => Ok(x),
                _ => Err(type_error(who, $what, v)),
            }
        }
    )*};
}

getters! {
    int_arg: Int -> i64, "an integer";
    char_arg: Char -> char, "a character";
    symbol_arg: Sym -> Sym, "a symbol";
    string_arg: Str -> Rc<Str>, "a string";
    pair_arg: Pair -> Rc<Pair>, "a pair";
    vector_arg: Vector -> Rc<RefCell<Vec<Value>>>, "a vector";
    bytes_arg: Bytes -> Rc<RefCell<Vec<u8>>>, "a bytevector";
    bool_arg: Bool -> bool, "a boolean";
}

/// The text of a string, copied out.
pub fn text_arg(who: &str, v: &Value) -> R<String> {
    Ok(string_arg(who, v)?.chars.borrow().iter().collect())
}

pub fn index_arg(who: &str, v: &Value) -> R<usize> {
    match v {
        Value::Int(n) if *n >= 0 => Ok(*n as usize),
        _ => Err(type_error(who, "a non-negative integer", v)),
    }
}

/// An index into a sequence of `len` elements.
pub fn index_in(who: &str, v: &Value, len: usize) -> R<usize> {
    match v {
        Value::Int(n) if (0..len as i64).contains(n) => Ok(*n as usize),
        Value::Int(_) => Err(index_error(who, v, len)),
        _ => Err(type_error(who, "an integer", v)),
    }
}

/// A size for a new sequence, at most [`MAX_SIZE`].
pub fn size_arg(who: &str, v: &Value) -> R<usize> {
    match index_arg(who, v)? {
        size if size > MAX_SIZE => Err(error(format!("{who}: size {size} is too large"))),
        size => Ok(size),
    }
}

/// A string the caller is about to change.
pub fn mutable_string_arg<'a>(who: &str, v: &'a Value) -> R<&'a Rc<Str>> {
    match string_arg(who, v)? {
        s if s.mutable => Ok(s),
        _ => Err(error(format!("{who}: string is immutable"))),
    }
}

/// How a walk along a chain of pairs ended.
pub enum Walk<T> {
    /// The visitor returned this.
    Found(T),
    /// The chain ended with this non-pair (`()` for a proper list).
    End(Value),
    /// The chain loops back on itself.
    Circular,
}

/// Calls `visit` on each pair of the chain starting at `list` until it
/// returns `Some`. Terminates on circular chains (tortoise and hare: a
/// second cursor moves at half speed and meets the first inside a cycle).
pub fn walk<T>(list: &Value, mut visit: impl FnMut(&Rc<Pair>) -> R<Option<T>>) -> R<Walk<T>> {
    let (mut cursor, mut slow, mut steps) = (list.clone(), list.clone(), 0usize);
    loop {
        let Value::Pair(pair) = &cursor else { return Ok(Walk::End(cursor)) };
        if let Some(found) = visit(pair)? {
            return Ok(Walk::Found(found));
        }
        let next = pair.cdr.borrow().clone();
        cursor = next;
        steps += 1;
        // `slow` is always a pair that `cursor` has passed, so `eqv` is
        // true only when `cursor` has come round to it again.
        if steps.is_multiple_of(2) {
            slow = slow.cdr().unwrap_or_default();
            if eqv(&cursor, &slow) {
                return Ok(Walk::Circular);
            }
        }
    }
}

/// The elements of a chain of pairs and the non-pair that ends it (`()`
/// for a proper list); a circular chain is `WHO: expected a list, got …`.
pub fn chain_arg(who: &str, list: &Value) -> R<(Vec<Value>, Value)> {
    let mut items = Vec::new();
    match walk(list, |pair| {
        items.push(pair.car.borrow().clone());
        Ok(None::<()>)
    })? {
        Walk::End(tail) => Ok((items, tail)),
        _ => Err(type_error(who, "a list", list)),
    }
}

/// The elements of a proper list, or `WHO: expected a list, got …`.
pub fn list_arg(who: &str, list: &Value) -> R<Vec<Value>> {
    match chain_arg(who, list)? {
        (items, Value::Null) => Ok(items),
        _ => Err(type_error(who, "a list", list)),
    }
}

/// The optional `start` and `end` arguments at `args[at]` and
/// `args[at + 1]` of a sequence of `len` elements: `0 <= start <= end <= len`.
pub fn range_args(who: &str, args: &[Value], at: usize, len: usize) -> R<(usize, usize)> {
    let bound = |i: usize, default: usize, low: usize| match args.get(i) {
        None => Ok(default),
        Some(v) => match index_arg(who, v)? {
            n if n < low || n > len => Err(index_error(who, v, len)),
            n => Ok(n),
        },
    };
    let start = bound(at, 0, 0)?;
    Ok((start, bound(at + 1, len, start)?))
}

/// The elements `args[at]`..`args[at + 1]` (optional start and end) of a
/// vector, string or bytevector, copied out.
pub fn slice_arg<T: Clone>(who: &str, items: &RefCell<Vec<T>>, args: &[Value], at: usize) -> R<Vec<T>> {
    let items = items.borrow();
    let (start, end) = range_args(who, args, at, items.len())?;
    Ok(items[start..end].to_vec())
}

/// The characters `args[1]`..`args[2]` (optional start and end) of the
/// string `args[0]`, copied out.
pub fn string_slice(who: &str, args: &[Value]) -> R<Vec<char>> {
    slice_arg(who, &string_arg(who, &args[0])?.chars, args, 1)
}

/// `(X-ref seq k)` for vectors, strings and bytevectors.
pub fn element<T: Clone>(who: &str, items: &RefCell<Vec<T>>, k: &Value) -> R<T> {
    let items = items.borrow();
    Ok(items[index_in(who, k, items.len())?].clone())
}

/// `(X-set! seq k value)` for vectors, strings and bytevectors: `k` is
/// checked first, then `value` converted to an element.
///
/// Invariant (here and in every mutator): all checks, whose messages may
/// print the very object being changed, happen before `borrow_mut`.
pub fn store<T>(who: &str, items: &RefCell<Vec<T>>, args: &[Value], convert: impl FnOnce(&Value) -> R<T>) -> R<Value> {
    let k = index_in(who, &args[1], items.borrow().len())?;
    let value = convert(&args[2])?;
    items.borrow_mut()[k] = value;
    Ok(Value::Unspecified)
}

/// `(X-append seq ...)` for vectors, strings and bytevectors: the elements
/// of every argument, each checked and copied out by `get`.
pub fn concat<T: Clone>(args: &[Value], get: impl Fn(&Value) -> R<Vec<T>>) -> R<Vec<T>> {
    Ok(args.iter().map(get).collect::<R<Vec<_>>>()?.concat())
}

/// `(X-copy! to at from [start [end]])` for vectors, strings and
/// bytevectors; `from` may be `to` (the range is copied out first).
pub fn copy_into<T: Clone>(who: &str, to: &RefCell<Vec<T>>, args: &[Value], from: &RefCell<Vec<T>>) -> R<Value> {
    let at = index_arg(who, &args[1])?;
    let source = slice_arg(who, from, args, 3)?;
    let length = to.borrow().len();
    if at > length {
        return Err(index_error(who, &args[1], length));
    }
    if source.len() > length - at {
        return Err(error(format!("{who}: {} elements do not fit at index {at} in length {length}", source.len())));
    }
    to.borrow_mut()[at..at + source.len()].clone_from_slice(&source);
    Ok(Value::Unspecified)
}

/// `(X-fill! seq fill [start [end]])` for vectors and strings.
pub fn fill_range<T: Clone>(who: &str, items: &RefCell<Vec<T>>, fill: T, args: &[Value]) -> R<Value> {
    let (start, end) = range_args(who, args, 2, items.borrow().len())?;
    items.borrow_mut()[start..end].fill(fill);
    Ok(Value::Unspecified)
}

/// How a comparison orders two elements; `None` when they are unordered.
pub type Order<T> = fn(&T, &T) -> Option<Ordering>;

/// A variadic comparison named for its test, which ends the name before
/// any `?` (`=`, `char<?`, `string-ci>=?`): every argument is converted (so
/// every one is type-checked), then each adjacent pair ordered `by`.
pub fn compare_chain<'a, T>(who: &str, args: &'a [Value], get: impl Fn(&'a Value) -> R<T>, by: Order<T>) -> R<Value> {
    // The characters of the test are the orderings it accepts: `<=` holds
    // for `Less` and `Equal`.
    let name = who.trim_end_matches('?');
    let test = &name[name.trim_end_matches(['<', '=', '>']).len()..];
    let holds = |o: Ordering| test.contains(["<", "=", ">"][(o as i8 + 1) as usize]);
    let items = args.iter().map(get).collect::<R<Vec<T>>>()?;
    Ok(Value::Bool(items.windows(2).all(|w| by(&w[0], &w[1]).is_some_and(holds))))
}

/// Test helper: applies the builtin `name` to `args` and returns the
/// written result, or `error: MESSAGE` for a raised error.
#[cfg(test)]
pub fn check(name: &str, args: &[Value]) -> String {
    use crate::error::Unwind;
    use crate::printer::write_string;
    let Some(prim) = all_builtins().find(|p| p.name == name) else { return format!("no builtin {name}") };
    let mut interp = Interp::new(crate::Options::default());
    match (prim.f)(&mut interp, args) {
        Ok(v) => write_string(&v),
        Err(unwind) => match *unwind {
            Unwind::Raise(raised) => match raised.payload {
                Value::Error(e) => format!("error: {}", e.describe()),
                other => format!("raise: {}", write_string(&other)),
            },
            _ => "non-local exit".into(),
        },
    }
}

//! Builtin procedures of the language scope.
//!
//! Purpose: the authority-free primitives every Utena scope can see —
//! R7RS-small's data-type procedures, implemented in Rust because the seed
//! must be fast enough to run the whole compiler during bootstrap.
//!
//! Design:
//! 1. Each submodule owns one data type and exports `PRIMS`, a static table
//!    of [`Prim`] entries: name, arity, and a plain function.
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

use crate::error::R;
use crate::eval::Interp;
use crate::value::Value;

pub mod chars;
pub mod control;
pub mod lists;
pub mod numbers;
pub mod strings;
pub mod vectors;

pub type PrimFn = fn(&mut Interp, &[Value]) -> R<Value>;

/// One builtin procedure.
pub struct Prim {
    pub name: &'static str,
    /// Fewest arguments accepted.
    pub min: usize,
    /// Most arguments accepted; `None` for any number.
    pub max: Option<usize>,
    pub f: PrimFn,
}

/// Every builtin table, in registration order.
pub fn all_tables() -> [&'static [Prim]; 7] {
    [
        numbers::PRIMS,
        lists::PRIMS,
        chars::PRIMS,
        strings::PRIMS,
        vectors::PRIMS,
        control::PRIMS,
        std::slice::from_ref(&control::APPLY),
    ]
}

// Argument helpers shared by the data-type builtins. Each checks one
// argument and names the builtin (`who`) in the error, in the wording of
// docs/conventions.md.

use std::cell::RefCell;
use std::rc::Rc;

use crate::error::{error, index_error, type_error};
use crate::value::{Pair, Str, Sym};

/// The most elements `make-vector`, `make-string` and `make-bytevector`
/// allocate: a mistyped size must be an error, not an out-of-memory abort.
pub const MAX_SIZE: usize = 1 << 28;

/// One table entry: `prim!("name", min, max, |interp, args, who| body)`,
/// where `max` is `Some(n)` or `None` and `who` is bound to the name.
#[macro_export]
macro_rules! prim {
    ($name:literal, $min:literal, $max:expr, |$interp:pat_param, $args:pat_param, $who:pat_param| $body:expr) => {
        $crate::builtins::Prim {
            name: $name,
            min: $min,
            max: $max,
            f: |$interp, $args| {
                let $who: &'static str = $name;
                $body
            },
        }
    };
}

pub fn int_arg(who: &str, v: &Value) -> R<i64> {
    match v {
        Value::Int(n) => Ok(*n),
        _ => Err(type_error(who, "an integer", v)),
    }
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

pub fn char_arg(who: &str, v: &Value) -> R<char> {
    match v {
        Value::Char(c) => Ok(*c),
        _ => Err(type_error(who, "a character", v)),
    }
}

pub fn symbol_arg(who: &str, v: &Value) -> R<Sym> {
    match v {
        Value::Sym(s) => Ok(*s),
        _ => Err(type_error(who, "a symbol", v)),
    }
}

pub fn string_arg<'a>(who: &str, v: &'a Value) -> R<&'a Rc<Str>> {
    match v {
        Value::Str(s) => Ok(s),
        _ => Err(type_error(who, "a string", v)),
    }
}

/// A string the caller is about to change.
pub fn mutable_string_arg<'a>(who: &str, v: &'a Value) -> R<&'a Rc<Str>> {
    match string_arg(who, v)? {
        s if s.mutable => Ok(s),
        _ => Err(error(format!("{who}: string is immutable"))),
    }
}

pub fn pair_arg<'a>(who: &str, v: &'a Value) -> R<&'a Rc<Pair>> {
    match v {
        Value::Pair(p) => Ok(p),
        _ => Err(type_error(who, "a pair", v)),
    }
}

pub fn vector_arg<'a>(who: &str, v: &'a Value) -> R<&'a Rc<RefCell<Vec<Value>>>> {
    match v {
        Value::Vector(items) => Ok(items),
        _ => Err(type_error(who, "a vector", v)),
    }
}

pub fn bytes_arg<'a>(who: &str, v: &'a Value) -> R<&'a Rc<RefCell<Vec<u8>>>> {
    match v {
        Value::Bytes(bytes) => Ok(bytes),
        _ => Err(type_error(who, "a bytevector", v)),
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
    let (mut cursor, mut slow) = (list.clone(), list.clone());
    let mut steps = 0usize;
    loop {
        let Value::Pair(pair) = &cursor else { return Ok(Walk::End(cursor)) };
        if let Some(found) = visit(pair)? {
            return Ok(Walk::Found(found));
        }
        let next = pair.cdr.borrow().clone();
        cursor = next;
        steps += 1;
        if steps.is_multiple_of(2) {
            slow = slow.cdr().unwrap_or_default();
            if let (Value::Pair(a), Value::Pair(b)) = (&cursor, &slow)
                && Rc::ptr_eq(a, b)
            {
                return Ok(Walk::Circular);
            }
        }
    }
}

/// The elements of a proper list, or `WHO: expected a list, got …`.
pub fn list_arg(who: &str, list: &Value) -> R<Vec<Value>> {
    let mut items = Vec::new();
    match walk(list, |pair| {
        items.push(pair.car.borrow().clone());
        Ok(None::<()>)
    })? {
        Walk::End(Value::Null) => Ok(items),
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

/// `(X-copy! to at from [start [end]])` for vectors, strings and
/// bytevectors; `from` may be `to` (the range is copied out first).
///
/// Invariant (here and in every mutator): all checks, whose messages may
/// print the very object being changed, happen before `borrow_mut`.
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

/// A variadic comparison (`=`, `char<?`, `string=?`, …): every argument is
/// converted (so every one is type-checked), then each adjacent pair tested.
pub fn compare_chain<T>(args: &[Value], get: impl Fn(&Value) -> R<T>, holds: impl Fn(&T, &T) -> bool) -> R<Value> {
    let items = args.iter().map(get).collect::<R<Vec<T>>>()?;
    Ok(Value::Bool(items.windows(2).all(|w| holds(&w[0], &w[1]))))
}

/// Test helper: applies the builtin `name` to `args` and returns the
/// written result, or `error: MESSAGE` for a raised error.
#[cfg(test)]
pub fn check(name: &str, args: &[Value]) -> String {
    use crate::error::Unwind;
    use crate::printer::write_string;
    let Some(prim) = all_tables().into_iter().flatten().find(|p| p.name == name) else {
        return format!("no builtin {name}");
    };
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

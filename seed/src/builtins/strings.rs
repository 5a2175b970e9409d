//! String builtins.
//!
//! Purpose: R7RS-small's string procedures, plus `string-contains`.
//!
//! Design: a string is a `RefCell<Vec<char>>`, so indexing is O(1) and
//! every procedure works on character slices. Ranges (`start`/`end`),
//! copying and filling share the generic sequence helpers in
//! `builtins/mod.rs` with vectors and bytevectors.
//!
//! Invariant: literals and `symbol->string` results are immutable: every
//! mutator (`string-set!`, `string-fill!`, `string-copy!`) checks first and
//! raises `NAME: string is immutable`. Every string made here is mutable.
//!
//! Not done here: locale-sensitive collation (comparison is by scalar
//! value) and the SRFI-13 library beyond `string-contains`.

use std::cmp::Ordering;

use super::{
    Prim, char_arg, compare_chain, copy_into, fill_range, index_in, list_arg, mutable_string_arg, size_arg, slice_arg,
    string_arg, vector_arg,
};
use crate::error::R;
use crate::prim;
use crate::value::Value;

fn new_string(chars: Vec<char>) -> R<Value> {
    Ok(Value::string_from_chars(chars, true))
}

fn chars_of(who: &str, args: &[Value]) -> R<Vec<char>> {
    args.iter().map(|v| char_arg(who, v)).collect()
}

/// A comparison chain; `fold` compares lower-cased strings.
fn compare(who: &str, args: &[Value], fold: bool, holds: fn(Ordering) -> bool) -> R<Value> {
    let get = |v: &Value| {
        let chars = string_arg(who, v)?.chars.borrow().clone();
        Ok(if fold { chars.into_iter().map(super::chars::downcase).collect() } else { chars })
    };
    compare_chain(args, get, |a: &Vec<char>, b| holds(a.cmp(b)))
}

fn map_text(who: &str, v: &Value, f: fn(&str) -> String) -> R<Value> {
    let text: String = string_arg(who, v)?.chars.borrow().iter().collect();
    Ok(Value::string(&f(&text), true))
}

fn string_set(who: &str, args: &[Value]) -> R<Value> {
    let s = mutable_string_arg(who, &args[0])?;
    let (k, c) = (index_in(who, &args[1], s.chars.borrow().len())?, char_arg(who, &args[2])?);
    s.chars.borrow_mut()[k] = c;
    Ok(Value::Unspecified)
}

/// The index of the first occurrence of `args[1]` in `args[0]`, or `#f`.
fn contains(who: &str, args: &[Value]) -> R<Value> {
    let text = string_arg(who, &args[0])?.chars.borrow();
    let pattern = string_arg(who, &args[1])?.chars.borrow();
    let found = match pattern.len() {
        0 => Some(0),
        n => text.windows(n).position(|window| window == &pattern[..]),
    };
    Ok(found.map_or(Value::Bool(false), |i| Value::Int(i as i64)))
}

pub static PRIMS: &[Prim] = &[
    prim!("string?", 1, Some(1), |_, a, _| Ok(Value::Bool(matches!(a[0], Value::Str(_))))),
    prim!("string-length", 1, Some(1), |_, a, who| Ok(Value::Int(string_arg(who, &a[0])?.chars.borrow().len() as i64))),
    prim!("string-ref", 2, Some(2), |_, a, who| {
        let chars = string_arg(who, &a[0])?.chars.borrow();
        Ok(Value::Char(chars[index_in(who, &a[1], chars.len())?]))
    }),
    prim!("string-set!", 3, Some(3), |_, a, who| string_set(who, a)),
    prim!("substring", 2, Some(3), |_, a, who| new_string(slice_arg(who, &string_arg(who, &a[0])?.chars, a, 1)?)),
    prim!("string-copy", 1, Some(3), |_, a, who| new_string(slice_arg(who, &string_arg(who, &a[0])?.chars, a, 1)?)),
    prim!("string-append", 0, None, |_, a, who| {
        let mut chars = Vec::new();
        for v in a {
            chars.extend(string_arg(who, v)?.chars.borrow().iter());
        }
        new_string(chars)
    }),
    prim!("string", 0, None, |_, a, who| new_string(chars_of(who, a)?)),
    prim!("make-string", 1, Some(2), |_, a, who| {
        let fill = a.get(1).map_or(Ok(' '), |c| char_arg(who, c))?;
        new_string(vec![fill; size_arg(who, &a[0])?])
    }),
    prim!("string->list", 1, Some(3), |_, a, who| {
        let chars = slice_arg(who, &string_arg(who, &a[0])?.chars, a, 1)?;
        Ok(Value::list(chars.into_iter().map(Value::Char).collect::<Vec<_>>()))
    }),
    prim!("list->string", 1, Some(1), |_, a, who| new_string(chars_of(who, &list_arg(who, &a[0])?)?)),
    prim!("string->vector", 1, Some(3), |_, a, who| {
        let chars = slice_arg(who, &string_arg(who, &a[0])?.chars, a, 1)?;
        Ok(Value::vector(chars.into_iter().map(Value::Char).collect()))
    }),
    prim!("vector->string", 1, Some(3), |_, a, who| new_string(chars_of(
        who,
        &slice_arg(who, vector_arg(who, &a[0])?, a, 1)?
    )?)),
    prim!("string-upcase", 1, Some(1), |_, a, who| map_text(who, &a[0], str::to_uppercase)),
    prim!("string-downcase", 1, Some(1), |_, a, who| map_text(who, &a[0], str::to_lowercase)),
    prim!("string-foldcase", 1, Some(1), |_, a, who| map_text(who, &a[0], str::to_lowercase)),
    prim!("string-fill!", 2, Some(4), |_, a, who| {
        fill_range(who, &mutable_string_arg(who, &a[0])?.chars, char_arg(who, &a[1])?, a)
    }),
    prim!("string-copy!", 3, Some(5), |_, a, who| {
        copy_into(who, &mutable_string_arg(who, &a[0])?.chars, a, &string_arg(who, &a[2])?.chars)
    }),
    prim!("string-contains", 2, Some(2), |_, a, who| contains(who, a)),
    prim!("string=?", 1, None, |_, a, who| compare(who, a, false, Ordering::is_eq)),
    prim!("string<?", 1, None, |_, a, who| compare(who, a, false, Ordering::is_lt)),
    prim!("string>?", 1, None, |_, a, who| compare(who, a, false, Ordering::is_gt)),
    prim!("string<=?", 1, None, |_, a, who| compare(who, a, false, Ordering::is_le)),
    prim!("string>=?", 1, None, |_, a, who| compare(who, a, false, Ordering::is_ge)),
    prim!("string-ci=?", 1, None, |_, a, who| compare(who, a, true, Ordering::is_eq)),
    prim!("string-ci<?", 1, None, |_, a, who| compare(who, a, true, Ordering::is_lt)),
    prim!("string-ci>?", 1, None, |_, a, who| compare(who, a, true, Ordering::is_gt)),
    prim!("string-ci<=?", 1, None, |_, a, who| compare(who, a, true, Ordering::is_le)),
    prim!("string-ci>=?", 1, None, |_, a, who| compare(who, a, true, Ordering::is_ge)),
];

#[cfg(test)]
mod tests {
    use super::super::check;
    use super::*;

    fn s(text: &str, mutable: bool) -> Value {
        Value::string(text, mutable)
    }

    #[test]
    fn mutation_respects_immutability_and_ranges() {
        let literal = s("abc", false);
        let set = [literal, Value::Int(0), Value::Char('x')];
        assert_eq!(check("string-set!", &set), "error: string-set!: string is immutable");
        let fresh = s("abc", true);
        assert_eq!(check("string-set!", &[fresh.clone(), Value::Int(1), Value::Char('x')]), "#<unspecified>");
        assert_eq!(
            check("string-ref", &[fresh.clone(), Value::Int(3)]),
            "error: string-ref: index 3 out of range for length 3"
        );
        assert_eq!(
            check("substring", &[fresh.clone(), Value::Int(1), Value::Int(4)]),
            "error: substring: index 4 out of range for length 3"
        );
        assert_eq!(check("substring", &[fresh.clone(), Value::Int(1)]), "\"xc\"");
        let copy = [fresh.clone(), Value::Int(1), fresh.clone(), Value::Int(0), Value::Int(2)];
        assert_eq!(check("string-copy!", &copy), "#<unspecified>");
        assert_eq!(check("string-copy", &[fresh]), "\"aax\"");
        assert_eq!(
            check("make-string", &[Value::Int(10_000_000_000_000)]),
            "error: make-string: size 10000000000000 is too large"
        );
    }

    #[test]
    fn search_compare_and_case() {
        assert_eq!(check("string-contains", &[s("hello", false), s("ll", false)]), "2");
        assert_eq!(check("string-contains", &[s("hello", false), s("lx", false)]), "#f");
        assert_eq!(check("string<?", &[s("abc", false), s("abd", false), s("b", false)]), "#t");
        assert_eq!(check("string-ci=?", &[s("AbC", false), s("aBc", false)]), "#t");
        assert_eq!(check("string-upcase", &[s("straße", false)]), "\"STRASSE\"");
        assert_eq!(
            check("string-append", &[s("a", false), Value::Int(1)]),
            "error: string-append: expected a string, got 1"
        );
    }
}

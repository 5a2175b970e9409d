//! Character builtins.
//!
//! Purpose: R7RS-small's character procedures over Unicode scalar values.
//!
//! Design: case mapping uses Rust's simple mappings and keeps the
//! character when the mapping would produce more than one (`ß` stays `ß`);
//! comparisons are one variadic chain per ordering; the `-ci` forms compare
//! folded (lower-cased) characters.
//!
//! Invariant: `integer->char` builds only Unicode scalar values; a surrogate
//! or out-of-range integer is an error, never a panic.
//!
//! Not done here: `digit-value` knows only ASCII digits.

use std::cmp::Ordering;

use super::{Prim, char_arg, compare_chain};
use crate::error::{R, type_error};
use crate::prim;
use crate::value::Value;

/// The single-character case mapping of `c`, or `c` itself.
fn map_case<I: ExactSizeIterator<Item = char>>(c: char, mapped: I) -> char {
    let mut mapped = mapped;
    match (mapped.len(), mapped.next()) {
        (1, Some(m)) => m,
        _ => c,
    }
}

pub fn upcase(c: char) -> char {
    map_case(c, c.to_uppercase())
}

pub fn downcase(c: char) -> char {
    map_case(c, c.to_lowercase())
}

fn convert(who: &str, v: &Value, f: fn(char) -> char) -> R<Value> {
    Ok(Value::Char(f(char_arg(who, v)?)))
}

fn test(who: &str, v: &Value, f: fn(char) -> bool) -> R<Value> {
    Ok(Value::Bool(f(char_arg(who, v)?)))
}

/// A comparison chain; `fold` compares case-folded characters.
fn compare(who: &str, args: &[Value], fold: bool, holds: fn(Ordering) -> bool) -> R<Value> {
    let get = |v: &Value| char_arg(who, v).map(|c| if fold { downcase(c) } else { c });
    compare_chain(args, get, |a, b| holds(a.cmp(b)))
}

fn integer_to_char(who: &str, v: &Value) -> R<Value> {
    match v {
        Value::Int(n) => u32::try_from(*n).ok().and_then(char::from_u32).map(Value::Char),
        _ => None,
    }
    .ok_or_else(|| type_error(who, "a Unicode scalar value", v))
}

pub static PRIMS: &[Prim] = &[
    prim!("char?", 1, Some(1), |_, a, _| Ok(Value::Bool(matches!(a[0], Value::Char(_))))),
    prim!("char->integer", 1, Some(1), |_, a, who| Ok(Value::Int(char_arg(who, &a[0])? as i64))),
    prim!("integer->char", 1, Some(1), |_, a, who| integer_to_char(who, &a[0])),
    prim!("char-upcase", 1, Some(1), |_, a, who| convert(who, &a[0], upcase)),
    prim!("char-downcase", 1, Some(1), |_, a, who| convert(who, &a[0], downcase)),
    prim!("char-foldcase", 1, Some(1), |_, a, who| convert(who, &a[0], downcase)),
    prim!("char-alphabetic?", 1, Some(1), |_, a, who| test(who, &a[0], char::is_alphabetic)),
    prim!("char-numeric?", 1, Some(1), |_, a, who| test(who, &a[0], char::is_numeric)),
    prim!("char-whitespace?", 1, Some(1), |_, a, who| test(who, &a[0], char::is_whitespace)),
    prim!("char-upper-case?", 1, Some(1), |_, a, who| test(who, &a[0], char::is_uppercase)),
    prim!("char-lower-case?", 1, Some(1), |_, a, who| test(who, &a[0], char::is_lowercase)),
    prim!("digit-value", 1, Some(1), |_, a, who| {
        let digit = char_arg(who, &a[0])?.to_digit(10);
        Ok(digit.map_or(Value::Bool(false), |d| Value::Int(d as i64)))
    }),
    prim!("char=?", 1, None, |_, a, who| compare(who, a, false, Ordering::is_eq)),
    prim!("char<?", 1, None, |_, a, who| compare(who, a, false, Ordering::is_lt)),
    prim!("char>?", 1, None, |_, a, who| compare(who, a, false, Ordering::is_gt)),
    prim!("char<=?", 1, None, |_, a, who| compare(who, a, false, Ordering::is_le)),
    prim!("char>=?", 1, None, |_, a, who| compare(who, a, false, Ordering::is_ge)),
    prim!("char-ci=?", 1, None, |_, a, who| compare(who, a, true, Ordering::is_eq)),
    prim!("char-ci<?", 1, None, |_, a, who| compare(who, a, true, Ordering::is_lt)),
    prim!("char-ci>?", 1, None, |_, a, who| compare(who, a, true, Ordering::is_gt)),
    prim!("char-ci<=?", 1, None, |_, a, who| compare(who, a, true, Ordering::is_le)),
    prim!("char-ci>=?", 1, None, |_, a, who| compare(who, a, true, Ordering::is_ge)),
];

#[cfg(test)]
mod tests {
    use super::super::check;
    use super::*;

    #[test]
    fn conversions_reject_non_scalar_values() {
        assert_eq!(check("integer->char", &[Value::Int(955)]), "#\\λ");
        assert_eq!(
            check("integer->char", &[Value::Int(0xD800)]),
            "error: integer->char: expected a Unicode scalar value, got 55296"
        );
        assert_eq!(
            check("integer->char", &[Value::Int(-1)]),
            "error: integer->char: expected a Unicode scalar value, got -1"
        );
        assert_eq!(check("char-upcase", &[Value::Char('ß')]), "#\\ß");
        assert_eq!(check("char-ci=?", &[Value::Char('a'), Value::Char('A')]), "#t");
        assert_eq!(check("char<?", &[Value::Char('a'), Value::Char('b'), Value::Char('b')]), "#f");
        assert_eq!(check("digit-value", &[Value::Char('7')]), "7");
    }
}

//! Character builtins.
//!
//! Purpose: R7RS-small's character procedures over Unicode scalar values.
//!
//! Design: case mapping uses Rust's simple mappings and keeps the
//! character when the mapping would produce more than one (`ß` stays `ß`);
//! the ten comparisons are one variadic chain that reads its test from the
//! procedure's name; the `-ci` forms compare folded (lower-cased)
//! characters.
//!
//! Invariant: `integer->char` builds only Unicode scalar values; a surrogate
//! or out-of-range integer is an error, never a panic.
//!
//! Not done here: `digit-value` knows only ASCII digits.

use super::{Prim, char_arg, compare_chain};
use crate::error::{R, type_error};
use crate::value::Value;

/// `c` after a single-character case mapping, or `c` itself when the
/// mapping gives several characters.
fn map_case(c: char, mut mapped: impl Iterator<Item = char>) -> char {
    match (mapped.next(), mapped.next()) {
        (Some(m), None) => m,
        _ => c,
    }
}

pub fn downcase(c: char) -> char {
    map_case(c, c.to_lowercase())
}

/// `char=?`, `char-ci<?`, …: the `-ci` forms compare folded characters.
fn compare(who: &str, args: &[Value]) -> R<Value> {
    let fold = who.contains("-ci");
    let get = |v| char_arg(who, v).map(|&c| if fold { downcase(c) } else { c });
    compare_chain(who, args, get, PartialOrd::partial_cmp)
}

fn integer_to_char(who: &str, v: &Value) -> R<Value> {
    let c = if let Value::Int(n) = v { u32::try_from(*n).ok().and_then(char::from_u32) } else { None };
    c.map(Value::Char).ok_or_else(|| type_error(who, "a Unicode scalar value", v))
}

pub static PRIMS: &[Prim] = prims![
    (["char?"], 1, Some(1), |_, a, _| Ok(Value::Bool(matches!(a[0], Value::Char(_))))),
    (["char->integer"], 1, Some(1), |_, a, who| Ok(Value::Int(*char_arg(who, &a[0])? as i64))),
    (["integer->char"], 1, Some(1), |_, a, who| integer_to_char(who, &a[0])),
    (["char-upcase"], 1, Some(1), |_, a, who| {
        let c = *char_arg(who, &a[0])?;
        Ok(Value::Char(map_case(c, c.to_uppercase())))
    }),
    (["char-downcase", "char-foldcase"], 1, Some(1), |_, a, who| Ok(Value::Char(downcase(*char_arg(who, &a[0])?)))),
    (["char-alphabetic?"], 1, Some(1), |_, a, who| Ok(Value::Bool(char_arg(who, &a[0])?.is_alphabetic()))),
    (["char-numeric?"], 1, Some(1), |_, a, who| Ok(Value::Bool(char_arg(who, &a[0])?.is_numeric()))),
    (["char-whitespace?"], 1, Some(1), |_, a, who| Ok(Value::Bool(char_arg(who, &a[0])?.is_whitespace()))),
    (["char-upper-case?"], 1, Some(1), |_, a, who| Ok(Value::Bool(char_arg(who, &a[0])?.is_uppercase()))),
    (["char-lower-case?"], 1, Some(1), |_, a, who| Ok(Value::Bool(char_arg(who, &a[0])?.is_lowercase()))),
    (["digit-value"], 1, Some(1), |_, a, who| {
        let digit = char_arg(who, &a[0])?.to_digit(10);
        Ok(digit.map_or(Value::Bool(false), |d| Value::Int(d as i64)))
    }),
    (["char=?", "char<?", "char>?", "char<=?", "char>=?"], 1, None, |_, a, who| compare(who, a)),
    (["char-ci=?", "char-ci<?", "char-ci>?", "char-ci<=?", "char-ci>=?"], 1, None, |_, a, who| compare(who, a)),
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

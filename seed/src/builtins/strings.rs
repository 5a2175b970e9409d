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

use super::{
    Prim, char_arg, compare_chain, concat, copy_into, element, fill_range, list_arg, mutable_string_arg, size_arg,
    slice_arg, store, string_arg, string_slice, text_arg, vector_arg,
};
use crate::error::R;
use crate::value::Value;

fn new_string(chars: Vec<char>) -> R<Value> {
    Ok(Value::string_from_chars(chars, true))
}

fn chars_of(who: &str, args: &[Value]) -> R<Vec<char>> {
    args.iter().map(|v| char_arg(who, v).copied()).collect()
}

/// `string=?`, `string-ci<?`, …: the `-ci` forms compare lower-cased strings.
fn compare(who: &str, args: &[Value]) -> R<Value> {
    let fold = who.contains("-ci");
    let case = |c: &char| if fold { super::chars::downcase(*c) } else { *c };
    let get = |v| Ok(string_arg(who, v)?.chars.borrow().iter().map(case).collect::<Vec<_>>());
    compare_chain(who, args, get, PartialOrd::partial_cmp)
}

fn map_text(who: &str, v: &Value, f: fn(&str) -> String) -> R<Value> {
    Ok(Value::string(&f(&text_arg(who, v)?), true))
}

/// The index of the first occurrence of `args[1]` in `args[0]`, or `#f`.
fn contains(who: &str, args: &[Value]) -> R<Value> {
    let text = string_arg(who, &args[0])?.chars.borrow();
    let pattern = string_arg(who, &args[1])?.chars.borrow();
    let found = if pattern.is_empty() { Some(0) } else { text.windows(pattern.len()).position(|w| w == &pattern[..]) };
    Ok(found.map_or(Value::Bool(false), |i| Value::Int(i as i64)))
}

pub static PRIMS: &[Prim] = prims![
    (["string?"], 1, Some(1), |_, a, _| Ok(Value::Bool(matches!(a[0], Value::Str(_))))),
    (["string-length"], 1, Some(1), |_, a, who| Ok(Value::Int(string_arg(who, &a[0])?.chars.borrow().len() as i64))),
    (["string-ref"], 2, Some(2), |_, a, who| Ok(Value::Char(element(who, &string_arg(who, &a[0])?.chars, &a[1])?))),
    (["string-set!"], 3, Some(3), |_, a, who| {
        store(who, &mutable_string_arg(who, &a[0])?.chars, a, |c| char_arg(who, c).copied())
    }),
    (["substring"], 2, Some(3), |_, a, who| new_string(string_slice(who, a)?)),
    (["string-copy"], 1, Some(3), |_, a, who| new_string(string_slice(who, a)?)),
    (["string-append"], 0, None, |_, a, who| {
        new_string(concat(a, |v| Ok(string_arg(who, v)?.chars.borrow().clone()))?)
    }),
    (["string"], 0, None, |_, a, who| new_string(chars_of(who, a)?)),
    (["make-string"], 1, Some(2), |_, a, who| {
        let fill = a.get(1).map_or(Ok(' '), |c| char_arg(who, c).copied())?;
        new_string(vec![fill; size_arg(who, &a[0])?])
    }),
    (["string->list"], 1, Some(3), |_, a, who| {
        Ok(Value::list(string_slice(who, a)?.into_iter().map(Value::Char).collect::<Vec<_>>()))
    }),
    (["list->string"], 1, Some(1), |_, a, who| new_string(chars_of(who, &list_arg(who, &a[0])?)?)),
    (["string->vector"], 1, Some(3), |_, a, who| {
        Ok(Value::vector(string_slice(who, a)?.into_iter().map(Value::Char).collect()))
    }),
    (["vector->string"], 1, Some(3), |_, a, who| {
        new_string(chars_of(who, &slice_arg(who, vector_arg(who, &a[0])?, a, 1)?)?)
    }),
    (["string-upcase"], 1, Some(1), |_, a, who| map_text(who, &a[0], str::to_uppercase)),
    (["string-downcase", "string-foldcase"], 1, Some(1), |_, a, who| map_text(who, &a[0], str::to_lowercase)),
    (["string-fill!"], 2, Some(4), |_, a, who| {
        fill_range(who, &mutable_string_arg(who, &a[0])?.chars, *char_arg(who, &a[1])?, a)
    }),
    (["string-copy!"], 3, Some(5), |_, a, who| {
        copy_into(who, &mutable_string_arg(who, &a[0])?.chars, a, &string_arg(who, &a[2])?.chars)
    }),
    (["string-contains"], 2, Some(2), |_, a, who| contains(who, a)),
    (["string=?", "string<?", "string>?", "string<=?", "string>=?"], 1, None, |_, a, who| compare(who, a)),
    (["string-ci=?", "string-ci<?", "string-ci>?"], 1, None, |_, a, who| compare(who, a)),
    (["string-ci<=?", "string-ci>=?"], 1, None, |_, a, who| compare(who, a)),
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

//! Vector and bytevector builtins.
//!
//! Purpose: R7RS-small's vector and bytevector procedures, with the
//! optional `start`/`end` arguments where R7RS has them, and the UTF-8
//! conversions between strings and bytevectors.
//!
//! Design: both types are `RefCell<Vec<_>>`; ranges, copying (including a
//! `copy!` within one object, which R7RS requires to work when the ranges
//! overlap) and filling are the generic helpers in `builtins/mod.rs`.
//!
//! Invariant: a bytevector holds only bytes: every store checks 0..=255.
//! A size over `MAX_SIZE` is an error, not an attempt to allocate.

use std::cell::RefCell;
use std::rc::Rc;

use super::{
    Prim, bytes_arg, concat, copy_into, element, fill_range, list_arg, size_arg, slice_arg, store, string_slice,
    vector_arg,
};
use crate::error::{R, error, type_error};
use crate::value::Value;

fn byte_arg(who: &str, v: &Value) -> R<u8> {
    let byte = if let Value::Int(n) = v { u8::try_from(*n).ok() } else { None };
    byte.ok_or_else(|| type_error(who, "a byte", v))
}

fn bytes(items: Vec<u8>) -> R<Value> {
    Ok(Value::Bytes(Rc::new(RefCell::new(items))))
}

fn utf8_to_string(who: &str, args: &[Value]) -> R<Value> {
    let bytes = slice_arg(who, bytes_arg(who, &args[0])?, args, 1)?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Value::string(&text, true)),
        Err(e) => Err(error(format!("{who}: invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))),
    }
}

pub static PRIMS: &[Prim] = prims![
    (["vector?"], 1, Some(1), |_, a, _| Ok(Value::Bool(matches!(a[0], Value::Vector(_))))),
    (["make-vector"], 1, Some(2), |_, a, who| {
        let fill = a.get(1).cloned().unwrap_or(Value::Unspecified);
        Ok(Value::vector(vec![fill; size_arg(who, &a[0])?]))
    }),
    (["vector"], 0, None, |_, a, _| Ok(Value::vector(a.to_vec()))),
    (["vector-length"], 1, Some(1), |_, a, who| Ok(Value::Int(vector_arg(who, &a[0])?.borrow().len() as i64))),
    (["vector-ref"], 2, Some(2), |_, a, who| element(who, vector_arg(who, &a[0])?, &a[1])),
    (["vector-set!"], 3, Some(3), |_, a, who| store(who, vector_arg(who, &a[0])?, a, |v| Ok(v.clone()))),
    (["vector->list"], 1, Some(3), |_, a, who| Ok(Value::list(slice_arg(who, vector_arg(who, &a[0])?, a, 1)?))),
    (["list->vector"], 1, Some(1), |_, a, who| Ok(Value::vector(list_arg(who, &a[0])?))),
    (["vector-fill!"], 2, Some(4), |_, a, who| fill_range(who, vector_arg(who, &a[0])?, a[1].clone(), a)),
    (["vector-copy"], 1, Some(3), |_, a, who| Ok(Value::vector(slice_arg(who, vector_arg(who, &a[0])?, a, 1)?))),
    (["vector-copy!"], 3, Some(5), |_, a, who| copy_into(who, vector_arg(who, &a[0])?, a, vector_arg(who, &a[2])?)),
    (["vector-append"], 0, None, |_, a, who| {
        Ok(Value::vector(concat(a, |v| Ok(vector_arg(who, v)?.borrow().clone()))?))
    }),
    (["bytevector?"], 1, Some(1), |_, a, _| Ok(Value::Bool(matches!(a[0], Value::Bytes(_))))),
    (["make-bytevector"], 1, Some(2), |_, a, who| {
        let fill = a.get(1).map_or(Ok(0), |b| byte_arg(who, b))?;
        bytes(vec![fill; size_arg(who, &a[0])?])
    }),
    (["bytevector"], 0, None, |_, a, who| bytes(a.iter().map(|b| byte_arg(who, b)).collect::<R<_>>()?)),
    (["bytevector-length"], 1, Some(1), |_, a, who| Ok(Value::Int(bytes_arg(who, &a[0])?.borrow().len() as i64))),
    (["bytevector-u8-ref"], 2, Some(2), |_, a, who| {
        Ok(Value::Int(element(who, bytes_arg(who, &a[0])?, &a[1])?.into()))
    }),
    (["bytevector-u8-set!"], 3, Some(3), |_, a, who| store(who, bytes_arg(who, &a[0])?, a, |b| byte_arg(who, b))),
    (["bytevector-copy"], 1, Some(3), |_, a, who| bytes(slice_arg(who, bytes_arg(who, &a[0])?, a, 1)?)),
    (["bytevector-copy!"], 3, Some(5), |_, a, who| copy_into(who, bytes_arg(who, &a[0])?, a, bytes_arg(who, &a[2])?)),
    (["bytevector-append"], 0, None, |_, a, who| bytes(concat(a, |v| Ok(bytes_arg(who, v)?.borrow().clone()))?)),
    (["utf8->string"], 1, Some(3), |_, a, who| utf8_to_string(who, a)),
    (["string->utf8"], 1, Some(3), |_, a, who| {
        bytes(string_slice(who, a)?.into_iter().collect::<String>().into_bytes())
    }),
];

#[cfg(test)]
mod tests {
    use super::super::check;
    use super::*;

    #[test]
    fn vectors_and_bytevectors() {
        let v = Value::vector((1..=5).map(Value::Int).collect());
        assert_eq!(
            check("vector-copy!", &[v.clone(), Value::Int(1), v.clone(), Value::Int(0), Value::Int(3)]),
            "#<unspecified>"
        );
        assert_eq!(check("vector->list", std::slice::from_ref(&v)), "(1 1 2 3 5)");
        assert_eq!(
            check("vector-copy!", &[v.clone(), Value::Int(4), v.clone()]),
            "error: vector-copy!: 5 elements do not fit at index 4 in length 5"
        );
        assert_eq!(
            check("vector-ref", &[v.clone(), Value::Int(10)]),
            "error: vector-ref: index 10 out of range for length 5"
        );
        assert_eq!(check("vector-ref", &[v, Value::Int(-1)]), "error: vector-ref: index -1 out of range for length 5");
        let huge = Value::Int(10_000_000_000_000);
        assert_eq!(check("make-vector", &[huge]), "error: make-vector: size 10000000000000 is too large");
        let b = check("bytevector", &[Value::Int(1), Value::Int(255)]);
        assert_eq!(b, "#u8(1 255)");
        let bv = Value::Bytes(Rc::new(RefCell::new(vec![0, 0])));
        assert_eq!(
            check("bytevector-u8-set!", &[bv, Value::Int(0), Value::Int(256)]),
            "error: bytevector-u8-set!: expected a byte, got 256"
        );
        assert_eq!(check("string->utf8", &[Value::string("λx", false)]), "#u8(206 187 120)");
        // Storing with the vector itself as the index used to panic: the
        // error message printed the vector while it was mutably borrowed.
        let v = Value::vector(vec![Value::Int(1)]);
        assert_eq!(
            check("vector-set!", &[v.clone(), v.clone(), v.clone()]),
            "error: vector-set!: expected an integer, got #(1)"
        );
        assert_eq!(
            check("vector-fill!", &[v.clone(), v.clone(), v.clone()]),
            "error: vector-fill!: expected a non-negative integer, got #(1)"
        );
        let bad = Value::Bytes(Rc::new(RefCell::new(vec![65, 255])));
        assert_eq!(check("utf8->string", &[bad]), "error: utf8->string: invalid UTF-8 at byte 1");
    }
}

//! Pair, list, symbol and equivalence builtins.
//!
//! Purpose: the first-order list procedures of R7RS-small (`cons`, `car`,
//! `append`, `memq`, `assoc`, …), symbols, and `eq?`/`eqv?`/`equal?`.
//!
//! Design:
//! 1. Every walk along a list goes through `builtins::walk`, which stops at
//!    the end, at an improper tail, or on a cycle (tortoise and hare), so no
//!    builtin here loops forever on a circular list.
//! 2. The 28 `c[ad]{1,4}r` procedures are one function that reads the
//!    path from the procedure's own name, right to left.
//! 3. `equal?` compares with an explicit stack of pending pairs of values,
//!    so neither long nor deep structure recurses in Rust.
//!
//! Invariant: errors name the procedure that was called (`cadr: expected a
//! pair, got ()`), never a helper.
//!
//! Not done here: `equal?` on two distinct circular structures does not
//! terminate (R7RS asks that it should). `map`, `for-each`, `filter` and the
//! other higher-order procedures are Utena code (`runtime-src/core/lists.ut`).

use super::{Prim, Walk, compare_chain, index_arg, list_arg, pair_arg, string_arg, symbol_arg, walk};
use crate::error::{R, index_error, type_error};
use crate::eval::Interp;
use crate::prim;
use crate::value::{Sym, Value, eqv};

/// `car`, `cdr`, `cadr`, …: the letters between `c` and `r` of `who`,
/// applied right to left.
fn cxr(who: &str, v: &Value) -> R<Value> {
    let mut value = v.clone();
    for step in who.bytes().rev().skip(1).take(who.len() - 2) {
        let pair = pair_arg(who, &value)?;
        let next = if step == b'a' { pair.car.borrow().clone() } else { pair.cdr.borrow().clone() };
        value = next;
    }
    Ok(value)
}

fn set_field(who: &str, args: &[Value], car: bool) -> R<Value> {
    let pair = pair_arg(who, &args[0])?;
    *(if car { &pair.car } else { &pair.cdr }).borrow_mut() = args[1].clone();
    Ok(Value::Unspecified)
}

fn length(who: &str, list: &Value) -> R<Value> {
    let mut count = 0;
    match walk(list, |_| {
        count += 1;
        Ok(None::<()>)
    })? {
        Walk::End(Value::Null) => Ok(Value::Int(count)),
        _ => Err(type_error(who, "a list", list)),
    }
}

fn append(who: &str, args: &[Value]) -> R<Value> {
    let Some((last, lists)) = args.split_last() else { return Ok(Value::Null) };
    let mut result = last.clone();
    for list in lists.iter().rev() {
        result = list_arg(who, list)?.into_iter().rev().fold(result, |tail, x| Value::cons(x, tail));
    }
    Ok(result)
}

/// The list after `k` cdrs; `k` past the end is an index error. On a
/// circular list a `k` beyond the first lap or two is an error rather than
/// a walk of `k` steps.
fn list_tail(who: &str, list: &Value, k: &Value) -> R<Value> {
    let (wanted, mut walked) = (index_arg(who, k)?, 0);
    if wanted == 0 {
        return Ok(list.clone());
    }
    match walk(list, |pair| {
        walked += 1;
        Ok((walked == wanted).then(|| pair.cdr.borrow().clone()))
    })? {
        Walk::Found(tail) => Ok(tail),
        Walk::End(_) => Err(index_error(who, k, walked)),
        Walk::Circular => Err(type_error(who, "a list", list)),
    }
}

fn list_copy(who: &str, list: &Value) -> R<Value> {
    let mut items = Vec::new();
    match walk(list, |pair| {
        items.push(pair.car.borrow().clone());
        Ok(None::<()>)
    })? {
        Walk::End(tail) => Ok(items.into_iter().rev().fold(tail, |tail, x| Value::cons(x, tail))),
        _ => Err(type_error(who, "a list", list)),
    }
}

fn last_pair(who: &str, list: &Value) -> R<Value> {
    let mut last = pair_arg(who, list)?.clone();
    match walk(list, |pair| {
        last = pair.clone();
        Ok(None::<()>)
    })? {
        Walk::Circular => Err(type_error(who, "a list", list)),
        _ => Ok(Value::Pair(last)),
    }
}

/// `memq memv member assq assv assoc`: the first tail (or association)
/// whose element (or key) is the same as `args[0]` under `same`, or under
/// the optional comparison procedure `args[2]`.
fn search(interp: &mut Interp, who: &str, args: &[Value], assoc: bool, same: fn(&Value, &Value) -> bool) -> R<Value> {
    let key = &args[0];
    let found = walk(&args[1], |pair| {
        let item = pair.car.borrow().clone();
        let candidate = if assoc { pair_arg(who, &item)?.car.borrow().clone() } else { item.clone() };
        let hit = match args.get(2) {
            Some(compare) => interp.apply_procedure(compare, vec![key.clone(), candidate])?.is_true(),
            None => same(key, &candidate),
        };
        Ok(hit.then(|| if assoc { item } else { Value::Pair(pair.clone()) }))
    })?;
    match found {
        Walk::Found(v) => Ok(v),
        Walk::End(Value::Null) => Ok(Value::Bool(false)),
        _ => Err(type_error(who, "a list", &args[1])),
    }
}

/// `equal?`: structural equality on pairs, vectors, strings and
/// bytevectors, `eqv?` on everything else.
pub fn equal(a: &Value, b: &Value) -> bool {
    let mut pending = vec![(a.clone(), b.clone())];
    while let Some((x, y)) = pending.pop() {
        if eqv(&x, &y) {
            continue;
        }
        match (&x, &y) {
            (Value::Pair(p), Value::Pair(q)) => {
                pending.push((p.cdr.borrow().clone(), q.cdr.borrow().clone()));
                pending.push((p.car.borrow().clone(), q.car.borrow().clone()));
            }
            (Value::Vector(v), Value::Vector(w)) => {
                let (v, w) = (v.borrow(), w.borrow());
                if v.len() != w.len() {
                    return false;
                }
                pending.extend(v.iter().cloned().zip(w.iter().cloned()).rev());
            }
            (Value::Str(s), Value::Str(t)) if *s.chars.borrow() == *t.chars.borrow() => {}
            (Value::Bytes(s), Value::Bytes(t)) if *s.borrow() == *t.borrow() => {}
            _ => return false,
        }
    }
    true
}

fn is(test: bool) -> R<Value> {
    Ok(Value::Bool(test))
}

macro_rules! table {
    (cxr: [$($cxr:literal)*], $($entry:expr,)*) => {
        &[$(prim!($cxr, 1, Some(1), |_, a, who| cxr(who, &a[0])),)* $($entry,)*]
    };
}

pub static PRIMS: &[Prim] = table! {
    cxr: ["car" "cdr" "caar" "cadr" "cdar" "cddr"
          "caaar" "caadr" "cadar" "caddr" "cdaar" "cdadr" "cddar" "cdddr"
          "caaaar" "caaadr" "caadar" "caaddr" "cadaar" "cadadr" "caddar" "cadddr"
          "cdaaar" "cdaadr" "cdadar" "cdaddr" "cddaar" "cddadr" "cdddar" "cddddr"],
    prim!("cons", 2, Some(2), |_, a, _| Ok(Value::cons(a[0].clone(), a[1].clone()))),
    prim!("set-car!", 2, Some(2), |_, a, who| set_field(who, a, true)),
    prim!("set-cdr!", 2, Some(2), |_, a, who| set_field(who, a, false)),
    prim!("list", 0, None, |_, a, _| Ok(Value::list(a.to_vec()))),
    prim!("length", 1, Some(1), |_, a, who| length(who, &a[0])),
    prim!("append", 0, None, |_, a, who| append(who, a)),
    prim!("reverse", 1, Some(1), |_, a, who| {
        Ok(list_arg(who, &a[0])?.into_iter().fold(Value::Null, |tail, x| Value::cons(x, tail)))
    }),
    prim!("list-tail", 2, Some(2), |_, a, who| list_tail(who, &a[0], &a[1])),
    prim!("list-ref", 2, Some(2), |_, a, who| {
        let k = index_arg(who, &a[1])?;
        list_tail(who, &a[0], &a[1])?.car().ok_or_else(|| index_error(who, &a[1], k))
    }),
    prim!("list-copy", 1, Some(1), |_, a, who| list_copy(who, &a[0])),
    prim!("last-pair", 1, Some(1), |_, a, who| last_pair(who, &a[0])),
    prim!("memq", 2, Some(2), |i, a, who| search(i, who, a, false, eqv)),
    prim!("memv", 2, Some(2), |i, a, who| search(i, who, a, false, eqv)),
    prim!("member", 2, Some(3), |i, a, who| search(i, who, a, false, equal)),
    prim!("assq", 2, Some(2), |i, a, who| search(i, who, a, true, eqv)),
    prim!("assv", 2, Some(2), |i, a, who| search(i, who, a, true, eqv)),
    prim!("assoc", 2, Some(3), |i, a, who| search(i, who, a, true, equal)),
    prim!("null?", 1, Some(1), |_, a, _| is(matches!(a[0], Value::Null))),
    prim!("pair?", 1, Some(1), |_, a, _| is(matches!(a[0], Value::Pair(_)))),
    prim!("list?", 1, Some(1), |_, a, _| is(matches!(walk(&a[0], |_| Ok(None::<()>))?, Walk::End(Value::Null)))),
    prim!("symbol?", 1, Some(1), |_, a, _| is(matches!(a[0], Value::Sym(_)))),
    prim!("boolean?", 1, Some(1), |_, a, _| is(matches!(a[0], Value::Bool(_)))),
    prim!("procedure?", 1, Some(1), |_, a, _| is(a[0].is_procedure())),
    prim!("not", 1, Some(1), |_, a, _| is(matches!(a[0], Value::Bool(false)))),
    prim!("eq?", 2, Some(2), |_, a, _| is(eqv(&a[0], &a[1]))),
    prim!("eqv?", 2, Some(2), |_, a, _| is(eqv(&a[0], &a[1]))),
    prim!("equal?", 2, Some(2), |_, a, _| is(equal(&a[0], &a[1]))),
    prim!("boolean=?", 2, None, |_, a, who| {
        let boolean = |v: &Value| match v {
            Value::Bool(b) => Ok(*b),
            _ => Err(type_error(who, "a boolean", v)),
        };
        compare_chain(a, boolean, |x, y| x == y)
    }),
    prim!("symbol=?", 2, None, |_, a, who| compare_chain(a, |v| symbol_arg(who, v), |x, y| x == y)),
    prim!("symbol->string", 1, Some(1), |_, a, who| Ok(Value::string(&symbol_arg(who, &a[0])?.name(), false))),
    prim!("string->symbol", 1, Some(1), |_, a, who| {
        let name: String = string_arg(who, &a[0])?.chars.borrow().iter().collect();
        Ok(Value::Sym(Sym::intern(&name)))
    }),
};

#[cfg(test)]
mod tests {
    use super::super::check;
    use super::*;

    fn ints(items: &[i64]) -> Value {
        Value::list(items.iter().map(|&n| Value::Int(n)).collect::<Vec<_>>())
    }

    #[test]
    fn accessors_name_the_called_procedure() {
        let l = ints(&[1, 2, 3]);
        assert_eq!(check("caddr", std::slice::from_ref(&l)), "3");
        assert_eq!(check("cdddr", std::slice::from_ref(&l)), "()");
        assert_eq!(check("cadddr", &[l]), "error: cadddr: expected a pair, got ()");
        assert_eq!(check("car", &[Value::Int(5)]), "error: car: expected a pair, got 5");
    }

    #[test]
    fn list_operations() {
        let l = ints(&[1, 2, 3]);
        assert_eq!(check("length", std::slice::from_ref(&l)), "3");
        assert_eq!(
            check("length", &[Value::cons(Value::Int(1), Value::Int(2))]),
            "error: length: expected a list, got (1 . 2)"
        );
        assert_eq!(check("append", &[l.clone(), ints(&[4]), Value::Int(5)]), "(1 2 3 4 . 5)");
        assert_eq!(check("append", &[]), "()");
        assert_eq!(check("reverse", std::slice::from_ref(&l)), "(3 2 1)");
        assert_eq!(check("list-tail", &[l.clone(), Value::Int(3)]), "()");
        assert_eq!(
            check("list-ref", &[l.clone(), Value::Int(3)]),
            "error: list-ref: index 3 out of range for length 3"
        );
        assert_eq!(
            check("list-tail", &[l.clone(), Value::Int(5)]),
            "error: list-tail: index 5 out of range for length 3"
        );
        assert_eq!(check("memv", &[Value::Int(2), l.clone()]), "(2 3)");
        assert_eq!(check("last-pair", &[l]), "(3)");
        let alist = Value::list(vec![Value::cons(Value::sym("a"), Value::Int(1))]);
        assert_eq!(check("assq", &[Value::sym("a"), alist]), "(a . 1)");
    }

    #[test]
    fn circular_lists_terminate() {
        let l = ints(&[1, 2, 3]);
        if let Some(Value::Pair(last)) = l.cdr().and_then(|v| v.cdr()) {
            *last.cdr.borrow_mut() = l.clone();
        }
        assert_eq!(check("list?", std::slice::from_ref(&l)), "#f");
        assert_eq!(check("memq", &[Value::Int(9), l.clone()]), "error: memq: expected a list, got #0=(1 2 3 . #0#)");
        assert_eq!(check("length", &[l]), "error: length: expected a list, got #0=(1 2 3 . #0#)");
    }

    #[test]
    fn equal_on_long_and_nested_data() {
        let long = || Value::list((0..1_000_000).map(Value::Int).collect::<Vec<_>>());
        assert!(equal(&long(), &long()));
        let nested = |leaf: i64| {
            Value::vector(vec![Value::string("x", false), Value::list(vec![Value::Int(leaf), Value::Float(1.5)])])
        };
        assert!(equal(&nested(1), &nested(1)));
        assert!(!equal(&nested(1), &nested(2)));
        assert!(!equal(&Value::Int(2), &Value::Float(2.0)));
    }
}

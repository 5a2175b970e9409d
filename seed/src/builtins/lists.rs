//! Pair, list, symbol and equivalence builtins.
//!
//! Purpose: the first-order list procedures of R7RS-small (`cons`, `car`,
//! `append`, `memq`, `assoc`, …), symbols, and `eq?`/`eqv?`/`equal?`.
//!
//! Design:
//! 1. Every walk along a list goes through `builtins::walk`, which stops at
//!    the end, at an improper tail, or on a cycle (tortoise and hare), so no
//!    builtin here loops forever on a circular list.
//! 2. The 30 `c[ad]{1,4}r` procedures are one function that reads the
//!    path from the procedure's own name, right to left; the `mem…` and
//!    `ass…` procedures likewise read from theirs what they search and how
//!    they compare.
//! 3. `equal?` compares with an explicit stack of pending pairs of values,
//!    so neither long nor deep structure recurses in Rust.
//!
//! Invariant: errors name the procedure that was called (`cadr: expected a
//! pair, got ()`), never a helper.
//!
//! Not done here: `equal?` on two distinct circular structures does not
//! terminate (R7RS asks that it should). `map`, `for-each`, `filter` and the
//! other higher-order procedures are Utena code (`runtime-src/core/lists.ut`).

use std::iter::zip;

use super::{
    Prim, Walk, bool_arg, chain_arg, compare_chain, index_arg, list_arg, pair_arg, symbol_arg, text_arg, walk,
};
use crate::error::{R, index_error, type_error};
use crate::eval::Interp;
use crate::value::{Sym, Value, eqv};

/// `car`, `cdr`, `cadr`, …: the letters between `c` and `r` of `who`,
/// applied right to left.
fn cxr(who: &str, args: &[Value]) -> R<Value> {
    let mut value = args[0].clone();
    for step in who.bytes().rev().skip(1).take(who.len() - 2) {
        let pair = pair_arg(who, &value)?;
        let next = if step == b'a' { pair.car.borrow().clone() } else { pair.cdr.borrow().clone() };
        value = next;
    }
    Ok(value)
}

/// Conses `items` onto `tail`, last item first.
fn cons_all(items: impl DoubleEndedIterator<Item = Value>, tail: Value) -> Value {
    items.rev().fold(tail, |tail, x| Value::cons(x, tail))
}

fn append(who: &str, args: &[Value]) -> R<Value> {
    let Some((last, lists)) = args.split_last() else { return Ok(Value::Null) };
    lists.iter().rev().try_fold(last.clone(), |tail, list| Ok(cons_all(list_arg(who, list)?.into_iter(), tail)))
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

fn last_pair(who: &str, list: &Value) -> R<Value> {
    pair_arg(who, list)?;
    match walk(list, |pair| Ok((!matches!(*pair.cdr.borrow(), Value::Pair(_))).then(|| pair.clone())))? {
        Walk::Found(last) => Ok(Value::Pair(last)),
        _ => Err(type_error(who, "a list", list)),
    }
}

/// `memq memv member assq assv assoc`: the first tail (`mem…`) or
/// association (`ass…`) whose element or key is the same as `args[0]`:
/// under `eqv?` (`…q`, `…v`), `equal?`, or the optional comparison
/// procedure `args[2]`.
fn search(interp: &mut Interp, who: &str, args: &[Value]) -> R<Value> {
    let (key, assoc) = (&args[0], who.starts_with("ass"));
    let same = if who.ends_with(['q', 'v']) { eqv } else { equal };
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
    let compound = |v: &Value| matches!(v, Value::Pair(_) | Value::Vector(_) | Value::Str(_) | Value::Bytes(_));
    if !compound(a) || !compound(b) {
        return eqv(a, b);
    }
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
            (Value::Vector(v), Value::Vector(w)) if v.borrow().len() != w.borrow().len() => return false,
            (Value::Vector(v), Value::Vector(w)) => pending.extend(zip(v.borrow().clone(), w.borrow().clone()).rev()),
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

pub static PRIMS: &[Prim] = prims![
    (["car", "cdr", "caar", "cadr", "cdar", "cddr"], 1, Some(1), |_, a, who| cxr(who, a)),
    (["caaar", "caadr", "cadar", "caddr", "cdaar", "cdadr", "cddar", "cdddr"], 1, Some(1), |_, a, who| cxr(who, a)),
    (["caaaar", "caaadr", "caadar", "caaddr", "cadaar", "cadadr"], 1, Some(1), |_, a, who| cxr(who, a)),
    (["caddar", "cadddr", "cdaaar", "cdaadr", "cdadar", "cdaddr"], 1, Some(1), |_, a, who| cxr(who, a)),
    (["cddaar", "cddadr", "cdddar", "cddddr"], 1, Some(1), |_, a, who| cxr(who, a)),
    (["cons"], 2, Some(2), |_, a, _| Ok(Value::cons(a[0].clone(), a[1].clone()))),
    (["set-car!", "set-cdr!"], 2, Some(2), |_, a, who| {
        let pair = pair_arg(who, &a[0])?;
        *(if who == "set-car!" { &pair.car } else { &pair.cdr }).borrow_mut() = a[1].clone();
        Ok(Value::Unspecified)
    }),
    (["list"], 0, None, |_, a, _| Ok(Value::list(a.to_vec()))),
    (["length"], 1, Some(1), |_, a, who| Ok(Value::Int(list_arg(who, &a[0])?.len() as i64))),
    (["append"], 0, None, |_, a, who| append(who, a)),
    (["reverse"], 1, Some(1), |_, a, who| Ok(Value::list(list_arg(who, &a[0])?.into_iter().rev()))),
    (["list-tail"], 2, Some(2), |_, a, who| list_tail(who, &a[0], &a[1])),
    (["list-ref"], 2, Some(2), |_, a, who| {
        let k = index_arg(who, &a[1])?;
        list_tail(who, &a[0], &a[1])?.car().ok_or_else(|| index_error(who, &a[1], k))
    }),
    (["list-copy"], 1, Some(1), |_, a, who| {
        let (items, tail) = chain_arg(who, &a[0])?;
        Ok(cons_all(items.into_iter(), tail))
    }),
    (["last-pair"], 1, Some(1), |_, a, who| last_pair(who, &a[0])),
    (["memq", "memv", "assq", "assv"], 2, Some(2), |i, a, who| search(i, who, a)),
    (["member", "assoc"], 2, Some(3), |i, a, who| search(i, who, a)),
    (["null?"], 1, Some(1), |_, a, _| is(matches!(a[0], Value::Null))),
    (["pair?"], 1, Some(1), |_, a, _| is(matches!(a[0], Value::Pair(_)))),
    (["list?"], 1, Some(1), |_, a, _| is(matches!(walk(&a[0], |_| Ok(None::<()>))?, Walk::End(Value::Null)))),
    (["symbol?"], 1, Some(1), |_, a, _| is(matches!(a[0], Value::Sym(_)))),
    (["boolean?"], 1, Some(1), |_, a, _| is(matches!(a[0], Value::Bool(_)))),
    (["procedure?"], 1, Some(1), |_, a, _| is(a[0].is_procedure())),
    (["not"], 1, Some(1), |_, a, _| is(matches!(a[0], Value::Bool(false)))),
    (["eq?", "eqv?"], 2, Some(2), |_, a, _| is(eqv(&a[0], &a[1]))),
    (["equal?"], 2, Some(2), |_, a, _| is(equal(&a[0], &a[1]))),
    (["boolean=?"], 2, None, |_, a, who| compare_chain(who, a, |v| bool_arg(who, v), PartialOrd::partial_cmp)),
    (["symbol=?"], 2, None, |_, a, who| compare_chain(who, a, |v| symbol_arg(who, v), PartialOrd::partial_cmp)),
    (["symbol->string"], 1, Some(1), |_, a, who| Ok(Value::string(&symbol_arg(who, &a[0])?.name(), false))),
    (["string->symbol"], 1, Some(1), |_, a, who| Ok(Value::Sym(Sym::intern(&text_arg(who, &a[0])?)))),
];

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

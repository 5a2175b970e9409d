//! Hash tables keyed by identity (`eqv?`), with R6RS names.
//!
//! Purpose: constant-time lookup for programs and for the compiler written
//! in Utena (symbol tables, environments, positions of data), which would
//! otherwise be quadratic with association lists.
//!
//! Design:
//! 1. A table is a vector of entries in insertion order plus a Rust hash
//!    map from each key's identity to its entry's index. Deleting leaves a
//!    hole in the vector.
//! 2. Keys compare with `eqv?`: heap objects by address (the table holds
//!    the key, so the address stays unique while the entry lives),
//!    immediates by value.
//!
//! Invariant: `hashtable-keys`, `hashtable-entries` and everything derived
//! from them answer in insertion order, never in hash order, so a program's
//! output (and the compiler's, for a byte-identical bootstrap) does not
//! depend on addresses or on the hash function.

use std::rc::Rc;

use super::Prim;
use crate::error::{R, type_error};
use crate::value::{Table, TableKey, Value};

pub static PRIMS: &[Prim] = prims![
    (["make-eq-hashtable", "make-eqv-hashtable"], 0, Some(1), |_, _, _| Ok(Value::Table(Rc::default()))),
    (["hashtable?"], 1, Some(1), |_, a, _| Ok(Value::Bool(matches!(a[0], Value::Table(_))))),
    (["hashtable-ref"], 3, Some(3), |_, a, who| {
        let table = table_arg(who, &a[0])?;
        Ok(table.get(&a[1]).unwrap_or_else(|| a[2].clone()))
    }),
    (["hashtable-contains?"], 2, Some(2), |_, a, who| Ok(Value::Bool(table_arg(who, &a[0])?.get(&a[1]).is_some()))),
    (["hashtable-set!"], 3, Some(3), |_, a, who| {
        table_arg(who, &a[0])?.set(&a[1], a[2].clone());
        Ok(Value::Unspecified)
    }),
    (["hashtable-update!"], 4, Some(4), |interp, a, who| {
        let table = table_arg(who, &a[0])?;
        let old = table.get(&a[1]).unwrap_or_else(|| a[3].clone());
        let new = interp.apply_procedure(&a[2], vec![old])?;
        table.set(&a[1], new);
        Ok(Value::Unspecified)
    }),
    (["hashtable-delete!"], 2, Some(2), |_, a, who| {
        let table = table_arg(who, &a[0])?;
        if let Some(index) = table.index.borrow_mut().remove(&TableKey::of(&a[1])) {
            table.entries.borrow_mut()[index] = None;
        }
        Ok(Value::Unspecified)
    }),
    (["hashtable-clear!"], 1, Some(1), |_, a, who| {
        let table = table_arg(who, &a[0])?;
        table.index.borrow_mut().clear();
        table.entries.borrow_mut().clear();
        Ok(Value::Unspecified)
    }),
    (["hashtable-count"], 1, Some(1), |_, a, who| Ok(Value::Int(table_arg(who, &a[0])?.index.borrow().len() as i64))),
    (["hashtable-keys", "hashtable-values"], 1, Some(1), |_, a, who| {
        let (keys, values) = table_arg(who, &a[0])?.columns();
        Ok(Value::vector(if who == "hashtable-keys" { keys } else { values }))
    }),
    (["hashtable-entries"], 1, Some(1), |_, a, who| {
        let (keys, values) = table_arg(who, &a[0])?.columns();
        Ok(Value::Values(Rc::new(vec![Value::vector(keys), Value::vector(values)])))
    }),
    (["hashtable-copy"], 1, Some(2), |_, a, who| {
        let copy = Table::default();
        let (keys, values) = table_arg(who, &a[0])?.columns();
        keys.iter().zip(values).for_each(|(key, value)| copy.set(key, value));
        Ok(Value::Table(Rc::new(copy)))
    }),
];

fn table_arg<'a>(who: &str, value: &'a Value) -> R<&'a Rc<Table>> {
    match value {
        Value::Table(table) => Ok(table),
        other => Err(type_error(who, "a hashtable", other)),
    }
}

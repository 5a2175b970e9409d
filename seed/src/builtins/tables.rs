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
//! 3. A table `make-hashtable` made (any hash function and equivalence) is
//!    Utena code over these tables, `core/lists.ut`: each builtin hands it
//!    to the language's procedure of its own name with `lists-` before it
//!    (`on`), as the simulator's and the native runtime's do.
//!
//! Invariant: `hashtable-keys`, `hashtable-entries` and everything derived
//! from them answer in insertion order, never in hash order, so a program's
//! output (and the compiler's, for a byte-identical bootstrap) does not
//! depend on addresses or on the hash function.

use std::rc::Rc;

use super::Prim;
use crate::error::{R, type_error};
use crate::eval::Interp;
use crate::value::{Sym, Table, TableKey, Value};

pub static PRIMS: &[Prim] = prims![
    (["make-eq-hashtable", "make-eqv-hashtable"], 0, Some(1), |_, _, _| Ok(Value::Table(Rc::default()))),
    (["hashtable?"], 1, Some(1), |i, a, _| Ok(Value::Bool(matches!(a[0], Value::Table(_)) || made_by_lists(i, &a[0])))),
    (["hashtable-ref"], 3, Some(3), |i, a, who| on(i, a, who, |_, t| Ok(t.get(&a[1]).unwrap_or_else(|| a[2].clone())))),
    (["hashtable-contains?"], 2, Some(2), |i, a, who| on(i, a, who, |_, t| Ok(Value::Bool(t.get(&a[1]).is_some())))),
    (["hashtable-set!"], 3, Some(3), |i, a, who| on(i, a, who, |_, table| {
        table.set(&a[1], a[2].clone());
        Ok(Value::Unspecified)
    })),
    (["hashtable-update!"], 4, Some(4), |i, a, who| on(i, a, who, |interp, table| {
        let old = table.get(&a[1]).unwrap_or_else(|| a[3].clone());
        let new = interp.apply_procedure(&a[2], vec![old])?;
        table.set(&a[1], new);
        Ok(Value::Unspecified)
    })),
    (["hashtable-delete!"], 2, Some(2), |i, a, who| on(i, a, who, |_, table| {
        if let Some(index) = table.index.borrow_mut().remove(&TableKey::of(&a[1])) {
            table.entries.borrow_mut()[index] = None;
        }
        Ok(Value::Unspecified)
    })),
    (["hashtable-clear!"], 1, Some(1), |i, a, who| on(i, a, who, |_, table| {
        table.index.borrow_mut().clear();
        table.entries.borrow_mut().clear();
        Ok(Value::Unspecified)
    })),
    (["hashtable-count"], 1, Some(1), |i, a, who| on(i, a, who, |_, t| Ok(Value::Int(t.index.borrow().len() as i64)))),
    (["hashtable-keys", "hashtable-values", "hashtable-entries"], 1, Some(1), |i, a, who| on(i, a, who, |_, table| {
        let (keys, values) = table.columns();
        Ok(match who {
            "hashtable-keys" => Value::vector(keys),
            "hashtable-values" => Value::vector(values),
            _ => Value::Values(Rc::new(vec![Value::vector(keys), Value::vector(values)])),
        })
    })),
    (["hashtable-copy"], 1, Some(2), |i, a, who| on(i, a, who, |_, table| {
        let copy = Table::default();
        let (keys, values) = table.columns();
        keys.iter().zip(values).for_each(|(key, value)| copy.set(key, value));
        Ok(Value::Table(Rc::new(copy)))
    })),
];

/// Whether `value` is a table `make-hashtable` made: a record of the
/// language's type `<hashtable>` (not merely one named so).
fn made_by_lists(i: &Interp, value: &Value) -> bool {
    let hashtable = i.language.own_cell(Sym::intern("<hashtable>")).value.borrow().clone();
    matches!((value, hashtable), (Value::Record(r), Some(Value::RecordType(t))) if Rc::ptr_eq(&r.rtd, &t))
}

/// Runs `f` on the builtin table `a[0]`.  A table `make-hashtable` made
/// is a record whose procedures are the language's
/// (core/lists.ut, "Hash tables"): it goes with all the arguments to
/// `lists-WHO`.
fn on(i: &mut Interp, a: &[Value], who: &str, f: impl FnOnce(&mut Interp, &Table) -> R<Value>) -> R<Value> {
    match &a[0] {
        Value::Table(table) => f(i, table),
        other if made_by_lists(i, other) => {
            let procedure = i.language.own_cell(Sym::intern(&format!("lists-{who}"))).value.borrow().clone();
            i.apply_procedure(&procedure.unwrap_or(Value::Unspecified), a.to_vec())
        }
        other => Err(type_error(who, "a hashtable", other)),
    }
}

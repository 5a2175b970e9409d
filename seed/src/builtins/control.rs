//! Control builtins: `apply`, multiple values, escaping continuations,
//! `dynamic-wind`, exceptions, records, identifiers and object predicates.
//!
//! Design:
//! 1. `apply` is recognised by the evaluator (`APPLY` by address), so
//!    `(apply f args)` in tail position is a proper tail call.
//! 2. Continuations are escape-only: `call/cc` gives each continuation an
//!    id; invoking it unwinds the Rust stack (`Unwind::Escape`) to the
//!    `call/cc` with that id. After that `call/cc` returns, the continuation
//!    is dead and invoking it is an error, never undefined behaviour.
//! 3. Exceptions follow R7RS: `raise` calls the innermost handler with the
//!    outer handlers installed. Errors that builtins or the evaluator detect
//!    are offered to the handler at the call site of the builtin, or, for
//!    errors the evaluator itself raises, where `with-exception-handler`
//!    regains control.
//! 4. Records are a type descriptor plus procedures made from it; the
//!    R7RS `define-record-type` syntax is Utena code in runtime-src.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::Prim;
use crate::analyze::strip_aliases;
use crate::error::{ErrorObject, R, Raised, Unwind, check_arity, error, type_error};
use crate::eval::{Interp, Tail};
use crate::printer::display_string;
use crate::value::{Continuation, Record, RecordProc, RecordProcKind, RecordType, Sym, Value};

pub static APPLY: Prim = Prim { name: "apply", min: 1, max: None, f: |_, _| Err(error("apply: internal error")) };

pub static PRIMS: &[Prim] = prims![
    (["values"], 0, None, |_, a, _| Ok(values(a.to_vec()))),
    (["call-with-values"], 2, Some(2), |interp, a, _| call_with_values(interp, a)),
    (["call-with-current-continuation", "call/cc"], 1, Some(1), |interp, a, _| call_cc(interp, a)),
    (["dynamic-wind"], 3, Some(3), |interp, a, _| dynamic_wind(interp, a)),
    (["error"], 0, None, |interp, a, _| make_error(interp, a)),
    (["raise", "raise-continuable"], 1, Some(1), |interp, a, who| raise_value(interp, a[0].clone(), who != "raise")),
    (["with-exception-handler"], 2, Some(2), |interp, a, _| with_exception_handler(interp, a)),
    (["error-object?"], 1, Some(1), |_, a, _| Ok(Value::Bool(matches!(a[0], Value::Error(_))))),
    (["error-object-message", "error-object-irritants"], 1, Some(1), |_, a, who| match &a[0] {
        Value::Error(e) if who.ends_with("message") => Ok(Value::string(&e.message, false)),
        Value::Error(e) => Ok(Value::list(e.irritants.clone())),
        other => Err(type_error(who, "an error object", other)),
    }),
    (["%gensym"], 0, Some(1), |_, a, _| {
        let prefix = a.first().map(display_string).unwrap_or_else(|| "g".into());
        Ok(Value::Sym(Sym::gensym(&prefix)))
    }),
    (["void"], 0, None, |_, _, _| Ok(Value::Unspecified)),
    (["eof-object"], 0, Some(0), |_, _, _| Ok(Value::Eof)),
    (["eof-object?"], 1, Some(1), |_, a, _| Ok(Value::Bool(matches!(a[0], Value::Eof)))),
    (["identifier?"], 1, Some(1), |_, a, _| Ok(Value::Bool(a[0].is_identifier()))),
    (["alias?"], 1, Some(1), |_, a, _| Ok(Value::Bool(matches!(a[0], Value::Alias(_))))),
    (["identifier->symbol"], 1, Some(1), |_, a, who| {
        a[0].identifier_symbol().map(Value::Sym).ok_or_else(|| type_error(who, "an identifier", &a[0]))
    }),
    (["syntax->datum"], 1, Some(1), |_, a, _| Ok(strip_aliases(&a[0]))),
    // For an expander written in Utena (the compiler's): it calls the
    // language's transformers with its own rename, which makes aliases here.
    (["%macro-transformer"], 1, Some(1), |interp, a, who| {
        let name = *crate::builtins::symbol_arg(who, &a[0])?;
        let cell = interp.language.table.borrow().get(&name).cloned();
        Ok(match cell.map(|c| c.binding.borrow().clone()) {
            Some(crate::analyze::Binding::Macro(m)) => m.transformer.clone(),
            _ => Value::Bool(false),
        })
    }),
    (["%make-alias"], 1, Some(1), |interp, a, who| match a[0].is_identifier() {
        true => Ok(crate::eval::Interp::make_alias(&a[0], &interp.language_scope)),
        false => Err(type_error(who, "an identifier", &a[0])),
    }),
    // Evaluates a datum in the language scope, which holds no authority.
    (["%eval"], 1, Some(1), |interp, a, _| {
        let scope = interp.language_scope.clone();
        let node = interp.analyze(&a[0], &scope, crate::value::Pos::default())?;
        interp.eval(&node, &None)
    }),
    (["alias-name"], 1, Some(1), |_, a, who| match &a[0] {
        Value::Alias(alias) => Ok(alias.name.clone()),
        other => Err(type_error(who, "an alias", other)),
    }),
    (["%make-record-type"], 2, Some(2), |_, a, _| make_record_type(a)),
    (["%record-constructor", "%record-accessor", "%record-modifier"], 2, Some(3), |_, a, who| record_procedure(who, a)),
    (["%record-predicate"], 1, Some(2), |_, a, who| record_procedure(who, a)),
    (["%printed"], 2, Some(2), |_, a, _| Ok(Value::string(&crate::printer::print(&a[0], a[1].is_true()), true))),
    (["record?"], 1, Some(1), |_, a, _| Ok(Value::Bool(matches!(a[0], Value::Record(_))))),
    (["object?"], 1, Some(1), |_, a, _| Ok(Value::Bool(matches!(a[0], Value::Object(_))))),
    (["class?"], 1, Some(1), |_, a, _| Ok(Value::Bool(matches!(a[0], Value::Class(_))))),
    (["class-of"], 1, Some(1), |_, a, who| match &a[0] {
        Value::Object(object) => Ok(Value::Class(object.class.clone())),
        other => Err(type_error(who, "an object", other)),
    }),
    (["class-name"], 1, Some(1), |_, a, who| match &a[0] {
        Value::Class(class) => Ok(Value::Sym(class.name())),
        other => Err(type_error(who, "a class", other)),
    }),
];

pub fn values(mut items: Vec<Value>) -> Value {
    if items.len() == 1 { items.pop().unwrap_or_default() } else { Value::Values(Rc::new(items)) }
}

/// `(apply f a b '(c d))` → the argument list `(a b c d)`.
pub fn spread_apply_args(mut args: Vec<Value>) -> R<Vec<Value>> {
    let Some(last) = args.pop() else { return Ok(args) };
    let tail = last.list_to_vec().ok_or_else(|| type_error("apply", "a list", &last))?;
    args.extend(tail);
    Ok(args)
}

fn call_with_values(interp: &mut Interp, args: &[Value]) -> R<Value> {
    let produced = interp.apply_procedure(&args[0], vec![])?;
    let values = match produced {
        Value::Values(items) => items.to_vec(),
        single => vec![single],
    };
    interp.apply_procedure(&args[1], values)
}

fn call_cc(interp: &mut Interp, args: &[Value]) -> R<Value> {
    let id = interp.next_continuation;
    interp.next_continuation += 1;
    let k = Rc::new(Continuation { id, live: Cell::new(true) });
    let handlers = interp.handlers.len();
    let result = interp.apply_procedure(&args[0], vec![Value::Continuation(k.clone())]);
    k.live.set(false);
    match result {
        Err(unwind) => match *unwind {
            Unwind::Escape { id: target, value } if target == id => {
                interp.handlers.truncate(handlers);
                Ok(value)
            }
            other => Err(Box::new(other)),
        },
        ok => ok,
    }
}

/// Invokes an escaping continuation.
pub fn throw(k: &Continuation, args: Vec<Value>) -> R<Tail> {
    if !k.live.get() {
        return Err(error("continuation invoked after its extent ended (only escaping continuations are supported)"));
    }
    Err(Box::new(Unwind::Escape { id: k.id, value: values(args) }))
}

fn dynamic_wind(interp: &mut Interp, args: &[Value]) -> R<Value> {
    interp.apply_procedure(&args[0], vec![])?;
    let result = interp.apply_procedure(&args[1], vec![]);
    interp.apply_procedure(&args[2], vec![])?;
    result
}

fn make_error(interp: &mut Interp, args: &[Value]) -> R<Value> {
    let (message, irritants) = match args.split_first() {
        Some((Value::Str(s), rest)) => (s.chars.borrow().iter().collect(), rest.to_vec()),
        Some((other, rest)) => (crate::printer::write_string(other), rest.to_vec()),
        None => ("error".to_string(), vec![]),
    };
    raise_value(interp, Value::Error(Rc::new(ErrorObject { message, irritants, pos: Default::default() })), false)
}

fn raise_value(interp: &mut Interp, payload: Value, continuable: bool) -> R<Value> {
    signal(interp, Raised { continuable, ..Raised::new(payload) })
}

/// Offers a raised object to the innermost handler, with the outer
/// handlers installed while it runs.
pub fn signal(interp: &mut Interp, mut raised: Raised) -> R<Value> {
    raised.signalled = true;
    let Some(handler) = interp.handlers.pop() else { return Err(Box::new(Unwind::Raise(raised))) };
    let result = interp.apply_procedure(&handler, vec![raised.payload.clone()]);
    interp.handlers.push(handler);
    let value = result?;
    if raised.continuable { Ok(value) } else { Err(error("exception handler returned from a non-continuable raise")) }
}

fn with_exception_handler(interp: &mut Interp, args: &[Value]) -> R<Value> {
    let (handler, thunk) = (&args[0], &args[1]);
    if !handler.is_procedure() {
        return Err(type_error("with-exception-handler", "a procedure", handler));
    }
    interp.handlers.push(handler.clone());
    let result = interp.apply_procedure(thunk, vec![]);
    interp.handlers.pop();
    match result {
        Err(unwind) => match *unwind {
            // Raised by the evaluator itself and never offered to a handler.
            Unwind::Raise(raised) if !raised.signalled => signal_here(interp, handler, raised),
            other => Err(Box::new(other)),
        },
        ok => ok,
    }
}

fn signal_here(interp: &mut Interp, handler: &Value, mut raised: Raised) -> R<Value> {
    raised.signalled = true;
    interp.apply_procedure(handler, vec![raised.payload.clone()])?;
    Err(Box::new(Unwind::Raise(raised)))
}

fn make_record_type(args: &[Value]) -> R<Value> {
    let name = args[0].identifier_symbol().ok_or_else(|| type_error("%make-record-type", "a symbol", &args[0]))?;
    let fields = args[1].list_to_vec().ok_or_else(|| type_error("%make-record-type", "a list", &args[1]))?;
    let fields = fields
        .iter()
        .map(|f| f.identifier_symbol().ok_or_else(|| type_error("%make-record-type", "a symbol", f)))
        .collect::<R<Vec<_>>>()?;
    Ok(Value::RecordType(Rc::new(RecordType { name, fields })))
}

fn field_index(rtd: &RecordType, field: &Value) -> R<usize> {
    let sym = field.identifier_symbol();
    rtd.fields.iter().position(|f| Some(*f) == sym).ok_or_else(|| {
        error(format!("record type {} has no field {}", rtd.name.name(), crate::printer::write_string(field)))
    })
}

/// `%record-constructor`, `-predicate`, `-accessor` and `-modifier`: the
/// procedures `define-record-type` binds, named by the optional last
/// argument (define-record-type passes the program's name), else as R7RS
/// programs usually name them.
fn record_procedure(who: &str, args: &[Value]) -> R<Value> {
    let Value::RecordType(rtd) = &args[0] else { return Err(type_error(who, "a record type", &args[0])) };
    let type_name = rtd.name.name();
    let field = args.get(1).map(display_string).unwrap_or_default();
    let (kind, name) = match who {
        "%record-constructor" => {
            let fields = args[1].list_to_vec().ok_or_else(|| type_error(who, "a list", &args[1]))?;
            let indices = fields.iter().map(|f| field_index(rtd, f)).collect::<R<Vec<_>>>()?;
            (RecordProcKind::Construct(indices), format!("make-{type_name}"))
        }
        "%record-predicate" => (RecordProcKind::Predicate, format!("{type_name}?")),
        "%record-accessor" => (RecordProcKind::Access(field_index(rtd, &args[1])?), format!("{type_name}-{field}")),
        _ => (RecordProcKind::Modify(field_index(rtd, &args[1])?), format!("set-{type_name}-{field}!")),
    };
    let given = args.get(if who == "%record-predicate" { 1 } else { 2 });
    let name = if let Some(Value::Sym(given)) = given { *given } else { Sym::intern(&name) };
    Ok(Value::RecordProc(Rc::new(RecordProc { rtd: rtd.clone(), kind, name })))
}

pub fn apply_record_proc(proc: &RecordProc, args: &[Value]) -> R<Value> {
    // The name is looked up only for an error.
    let who = || proc.name.name();
    let expected = match &proc.kind {
        RecordProcKind::Construct(indices) => indices.len(),
        RecordProcKind::Predicate | RecordProcKind::Access(_) => 1,
        RecordProcKind::Modify(_) => 2,
    };
    if args.len() != expected {
        check_arity(&who(), expected, Some(expected), args.len())?;
    }
    let record = |value: &Value| match value {
        Value::Record(r) if Rc::ptr_eq(&r.rtd, &proc.rtd) => Ok(r.clone()),
        other => Err(type_error(&who(), &format!("a record of type {}", proc.rtd.name.name()), other)),
    };
    match &proc.kind {
        RecordProcKind::Construct(indices) => {
            let mut fields = vec![Value::Unspecified; proc.rtd.fields.len()];
            for (index, value) in indices.iter().zip(args) {
                fields[*index] = value.clone();
            }
            Ok(Value::Record(Rc::new(Record { rtd: proc.rtd.clone(), fields: RefCell::new(fields) })))
        }
        RecordProcKind::Predicate => {
            Ok(Value::Bool(matches!(&args[0], Value::Record(r) if Rc::ptr_eq(&r.rtd, &proc.rtd))))
        }
        RecordProcKind::Access(index) => Ok(record(&args[0])?.fields.borrow()[*index].clone()),
        RecordProcKind::Modify(index) => {
            record(&args[0])?.fields.borrow_mut()[*index] = args[1].clone();
            Ok(Value::Unspecified)
        }
    }
}

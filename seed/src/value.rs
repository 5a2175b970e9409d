//! Values of the seed interpreter.
//!
//! Purpose: one Rust type, [`Value`], for every datum a Utena program can
//! touch while the seed runs it.
//!
//! Design:
//! 1. `Value` is a 16-byte enum: immediates (booleans, fixnums, flonums,
//!    characters, symbols) inline, everything else behind an `Rc`.
//! 2. Symbols are interned into a per-thread table and compared by index;
//!    `%gensym` makes uninterned symbols that live in the same table but can
//!    never be found by name.
//! 3. Pairs carry their source position (see `reader.rs` for the rule), so
//!    every datum the reader produced keeps where it came from.
//! 4. Memory is reference counted. Cycles (circular lists, most closures
//!    stored where they can reach themselves) leak; the seed only has to
//!    live long enough to start the first build, and a tracing collector
//!    would cost more Rust than it saves. The common cycle of a frame and
//!    its own internal procedures is freed by `eval::release` (`Closure`
//!    and `Frame` call it as they go).
//!    Dropping a long or deep list is iterative, so it cannot overflow the
//!    Rust stack.
//!
//! Invariant: the seed knows nothing about object layouts: these are Rust
//! representations for the interpreter only, never the layout of the native
//! heap (that is declared once, in `runtime-src/memory/`).

use rustc_hash::FxHashMap as HashMap;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::analyze::{ClassDecl, Lambda, Scope};
use crate::builtins::Prim;
use crate::error::ErrorObject;
use crate::eval::Env;
use crate::platform::Native;

/// An interned (or gensym'd) symbol: an index into the per-thread table.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct Sym(pub u32);

#[derive(Default)]
struct SymbolTable {
    names: Vec<Rc<str>>,
    index: HashMap<Rc<str>, Sym>,
    gensyms: u32,
}

thread_local! {
    static SYMBOLS: RefCell<SymbolTable> = RefCell::new(SymbolTable::default());
}

impl Sym {
    pub fn intern(name: &str) -> Sym {
        SYMBOLS.with(|table| {
            let mut table = table.borrow_mut();
            if let Some(&sym) = table.index.get(name) {
                return sym;
            }
            let sym = Sym(table.names.len() as u32);
            let name: Rc<str> = Rc::from(name);
            table.names.push(name.clone());
            table.index.insert(name, sym);
            sym
        })
    }

    /// A fresh symbol that no `intern` call can return.
    pub fn gensym(prefix: &str) -> Sym {
        SYMBOLS.with(|table| {
            let mut table = table.borrow_mut();
            table.gensyms += 1;
            let name: Rc<str> = Rc::from(format!("{prefix}.{}", table.gensyms));
            let sym = Sym(table.names.len() as u32);
            table.names.push(name);
            sym
        })
    }

    pub fn name(self) -> Rc<str> {
        SYMBOLS.with(|table| table.borrow().names[self.0 as usize].clone())
    }
}

/// A datum and the position it was read at (see `Value::parts`).
pub type Form = (Value, Pos);

/// The longest list the seed walks: longer ones are taken to be circular.
pub const MAX_LIST: usize = 50_000_000;

/// A source position. `line == 0` means "unknown".
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub struct Pos {
    pub file: u32,
    pub line: u32,
    pub col: u32,
}

impl Pos {
    pub fn is_known(self) -> bool {
        self.line != 0
    }
    /// `self` if known, otherwise `fallback`.
    pub fn or(self, fallback: Pos) -> Pos {
        if self.is_known() { self } else { fallback }
    }
}

pub struct Pair {
    pub car: RefCell<Value>,
    pub cdr: RefCell<Value>,
    pub pos: Cell<Pos>,
}

impl Drop for Pair {
    // Dropping a million-element list recursively would overflow the Rust
    // stack; unlink uniquely owned pairs iteratively instead.
    fn drop(&mut self) {
        let is_owned_pair = |v: &Value| matches!(v, Value::Pair(p) if Rc::strong_count(p) == 1);
        if !is_owned_pair(&self.car.borrow()) && !is_owned_pair(&self.cdr.borrow()) {
            return;
        }
        let mut pending = vec![self.car.take(), self.cdr.take()];
        while let Some(value) = pending.pop() {
            if let Value::Pair(rc) = value
                && let Ok(pair) = Rc::try_unwrap(rc)
            {
                pending.push(pair.car.take());
                pending.push(pair.cdr.take());
            }
        }
    }
}

/// A string: a vector of characters (O(1) `string-ref`). Literals and
/// `symbol->string` results are immutable.
pub struct Str {
    pub chars: RefCell<Vec<char>>,
    pub mutable: bool,
}

/// An identifier introduced by a macro expansion: `sym` renamed in the scope
/// where the macro was defined (explicit renaming).
pub struct Alias {
    pub name: Value,
    pub scope: Rc<Scope>,
}

pub struct Closure {
    pub lambda: Rc<Lambda>,
    pub env: Env,
}

impl Drop for Closure {
    fn drop(&mut self) {
        self.env.as_ref().inspect(|frame| crate::eval::release(frame, true));
    }
}

pub struct RecordType {
    pub name: Sym,
    pub fields: Vec<Sym>,
}

pub struct Record {
    pub rtd: Rc<RecordType>,
    pub fields: RefCell<Vec<Value>>,
}

pub enum RecordProcKind {
    Construct(Vec<usize>),
    Predicate,
    Access(usize),
    Modify(usize),
}

pub struct RecordProc {
    pub rtd: Rc<RecordType>,
    pub kind: RecordProcKind,
    pub name: Sym,
}

/// What a class member is, found by `lookup`.
#[derive(Clone)]
pub enum Member {
    Method(Rc<Closure>),
    Slot(usize),
    /// A nested class: the closure, applied to the enclosing instance, makes
    /// the class (once per instance).
    NestedClass(Rc<Closure>),
}

pub struct Class {
    pub decl: Rc<ClassDecl>,
    pub superclass: Option<Rc<Class>>,
    pub members: HashMap<Sym, Member>,
    /// Slots of this class and all its superclasses.
    pub total_slots: usize,
    /// `(lambda (self class param ...) init)`: runs the `inherit` clause and
    /// the slot initialisers.
    pub init: Rc<Closure>,
}

impl Class {
    pub fn lookup(&self, selector: Sym) -> Option<Member> {
        let mut class = self;
        loop {
            if let Some(member) = class.members.get(&selector) {
                return Some(member.clone());
            }
            class = class.superclass.as_deref()?;
        }
    }
    pub fn name(&self) -> Sym {
        self.decl.name
    }
}

pub struct Object {
    pub class: Rc<Class>,
    pub slots: RefCell<Vec<Value>>,
    /// Nested classes made for this instance, by name.
    pub nested: RefCell<Vec<(Sym, Value)>>,
}

/// An escape-only continuation: valid while the `call/cc` that made it is
/// still running.
pub struct Continuation {
    pub id: u64,
    pub live: Cell<bool>,
}

/// An `eqv?` hash table that remembers insertion order (builtins/tables.rs).
#[derive(Default)]
pub struct Table {
    pub index: RefCell<HashMap<TableKey, usize>>,
    pub entries: RefCell<Vec<Option<(Value, Value)>>>,
}

/// A key's identity under `eqv?`.
#[derive(PartialEq, Eq, Hash)]
pub enum TableKey {
    Address(usize),
    Int(i64),
    Float(u64),
    Char(char),
    Sym(Sym),
    Other(u8),
}

impl TableKey {
    pub fn of(key: &Value) -> TableKey {
        match key {
            Value::Int(n) => TableKey::Int(*n),
            Value::Float(f) => TableKey::Float(f.to_bits()),
            Value::Char(c) => TableKey::Char(*c),
            Value::Sym(s) => TableKey::Sym(*s),
            Value::Bool(b) => TableKey::Other(u8::from(*b)),
            Value::Null => TableKey::Other(2),
            Value::Unspecified => TableKey::Other(3),
            Value::Eof => TableKey::Other(4),
            Value::Prim(p) => TableKey::Address(*p as *const Prim as usize),
            other => TableKey::Address(heap_address(other).unwrap_or(0)),
        }
    }
}

impl Table {
    pub fn get(&self, key: &Value) -> Option<Value> {
        let index = *self.index.borrow().get(&TableKey::of(key))?;
        self.entries.borrow()[index].as_ref().map(|(_, value)| value.clone())
    }

    pub fn set(&self, key: &Value, value: Value) {
        let mut entries = self.entries.borrow_mut();
        match self.index.borrow_mut().entry(TableKey::of(key)) {
            std::collections::hash_map::Entry::Occupied(slot) => entries[*slot.get()] = Some((key.clone(), value)),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(entries.len());
                entries.push(Some((key.clone(), value)));
            }
        }
    }

    /// The keys and the values, in insertion order.
    pub fn columns(&self) -> (Vec<Value>, Vec<Value>) {
        self.entries.borrow().iter().flatten().map(|(k, v)| (k.clone(), v.clone())).unzip()
    }
}

#[derive(Clone, Default)]
pub enum Value {
    #[default]
    Unspecified,
    Null,
    Eof,
    Bool(bool),
    Int(i64),
    Float(f64),
    Char(char),
    Sym(Sym),
    Str(Rc<Str>),
    Pair(Rc<Pair>),
    Vector(Rc<RefCell<Vec<Value>>>),
    Bytes(Rc<RefCell<Vec<u8>>>),
    Closure(Rc<Closure>),
    Prim(&'static Prim),
    Record(Rc<Record>),
    RecordType(Rc<RecordType>),
    RecordProc(Rc<RecordProc>),
    /// Zero or several values (one value is never wrapped).
    Values(Rc<Vec<Value>>),
    Alias(Rc<Alias>),
    Object(Rc<Object>),
    Class(Rc<Class>),
    Native(Rc<Native>),
    Continuation(Rc<Continuation>),
    Error(Rc<ErrorObject>),
    Table(Rc<Table>),
}

impl Value {
    pub fn cons(car: Value, cdr: Value) -> Value {
        Value::cons_at(car, cdr, Pos::default())
    }

    pub fn cons_at(car: Value, cdr: Value, pos: Pos) -> Value {
        Value::Pair(Rc::new(Pair { car: RefCell::new(car), cdr: RefCell::new(cdr), pos: Cell::new(pos) }))
    }

    pub fn sym(name: &str) -> Value {
        Value::Sym(Sym::intern(name))
    }

    pub fn string(text: &str, mutable: bool) -> Value {
        Value::Str(Rc::new(Str { chars: RefCell::new(text.chars().collect()), mutable }))
    }

    pub fn string_from_chars(chars: Vec<char>, mutable: bool) -> Value {
        Value::Str(Rc::new(Str { chars: RefCell::new(chars), mutable }))
    }

    pub fn vector(items: Vec<Value>) -> Value {
        Value::Vector(Rc::new(RefCell::new(items)))
    }

    pub fn list(items: impl IntoIterator<Item = Value, IntoIter: DoubleEndedIterator>) -> Value {
        items.into_iter().rev().fold(Value::Null, |tail, item| Value::cons(item, tail))
    }

    pub fn is_true(&self) -> bool {
        !matches!(self, Value::Bool(false))
    }

    pub fn car(&self) -> Option<Value> {
        if let Value::Pair(p) = self { Some(p.car.borrow().clone()) } else { None }
    }

    pub fn cdr(&self) -> Option<Value> {
        if let Value::Pair(p) = self { Some(p.cdr.borrow().clone()) } else { None }
    }

    /// The position recorded on a pair, if any.
    pub fn pos(&self) -> Pos {
        if let Value::Pair(p) = self { p.pos.get() } else { Pos::default() }
    }

    /// The elements of a list, each with its position (see reader.rs; unknown
    /// positions are `fallback`), and what follows the last pair (`()` for a
    /// proper list). A list longer than `MAX_LIST` (a circular one) stops
    /// there, so it looks improper.
    pub fn parts(&self, fallback: Pos) -> (Vec<Form>, Value) {
        let mut items = Vec::new();
        let mut cursor = self.clone();
        while let Value::Pair(p) = &cursor
            && items.len() < MAX_LIST
        {
            items.push((p.car.borrow().clone(), p.pos.get().or(fallback)));
            let next = p.cdr.borrow().clone();
            cursor = next;
        }
        (items, cursor)
    }

    /// The identifiers of a formals list `(a b . c)`, the rest one last.
    pub fn formals(&self) -> (Vec<Value>, Option<Value>) {
        let (items, tail) = self.parts(Pos::default());
        (items.into_iter().map(|(v, _)| v).collect(), (!matches!(tail, Value::Null)).then_some(tail))
    }

    /// The elements of a proper list, or `None` for an improper or circular one.
    pub fn list_to_vec(&self) -> Option<Vec<Value>> {
        let (items, tail) = self.parts(Pos::default());
        matches!(tail, Value::Null).then(|| items.into_iter().map(|(v, _)| v).collect())
    }

    pub fn is_identifier(&self) -> bool {
        matches!(self, Value::Sym(_) | Value::Alias(_))
    }

    /// The symbol under any number of renamings.
    pub fn identifier_symbol(&self) -> Option<Sym> {
        match self {
            Value::Sym(s) => Some(*s),
            Value::Alias(a) => a.name.identifier_symbol(),
            _ => None,
        }
    }

    pub fn is_procedure(&self) -> bool {
        matches!(
            self,
            Value::Closure(_) | Value::Prim(_) | Value::RecordProc(_) | Value::Continuation(_) | Value::Class(_)
        ) || matches!(self, Value::Native(n) if n.is_applicable())
    }
}

/// `eqv?`: identity for heap objects, value equality for immediates.
pub fn eqv(a: &Value, b: &Value) -> bool {
    use Value::*;
    match (a, b) {
        (Unspecified, Unspecified) | (Null, Null) | (Eof, Eof) => true,
        (Bool(x), Bool(y)) => x == y,
        (Int(x), Int(y)) => x == y,
        (Float(x), Float(y)) => x.to_bits() == y.to_bits(),
        (Char(x), Char(y)) => x == y,
        (Sym(x), Sym(y)) => x == y,
        (Prim(x), Prim(y)) => std::ptr::eq(*x, *y),
        _ => heap_address(a).is_some_and(|x| heap_address(b) == Some(x)),
    }
}

/// The address of the object behind a heap value, for identity.
pub fn heap_address(v: &Value) -> Option<usize> {
    macro_rules! address_of {
        ($($variant:ident),*) => {
            match v {
                $(Value::$variant(r) => Some(Rc::as_ptr(r) as *const () as usize),)*
                _ => None,
            }
        };
    }
    #[rustfmt::skip]
    let address = address_of!(
        Str, Pair, Vector, Bytes, Closure, Record, RecordType, RecordProc, Values, Alias, Object, Class, Native,
        Continuation, Error, Table
    );
    address
}

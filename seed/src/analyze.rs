//! Syntactic analysis: data in, a tree of `Node`s out, once per form.
//!
//! Purpose: do every name lookup and every macro expansion before a form
//! runs, so that evaluation never searches for a name.
//!
//! Algorithm, for each form:
//! 1. If it is an identifier, resolve it (below) to a lexical address
//!    `(depth, index)`, a global cell, or an implicit-receiver send.
//! 2. If it is a list whose head resolves to a macro, call the transformer
//!    with `(form rename compare)` and analyse the result instead.
//! 3. If the head resolves to a special form, analyse it by its own rule.
//! 4. Otherwise it is a call (a direct builtin call when the head is an
//!    immutable builtin of the language scope).
//!
//! Resolution walks the static scope chain from the inside out:
//! - a `Frame` scope is a runtime frame (a lambda's parameters and internal
//!   definitions); a `Class` scope is a runtime frame of one slot (the class)
//!   and also lists the names of the class's members;
//! - a name found among a class's members becomes a send to that class's
//!   receiver (Newspeak's implicit receiver), so nested classes reach their
//!   enclosing instances' members lexically;
//! - `Top` scopes are hash tables of global cells: the entry module or the
//!   REPL, then the language scope;
//! - an identifier renamed by a macro (an alias) is looked up as itself
//!   until the walk reaches the scope where the macro was defined, and from
//!   there on as the name it renames: that is explicit-renaming hygiene;
//! - a name found nowhere is, inside a class, a send to `self`; elsewhere a
//!   global cell that a later definition may fill.
//!
//! Invariant: a `Frame`/`Class` scope corresponds to exactly one runtime
//! frame, so the depth counted here is the depth `eval` walks.
//! Invariant: language-scope bindings are immutable once the prelude is
//! loaded; a reference to a builtin is compiled to the builtin itself.
//!
//! References: W. Clinger, "Hygienic macros through explicit renaming"
//! (1991); G. Bracha et al., "Modules as Objects in Newspeak" (2010).

use rustc_hash::FxHashMap as HashMap;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::builtins::Prim;
use crate::error::{R, Unwind, error};
use crate::eval::Interp;
use crate::platform::Native;
use crate::value::{Alias, Form, Pos, Sym, Value};

/// A compiled procedure body.
pub struct Lambda {
    pub name: Cell<Option<Sym>>,
    /// Required parameters, hidden ones (a method's receiver) included.
    pub required: usize,
    pub rest: bool,
    /// Leading parameters the user does not write (for arity messages).
    pub hidden: usize,
    /// Parameters plus internal definitions.
    pub frame_size: usize,
    pub body: Node,
    pub pos: Pos,
}

/// The static part of a `class` or `module` expression.
pub struct ClassDecl {
    pub name: Sym,
    pub is_module: bool,
    /// Factory parameters (a rest parameter counts as one).
    pub params: usize,
    pub superclass: Option<Node>,
    /// `(lambda (self param ...) <ClassInit>)`.
    pub init: Rc<Lambda>,
    pub slots: Vec<Sym>,
    pub methods: Vec<(Sym, Rc<Lambda>)>,
    /// `(lambda (self) <MakeClass>)` for each nested class.
    pub nested: Vec<(Sym, Rc<Lambda>)>,
    pub pos: Pos,
}

pub struct CallNode {
    pub func: Node,
    pub args: Vec<Node>,
    pub pos: Pos,
}

pub struct SendNode {
    pub receiver: Node,
    pub selector: Sym,
    pub args: Vec<Node>,
    /// For `(send super …)`: evaluates to the class whose method is running.
    pub super_of: Option<Node>,
    pub pos: Pos,
}

pub struct ClassInitNode {
    /// Evaluates to the class being initialised (the defining class).
    pub class: Node,
    /// The `inherit` clause's arguments, when it has one.
    pub super_args: Option<Vec<Node>>,
    /// Factory parameters, copied from the initialiser's frame into the
    /// object (they follow the superclass's slots).
    pub params: usize,
    pub slot_inits: Vec<Node>,
}

pub enum Node {
    Const(Value),
    Local(usize, usize),
    Global(Rc<Global>, Pos),
    SetLocal(usize, usize, Box<Node>),
    SetGlobal(Rc<Global>, Box<Node>, Pos),
    If(Box<[Node; 3]>),
    Lambda(Rc<Lambda>),
    Seq(Box<[Node]>),
    Call(Box<CallNode>),
    PrimCall(&'static Prim, Box<[Node]>, Pos),
    /// A two-argument arithmetic or comparison builtin: fixnums are handled
    /// inline, anything else goes to the builtin itself.
    Fixnum2(FixnumOp, &'static Prim, Box<[Node; 2]>, Pos),
    Send(Box<SendNode>),
    /// `(set! slot value)` inside a class: object, slot name, value.
    SetSlot(Box<(Node, Sym, Node, Pos)>),
    MakeClass(Rc<ClassDecl>),
    /// A class's factory parameter: (receiver, defining class, index).
    ClassParam(Box<(Node, Node, usize)>),
    ClassInit(Box<ClassInitNode>),
}

/// A fixnum fast path: the builtin's name, answered inline for two fixnums;
/// `apply` gives `None` on overflow (the builtin itself then reports it).
#[derive(Clone, Copy)]
pub struct FixnumOp(u8);

const FIXNUM_OPS: [&str; 8] = ["+", "-", "*", "<", ">", "<=", ">=", "="];

impl FixnumOp {
    #[inline(always)]
    pub fn apply(self, a: i64, b: i64) -> Option<Value> {
        Some(match self.0 {
            0 => Value::Int(a.checked_add(b)?),
            1 => Value::Int(a.checked_sub(b)?),
            2 => Value::Int(a.checked_mul(b)?),
            3 => Value::Bool(a < b),
            4 => Value::Bool(a > b),
            5 => Value::Bool(a <= b),
            6 => Value::Bool(a >= b),
            _ => Value::Bool(a == b),
        })
    }
}

/// Declares the kernel's special forms once: the enum and the names that
/// bind them in the language scope.
macro_rules! special_forms {
    ($($variant:ident = $name:literal),*) => {
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub enum Special { $($variant),* }
        const SPECIALS: &[(&str, Special)] = &[$(($name, Special::$variant)),*];
    };
}

#[rustfmt::skip]
special_forms!(
    Quote = "quote", If = "if", Define = "define", Set = "set!", Lambda = "lambda", Begin = "begin",
    DefineSyntax = "%define-syntax", Class = "class", Module = "module", Send = "send", Import = "import",
    Include = "include"
);

pub struct Macro {
    pub transformer: Value,
    /// Where the macro was defined: renamed identifiers resolve here.
    pub scope: Rc<Scope>,
}

#[derive(Clone)]
pub enum Binding {
    Unbound,
    Variable,
    /// An immutable binding of the language scope.
    Builtin,
    Special(Special),
    Macro(Rc<Macro>),
}

/// A top-level variable.
pub struct Global {
    pub name: Sym,
    pub value: RefCell<Option<Value>>,
    pub binding: RefCell<Binding>,
}

/// A top-level scope: the language scope, an entry module, the REPL.
pub struct TopEnv {
    pub table: RefCell<HashMap<Sym, Rc<Global>>>,
    pub parent: Option<Rc<TopEnv>>,
}

impl TopEnv {
    pub fn new(parent: Option<Rc<TopEnv>>) -> Rc<TopEnv> {
        Rc::new(TopEnv { table: RefCell::new(HashMap::default()), parent })
    }

    /// This scope's own cell for `name`, made (unbound) if missing.
    pub fn own_cell(&self, name: Sym) -> Rc<Global> {
        self.table
            .borrow_mut()
            .entry(name)
            .or_insert_with(|| {
                Rc::new(Global { name, value: RefCell::new(None), binding: RefCell::new(Binding::Unbound) })
            })
            .clone()
    }

    /// The innermost bound cell for `name` in this scope or its parents.
    fn find_bound(&self, name: Sym) -> Option<Rc<Global>> {
        let mut env = self;
        loop {
            if let Some(cell) = env.table.borrow().get(&name)
                && !matches!(*cell.binding.borrow(), Binding::Unbound)
            {
                return Some(cell.clone());
            }
            env = env.parent.as_deref()?;
        }
    }

    pub fn define_value(&self, name: &str, value: Value, binding: Binding) {
        let cell = self.own_cell(Sym::intern(name));
        *cell.value.borrow_mut() = Some(value);
        *cell.binding.borrow_mut() = binding;
    }

    pub fn define_specials(&self) {
        for &(name, special) in SPECIALS {
            *self.own_cell(Sym::intern(name)).binding.borrow_mut() = Binding::Special(special);
        }
    }

    /// Makes every variable of this scope an immutable builtin.
    pub fn freeze(&self) {
        for cell in self.table.borrow().values() {
            let is_variable = matches!(*cell.binding.borrow(), Binding::Variable);
            if is_variable && cell.value.borrow().is_some() {
                *cell.binding.borrow_mut() = Binding::Builtin;
            }
        }
    }
}

pub struct ClassInfo {
    pub name: Sym,
    pub members: Vec<Sym>,
    /// Factory parameters: private state every method sees lexically.
    pub params: Vec<Sym>,
    /// The members that are nested classes: `(Inner arg ...)` instantiates.
    pub nested: Vec<Sym>,
    /// The hidden parameter that holds the receiver in this class's methods.
    pub self_var: Sym,
    /// The hidden variable of the class frame that holds the class itself.
    pub class_var: Sym,
}

pub enum ScopeKind {
    Frame { vars: RefCell<Vec<Value>>, macros: RefCell<Vec<(Value, Rc<Macro>)>> },
    Class(Rc<ClassInfo>),
    Top(Rc<TopEnv>),
}

pub struct Scope {
    pub kind: ScopeKind,
    pub parent: Option<Rc<Scope>>,
}

impl Scope {
    pub fn top(env: Rc<TopEnv>, parent: Option<Rc<Scope>>) -> Rc<Scope> {
        Rc::new(Scope { kind: ScopeKind::Top(env), parent })
    }

    /// A frame scope inside `parent` whose first variables are `vars`.
    pub fn frame_of(vars: Vec<Value>, parent: &Rc<Scope>) -> Rc<Scope> {
        let kind = ScopeKind::Frame { vars: RefCell::new(vars), macros: RefCell::new(Vec::new()) };
        Rc::new(Scope { kind, parent: Some(parent.clone()) })
    }

    pub fn frame_vars(&self) -> Option<&RefCell<Vec<Value>>> {
        if let ScopeKind::Frame { vars, .. } = &self.kind { Some(vars) } else { None }
    }

    /// The innermost top-level environment around this scope.
    pub fn top_env(self: &Rc<Scope>) -> (Rc<TopEnv>, Rc<Scope>) {
        let mut scope = self.clone();
        loop {
            if let ScopeKind::Top(env) = &scope.kind {
                return (env.clone(), scope);
            }
            scope = scope.parent.clone().expect("every scope chain ends in a top-level scope");
        }
    }
}

/// What an identifier means at one point of a program.
#[derive(Clone)]
pub enum Resolved {
    Local(usize, usize),
    Global(Rc<Global>),
    /// A member of a lexically enclosing class: send the selector to that
    /// class's receiver (a lexical address).
    Member((usize, usize), Sym),
    /// A factory parameter of an enclosing class: (receiver, class, index).
    Param((usize, usize), (usize, usize), usize),
    Special(Special),
    Macro(Rc<Macro>),
    /// Bound nowhere (used only for comparing identifiers).
    Free(Sym),
}

fn same_identifier(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Sym(x), Value::Sym(y)) => x == y,
        (Value::Alias(x), Value::Alias(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

pub fn syntax_error(pos: Pos, message: impl Into<String>) -> Box<Unwind> {
    let mut unwind = error(message);
    if let Unwind::Raise(raised) = &mut *unwind {
        raised.pos = Some(pos);
    }
    unwind
}

/// Replaces every alias inside `datum` by the symbol it renames.
pub fn strip_aliases(datum: &Value) -> Value {
    match datum {
        Value::Alias(_) => datum.identifier_symbol().map(Value::Sym).unwrap_or_default(),
        Value::Pair(p) if crate::eval::stack_ok() => {
            Value::cons_at(strip_aliases(&p.car.borrow()), strip_aliases(&p.cdr.borrow()), p.pos.get())
        }
        Value::Vector(items) => Value::vector(items.borrow().iter().map(strip_aliases).collect()),
        _ => datum.clone(),
    }
}

/// The elements of a form with the position of each (see reader.rs).
fn form_items(form: &Value, pos: Pos) -> Option<Vec<Form>> {
    let (items, tail) = form.parts(pos);
    matches!(tail, Value::Null).then_some(items)
}

fn identifier_name(id: &Value) -> String {
    id.identifier_symbol().map(|s| s.name().to_string()).unwrap_or_default()
}

/// What a body form turned out to be after expanding its head.
enum BodyItem {
    Define(usize, Value, Pos, Option<Sym>),
    Expr(Value, Pos),
}

impl Interp {
    // ---------------------------------------------------------------- resolve

    pub fn resolve(&self, id: &Value, scope: &Rc<Scope>) -> Resolved {
        self.resolve_in(id, scope, true)
    }

    fn resolve_in(&self, id: &Value, scope: &Rc<Scope>, create: bool) -> Resolved {
        let mut target = id.clone();
        let mut depth = 0;
        let mut current = scope.clone();
        let mut first_top: Option<Rc<TopEnv>> = None;
        let mut innermost_class: Option<Rc<ClassInfo>> = None;
        loop {
            if let Value::Alias(alias) = &target
                && Rc::ptr_eq(&alias.scope, &current)
            {
                target = alias.name.clone();
                continue;
            }
            match &current.kind {
                ScopeKind::Frame { vars, macros } => {
                    if let Some(index) = vars.borrow().iter().position(|v| same_identifier(v, &target)) {
                        return Resolved::Local(depth, index);
                    }
                    if let Some((_, m)) = macros.borrow().iter().rev().find(|(k, _)| same_identifier(k, &target)) {
                        return Resolved::Macro(m.clone());
                    }
                    depth += 1;
                }
                ScopeKind::Class(info) => {
                    if let Value::Sym(sym) = target {
                        if sym == info.class_var || (sym == info.name && !info.members.contains(&sym)) {
                            return Resolved::Local(depth, 0);
                        }
                        if info.members.contains(&sym) {
                            return self.member_send(info, sym, scope);
                        }
                        if let Some(index) = info.params.iter().position(|p| *p == sym) {
                            let receiver = self.resolve_in(&Value::Sym(info.self_var), scope, false);
                            let class = self.resolve_in(&Value::Sym(info.class_var), scope, false);
                            if let (Resolved::Local(rd, ri), Resolved::Local(cd, ci)) = (receiver, class) {
                                return Resolved::Param((rd, ri), (cd, ci), index);
                            }
                        }
                        if &*sym.name() == "self" {
                            return self.resolve_in(&Value::Sym(info.self_var), scope, create);
                        }
                        innermost_class.get_or_insert_with(|| info.clone());
                    }
                    depth += 1;
                }
                ScopeKind::Top(env) => {
                    if let Value::Sym(sym) = target {
                        first_top.get_or_insert_with(|| env.clone());
                        if let Some(cell) = env.find_bound(sym) {
                            return match &*cell.binding.borrow() {
                                Binding::Special(s) => Resolved::Special(*s),
                                Binding::Macro(m) => Resolved::Macro(m.clone()),
                                _ => Resolved::Global(cell.clone()),
                            };
                        }
                    }
                }
            }
            let Some(parent) = current.parent.clone() else { break };
            current = parent;
        }
        let sym = target.identifier_symbol().unwrap_or(Sym(0));
        if matches!(target, Value::Alias(_)) {
            // The alias's defining scope is not around this use (a macro
            // transformer is evaluated at top level): the name it renames
            // is the best meaning left.
            return self.resolve_in(&Value::Sym(sym), scope, create);
        }
        if let Some(info) = innermost_class {
            return self.member_send(&info, sym, scope);
        }
        match first_top {
            Some(env) if create => Resolved::Global(env.own_cell(sym)),
            _ => Resolved::Free(sym),
        }
    }

    fn member_send(&self, info: &ClassInfo, selector: Sym, scope: &Rc<Scope>) -> Resolved {
        match self.resolve_in(&Value::Sym(info.self_var), scope, false) {
            Resolved::Local(depth, index) => Resolved::Member((depth, index), selector),
            _ => Resolved::Free(selector),
        }
    }

    /// `free-identifier=?`: do `a` and `b` mean the same thing in `scope`?
    pub fn same_binding(&self, a: &Value, b: &Value, scope: &Rc<Scope>) -> bool {
        let meaning = |id: &Value| match self.resolve_in(id, scope, false) {
            Resolved::Global(cell) if matches!(*cell.binding.borrow(), Binding::Unbound) => Resolved::Free(cell.name),
            other => other,
        };
        match (meaning(a), meaning(b)) {
            (Resolved::Local(d1, i1), Resolved::Local(d2, i2)) => d1 == d2 && i1 == i2,
            (Resolved::Global(x), Resolved::Global(y)) => Rc::ptr_eq(&x, &y),
            (Resolved::Member(r1, s1), Resolved::Member(r2, s2)) => r1 == r2 && s1 == s2,
            (Resolved::Param(r1, _, i1), Resolved::Param(r2, _, i2)) => r1 == r2 && i1 == i2,
            (Resolved::Special(x), Resolved::Special(y)) => x == y,
            (Resolved::Macro(x), Resolved::Macro(y)) => Rc::ptr_eq(&x, &y),
            (Resolved::Free(x), Resolved::Free(y)) => x == y,
            _ => false,
        }
    }

    // ------------------------------------------------------------- expansion

    /// What the head of a form means (without declaring an unknown name).
    pub fn head_meaning(&self, form: &Value, scope: &Rc<Scope>) -> Option<Resolved> {
        let head = form.car()?;
        head.is_identifier().then(|| self.resolve_in(&head, scope, false))
    }

    /// Expands `form` while its head is a macro.
    pub fn expand_head(&mut self, mut form: Value, scope: &Rc<Scope>, pos: Pos) -> R<Value> {
        for _ in 0..100_000 {
            match self.head_meaning(&form, scope) {
                Some(Resolved::Macro(m)) => form = self.expand_once(&m, &form, scope, pos.or(form.pos()))?,
                _ => return Ok(form),
            }
        }
        Err(syntax_error(pos, "macro expansion does not terminate"))
    }

    fn expand_once(&mut self, m: &Rc<Macro>, form: &Value, scope: &Rc<Scope>, pos: Pos) -> R<Value> {
        let rename = Value::Native(Rc::new(Native::Renamer { scope: m.scope.clone(), memo: RefCell::new(Vec::new()) }));
        let compare = Value::Native(Rc::new(Native::Comparer { scope: scope.clone() }));
        let transformer = m.transformer.clone();
        self.apply_procedure(&transformer, vec![form.clone(), rename, compare]).map_err(|mut unwind| {
            if let Unwind::Raise(raised) = &mut *unwind {
                raised.pos = Some(pos);
                raised.site = None;
                raised.backtrace.clear();
                // The transformer's own code is not where the user erred.
                if let Value::Error(object) = &raised.payload {
                    object.pos.set(Some(pos));
                }
            }
            unwind
        })
    }

    pub fn make_alias(name: &Value, scope: &Rc<Scope>) -> Value {
        Value::Alias(Rc::new(Alias { name: name.clone(), scope: scope.clone() }))
    }

    // -------------------------------------------------------------- analysis

    pub fn analyze(&mut self, form: &Value, scope: &Rc<Scope>, pos: Pos) -> R<Node> {
        if !crate::eval::stack_ok() {
            return Err(syntax_error(pos, "program nested too deeply"));
        }
        let pos = pos.or(form.pos());
        match form {
            Value::Sym(_) | Value::Alias(_) => self.analyze_reference(form, scope, pos),
            Value::Pair(_) => self.analyze_combination(form, scope, pos),
            Value::Null => Err(syntax_error(pos, "`()` is not an expression (quote it: '())")),
            _ => Ok(Node::Const(form.clone())),
        }
    }

    fn analyze_reference(&mut self, id: &Value, scope: &Rc<Scope>, pos: Pos) -> R<Node> {
        match self.resolve(id, scope) {
            Resolved::Local(depth, index) => Ok(Node::Local(depth, index)),
            Resolved::Global(cell) => Ok(self.global_reference(cell, pos)),
            Resolved::Member((depth, index), selector) => {
                Ok(send_node(Node::Local(depth, index), selector, vec![], pos))
            }
            Resolved::Param(receiver, class, index) => Ok(Node::ClassParam(Box::new((
                Node::Local(receiver.0, receiver.1),
                Node::Local(class.0, class.1),
                index,
            )))),
            Resolved::Special(_) | Resolved::Macro(_) => {
                Err(syntax_error(pos, format!("syntax keyword `{}` used as a variable", identifier_name(id))))
            }
            Resolved::Free(sym) => Err(syntax_error(pos, format!("unbound variable: {}", sym.name()))),
        }
    }

    fn global_reference(&self, cell: Rc<Global>, pos: Pos) -> Node {
        let is_builtin = matches!(*cell.binding.borrow(), Binding::Builtin);
        match &*cell.value.borrow() {
            Some(value) if is_builtin => Node::Const(value.clone()),
            _ => Node::Global(cell.clone(), pos),
        }
    }

    fn analyze_combination(&mut self, form: &Value, scope: &Rc<Scope>, pos: Pos) -> R<Node> {
        let Some(items) = form_items(form, pos) else {
            return Err(syntax_error(pos, "a combination must be a proper list"));
        };
        let head = &items[0].0;
        if head.is_identifier() {
            match self.resolve(head, scope) {
                Resolved::Special(special) => return self.analyze_special(special, &items, scope, pos),
                Resolved::Macro(m) => {
                    let expansion = self.expand_once(&m, form, scope, pos)?;
                    return self.analyze(&expansion, scope, pos);
                }
                Resolved::Member(receiver, selector) => {
                    let args = self.analyze_all(&items[1..], scope)?;
                    let receiver = Node::Local(receiver.0, receiver.1);
                    if !names_nested_class(selector, scope) {
                        return Ok(send_node(receiver, selector, args, pos));
                    }
                    let class = send_node(receiver, selector, vec![], pos);
                    return Ok(Node::Call(Box::new(CallNode { func: class, args, pos })));
                }
                _ => {}
            }
        }
        let func = self.analyze(head, scope, items[0].1)?;
        let args = self.analyze_all(&items[1..], scope)?;
        if let Node::Const(Value::Prim(prim)) = func
            && !std::ptr::eq(prim, &crate::builtins::control::APPLY)
        {
            let fixnum_op = FIXNUM_OPS.iter().position(|name| *name == prim.name).map(|i| FixnumOp(i as u8));
            return Ok(match (fixnum_op, <Box<[Node; 2]>>::try_from(args.into_boxed_slice())) {
                (Some(op), Ok(pair)) => Node::Fixnum2(op, prim, pair, pos),
                (None, Ok(pair)) => Node::PrimCall(prim, pair, pos),
                (_, Err(args)) => Node::PrimCall(prim, args, pos),
            });
        }
        Ok(Node::Call(Box::new(CallNode { func, args, pos })))
    }

    pub fn analyze_all(&mut self, items: &[Form], scope: &Rc<Scope>) -> R<Vec<Node>> {
        items.iter().map(|(item, pos)| self.analyze(item, scope, *pos)).collect()
    }

    fn analyze_special(&mut self, special: Special, items: &[Form], scope: &Rc<Scope>, pos: Pos) -> R<Node> {
        let keyword = identifier_name(&items[0].0);
        let (min, max, usage) = match special {
            Special::Quote => (1, 1, "(quote datum)"),
            Special::If => (2, 3, "(if test consequent [alternative])"),
            Special::Set => (2, 2, "(set! name expression)"),
            Special::Lambda => (2, usize::MAX, "(lambda formals body ...)"),
            _ => (0, usize::MAX, ""),
        };
        if !(min..=max).contains(&(items.len() - 1)) {
            return Err(syntax_error(pos, format!("bad `{keyword}` form: expected {usage}")));
        }
        match special {
            Special::Quote => Ok(Node::Const(strip_aliases(&items[1].0))),
            Special::If => {
                let test = self.analyze(&items[1].0, scope, items[1].1)?;
                let then = self.analyze(&items[2].0, scope, items[2].1)?;
                let otherwise = match items.get(3) {
                    Some((form, p)) => self.analyze(form, scope, *p)?,
                    None => Node::Const(Value::Unspecified),
                };
                Ok(Node::If(Box::new([test, then, otherwise])))
            }
            Special::Set => self.analyze_set(&items[1], &items[2], scope, pos),
            Special::Lambda => Ok(Node::Lambda(self.analyze_lambda(&items[1].0, &items[2..], scope, pos, vec![])?)),
            Special::Begin if items.len() == 1 => Ok(Node::Const(Value::Unspecified)),
            Special::Begin => Ok(sequence(self.analyze_all(&items[1..], scope)?)),
            Special::Class | Special::Module => {
                Ok(Node::MakeClass(self.analyze_class(items, scope, pos, special == Special::Module)?))
            }
            Special::Send => self.analyze_send(items, scope, pos),
            Special::Define | Special::DefineSyntax | Special::Import | Special::Include => Err(syntax_error(
                pos,
                format!("`{keyword}` is only allowed at the top level or at the start of a body"),
            )),
        }
    }

    fn analyze_set(&mut self, target: &Form, value: &Form, scope: &Rc<Scope>, pos: Pos) -> R<Node> {
        let (id, id_pos) = target;
        if !id.is_identifier() {
            return Err(syntax_error(*id_pos, "`set!` needs a variable name"));
        }
        let value_node = self.analyze(&value.0, scope, value.1)?;
        match self.resolve(id, scope) {
            Resolved::Local(depth, index) => Ok(Node::SetLocal(depth, index, Box::new(value_node))),
            Resolved::Global(cell) => match &*cell.binding.borrow() {
                Binding::Builtin => Err(syntax_error(pos, format!("cannot assign to builtin: {}", cell.name.name()))),
                _ => Ok(Node::SetGlobal(cell.clone(), Box::new(value_node), pos)),
            },
            Resolved::Member(receiver, selector) => {
                Ok(Node::SetSlot(Box::new((Node::Local(receiver.0, receiver.1), selector, value_node, pos))))
            }
            Resolved::Param(..) => Err(syntax_error(
                pos,
                format!("cannot assign to class parameter `{}`: keep changing state in a slot", identifier_name(id)),
            )),
            _ => Err(syntax_error(pos, format!("cannot assign to syntax keyword `{}`", identifier_name(id)))),
        }
    }

    /// Parses formals, then analyses the body in a new frame whose first
    /// variables are `hidden` (e.g. a method's receiver) and the parameters.
    pub fn analyze_lambda(
        &mut self,
        formals: &Value,
        body: &[Form],
        scope: &Rc<Scope>,
        pos: Pos,
        hidden: Vec<Value>,
    ) -> R<Rc<Lambda>> {
        let (params, rest) = formals.formals();
        let (hidden, mut vars) = (hidden.len(), hidden);
        let required = vars.len() + params.len();
        for param in params.iter().chain(rest.iter()) {
            if !param.is_identifier() {
                return Err(syntax_error(pos, format!("bad parameter {}", crate::printer::write_string(param))));
            }
            if vars.iter().any(|v| same_identifier(v, param)) {
                return Err(syntax_error(pos, format!("duplicate parameter `{}`", identifier_name(param))));
            }
            vars.push(param.clone());
        }
        let frame = Scope::frame_of(vars, scope);
        let body = self.analyze_body(body, &frame, pos)?;
        let frame_size = frame.frame_vars().map_or(0, |v| v.borrow().len());
        Ok(Rc::new(Lambda { name: Cell::new(None), required, rest: rest.is_some(), hidden, frame_size, body, pos }))
    }

    /// A body: internal definitions (letrec* semantics), then expressions.
    fn analyze_body(&mut self, forms: &[Form], frame: &Rc<Scope>, pos: Pos) -> R<Node> {
        let mut queue: std::collections::VecDeque<Form> = forms.iter().cloned().collect();
        let mut items = Vec::new();
        while let Some((form, form_pos)) = queue.pop_front() {
            let form_pos = form_pos.or(form.pos());
            let form = self.expand_head(form, frame, form_pos)?;
            match self.head_meaning(&form, frame) {
                Some(Resolved::Special(special @ (Special::Begin | Special::Include))) => {
                    let inner = spliced_forms(special, &form, form_pos)?;
                    inner.into_iter().rev().for_each(|item| queue.push_front(item));
                }
                Some(Resolved::Special(Special::Define)) => {
                    let (name, expr, expr_pos) = parse_define(&form, form_pos)?;
                    let vars = frame.frame_vars().expect("a body is analysed in a frame scope");
                    let existing = vars.borrow().iter().position(|v| same_identifier(v, &name));
                    let index = existing.unwrap_or_else(|| {
                        vars.borrow_mut().push(name.clone());
                        vars.borrow().len() - 1
                    });
                    items.push(BodyItem::Define(index, expr, expr_pos, name.identifier_symbol()));
                }
                Some(Resolved::Special(Special::DefineSyntax)) => {
                    let (name, transformer) = self.evaluate_transformer(&form, frame, form_pos)?;
                    if let ScopeKind::Frame { macros, .. } = &frame.kind {
                        macros.borrow_mut().push((name, transformer));
                    }
                }
                _ => items.push(BodyItem::Expr(form, form_pos)),
            }
        }
        let mut nodes = Vec::with_capacity(items.len());
        for item in items {
            nodes.push(match item {
                BodyItem::Define(index, expr, expr_pos, name) => {
                    let node = self.analyze(&expr, frame, expr_pos)?;
                    name_lambda(&node, name);
                    Node::SetLocal(0, index, Box::new(node))
                }
                BodyItem::Expr(form, form_pos) => self.analyze(&form, frame, form_pos)?,
            });
        }
        if nodes.is_empty() {
            return Err(syntax_error(pos, "empty body"));
        }
        Ok(sequence(nodes))
    }

    /// `(%define-syntax name expr)`: evaluates `expr` now, in the language
    /// scope: as when compiling, the program's own definitions have not run.
    pub fn evaluate_transformer(&mut self, form: &Value, scope: &Rc<Scope>, pos: Pos) -> R<(Value, Rc<Macro>)> {
        let items = form_items(form, pos).unwrap_or_default();
        if items.len() != 3 || !items[1].0.is_identifier() {
            return Err(syntax_error(pos, "bad syntax definition: expected (define-syntax name transformer)"));
        }
        let node = self.analyze(&items[2].0, &self.language_scope.clone(), items[2].1)?;
        let transformer = self.eval(&node, &None)?;
        if !transformer.is_procedure() {
            return Err(syntax_error(items[2].1, "a macro transformer must be a procedure"));
        }
        Ok((items[1].0.clone(), Rc::new(Macro { transformer, scope: scope.clone() })))
    }

    fn analyze_send(&mut self, items: &[Form], scope: &Rc<Scope>, pos: Pos) -> R<Node> {
        if items.len() < 3 || !items[2].0.is_identifier() {
            return Err(syntax_error(pos, "bad `send` form: expected (send receiver selector argument ...)"));
        }
        let selector = items[2].0.identifier_symbol().unwrap_or(Sym(0));
        let args = self.analyze_all(&items[3..], scope)?;
        let is_super = matches!(&items[1].0, Value::Sym(s) if &*s.name() == "super")
            && matches!(self.resolve_in(&items[1].0, scope, false), Resolved::Member(..) | Resolved::Free(_));
        if is_super {
            let Some(info) = enclosing_classes(scope).next() else {
                return Err(syntax_error(pos, "`super` used outside a class"));
            };
            let receiver = self.analyze(&Value::Sym(info.self_var), scope, pos)?;
            let class = self.analyze(&Value::Sym(info.class_var), scope, pos)?;
            return Ok(Node::Send(Box::new(SendNode { receiver, selector, args, super_of: Some(class), pos })));
        }
        Ok(send_node(self.analyze(&items[1].0, scope, items[1].1)?, selector, args, pos))
    }
}

/// A send whose method lookup starts at the receiver's class.
fn send_node(receiver: Node, selector: Sym, args: Vec<Node>, pos: Pos) -> Node {
    Node::Send(Box::new(SendNode { receiver, selector, args, super_of: None, pos }))
}

/// Whether `name`, as a member seen from `scope`, is a nested class.
fn names_nested_class(name: Sym, scope: &Rc<Scope>) -> bool {
    enclosing_classes(scope).find(|info| info.members.contains(&name)).is_some_and(|info| info.nested.contains(&name))
}

/// The classes around `scope`, innermost first.
fn enclosing_classes(scope: &Rc<Scope>) -> impl Iterator<Item = Rc<ClassInfo>> {
    std::iter::successors(Some(scope.clone()), |s| s.parent.clone()).filter_map(|s| match &s.kind {
        ScopeKind::Class(info) => Some(info.clone()),
        _ => None,
    })
}

/// The forms a `begin` splices into a body, a class or the top level; for
/// `(include "file" ...)`, the forms of the files, read now. A relative
/// path is taken from the directory of the including file.
pub fn spliced_forms(special: Special, form: &Value, pos: Pos) -> R<Vec<Form>> {
    let operands = form.cdr().unwrap_or(Value::Null).parts(pos).0;
    if special != Special::Include {
        return Ok(operands);
    }
    let mut forms = Vec::new();
    for (name, name_pos) in operands {
        let Value::Str(name) = name else { return Err(syntax_error(name_pos, "`include` takes file names (strings)")) };
        let name: String = name.chars.borrow().iter().collect();
        let including = crate::reader::file_name(pos.file);
        let path = std::path::Path::new(&*including).parent().unwrap_or(std::path::Path::new("")).join(&name);
        let shown = path.display().to_string();
        let source = std::fs::read_to_string(&path)
            .map_err(|e| syntax_error(name_pos, format!("cannot include {shown}: {e}")))?;
        let read = crate::reader::read_all(crate::reader::file_id(&shown), &source);
        forms.extend(read.map_err(|e| syntax_error(e.pos, e.message))?);
    }
    Ok(forms)
}

pub fn sequence(mut nodes: Vec<Node>) -> Node {
    if nodes.len() == 1 { nodes.pop().unwrap_or(Node::Const(Value::Unspecified)) } else { Node::Seq(nodes.into()) }
}

pub fn name_lambda(node: &Node, name: Option<Sym>) {
    if let Node::Lambda(lambda) = node
        && lambda.name.get().is_none()
    {
        lambda.name.set(name);
    }
}

/// `(define name expr)` or `(define (name . formals) body ...)` →
/// (name, expression, position of the expression).
pub fn parse_define(form: &Value, pos: Pos) -> R<(Value, Value, Pos)> {
    let items = form_items(form, pos).ok_or_else(|| syntax_error(pos, "bad `define` form"))?;
    if items.len() < 2 {
        return Err(syntax_error(pos, "bad `define` form: expected (define name value)"));
    }
    let target = &items[1].0;
    if target.is_identifier() {
        return match items.len() {
            2 => Ok((target.clone(), Value::Unspecified, pos)),
            3 => Ok((target.clone(), items[2].0.clone(), items[2].1)),
            _ => Err(syntax_error(pos, "bad `define` form: expected (define name value)")),
        };
    }
    // (define (name . formals) body ...); curried forms nest.
    let (Some(name), Some(formals)) = (target.car(), target.cdr()) else {
        return Err(syntax_error(pos, "bad `define` form: expected a name or (name parameter ...)"));
    };
    if items.len() < 3 {
        return Err(syntax_error(pos, "bad `define` form: the procedure has no body"));
    }
    let body = form.cdr().and_then(|rest| rest.cdr()).unwrap_or(Value::Null);
    let lambda = Value::cons_at(kernel_lambda(), Value::cons(formals, body), pos);
    if name.is_identifier() {
        return Ok((name, lambda, pos));
    }
    parse_define(&Value::cons_at(Value::sym("define"), Value::list([name, lambda]), pos), pos)
}

thread_local! {
    /// The kernel's `lambda` keyword as an alias of the language scope, so a
    /// `(define (f) …)` inside a scope that rebinds `lambda` still works.
    pub static KERNEL_LAMBDA: RefCell<Option<Value>> = const { RefCell::new(None) };
}

/// The `lambda` keyword as the language scope means it, so that
/// `(define (f) …)` still works where a user has rebound `lambda`.
fn kernel_lambda() -> Value {
    KERNEL_LAMBDA.with(|k| k.borrow().clone()).unwrap_or_else(|| Value::sym("lambda"))
}

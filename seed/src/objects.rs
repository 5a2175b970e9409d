//! The object layer: classes, instances, message sends (Newspeak's model).
//!
//! Purpose: analyse `class`/`module` expressions and run them: make classes,
//! instantiate them, and dispatch messages.
//!
//! Design:
//! 1. A class expression is analysed once into a `ClassDecl`: its slots, its
//!    methods (lambdas whose hidden first parameter is the receiver), its
//!    nested classes (lambdas from the enclosing receiver to a class) and an
//!    initialiser `(lambda (self param ...) …)` that runs the `inherit`
//!    clause and the slot initialisers.
//! 2. Evaluating the expression makes a `Class`: a one-slot runtime frame
//!    holding the class (so `super` sends can find it) encloses every
//!    method, and the superclass expression is evaluated then. A module's
//!    frame has no parent: it sees nothing but the language scope.
//! 3. Applying a class makes an instance: superclass slots first, then this
//!    class's, initialised in order.
//! 4. A send looks the selector up along the superclass chain; a slot
//!    answers its value, a method is called with the receiver first, a
//!    nested class is made once per enclosing instance.
//!
//! Invariant: a module's methods can reach only the language scope, their
//! parameters and what they are sent: there is no global namespace.
//! Not done here: inline caches (the seed's lookup is a hash probe per
//! class on the chain), access modifiers, class-side methods.

use rustc_hash::FxHashMap as HashMap;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::analyze::{
    ClassDecl, ClassInfo, Lambda, Node, Resolved, Scope, ScopeKind, Special, spliced_forms, syntax_error,
};
use crate::error::{R, error, type_error};
use crate::eval::{Env, Frame, Interp, Slots, Tail};
use crate::printer::write_string;
use crate::value::{Class, Closure, Form, Member, Object, Pos, Sym, Value};

enum Clause {
    Inherit(Value, Vec<Form>, Pos),
    Slot(Sym, Option<Form>),
    Method(Sym, Value, Vec<Form>, Pos),
    Nested(Sym, Vec<Form>, Pos),
}

fn parse_clause(clause: &Value, pos: Pos, first: bool) -> R<Clause> {
    let items = clause.parts(pos).0;
    let keyword = items.first().and_then(|(k, _)| k.identifier_symbol()).map(|s| s.name());
    let bad = |what: &str| syntax_error(pos, format!("bad `{what}` clause in a class"));
    match keyword.as_deref() {
        Some("inherit") if first && items.len() >= 2 => {
            Ok(Clause::Inherit(items[1].0.clone(), items[2..].to_vec(), pos))
        }
        Some("inherit") => Err(syntax_error(pos, "`inherit` must be the first clause of a class")),
        Some("slot" | "define") if items.len() >= 2 && items[1].0.is_identifier() => {
            if items.len() > 3 {
                return Err(bad("slot"));
            }
            let name = items[1].0.identifier_symbol().ok_or_else(|| bad("slot"))?;
            Ok(Clause::Slot(name, items.get(2).cloned()))
        }
        Some("method" | "define") if items.len() >= 3 => {
            let header = &items[1].0;
            let name = header.car().and_then(|n| n.identifier_symbol()).ok_or_else(|| bad("method"))?;
            Ok(Clause::Method(name, header.cdr().unwrap_or(Value::Null), items[2..].to_vec(), items[1].1))
        }
        Some("class") if items.len() >= 2 => {
            let name = items[1].0.car().and_then(|n| n.identifier_symbol()).ok_or_else(|| bad("class"))?;
            Ok(Clause::Nested(name, items, pos))
        }
        Some(other) => Err(syntax_error(
            pos,
            format!("unknown class clause `{other}`: expected inherit, slot, method, define or class"),
        )),
        None => Err(syntax_error(pos, "a class clause must be a list starting with a keyword")),
    }
}

impl Interp {
    /// `(class (Name param ...) clause ...)` or `(module …)`; `items` holds
    /// the whole form.
    pub fn analyze_class(&mut self, items: &[Form], scope: &Rc<Scope>, pos: Pos, is_module: bool) -> R<Rc<ClassDecl>> {
        let header = items.get(1).map(|(h, _)| h.clone()).unwrap_or_default();
        let Some(name) = header.car().and_then(|n| n.identifier_symbol()) else {
            return Err(syntax_error(pos, "bad class form: expected (class (Name parameter ...) clause ...)"));
        };
        let params = header.cdr().unwrap_or(Value::Null);
        let clauses = self.expand_clauses(&items[2..], scope, pos)?;
        let info = Rc::new(class_info(name, &params, &clauses, pos)?);
        let outer = if is_module { self.language_scope.clone() } else { scope.clone() };
        let superclass = match clauses.first() {
            Some(Clause::Inherit(expr, _, at)) => Some(self.analyze(expr, &outer, *at)?),
            _ => None,
        };
        let class_scope = Rc::new(Scope { kind: ScopeKind::Class(info.clone()), parent: Some(outer) });
        let init = self.analyze_initializer(&info, &params, &clauses, &class_scope, pos)?;
        let self_param = || vec![Value::Sym(info.self_var)];
        let (mut slots, mut methods, mut nested) = (Vec::new(), Vec::new(), Vec::new());
        for clause in &clauses {
            match clause {
                Clause::Slot(slot, _) => slots.push(*slot),
                Clause::Method(selector, formals, body, at) => {
                    let lambda = self.analyze_lambda(formals, body, &class_scope, *at, self_param())?;
                    lambda.name.set(Some(*selector));
                    methods.push((*selector, lambda));
                }
                Clause::Nested(inner, inner_items, at) => {
                    let frame = Scope::frame_of(self_param(), &class_scope);
                    let decl = self.analyze_class(inner_items, &frame, *at, false)?;
                    nested.push((*inner, Lambda::hidden_only(Node::MakeClass(decl), *inner, *at)));
                }
                Clause::Inherit(..) => {}
            }
        }
        let params = info.params.len();
        Ok(Rc::new(ClassDecl { name, is_module, params, superclass, init, slots, methods, nested, pos }))
    }

    /// Parses class clauses. Clauses may be macro uses (`define-record-type`,
    /// …); a `begin` one expands to is spliced.
    fn expand_clauses(&mut self, items: &[Form], scope: &Rc<Scope>, pos: Pos) -> R<Vec<Clause>> {
        let mut clauses = Vec::new();
        let mut pending: std::collections::VecDeque<Form> = items.iter().cloned().collect();
        while let Some((clause, clause_pos)) = pending.pop_front() {
            let clause_pos = clause_pos.or(clause.pos()).or(pos);
            let clause = self.expand_head(clause, scope, clause_pos)?;
            if let Some(Resolved::Special(Special::Begin)) = self.head_meaning(&clause, scope) {
                let inner = spliced_forms(Special::Begin, &clause, clause_pos)?;
                inner.into_iter().rev().for_each(|item| pending.push_front(item));
                continue;
            }
            clauses.push(parse_clause(&clause, clause_pos, clauses.is_empty())?);
        }
        Ok(clauses)
    }

    fn analyze_initializer(
        &mut self,
        info: &ClassInfo,
        params: &Value,
        clauses: &[Clause],
        class_scope: &Rc<Scope>,
        pos: Pos,
    ) -> R<Rc<Lambda>> {
        let (params, rest_param) = params.formals();
        let rest = rest_param.is_some();
        let vars: Vec<Value> = std::iter::once(Value::Sym(info.self_var)).chain(params).chain(rest_param).collect();
        if let Some(bad) = vars.iter().find(|v| !v.is_identifier()) {
            return Err(syntax_error(pos, format!("bad class parameter {}", write_string(bad))));
        }
        let required = vars.len() - usize::from(rest);
        let frame = Scope::frame_of(vars.clone(), class_scope);
        let super_args = match clauses.first() {
            Some(Clause::Inherit(_, args, _)) => Some(self.analyze_all(args, &frame)?),
            _ => None,
        };
        let mut slot_inits = Vec::new();
        for clause in clauses {
            if let Clause::Slot(_, init) = clause {
                slot_inits.push(match init {
                    Some((expr, at)) => self.analyze(expr, &frame, *at)?,
                    None => Node::Const(Value::Unspecified),
                });
            }
        }
        let class = self.analyze(&Value::Sym(info.class_var), &frame, pos)?;
        let params = vars.len() - 1;
        let body = Node::ClassInit(Box::new(crate::analyze::ClassInitNode { class, super_args, params, slot_inits }));
        let frame_size = frame.frame_vars().map_or(0, |v| v.borrow().len());
        Ok(Rc::new(Lambda { name: Cell::new(Some(info.name)), required, rest, hidden: 1, frame_size, body, pos }))
    }

    // ---------------------------------------------------------------- runtime

    pub fn make_class(&mut self, decl: &Rc<ClassDecl>, env: &Env) -> R<Value> {
        let superclass = match &decl.superclass {
            Some(node) => match self.eval(node, env)? {
                Value::Class(class) => Some(class),
                other => return Err(type_error(&decl.name.name(), "a class to inherit from", &other)),
            },
            None => None,
        };
        let parent = if decl.is_module { None } else { env.clone() };
        let frame = Frame::new(smallvec::smallvec![Value::Unspecified], parent);
        let close = |lambda: &Rc<Lambda>| Rc::new(Closure { lambda: lambda.clone(), env: Some(frame.clone()) });
        let base = superclass.as_ref().map_or(0, |s| s.total_slots) + decl.params;
        let slots = decl.slots.iter().enumerate().map(|(index, slot)| (*slot, Member::Slot(base + index)));
        let methods = decl.methods.iter().map(|(selector, lambda)| (*selector, Member::Method(close(lambda))));
        let nested = decl.nested.iter().map(|(name, lambda)| (*name, Member::NestedClass(close(lambda))));
        let members: HashMap<_, _> = slots.chain(methods).chain(nested).collect();
        let total_slots = base + decl.slots.len();
        let class = Rc::new(Class { decl: decl.clone(), superclass, members, total_slots, init: close(&decl.init) });
        frame.slots.borrow_mut()[0] = Value::Class(class.clone());
        Ok(Value::Class(class))
    }

    pub fn instantiate(&mut self, class: &Rc<Class>, args: Vec<Value>) -> R<Value> {
        let slots = RefCell::new(vec![Value::Unspecified; class.total_slots]);
        let object = Rc::new(Object { class: class.clone(), slots, nested: RefCell::new(Vec::new()) });
        self.run_initializer(class, &object, args)?;
        Ok(Value::Object(object))
    }

    fn run_initializer(&mut self, class: &Rc<Class>, object: &Rc<Object>, mut args: Vec<Value>) -> R<()> {
        args.insert(0, Value::Object(object.clone()));
        self.run_closure(class.init.clone(), args.into())?;
        Ok(())
    }

    /// The body of an initialiser: superclass part, then this class's slots.
    pub fn class_init(&mut self, init: &crate::analyze::ClassInitNode, env: &Env) -> R<Value> {
        let (Value::Class(class), Some(frame)) = (self.eval(&init.class, env)?, env) else {
            return Err(error("internal error: class initialiser without its class"));
        };
        let Value::Object(object) = frame.slots.borrow()[0].clone() else {
            return Err(error("internal error: class initialiser without its object"));
        };
        if let Some(superclass) = &class.superclass {
            let args = match &init.super_args {
                Some(nodes) => nodes.iter().map(|n| self.eval(n, env)).collect::<R<Vec<_>>>()?,
                None => Vec::new(),
            };
            self.run_initializer(superclass, &object, args)?;
        }
        let base = class.superclass.as_ref().map_or(0, |s| s.total_slots);
        object.slots.borrow_mut()[base..base + init.params].clone_from_slice(&frame.slots.borrow()[1..1 + init.params]);
        let base = base + init.params;
        for (index, node) in init.slot_inits.iter().enumerate() {
            let value = self.eval(node, env)?;
            object.slots.borrow_mut()[base + index] = value;
        }
        Ok(Value::Unspecified)
    }

    /// Reads a factory parameter of the class `class` from `receiver`.
    pub fn class_param(&mut self, parts: &(Node, Node, usize), env: &Env) -> R<Value> {
        let (receiver, class, index) = parts;
        match (self.eval(receiver, env)?, self.eval(class, env)?) {
            (Value::Object(object), Value::Class(class)) => {
                let base = class.superclass.as_ref().map_or(0, |s| s.total_slots);
                Ok(object.slots.borrow()[base + index].clone())
            }
            _ => Err(error("internal error: class parameter outside its class")),
        }
    }

    /// Sends `selector` to `receiver`; `start` overrides the class where
    /// lookup begins (for `super`).
    pub fn send(&mut self, receiver: Value, selector: Sym, mut args: Slots, start: Option<Rc<Class>>) -> R<Tail> {
        let object = match &receiver {
            Value::Object(object) => object.clone(),
            Value::Native(native) => {
                return self.native_send(&native.clone(), selector, args.into_vec()).map(Tail::Value);
            }
            Value::Class(class) if &*selector.name() == "name" && args.is_empty() => {
                return Ok(Tail::Value(Value::Sym(class.name())));
            }
            _ => return Err(not_understood(&receiver, selector)),
        };
        let class = start.unwrap_or_else(|| object.class.clone());
        match class.lookup(selector) {
            Some(Member::Method(method)) => {
                args.insert(0, receiver);
                self.apply_tail(Value::Closure(method), args)
            }
            Some(Member::Slot(index)) => {
                let value = object.slots.borrow()[index].clone();
                // A slot holding a procedure is called by naming it with arguments.
                if args.is_empty() { Ok(Tail::Value(value)) } else { self.apply_tail(value, args) }
            }
            Some(Member::NestedClass(maker)) => {
                let cached = object.nested.borrow().iter().find(|(n, _)| *n == selector).map(|(_, c)| c.clone());
                let class = match cached {
                    Some(class) => class,
                    None => {
                        let class = self.run_closure(maker, smallvec::smallvec![receiver.clone()])?;
                        object.nested.borrow_mut().push((selector, class.clone()));
                        class
                    }
                };
                if args.is_empty() { Ok(Tail::Value(class)) } else { self.apply_tail(class, args) }
            }
            None => Err(not_understood(&receiver, selector)),
        }
    }

    pub fn set_slot(&mut self, receiver: &Value, selector: Sym, value: Value) -> R<()> {
        if let Value::Object(object) = receiver
            && let Some(Member::Slot(index)) = object.class.lookup(selector)
        {
            object.slots.borrow_mut()[index] = value;
            return Ok(());
        }
        Err(error(format!("cannot assign to `{}`: it is not a slot of {}", selector.name(), write_string(receiver))))
    }
}

/// The names a class declares, checked: members are distinct, and no method
/// hides a factory parameter (it would answer itself forever).
fn class_info(name: Sym, params: &Value, clauses: &[Clause], pos: Pos) -> R<ClassInfo> {
    let (mut ids, rest) = params.formals();
    ids.extend(rest);
    let params: Vec<Sym> = ids.iter().filter_map(|p| p.identifier_symbol()).collect();
    let (mut members, mut nested) = (Vec::new(), Vec::new());
    for clause in clauses {
        let (member, at) = match clause {
            Clause::Inherit(..) => continue,
            Clause::Slot(member, _) => (*member, pos),
            Clause::Method(member, _, _, at) | Clause::Nested(member, _, at) => (*member, *at),
        };
        let text = member.name();
        if members.contains(&member) {
            return Err(syntax_error(at, format!("duplicate member `{text}` in class {}", name.name())));
        }
        if matches!(clause, Clause::Method(..)) && params.contains(&member) {
            let message = format!("method `{text}` would hide the class parameter `{text}`: rename one");
            return Err(syntax_error(at, message));
        }
        if matches!(clause, Clause::Nested(..)) {
            nested.push(member);
        }
        members.push(member);
    }
    Ok(ClassInfo { name, members, params, nested, self_var: Sym::gensym("self"), class_var: Sym::gensym("class") })
}

pub fn not_understood(receiver: &Value, selector: Sym) -> Box<crate::error::Unwind> {
    error(format!("{} does not understand {}", write_string(receiver), selector.name()))
}

impl Lambda {
    /// A lambda of one hidden parameter (the receiver) and no others.
    fn hidden_only(body: Node, name: Sym, pos: Pos) -> Rc<Lambda> {
        Rc::new(Lambda { name: Cell::new(Some(name)), required: 1, rest: false, hidden: 1, frame_size: 1, body, pos })
    }
}

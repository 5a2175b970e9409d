//! The evaluator: walks analysed `Node` trees.
//!
//! Purpose: run analysed code fast enough to bootstrap the compiler, with
//! proper tail calls and precise Utena-level error reports.
//!
//! Algorithm:
//! 1. `eval_tail(node, env)` evaluates a node whose value is the value of
//!    the enclosing procedure. A call there does not recurse: it returns
//!    `Tail::Call(closure, args)` to its caller.
//! 2. `run_closure` is the trampoline: it binds arguments into a new frame,
//!    evaluates the body with `eval_tail`, and loops while the body asks
//!    for another tail call. So a tail call costs no Rust stack.
//! 3. `eval` (non-tail) is inlined where it is called: it answers
//!    constants, variables and bound globals there, and calls builtins
//!    and fixnum arithmetic from there, since those are most arguments
//!    and tests. Any other node goes to `eval_compound`: `eval_call` or
//!    `eval_tail`, followed by `run_frame` when the node ended in a call.
//!    Non-tail recursion therefore uses the Rust stack; the seed runs on
//!    a thread with a `STACK_SIZE` stack and `stack_ok` turns its
//!    exhaustion into the Utena error `stack overflow`.
//!    Trade-off: inlining `eval` makes its callers' frames larger. A level
//!    of non-tail recursion must stay under the 1 KiB that a million
//!    levels in `STACK_SIZE` allow (about 0.9 KiB through a builtin call
//!    such as `(cons x (f ...))`), so the Rust functions such a level
//!    passes through stay lean: `eval_tail` itself calls builtins and
//!    fixnum arithmetic rather than leaving them to `eval_other`.
//! 4. Top-level forms are analysed and run one at a time, so a macro or
//!    procedure defined by one form is usable by the next.
//!
//! Data: a runtime environment is a chain of `Frame`s, one per lambda call
//! (and one per class); `Node::Local(depth, index)` walks `depth` parents.
//!
//! Invariant: an error leaving a procedure carries the position where it
//! happened and one backtrace entry per procedure it left (see error.rs).

use std::cell::{Cell, RefCell};
use std::io::Write;
use std::rc::{Rc, Weak};
use std::time::Instant;

use crate::analyze::{
    Binding, FixnumOp, KERNEL_LAMBDA, Node, Resolved, Scope, Special, TopEnv, parse_define, spliced_forms,
    strip_aliases, syntax_error,
};
use crate::builtins::Prim;
use crate::error::{R, Unwind, arity_error, check_arity, error};
use crate::platform::Native;
use crate::printer::write_string;
use crate::reader::{format_pos, read_all};
use crate::value::{Closure, Pos, Sym, Value};
use crate::{Report, SeedError};

/// The stack of the seed's thread: room for a million nested Utena calls.
pub const STACK_SIZE: usize = 1 << 30;
/// Cycle candidates noted before the first sweep for garbage cycles.
const FIRST_SWEEP: usize = 4096;
/// What is left unused at the bottom, for Rust code between two checks.
const STACK_MARGIN: usize = 16 << 20;

thread_local! {
    static STACK_LIMIT: Cell<usize> = const { Cell::new(0) };
    /// Frames that may end as garbage cycles, for `sweep_cycles`.
    static CYCLE_CANDIDATES: RefCell<Vec<Weak<Frame>>> = const { RefCell::new(Vec::new()) };
}

fn stack_pointer() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// Records where this thread's stack (of `size` bytes) starts.
pub fn mark_stack_base(size: usize) {
    let margin = STACK_MARGIN.min(size / 4);
    STACK_LIMIT.with(|limit| limit.set(stack_pointer().saturating_sub(size - margin)));
}

/// False when the Rust stack is nearly exhausted.
pub fn stack_ok() -> bool {
    let limit = STACK_LIMIT.with(|limit| limit.get());
    limit == 0 || stack_pointer() > limit
}

/// Frames of up to `INLINE_SLOTS` variables take a single allocation.
/// Five rather than six keep a `Frame` to 112 bytes, which `Rc::new`
/// moves into place inline instead of calling `memcpy`: about 2% fewer
/// instructions over a compile, though six-variable frames then spill.
pub const INLINE_SLOTS: usize = 5;
pub type Slots = smallvec::SmallVec<[Value; INLINE_SLOTS]>;

pub struct Frame {
    pub slots: RefCell<Slots>,
    pub parent: Env,
    /// `POSSIBLE_CYCLE` once a slot has held a closure over this frame,
    /// `WATCHED` once it is in `CYCLE_CANDIDATES` too (see `release`).
    cycle: Cell<u8>,
}

const POSSIBLE_CYCLE: u8 = 1;
const WATCHED: u8 = 2;

pub type Env = Option<Rc<Frame>>;

impl Frame {
    pub fn new(slots: Slots, parent: Env) -> Rc<Frame> {
        Rc::new(Frame { slots: RefCell::new(slots), parent, cycle: Cell::new(0) })
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        self.parent.as_ref().inspect(|parent| release(parent, true));
    }
}

/// What evaluating a node in tail position produced.
pub enum Tail {
    Value(Value),
    /// Run this closure's body in this (already bound) frame; the call's
    /// position, if known.
    Call(Rc<Closure>, Rc<Frame>, Pos),
}

pub struct Options {
    pub output: Box<dyn Write>,
    /// Bounds the number of procedure calls (for fuzzing); `None`: no bound.
    pub fuel: Option<u64>,
}

impl Default for Options {
    fn default() -> Self {
        Options { output: crate::stdout_output(), fuel: None }
    }
}

pub struct Interp {
    pub language: Rc<TopEnv>,
    pub language_scope: Rc<Scope>,
    pub output: Box<dyn Write>,
    fuel: Option<u64>,
    stack_limit: usize,
    pub next_continuation: u64,
    /// `with-exception-handler` handlers, innermost last.
    pub handlers: Vec<Value>,
    pub program_args: Vec<String>,
    pub start_time: Instant,
    /// `CYCLE_CANDIDATES`' length that starts the next `sweep_cycles`.
    next_sweep: usize,
    repl: Option<Rc<Scope>>,
}

impl Interp {
    pub fn new(options: Options) -> Interp {
        let language = TopEnv::new(None);
        language.define_specials();
        for prim in crate::builtins::all_builtins() {
            language.define_value(prim.name, Value::Prim(prim), Binding::Builtin);
        }
        let language_scope = Scope::top(language.clone(), None);
        let kernel_lambda = Interp::make_alias(&Value::sym("lambda"), &language_scope);
        KERNEL_LAMBDA.with(|k| *k.borrow_mut() = Some(kernel_lambda));
        Interp {
            language,
            language_scope,
            output: options.output,
            fuel: options.fuel,
            stack_limit: STACK_LIMIT.with(|l| l.get()),
            next_continuation: 0,
            handlers: Vec::new(),
            program_args: Vec::new(),
            start_time: Instant::now(),
            next_sweep: FIRST_SWEEP,
            repl: None,
        }
    }

    pub fn flush_output(&mut self) {
        let _ = self.output.flush();
    }

    // ------------------------------------------------------------ evaluation

    /// Constants and variables are most arguments, and a global most
    /// procedures called: they are answered where `eval` is called, and
    /// builtins are called from there.
    #[inline(always)]
    pub fn eval(&mut self, node: &Node, env: &Env) -> R<Value> {
        match node {
            Node::Const(value) => Ok(value.clone()),
            Node::Local(depth, index) => Ok(local(env, *depth, *index)),
            Node::Global(cell, _) if let Some(value) = &*cell.value.borrow() => Ok(value.clone()),
            Node::Fixnum2(op, prim, operands, pos) => self.eval_fixnum2(*op, prim, operands, *pos, env),
            Node::PrimCall(prim, arg_nodes, pos) => self.prim_call(prim, arg_nodes, env, *pos),
            _ => self.eval_compound(node, env),
        }
    }

    /// A call (the most frequent node here) goes straight to `eval_call`.
    #[inline(never)]
    fn eval_compound(&mut self, node: &Node, env: &Env) -> R<Value> {
        let tail = if let Node::Call(call) = node { self.eval_call(call, env)? } else { self.eval_tail(node, env)? };
        match tail {
            Tail::Value(value) => Ok(value),
            // A frame's backtrace line names the call it was making.
            Tail::Call(closure, frame, pos) => self.run_frame(closure, frame).map_err(|e| at(e, pos)),
        }
    }

    /// Evaluates `node` in tail position. `if` and `begin` loop here rather
    /// than recurse, and every bulky case lives in its own function, so
    /// that this frame, which is live once per nested Utena call, stays small.
    fn eval_tail(&mut self, mut node: &Node, env: &Env) -> R<Tail> {
        loop {
            match node {
                Node::If(parts) => {
                    let [test, then, otherwise] = &**parts;
                    node = if self.eval(test, env)?.is_true() { then } else { otherwise };
                }
                Node::Seq(nodes) => {
                    let (last, init) = nodes.split_last().expect("a sequence has at least two nodes");
                    for node in init {
                        self.eval(node, env)?;
                    }
                    node = last;
                }
                Node::Call(call) => return self.eval_call(call, env),
                // These two are here, not in `eval_other`, whose frame is
                // large, because they are often a level of deep recursion.
                Node::Fixnum2(op, prim, args, pos) => {
                    return self.eval_fixnum2(*op, prim, args, *pos, env).map(Tail::Value);
                }
                Node::PrimCall(prim, args, pos) => return self.prim_call(prim, args, env, *pos).map(Tail::Value),
                _ => return self.eval_other(node, env),
            }
        }
    }

    #[inline(never)]
    fn eval_call(&mut self, call: &crate::analyze::CallNode, env: &Env) -> R<Tail> {
        let func = self.eval(&call.func, env).map_err(|e| at(e, call.pos))?;
        let Value::Closure(closure) = func else {
            let args = self.eval_args(&call.args, env);
            return args.and_then(|args| self.apply_tail(func, args)).map_err(|e| at(e, call.pos));
        };
        // The arguments go straight into the callee's frame, which has room
        // for a rest list only when there is one.
        let capacity = closure.lambda.frame_size.max(call.args.len() + usize::from(closure.lambda.rest));
        let frame = Frame::new(Slots::with_capacity(capacity), closure.env.clone());
        for arg in &call.args {
            let value = self.eval(arg, env).map_err(|e| at(e, call.pos))?;
            frame.slots.borrow_mut().push(value);
        }
        finish_frame(&closure, &frame).map_err(|e| at(e, call.pos))?;
        Ok(Tail::Call(closure, frame, call.pos))
    }

    /// Fixnums are answered here, those of operands that need no
    /// evaluation without even a copy; anything else goes to the builtin.
    #[inline(never)]
    fn eval_fixnum2(&mut self, op: FixnumOp, prim: &'static Prim, args: &[Node; 2], pos: Pos, env: &Env) -> R<Value> {
        if let (Some(x), Some(y)) = (fixnum_operand(&args[0], env), fixnum_operand(&args[1], env))
            && let Some(result) = op.apply(x, y)
        {
            return Ok(result);
        }
        let a = self.eval(&args[0], env).map_err(|e| at(e, pos))?;
        let b = self.eval(&args[1], env).map_err(|e| at(e, pos))?;
        if let (Value::Int(x), Value::Int(y)) = (&a, &b)
            && let Some(result) = op.apply(*x, *y)
        {
            return Ok(result);
        }
        let result = (prim.f)(self, &[a, b]);
        result.or_else(|e| self.signal_if_handled(at(e, pos))).map_err(|e| at(e, pos))
    }

    /// The less frequent nodes.
    #[inline(never)]
    fn eval_other(&mut self, node: &Node, env: &Env) -> R<Tail> {
        match node {
            Node::Global(cell, pos) => match &*cell.value.borrow() {
                Some(value) => Ok(Tail::Value(value.clone())),
                None => Err(at(error(format!("unbound variable: {}", cell.name.name())), *pos)),
            },
            Node::Lambda(lambda) => {
                Ok(Tail::Value(Value::Closure(Rc::new(Closure { lambda: lambda.clone(), env: env.clone() }))))
            }
            Node::Send(send) => self.eval_send(send, env),
            Node::SetLocal(depth, index, value) => {
                let value = self.eval(value, env)?;
                let frame = frame_at(env, *depth);
                if let Value::Closure(closure) = &value
                    && closure.env.as_ref().is_some_and(|e| Rc::ptr_eq(e, frame))
                    && frame.cycle.get() == 0
                {
                    frame.cycle.set(POSSIBLE_CYCLE);
                    if CYCLE_CANDIDATES.with_borrow(Vec::len) >= self.next_sweep {
                        self.next_sweep = (2 * sweep_cycles()).max(FIRST_SWEEP);
                    }
                }
                frame.slots.borrow_mut()[*index] = value;
                Ok(Tail::Value(Value::Unspecified))
            }
            Node::SetGlobal(cell, value, pos) => {
                let value = self.eval(value, env)?;
                let mut slot = cell.value.borrow_mut();
                if slot.is_none() {
                    return Err(at(error(format!("unbound variable: {}", cell.name.name())), *pos));
                }
                *slot = Some(value);
                Ok(Tail::Value(Value::Unspecified))
            }
            Node::SetSlot(parts) => {
                let (object, selector, value, pos) = &**parts;
                let object = self.eval(object, env)?;
                let value = self.eval(value, env)?;
                self.set_slot(&object, *selector, value).map_err(|e| at(e, *pos))?;
                Ok(Tail::Value(Value::Unspecified))
            }
            Node::MakeClass(decl) => self.make_class(decl, env).map(Tail::Value),
            Node::ClassInit(init) => self.class_init(init, env).map(Tail::Value),
            Node::ClassParam(parts) => self.class_param(parts, env).map(Tail::Value),
            // Constants and variables: `eval` answers them without
            // calling `eval_compound`.
            _ => self.eval(node, env).map(Tail::Value),
        }
    }

    fn eval_send(&mut self, send: &crate::analyze::SendNode, env: &Env) -> R<Tail> {
        let receiver = self.eval(&send.receiver, env).map_err(|e| at(e, send.pos))?;
        let args = self.eval_args(&send.args, env).map_err(|e| at(e, send.pos))?;
        let start = match send.super_of.as_ref().map(|node| self.eval(node, env)).transpose()? {
            Some(Value::Class(class)) if class.superclass.is_some() => class.superclass.clone(),
            Some(_) => return Err(at(crate::objects::not_understood(&receiver, send.selector), send.pos)),
            None => None,
        };
        self.send(receiver, send.selector, args, start).map_err(|e| at(e, send.pos))
    }

    /// A direct call of a builtin. The arguments of the common one- and
    /// two-argument calls go to the builtin as an array on the Rust stack,
    /// up to four others in a `SmallVec` there: most calls allocate nothing.
    #[inline(never)]
    fn prim_call(&mut self, prim: &'static Prim, arg_nodes: &[Node], env: &Env, pos: Pos) -> R<Value> {
        let located = |e| at(e, pos);
        check_arity(prim.name, prim.min, prim.max, arg_nodes.len()).map_err(located)?;
        let result = match arg_nodes {
            [a] => {
                let args = [self.eval(a, env).map_err(located)?];
                (prim.f)(self, &args)
            }
            [a, b] => {
                let args = [self.eval(a, env).map_err(located)?, self.eval(b, env).map_err(located)?];
                (prim.f)(self, &args)
            }
            _ => {
                let args: smallvec::SmallVec<[Value; 4]> = self.eval_args(arg_nodes, env).map_err(located)?;
                (prim.f)(self, &args)
            }
        };
        result.or_else(|e| self.signal_if_handled(at(e, pos))).map_err(located)
    }

    /// Evaluates arguments, left to right. (A loop: collecting them through
    /// `Result` took several percent of the seed's time.)
    fn eval_args<A: smallvec::Array<Item = Value>>(&mut self, nodes: &[Node], env: &Env) -> R<smallvec::SmallVec<A>> {
        let mut args = smallvec::SmallVec::with_capacity(nodes.len());
        for node in nodes {
            args.push(self.eval(node, env)?);
        }
        Ok(args)
    }

    /// Calls a procedure value in tail position. Up to `INLINE_SLOTS`
    /// arguments take no allocation of their own.
    pub fn apply_tail(&mut self, func: Value, mut args: Slots) -> R<Tail> {
        match func {
            Value::Closure(closure) => {
                let frame = bind_arguments(&closure, args)?;
                Ok(Tail::Call(closure, frame, Pos::default()))
            }
            Value::Prim(prim) => {
                check_arity(prim.name, prim.min, prim.max, args.len())?;
                if std::ptr::eq(prim, &crate::builtins::control::APPLY) {
                    let func = args.remove(0);
                    let spread = crate::builtins::control::spread_apply_args(args.into_vec())?;
                    return self.apply_tail(func, spread.into());
                }
                let result = (prim.f)(self, &args);
                result.or_else(|e| self.signal_if_handled(e)).map(Tail::Value)
            }
            Value::RecordProc(proc) => crate::builtins::control::apply_record_proc(&proc, &args).map(Tail::Value),
            Value::Class(class) => self.instantiate(&class, args.into_vec()).map(Tail::Value),
            Value::Continuation(k) => crate::builtins::control::throw(&k, args.into_vec()),
            Value::Native(n) if n.is_applicable() => self.native_apply(&n, args.into_vec()).map(Tail::Value),
            other => Err(error(format!("not a procedure: {}", write_string(&other)))),
        }
    }

    /// Calls a procedure value and returns its result.
    pub fn apply_procedure(&mut self, func: &Value, args: Vec<Value>) -> R<Value> {
        match self.apply_tail(func.clone(), args.into())? {
            Tail::Value(value) => Ok(value),
            Tail::Call(closure, frame, _) => self.run_frame(closure, frame),
        }
    }

    /// Calls a closure with arguments and returns its result.
    pub fn run_closure(&mut self, closure: Rc<Closure>, args: Slots) -> R<Value> {
        let frame = bind_arguments(&closure, args)?;
        self.run_frame(closure, frame)
    }

    /// The trampoline: runs a closure's body in `frame`, then every closure
    /// it tail-calls.
    pub fn run_frame(&mut self, mut closure: Rc<Closure>, frame: Rc<Frame>) -> R<Value> {
        if self.stack_limit != 0 && stack_pointer() < self.stack_limit {
            return Err(error("stack overflow"));
        }
        let mut env = Some(frame);
        loop {
            if let Some(fuel) = &mut self.fuel {
                if *fuel == 0 {
                    return Err(error("out of fuel: the evaluation step limit was reached"));
                }
                *fuel -= 1;
            }
            match self.eval_tail(&closure.lambda.body, &env) {
                Ok(Tail::Value(value)) => {
                    // The closure goes first: it may be one of the frame's own.
                    drop(closure);
                    env.as_ref().inspect(|frame| release(frame, false));
                    return Ok(value);
                }
                Ok(Tail::Call(next, next_frame, _)) => {
                    closure = next;
                    env.replace(next_frame).inspect(|frame| release(frame, false));
                }
                Err(unwind) => return Err(leave_procedure(unwind, &closure)),
            }
        }
    }

    /// Offers an error from a builtin to the innermost exception handler.
    #[cold]
    fn signal_if_handled(&mut self, unwind: Box<Unwind>) -> R<Value> {
        match *unwind {
            Unwind::Raise(raised) if !raised.signalled && !self.handlers.is_empty() => {
                crate::builtins::control::signal(self, raised)
            }
            _ => Err(unwind),
        }
    }

    // ------------------------------------------------------------ top level

    /// Analyses and runs one top-level form in `scope` (a `Top` scope).
    pub fn run_toplevel(&mut self, form: Value, pos: Pos, scope: &Rc<Scope>) -> R<Value> {
        let form = self.expand_head(form, scope, pos)?;
        let pos = pos.or(form.pos());
        let head = form.car().filter(|h| h.is_identifier()).map(|h| self.resolve(&h, scope));
        let (env, _) = scope.top_env();
        match head {
            Some(Resolved::Special(special @ (Special::Begin | Special::Include))) => {
                let forms = spliced_forms(special, &form, pos)?;
                predeclare(&env, forms.iter().map(|(f, _)| f));
                let mut result = Value::Unspecified;
                for (item, item_pos) in forms {
                    result = self.run_toplevel(item, item_pos, scope)?;
                }
                Ok(result)
            }
            Some(Resolved::Special(Special::Define)) => {
                let (name, expr, expr_pos) = parse_define(&form, pos)?;
                let cell = env.own_cell(name.identifier_symbol().unwrap_or(Sym(0)));
                if matches!(*cell.binding.borrow(), Binding::Builtin | Binding::Special(_) | Binding::Macro(_)) {
                    *cell.value.borrow_mut() = None;
                }
                *cell.binding.borrow_mut() = Binding::Variable;
                let node = self.analyze(&expr, scope, expr_pos)?;
                crate::analyze::name_lambda(&node, cell.name.into());
                let value = self.eval(&node, &None).map_err(|e| at(e, expr_pos))?;
                *cell.value.borrow_mut() = Some(value);
                Ok(Value::Unspecified)
            }
            Some(Resolved::Special(Special::DefineSyntax)) => {
                let (name, transformer) = self.evaluate_transformer(&form, scope, pos)?;
                let cell = env.own_cell(name.identifier_symbol().unwrap_or(Sym(0)));
                *cell.binding.borrow_mut() = Binding::Macro(transformer);
                Ok(Value::Unspecified)
            }
            Some(Resolved::Special(Special::Import)) => {
                for (set, set_pos) in form.cdr().unwrap_or(Value::Null).parts(pos).0 {
                    check_import_set(&set, set_pos)?;
                }
                Ok(Value::Unspecified)
            }
            _ => {
                let node = self.analyze(&form, scope, pos)?;
                self.eval(&node, &None).map_err(|e| at(e, pos))
            }
        }
    }

    /// Runs a source text's forms in `scope`; returns the last value.
    pub fn run_forms(&mut self, name: &str, source: &str, scope: &Rc<Scope>) -> Result<Vec<Value>, SeedError> {
        let file = crate::reader::file_id(name);
        let forms = read_all(file, source).map_err(crate::reader::ReadError::into_seed_error)?;
        let (env, _) = scope.top_env();
        predeclare(&env, forms.iter().map(|(f, _)| f));
        let mut results = Vec::new();
        for (form, pos) in forms {
            match self.run_toplevel(form, pos, scope) {
                Ok(value) => results.push(value),
                Err(unwind) => return Err(self.report(*unwind)),
            }
        }
        Ok(results)
    }

    /// A new entry module scope: `platform` and the conveniences of
    /// `runtime-src/core/entry.ut`.
    pub fn entry_scope(&mut self) -> Result<Rc<Scope>, SeedError> {
        let env = TopEnv::new(Some(self.language.clone()));
        env.define_value("platform", Value::Native(Rc::new(Native::Platform(RefCell::new(None)))), Binding::Variable);
        let scope = Scope::top(env, Some(self.language_scope.clone()));
        let (name, source) = crate::prelude::ENTRY;
        self.run_forms(name, source, &scope)?;
        Ok(scope)
    }

    pub fn run_program(&mut self, name: &str, source: &str, args: &[String]) -> Result<i32, SeedError> {
        self.program_args = std::iter::once(name.to_string()).chain(args.iter().cloned()).collect();
        let scope = self.entry_scope()?;
        match self.run_forms(name, source, &scope) {
            Ok(_) => Ok(0),
            Err(SeedError::Exit(code)) => Ok(code),
            Err(other) => Err(other),
        }
    }

    pub fn repl_eval(&mut self, source: &str) -> Result<Vec<String>, SeedError> {
        let scope = match &self.repl {
            Some(scope) => scope.clone(),
            None => {
                self.program_args = vec!["repl".into()];
                let scope = self.entry_scope()?;
                self.repl = Some(scope.clone());
                scope
            }
        };
        let values = self.run_forms("<repl>", source, &scope)?;
        Ok(values.iter().filter(|v| !matches!(v, Value::Unspecified)).map(write_string).collect())
    }

    /// Turns an unwinding that reached the top level into a report.
    fn report(&mut self, unwind: Unwind) -> SeedError {
        let raised = match unwind {
            Unwind::Raise(raised) => raised,
            Unwind::Exit(code) => return SeedError::Exit(code),
            Unwind::Escape { .. } => {
                let message = "a continuation was invoked after its extent ended".to_string();
                return SeedError::Program(Report { location: None, message, backtrace: vec![] });
            }
        };
        let (message, first_raised) = match &raised.payload {
            Value::Error(object) => (object.describe(), object.pos.get()),
            other => (format!("uncaught exception: {}", write_string(other)), None),
        };
        let location = first_raised.or(raised.pos).filter(|p| p.is_known()).map(format_pos);
        SeedError::Program(Report { location, message, backtrace: backtrace_lines(&raised.backtrace) })
    }
}

/// An import set of `(import …)`: every binding of the standard libraries is
/// already in the language scope, so this only checks that it names one.
fn check_import_set(set: &Value, pos: Pos) -> R<()> {
    let mut library = strip_aliases(set);
    let root = |l: &Value| l.car().and_then(|r| r.identifier_symbol()).map(|r| r.name());
    if let Some(modifier @ ("prefix" | "rename")) = root(&library).as_deref() {
        return Err(syntax_error(pos, format!("import `{modifier}` is not supported")));
    }
    while let Some("only" | "except") = root(&library).as_deref() {
        library = library.cdr().and_then(|rest| rest.car()).unwrap_or_default();
    }
    if !matches!(root(&library).as_deref(), Some("scheme" | "srfi")) {
        let text = write_string(&library);
        return Err(syntax_error(pos, format!("unknown library {text}: only (scheme …) is built in")));
    }
    Ok(())
}

fn backtrace_lines(entries: &[(Option<Sym>, Pos)]) -> Vec<String> {
    let line = |(name, pos): &(Option<Sym>, Pos)| {
        let name = name.map_or_else(|| "anonymous procedure".to_string(), |n| n.name().to_string());
        if pos.is_known() { format!("in {name} at {}", format_pos(*pos)) } else { format!("in {name}") }
    };
    const HEAD: usize = 12;
    const TAIL: usize = 4;
    if entries.len() <= HEAD + TAIL + 1 {
        return entries.iter().map(line).collect();
    }
    let mut lines: Vec<String> = entries[..HEAD].iter().map(line).collect();
    lines.push(format!("... {} more frames ...", entries.len() - HEAD - TAIL));
    lines.extend(entries[entries.len() - TAIL..].iter().map(line));
    lines
}

/// Adds the backtrace entry for a procedure an error is leaving.
#[cold]
fn leave_procedure(mut unwind: Box<Unwind>, closure: &Closure) -> Box<Unwind> {
    if let Unwind::Raise(raised) = &mut *unwind {
        let site = raised.site.take().unwrap_or(closure.lambda.pos);
        raised.pos.get_or_insert(site);
        raised.backtrace.push((closure.lambda.name.get(), site));
    }
    unwind
}

/// Records `pos` as the error's location and call site if none is known.
pub fn at(mut unwind: Box<Unwind>, pos: Pos) -> Box<Unwind> {
    if let Unwind::Raise(raised) = &mut *unwind
        && pos.is_known()
    {
        let first = *raised.pos.get_or_insert(pos);
        raised.site.get_or_insert(pos);
        if let Value::Error(object) = &raised.payload
            && object.pos.get().is_none()
        {
            object.pos.set(Some(first));
        }
    }
    unwind
}

/// Frees the reference cycles of internal definitions and named `let`.
///
/// A frame that stores a closure over itself is a cycle reference counts
/// never free. Such a frame is garbage when every reference to it comes
/// from those closures, and every such closure is referenced only by the
/// frame: then clearing its slots frees both. (A trial deletion in the
/// manner of Bacon and Rajan's synchronous cycle collection, restricted to
/// this one shape; rarer cycles still leak.)
///
/// The trial runs as the last reference from outside the cycle goes, so
/// the frame and its closures are freed while still in the cache: `release`
/// is called when a frame's call returns, when a frame's child frame goes
/// and when a closure over it goes (the references that end most such
/// frames). A frame whose closure has escaped when its last outside
/// reference goes (say, an internal procedure that was stored) is watched:
/// `sweep_cycles` tries it again now and then. Trade-off: a frame whose
/// last outside reference goes elsewhere, or which escaped at its own
/// return and was never entered again, leaks.
pub fn release(frame: &Rc<Frame>, watch: bool) {
    if frame.cycle.get() != 0
        && let Some(garbage) = cycle_is_garbage(frame)
    {
        if garbage {
            break_cycle(frame);
        } else if watch && frame.cycle.replace(WATCHED) == POSSIBLE_CYCLE {
            CYCLE_CANDIDATES.with(|list| list.try_borrow_mut().map(|mut list| list.push(Rc::downgrade(frame))).ok());
        }
    }
}

/// Whether `frame` is garbage once one more reference (the caller's) goes;
/// `Some(false)` when only its escaped closures keep it alive; `None` when
/// there are other references (or its slots are in use).
fn cycle_is_garbage(frame: &Rc<Frame>) -> Option<bool> {
    let (mut internal, mut escaped) = (0, false);
    for value in frame.slots.try_borrow().ok()?.iter() {
        if let Value::Closure(closure) = value
            && closure.env.as_ref().is_some_and(|e| Rc::ptr_eq(e, frame))
        {
            internal += 1;
            escaped |= Rc::strong_count(closure) > 1;
        }
    }
    (Rc::strong_count(frame) == internal + 1).then_some(!escaped)
}

/// Clears the slots of a frame found to be garbage; true when done.
fn break_cycle(frame: &Frame) -> bool {
    // The slots' values (the closures) are dropped on return.
    let Ok(_slots) = frame.slots.try_borrow_mut().map(|mut slots| std::mem::take(&mut *slots)) else { return false };
    frame.cycle.set(0);
    true
}

/// Tries each watched frame again; returns how many are still watched.
fn sweep_cycles() -> usize {
    let mut candidates = CYCLE_CANDIDATES.take();
    candidates.retain(|weak| {
        // The upgraded `frame` is the reference that goes.
        let Some(frame) = weak.upgrade() else { return false };
        cycle_is_garbage(&frame) != Some(true) || !break_cycle(&frame)
    });
    CYCLE_CANDIDATES.with_borrow_mut(|added| candidates.append(added));
    let kept = candidates.len();
    CYCLE_CANDIDATES.set(candidates);
    kept
}

fn frame_at(env: &Env, depth: usize) -> &Rc<Frame> {
    let mut frame = env.as_ref().expect("lexical address inside its frame chain");
    for _ in 0..depth {
        frame = frame.parent.as_ref().expect("lexical address inside its frame chain");
    }
    frame
}

/// A fixnum operand that needs no evaluation: a constant or a variable of
/// the current frame holding a fixnum.
#[inline]
fn fixnum_operand(node: &Node, env: &Env) -> Option<i64> {
    match node {
        Node::Const(Value::Int(n)) => Some(*n),
        Node::Local(0, index) => match env.as_ref()?.slots.borrow()[*index] {
            Value::Int(n) => Some(n),
            _ => None,
        },
        _ => None,
    }
}

#[inline]
fn local(env: &Env, depth: usize, index: usize) -> Value {
    frame_at(env, depth).slots.borrow()[index].clone()
}

fn bind_arguments(closure: &Rc<Closure>, args: Slots) -> R<Rc<Frame>> {
    let frame = Frame::new(args, closure.env.clone());
    finish_frame(closure, &frame)?;
    Ok(frame)
}

/// Checks the arguments already in `frame` against the closure's arity,
/// gathers a rest list, and makes room for internal definitions.
fn finish_frame(closure: &Closure, frame: &Frame) -> R<()> {
    let lambda = &closure.lambda;
    let mut args = frame.slots.borrow_mut();
    let count = args.len();
    if count < lambda.required || (!lambda.rest && count > lambda.required) {
        let name = lambda.name.get().map_or_else(|| "#<procedure>".to_string(), |n| n.name().to_string());
        let hidden = lambda.hidden;
        let max = (!lambda.rest).then_some(lambda.required - hidden);
        return Err(arity_error(&name, lambda.required - hidden, max, count.saturating_sub(hidden)));
    }
    if lambda.rest {
        let rest = Value::list(args.drain(lambda.required..).collect::<Vec<_>>());
        args.push(rest);
    }
    let size = lambda.frame_size.max(args.len());
    args.resize(size, Value::Unspecified);
    Ok(())
}

/// Makes cells for the names a list of top-level forms defines, so that
/// references analysed before a definition (inside earlier procedures and
/// classes) find this scope's binding: not a builtin of the same name, and
/// not, inside a class, an implicit send to `self`.
fn predeclare<'a>(env: &TopEnv, forms: impl Iterator<Item = &'a Value>) {
    for form in forms {
        for name in defined_names(form) {
            if !env.table.borrow().contains_key(&name) {
                *env.own_cell(name).binding.borrow_mut() = Binding::Variable;
            }
        }
    }
}

/// The names a top-level form defines, as far as its shape shows them
/// (definitions made by other macros are found when they run).
fn defined_names(form: &Value) -> Vec<Sym> {
    let head = form.car().and_then(|h| h.identifier_symbol()).map(|s| s.name());
    let parts = form.cdr().and_then(|rest| rest.list_to_vec()).unwrap_or_default();
    let name_of = |v: &Value| v.identifier_symbol().or_else(|| v.car().and_then(|n| n.identifier_symbol()));
    match head.as_deref() {
        Some("define" | "define-syntax" | "define-class" | "define-module") => {
            parts.first().and_then(name_of).into_iter().collect()
        }
        Some("define-values") => {
            let (names, rest) = parts.first().cloned().unwrap_or_default().formals();
            names.iter().chain(rest.iter()).filter_map(|n| n.identifier_symbol()).collect()
        }
        Some("define-record-type") => {
            // (define-record-type type (constructor field ...) predicate (field accessor [modifier]) ...)
            let fields = parts.iter().skip(3).flat_map(|f| f.list_to_vec().unwrap_or_default().into_iter().skip(1));
            parts.iter().take(3).filter_map(name_of).chain(fields.filter_map(|v| v.identifier_symbol())).collect()
        }
        Some("begin") => parts.iter().flat_map(defined_names).collect(),
        _ => Vec::new(),
    }
}

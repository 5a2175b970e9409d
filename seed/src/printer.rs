//! The printer: `display` and `write` text for every value.
//!
//! Purpose: turn a value into the exact text docs/conventions.md fixes, so
//! that the seed prints what the native engines print.
//!
//! Algorithm:
//! 1. Find the pairs and vectors that are part of a cycle: a depth-first
//!    walk with an explicit stack marks each container "active" while its
//!    children are being walked; meeting an active container again is a back
//!    edge, and its target gets a datum label. Shared but acyclic structure
//!    gets no label.
//! 2. Print with a second explicit stack of tasks (a value, the rest of a
//!    list, or fixed text). A labelled container prints as `#N=` the first
//!    time and `#N#` afterwards; a list whose tail is labelled switches to
//!    dotted notation there, as R7RS `write` does.
//! 3. Atoms print directly: flonums in Chez Scheme's shortest round-trip
//!    format, strings/characters/symbols escaped under `write` only.
//!
//! Invariant: printing terminates on every value, circular or not, and uses
//! no Rust recursion over the structure, so a million-deep nest cannot
//! overflow the stack. (An error object's irritants are printed by a nested
//! call, one level deep.)
//!
//! Not done here: `(quote x)` is not abbreviated to `'x`; shared acyclic
//! structure is printed as many times as it is reached (R7RS `write`
//! semantics, not `write-shared`).

use std::collections::HashMap;
use std::fmt::Write;
use std::rc::Rc;

use crate::value::{Value, heap_address};

/// The text `display` prints.
pub fn display_string(v: &Value) -> String {
    let mut out = String::new();
    print(v, false, &mut out);
    out
}

/// The text `write` prints.
pub fn write_string(v: &Value) -> String {
    let mut out = String::new();
    print(v, true, &mut out);
    out
}

/// Appends the printed form of `v` to `out`; `write` selects `write` (quoted,
/// escaped) over `display` style.
pub fn print(v: &Value, write: bool, out: &mut String) {
    if !matches!(v, Value::Pair(_) | Value::Vector(_) | Value::Values(_)) {
        return print_atom(v, write, out);
    }
    let mut printer = Printer { write, out, labels: cycle_targets(v), next_label: 0 };
    printer.run(v);
}

/// The addresses of containers reached again while still being walked
/// (step 1), each mapped to its label once one has been printed.
///
/// Only a container with more than two references needs a mark: one
/// reference is the edge that led here and one is the walk's own copy, so a
/// container with no third reference cannot be reached again. Freshly
/// built lists therefore cost no hashing at all.
fn cycle_targets(root: &Value) -> HashMap<usize, Option<usize>> {
    enum Visit {
        Enter(Value),
        Leave(usize),
    }
    let mut active: HashMap<usize, bool> = HashMap::new();
    let mut targets = HashMap::new();
    let mut stack = vec![Visit::Enter(root.clone())];
    while let Some(visit) = stack.pop() {
        let value = match visit {
            Visit::Leave(address) => {
                active.insert(address, false);
                continue;
            }
            Visit::Enter(value) => value,
        };
        let shared = match &value {
            Value::Pair(p) => Rc::strong_count(p) > 2,
            Value::Vector(v) => Rc::strong_count(v) > 2,
            // Immutable, so never part of a cycle by itself: walk through it.
            _ => false,
        };
        if shared && let Some(address) = heap_address(&value) {
            match active.get(&address) {
                Some(true) => {
                    targets.insert(address, None);
                    continue;
                }
                Some(false) => continue,
                None => {}
            }
            active.insert(address, true);
            stack.push(Visit::Leave(address));
        }
        let mut push = |child: &Value| {
            if matches!(child, Value::Pair(_) | Value::Vector(_) | Value::Values(_)) {
                stack.push(Visit::Enter(child.clone()));
            }
        };
        match &value {
            Value::Pair(p) => {
                push(&p.cdr.borrow());
                push(&p.car.borrow());
            }
            Value::Vector(items) => items.borrow().iter().rev().for_each(push),
            Value::Values(items) => items.iter().rev().for_each(push),
            _ => {}
        }
    }
    targets
}

enum Task {
    Value(Value),
    /// The rest of a list after an element: `)`, ` ELEMENT…` or ` . TAIL)`.
    Tail(Value),
    Text(&'static str),
}

struct Printer<'a> {
    write: bool,
    out: &'a mut String,
    labels: HashMap<usize, Option<usize>>,
    next_label: usize,
}

impl Printer<'_> {
    fn run(&mut self, root: &Value) {
        let mut tasks = vec![Task::Value(root.clone())];
        while let Some(task) = tasks.pop() {
            match task {
                Task::Text(text) => self.out.push_str(text),
                Task::Tail(Value::Null) => self.out.push(')'),
                Task::Tail(tail @ Value::Pair(_)) if !self.is_labelled(&tail) => {
                    self.out.push(' ');
                    push_pair(&mut tasks, &tail);
                }
                Task::Tail(tail) => {
                    self.out.push_str(" . ");
                    tasks.push(Task::Text(")"));
                    tasks.push(Task::Value(tail));
                }
                Task::Value(value) => self.value(value, &mut tasks),
            }
        }
    }

    fn value(&mut self, value: Value, tasks: &mut Vec<Task>) {
        if self.label(&value) {
            return;
        }
        let (open, items) = match &value {
            Value::Pair(_) => {
                self.out.push('(');
                return push_pair(tasks, &value);
            }
            Value::Vector(items) => ("#(", items.borrow().clone()),
            Value::Values(items) => ("", items.to_vec()),
            _ => return print_atom(&value, self.write, self.out),
        };
        self.out.push_str(open);
        if !open.is_empty() {
            tasks.push(Task::Text(")"));
        }
        for (i, item) in items.into_iter().enumerate().rev() {
            tasks.push(Task::Value(item));
            if i > 0 {
                tasks.push(Task::Text(" "));
            }
        }
    }

    fn is_labelled(&self, v: &Value) -> bool {
        !self.labels.is_empty() && heap_address(v).is_some_and(|address| self.labels.contains_key(&address))
    }

    /// Prints the label of a cycle target: `#N=` (returns false, the caller
    /// prints the value) or, if already printed, `#N#` (returns true).
    fn label(&mut self, v: &Value) -> bool {
        if self.labels.is_empty() {
            return false;
        }
        let Some(slot) = heap_address(v).and_then(|address| self.labels.get_mut(&address)) else {
            return false;
        };
        match *slot {
            Some(n) => {
                self.out.push_str(&format!("#{n}#"));
                true
            }
            None => {
                *slot = Some(self.next_label);
                self.out.push_str(&format!("#{}=", self.next_label));
                self.next_label += 1;
                false
            }
        }
    }
}

/// Schedules a pair's car, then the rest of its list.
fn push_pair(tasks: &mut Vec<Task>, pair: &Value) {
    if let Value::Pair(p) = pair {
        tasks.push(Task::Tail(p.cdr.borrow().clone()));
        tasks.push(Task::Value(p.car.borrow().clone()));
    }
}

fn print_atom(v: &Value, write: bool, out: &mut String) {
    let opaque = |out: &mut String, what: &str| {
        out.push_str("#<");
        out.push_str(what);
        out.push('>');
    };
    match v {
        Value::Unspecified => out.push_str("#<unspecified>"),
        Value::Null => out.push_str("()"),
        Value::Eof => out.push_str("#<eof>"),
        Value::Bool(b) => out.push_str(if *b { "#t" } else { "#f" }),
        Value::Int(n) => {
            let _ = write!(out, "{n}");
        }
        Value::Float(x) => out.push_str(&format_flonum(*x)),
        Value::Char(c) if write => write_char(*c, out),
        Value::Char(c) => out.push(*c),
        Value::Str(s) if write => write_string_literal(&s.chars.borrow(), out),
        Value::Str(s) => out.extend(s.chars.borrow().iter()),
        Value::Sym(_) | Value::Alias(_) => match v.identifier_symbol() {
            Some(sym) if write => write_symbol(&sym.name(), out),
            Some(sym) => out.push_str(&sym.name()),
            None => out.push_str("#<identifier>"),
        },
        Value::Bytes(bytes) => {
            let bytes: Vec<String> = bytes.borrow().iter().map(u8::to_string).collect();
            out.push_str(&format!("#u8({})", bytes.join(" ")));
        }
        Value::Closure(c) => match c.lambda.name.get() {
            Some(name) => opaque(out, &format!("procedure {}", name.name())),
            None => out.push_str("#<procedure>"),
        },
        Value::Prim(p) => opaque(out, &format!("procedure {}", p.name)),
        Value::RecordProc(r) => opaque(out, &format!("procedure {}", r.name.name())),
        Value::Record(r) => opaque(out, &r.rtd.name.name()),
        Value::RecordType(t) => opaque(out, &format!("record-type {}", t.name.name())),
        Value::Object(o) => opaque(out, &o.class.name().name()),
        Value::Class(c) => opaque(out, &format!("class {}", c.name().name())),
        Value::Native(n) => opaque(out, n.type_name()),
        Value::Continuation(_) => out.push_str("#<continuation>"),
        Value::Error(e) => {
            out.push_str("#<error ");
            write_string_literal(&e.message.chars().collect::<Vec<_>>(), out);
            for irritant in &e.irritants {
                out.push(' ');
                out.push_str(&write_string(irritant));
            }
            out.push('>');
        }
        Value::Pair(_) | Value::Vector(_) | Value::Values(_) => print(v, write, out),
    }
}

/// A flonum in the shortest form that reads back, laid out as Chez Scheme
/// does: positional notation for decimal exponents -3 to 9 (`0.001`,
/// `1500000000.0`), scientific otherwise (`1e-4`, `1.5e10`, `1e21`).
pub fn format_flonum(x: f64) -> String {
    if x.is_nan() {
        return "+nan.0".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "+inf.0" } else { "-inf.0" }.into();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0" } else { "0.0" }.into();
    }
    // Rust's `{:e}` gives the shortest round-trip digits: `-1.2345e21`.
    let scientific = format!("{x:e}");
    let Some((mantissa, exponent)) = scientific.split_once('e') else { return scientific };
    let exponent: i64 = exponent.parse().unwrap_or(0);
    if !(-3..=9).contains(&exponent) {
        return scientific;
    }
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(|&c| c != '.').collect();
    if exponent < 0 {
        return format!("{sign}0.{}{digits}", "0".repeat((-exponent - 1) as usize));
    }
    let point = exponent as usize + 1;
    if digits.len() <= point {
        format!("{sign}{digits}{}.0", "0".repeat(point - digits.len()))
    } else {
        format!("{sign}{}.{}", &digits[..point], &digits[point..])
    }
}

fn char_name(c: char) -> Option<&'static str> {
    Some(match c {
        ' ' => "space",
        '\n' => "newline",
        '\t' => "tab",
        '\r' => "return",
        '\0' => "nul",
        '\u{7}' => "alarm",
        '\u{8}' => "backspace",
        '\u{1b}' => "escape",
        '\u{7f}' => "delete",
        _ => return None,
    })
}

fn write_char(c: char, out: &mut String) {
    out.push_str("#\\");
    match char_name(c) {
        Some(name) => out.push_str(name),
        None if c.is_control() || c.is_whitespace() => out.push_str(&format!("x{:X}", c as u32)),
        None => out.push(c),
    }
}

/// Appends `c` as it appears inside `"…"` or `|…|` (`quote` is the
/// delimiter that must be escaped).
fn push_escaped(c: char, quote: char, out: &mut String) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        c if c.is_control() => out.push_str(&format!("\\x{:X};", c as u32)),
        c => out.push(c),
    }
}

fn write_string_literal(chars: &[char], out: &mut String) {
    out.push('"');
    chars.iter().for_each(|&c| push_escaped(c, '"', out));
    out.push('"');
}

/// A symbol, in `|…|` when its name would not read back as that symbol.
fn write_symbol(name: &str, out: &mut String) {
    let delimiter = |c: char| c.is_whitespace() || c.is_control() || "()[]\";|".contains(c);
    let digits = name.strip_prefix(['+', '-']).unwrap_or(name);
    let needs_bars = name.is_empty()
        || name == "."
        || name.starts_with(['#', '\'', '`', ','])
        || name.chars().any(delimiter)
        || crate::reader::parse_number(name).is_some()
        // The reader rejects an integer too large for 64 bits.
        || (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()));
    if !needs_bars {
        return out.push_str(name);
    }
    out.push('|');
    name.chars().for_each(|c| push_escaped(c, '|', out));
    out.push('|');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flonums_print_like_chez_scheme() {
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (3.5, "3.5"),
            (-0.0, "-0.0"),
            (100.0, "100.0"),
            (1e9, "1000000000.0"),
            (1.5e9, "1500000000.0"),
            (1e10, "1e10"),
            (123456789012.0, "1.23456789012e11"),
            (1e16, "1e16"),
            (1e21, "1e21"),
            (-1.2345e21, "-1.2345e21"),
            (123456.789, "123456.789"),
            (0.001, "0.001"),
            (-0.0015, "-0.0015"),
            (1e-4, "1e-4"),
            (1.2e-4, "1.2e-4"),
            (1e-7, "1e-7"),
            (5e-324, "5e-324"),
            (1.0 / 3.0, "0.3333333333333333"),
            (f64::INFINITY, "+inf.0"),
            (f64::NEG_INFINITY, "-inf.0"),
            (f64::NAN, "+nan.0"),
        ];
        for (x, text) in cases {
            assert_eq!(format_flonum(x), text, "{x:?}");
        }
    }

    fn list(items: Vec<Value>) -> Value {
        Value::list(items)
    }

    fn set_cdr(pair: &Value, cdr: Value) {
        if let Value::Pair(p) = pair {
            *p.cdr.borrow_mut() = cdr;
        }
    }

    #[test]
    fn circular_list_gets_one_label() {
        let l = list(vec![Value::Int(1), Value::Int(2), Value::Int(3)]);
        let last = l.cdr().and_then(|v| v.cdr()).unwrap_or_default();
        set_cdr(&last, l.clone());
        assert_eq!(write_string(&l), "#0=(1 2 3 . #0#)");
        let one = list(vec![Value::Int(1)]);
        set_cdr(&one, one.clone());
        assert_eq!(write_string(&one), "#0=(1 . #0#)");
    }

    #[test]
    fn circular_vector_and_shared_structure() {
        let v = Value::vector(vec![Value::Int(1), Value::Int(2)]);
        if let Value::Vector(items) = &v {
            items.borrow_mut()[0] = v.clone();
        }
        assert_eq!(write_string(&v), "#0=#(#0# 2)");
        // Shared but acyclic: no labels.
        let shared = list(vec![Value::Int(1)]);
        assert_eq!(write_string(&list(vec![shared.clone(), shared])), "((1) (1))");
        // A cycle through the car, inside a larger list.
        let inner = list(vec![Value::Int(7)]);
        if let Value::Pair(p) = &inner {
            *p.car.borrow_mut() = inner.clone();
        }
        assert_eq!(write_string(&list(vec![Value::Int(0), inner])), "(0 #0=(#0#))");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let mut deep = Value::Null;
        for _ in 0..1_000_000 {
            deep = list(vec![deep]);
        }
        let text = write_string(&deep);
        assert_eq!(text.len(), 2_000_002);
        let long = Value::list((0..1_000_000).map(Value::Int).collect::<Vec<_>>());
        assert!(write_string(&long).ends_with(" 999999)"));
    }

    #[test]
    fn atoms_write_and_display() {
        let s = Value::string("a\"b\\\n\t\u{1}", false);
        assert_eq!(write_string(&s), "\"a\\\"b\\\\\\n\\t\\x1;\"");
        assert_eq!(display_string(&s), "a\"b\\\n\t\u{1}");
        let chars: Vec<_> = [' ', 'a', '\n', '\u{7f}', '\u{1}', '\u{a0}', 'λ'].map(Value::Char).into();
        assert_eq!(write_string(&list(chars)), "(#\\space #\\a #\\newline #\\delete #\\x1 #\\xA0 #\\λ)");
        let syms = ["abc", "", "a b", "1", "+inf.0", "#foo", "a|b", ".", "+", "...", "1+", "99999999999999999999"];
        let syms: Vec<_> = syms.map(Value::sym).into();
        assert_eq!(
            write_string(&list(syms)),
            r"(abc || |a b| |1| |+inf.0| |#foo| |a\|b| |.| + ... 1+ |99999999999999999999|)"
        );
        let mixed = Value::cons(Value::Int(1), Value::cons(Value::Bool(true), Value::Float(2.5)));
        assert_eq!(write_string(&mixed), "(1 #t . 2.5)");
        let bytes = Value::Bytes(std::rc::Rc::new(std::cell::RefCell::new(vec![1, 255])));
        assert_eq!(write_string(&Value::vector(vec![bytes, Value::Null])), "#(#u8(1 255) ())");
    }
}

//! The printer: `display` and `write` text for every value.
//!
//! Purpose: turn a value into the exact text docs/conventions.md fixes, so
//! that the seed prints what the native engines print.
//!
//! Algorithm:
//! 1. Find the pairs and vectors that are part of a cycle: a depth-first
//!    walk marks each container "inside" while its children are being
//!    walked; meeting a container it is still inside is a back edge, and
//!    the container gets a datum label. Shared but acyclic structure gets
//!    no label.
//! 2. Print the same way. A labelled container prints as `#N=` the first
//!    time and `#N#` afterwards; a list whose tail is labelled switches to
//!    dotted notation there, as R7RS `write` does.
//! 3. Atoms print directly: flonums in Chez Scheme's shortest round-trip
//!    format, strings/characters/symbols escaped under `write` only.
//!
//! Both walks follow a list's cdrs in a loop and recurse only into cars,
//! vector elements and labelled tails, to at most `MAX_DEPTH` levels;
//! deeper structure prints as `...`.
//!
//! Invariant: printing terminates on every value, circular or not, and
//! a million-element list costs no Rust stack. (An error object's
//! irritants are printed by a nested call, one level deep.)
//!
//! Not done here: `(quote x)` is not abbreviated to `'x`; shared acyclic
//! structure is printed as many times as it is reached (R7RS `write`
//! semantics, not `write-shared`).

use std::collections::HashMap;
use std::fmt::{self, Write};
use std::rc::Rc;

use crate::value::{Pair, Value, heap_address};

/// The deepest nesting printed. Each level costs the recursion up to about
/// 800 bytes of Rust stack (debug build), so printing stays within 1 MB and
/// is safe on any thread (a test thread has 2 MB).
const MAX_DEPTH: usize = 1_000;

/// The address of each cycle target, with its label once that is printed.
type Labels = HashMap<usize, Option<usize>>;

/// The text `display` prints.
pub fn display_string(v: &Value) -> String {
    print(v, false)
}

/// The text `write` prints.
pub fn write_string(v: &Value) -> String {
    print(v, true)
}

/// The printed form of `v`; `write` selects `write` (quoted, escaped)
/// over `display` style.
pub fn print(v: &Value, write: bool) -> String {
    let mut printer = Printer { write, out: String::new(), labels: HashMap::new(), next_label: 0 };
    find_cycles(v, 0, &mut HashMap::new(), &mut printer.labels);
    printer.value(v, 0);
    printer.out
}

/// Step 1: adds to `labels` the address of each container that the walk
/// from `v` meets while still inside it. `inside` maps each container
/// walked so far to whether the walk is still inside it.
///
/// Only a container with more than two references needs a mark: one
/// reference is the edge that led here and one is the walk's own copy, so a
/// container with no third reference cannot be reached again. Freshly
/// built lists therefore cost no hashing at all.
fn find_cycles(v: &Value, depth: usize, inside: &mut HashMap<usize, bool>, labels: &mut Labels) {
    if depth > MAX_DEPTH {
        return;
    }
    let (mut v, mut entered) = (v.clone(), Vec::new());
    loop {
        let shared = match &v {
            Value::Pair(p) => Rc::strong_count(p) > 2,
            Value::Vector(items) => Rc::strong_count(items) > 2,
            _ => false,
        };
        if shared && let Some(address) = heap_address(&v) {
            if let Some(&still_inside) = inside.get(&address) {
                if still_inside {
                    labels.insert(address, None);
                }
                break;
            }
            inside.insert(address, true);
            entered.push(address);
        }
        match &v {
            Value::Pair(p) => {
                find_cycles(&p.car.borrow(), depth + 1, inside, labels);
                let next = p.cdr.borrow().clone();
                v = next;
                continue;
            }
            Value::Vector(items) => items.borrow().iter().for_each(|item| find_cycles(item, depth + 1, inside, labels)),
            Value::Values(items) => items.iter().for_each(|item| find_cycles(item, depth + 1, inside, labels)),
            _ => {}
        }
        break;
    }
    for address in entered {
        inside.insert(address, false);
    }
}

struct Printer {
    write: bool,
    out: String,
    labels: Labels,
    next_label: usize,
}

impl Printer {
    /// Step 2.
    fn value(&mut self, v: &Value, depth: usize) {
        if depth > MAX_DEPTH {
            return self.out.push_str("...");
        }
        if self.label(v) {
            return;
        }
        match v {
            Value::Pair(p) => self.list(p, depth),
            Value::Vector(items) => self.items("#(", &items.borrow(), ")", depth),
            Value::Values(items) => self.items("", items, "", depth),
            // Writing to a `String` cannot fail.
            _ => atom(v, self.write, &mut self.out).unwrap_or_default(),
        }
    }

    /// A vector's or multiple values' elements, between `open` and `close`.
    fn items(&mut self, open: &str, items: &[Value], close: &str, depth: usize) {
        self.out.push_str(open);
        for (i, item) in items.iter().enumerate() {
            self.out.push_str(if i > 0 { " " } else { "" });
            self.value(item, depth + 1);
        }
        self.out.push_str(close);
    }

    fn list(&mut self, first: &Rc<Pair>, depth: usize) {
        self.out.push('(');
        let mut pair = first.clone();
        loop {
            self.value(&pair.car.borrow(), depth + 1);
            let tail = pair.cdr.borrow().clone();
            let labelled = heap_address(&tail).is_some_and(|address| self.labels.contains_key(&address));
            match tail {
                Value::Null => break,
                Value::Pair(next) if !labelled => {
                    self.out.push(' ');
                    pair = next;
                }
                tail => {
                    self.out.push_str(" . ");
                    self.value(&tail, depth + 1);
                    break;
                }
            }
        }
        self.out.push(')');
    }

    /// Prints the label of a cycle target: `#N=` (returns false, the caller
    /// prints the value) or, if already printed, `#N#` (returns true).
    fn label(&mut self, v: &Value) -> bool {
        let Some(slot) = heap_address(v).and_then(|address| self.labels.get_mut(&address)) else { return false };
        let first = slot.is_none();
        let n = *slot.get_or_insert(self.next_label);
        self.next_label += usize::from(first);
        let _ = write!(self.out, "#{n}{}", if first { '=' } else { '#' });
        !first
    }
}

/// Step 3: a value that is not a container.
fn atom(v: &Value, write: bool, out: &mut String) -> fmt::Result {
    match v {
        Value::Unspecified => out.write_str("#<unspecified>"),
        Value::Null => out.write_str("()"),
        Value::Eof => out.write_str("#<eof>"),
        Value::Bool(b) => out.write_str(if *b { "#t" } else { "#f" }),
        Value::Int(n) => write!(out, "{n}"),
        Value::Float(x) => out.write_str(&format_flonum(*x)),
        Value::Char(c) if write => write_char(*c, out),
        Value::Char(c) => out.write_char(*c),
        Value::Str(s) if write => write_quoted(s.chars.borrow().iter().copied(), '"', out),
        Value::Str(s) => s.chars.borrow().iter().try_for_each(|&c| out.write_char(c)),
        Value::Sym(_) | Value::Alias(_) => match v.identifier_symbol() {
            Some(sym) if write => write_symbol(&sym.name(), out),
            Some(sym) => out.write_str(&sym.name()),
            None => out.write_str("#<identifier>"),
        },
        Value::Bytes(bytes) => {
            write!(out, "#u8({})", bytes.borrow().iter().map(u8::to_string).collect::<Vec<_>>().join(" "))
        }
        Value::Closure(c) => match c.lambda.name.get() {
            Some(name) => write!(out, "#<procedure {}>", name.name()),
            None => out.write_str("#<procedure>"),
        },
        Value::Prim(p) => write!(out, "#<procedure {}>", p.name),
        Value::RecordProc(r) => write!(out, "#<procedure {}>", r.name.name()),
        Value::Record(r) => write!(out, "#<{}>", r.rtd.name.name()),
        Value::RecordType(t) => write!(out, "#<record-type {}>", t.name.name()),
        Value::Object(o) => write!(out, "#<{}>", o.class.name().name()),
        Value::Class(c) => write!(out, "#<class {}>", c.name().name()),
        Value::Native(n) => write!(out, "#<{}>", n.type_name()),
        Value::Continuation(_) => out.write_str("#<continuation>"),
        Value::Table(_) => out.write_str("#<hashtable>"),
        Value::Error(e) => {
            out.write_str("#<error ")?;
            write_quoted(e.message.chars(), '"', out)?;
            e.irritants.iter().try_for_each(|irritant| write!(out, " {}", write_string(irritant)))?;
            out.write_char('>')
        }
        // Containers are printed by `Printer::value`.
        Value::Pair(_) | Value::Vector(_) | Value::Values(_) => Ok(()),
    }
}

/// A flonum in the shortest form that reads back, laid out as Chez Scheme
/// does: positional notation for decimal exponents -3 to 9 (`0.001`,
/// `1500000000.0`), scientific otherwise (`1e-4`, `1.5e10`, `1e21`).
pub fn format_flonum(x: f64) -> String {
    // Rust's `{:e}` and `{}` both give the shortest round-trip digits:
    // `-1.2345e21`, `0.001`, `100`.
    let scientific = format!("{x:e}");
    match scientific.split_once('e').and_then(|(_, exponent)| exponent.parse::<i32>().ok()) {
        _ if x.is_nan() => "+nan.0".into(),
        _ if x.is_infinite() => if x > 0.0 { "+inf.0" } else { "-inf.0" }.into(),
        Some(-3..=9) if x.fract() == 0.0 => format!("{x}.0"),
        Some(-3..=9) => format!("{x}"),
        _ => scientific,
    }
}

fn write_char(c: char, out: &mut String) -> fmt::Result {
    // The first name the reader knows for a character is the one written.
    match crate::reader::CHARACTER_NAMES.iter().find(|&&(_, named)| named == c) {
        Some((name, _)) => write!(out, "#\\{name}"),
        None if c.is_control() || c.is_whitespace() => write!(out, "#\\x{:X}", c as u32),
        None => write!(out, "#\\{c}"),
    }
}

/// `chars` between two `quote`s (`"…"` for a string, `|…|` for a symbol),
/// escaped so that they read back.
fn write_quoted(chars: impl Iterator<Item = char>, quote: char, out: &mut String) -> fmt::Result {
    out.write_char(quote)?;
    for c in chars {
        match c {
            '\\' => out.write_str("\\\\")?,
            '\n' => out.write_str("\\n")?,
            '\t' => out.write_str("\\t")?,
            '\r' => out.write_str("\\r")?,
            c if c == quote => write!(out, "\\{c}")?,
            c if c.is_control() => write!(out, "\\x{:X};", c as u32)?,
            c => out.write_char(c)?,
        }
    }
    out.write_char(quote)
}

/// A symbol, in `|…|` when its name would not read back as that symbol.
fn write_symbol(name: &str, out: &mut String) -> fmt::Result {
    let delimiter = |c: char| c.is_whitespace() || c.is_control() || "()[]\";|".contains(c);
    let digits = name.strip_prefix(['+', '-']).unwrap_or(name);
    let needs_bars = name.is_empty()
        || name == "."
        || name.starts_with(['#', '\'', '`', ','])
        || name.chars().any(delimiter)
        || crate::reader::parse_number(name, 10).is_some()
        // The reader rejects an integer too large for 64 bits.
        || (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()));
    if needs_bars { write_quoted(name.chars(), '|', out) } else { out.write_str(name) }
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
    fn deep_nesting_is_cut_and_long_lists_are_not() {
        let mut deep = Value::Null;
        for _ in 0..1_000_000 {
            deep = list(vec![deep]);
        }
        let levels = MAX_DEPTH + 1;
        assert_eq!(write_string(&deep), format!("{}...{}", "(".repeat(levels), ")".repeat(levels)));
        let long = Value::list((0..1_000_000).map(Value::Int).collect::<Vec<_>>());
        assert!(write_string(&long).ends_with(" 999999)"));
        // Every pair its own car: each tail is labelled, so each one nests.
        let pairs: Vec<Value> = (0..100_000).map(|_| Value::cons(Value::Null, Value::Null)).collect();
        for (pair, next) in pairs.iter().zip(pairs.iter().skip(1)) {
            set_cdr(pair, next.clone());
        }
        for pair in &pairs {
            if let Value::Pair(p) = pair {
                *p.car.borrow_mut() = pair.clone();
            }
        }
        assert!(write_string(&pairs[0]).starts_with("#0=(#0# . #1=(#1# . #2=("));
        for pair in &pairs {
            set_cdr(pair, Value::Null);
            if let Value::Pair(p) = pair {
                *p.car.borrow_mut() = Value::Null;
            }
        }
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

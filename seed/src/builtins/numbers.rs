//! Number builtins: arithmetic, comparison, integer division, conversion.
//!
//! Purpose: R7RS-small's numeric procedures over the seed's two number
//! types, 64-bit exact integers (`Value::Int`) and flonums (`Value::Float`).
//!
//! Design:
//! 1. Each argument is first checked and turned into a [`Num`]; `+ - * /`
//!    share one step, `combine`: both exact gives a checked `i64`
//!    operation, anything else gives the `f64` operation (contagion).
//! 2. Exact results that do not fit in 64 bits raise `NAME: integer
//!    overflow`; nothing wraps. `/` of exact integers is exact only when the
//!    division is; otherwise it is a flonum (there are no rationals).
//! 3. The integer divisions (`quotient`, `modulo`, `floor/`, …) share one
//!    routine that computes both quotient and remainder, truncating or
//!    flooring, and returns the part the procedure's name asks for.
//!
//! Invariant: no argument makes a builtin here panic: every `i64` operation
//! that can overflow (`+ - * abs expt`, `i64::MIN / -1`, shifts) is checked.
//!
//! Not done here: bignums, rationals, complex numbers, `exact-integer-sqrt`.
//! Comparisons between an exact integer and a flonum convert the integer to
//! a flonum, which is inexact above 2^53.

use std::cmp::Ordering;
use std::rc::Rc;

use super::{Prim, compare_chain, int_arg, text_arg};
use crate::error::{R, Unwind, error, type_error};
use crate::printer::format_flonum;
use crate::reader::parse_number;
use crate::value::Value;

#[derive(Clone, Copy)]
enum Num {
    Int(i64),
    Float(f64),
}
use Num::{Float, Int};

impl Num {
    fn f64(self) -> f64 {
        match self {
            Int(n) => n as f64,
            Float(x) => x,
        }
    }
    fn value(self) -> Value {
        match self {
            Int(n) => Value::Int(n),
            Float(x) => Value::Float(x),
        }
    }
}

fn num(who: &str, v: &Value) -> R<Num> {
    match v {
        Value::Int(n) => Ok(Int(*n)),
        Value::Float(x) => Ok(Float(*x)),
        _ => Err(type_error(who, "a number", v)),
    }
}

/// An integer: exact, or a flonum with no fractional part.
fn integer(who: &str, v: &Value) -> R<Num> {
    match num(who, v) {
        Ok(Float(x)) if x.fract() != 0.0 || !x.is_finite() => Err(type_error(who, "an integer", v)),
        Err(_) => Err(type_error(who, "an integer", v)),
        n => n,
    }
}

fn overflow(who: &str) -> Box<Unwind> {
    error(format!("{who}: integer overflow"))
}

fn division_by_zero(who: &str) -> Box<Unwind> {
    error(format!("{who}: division by zero"))
}

/// `a OP b` for `OP` one of `+ - * /`, with contagion: a checked `i64`
/// operation on two exact integers, the `f64` one otherwise. Exact `/` is
/// exact only when the division is.
fn combine(who: &str, op: &str, a: Num, b: Num) -> R<Num> {
    if let (Int(x), Int(y)) = (a, b) {
        let exact = match op {
            "+" => x.checked_add(y),
            "-" => x.checked_sub(y),
            "*" => x.checked_mul(y),
            _ if y == 0 => return Err(division_by_zero(who)),
            _ if x.checked_rem(y).is_some_and(|r| r != 0) => return Ok(Float(x as f64 / y as f64)),
            _ => x.checked_div(y),
        };
        return exact.map(Int).ok_or_else(|| overflow(who));
    }
    let (x, y) = (a.f64(), b.f64());
    Ok(Float(match op {
        "+" => x + y,
        "-" => x - y,
        "*" => x * y,
        _ if matches!(b, Int(0)) => return Err(division_by_zero(who)),
        _ => x / y,
    }))
}

/// `+ - * /` fold from 0 or 1, except that `-` and `/` with two or more
/// arguments fold from the first.
fn arith(who: &str, args: &[Value]) -> R<Value> {
    // Negation, not `0 - x`: `(- 0.0)` is -0.0.
    if let ("-", [Value::Float(x)]) = (who, args) {
        return Ok(Value::Float(-x));
    }
    let (mut acc, rest) = match args {
        [first, rest @ ..] if matches!(who, "-" | "/") && !rest.is_empty() => (num(who, first)?, rest),
        _ => (Int(if matches!(who, "*" | "/") { 1 } else { 0 }), args),
    };
    for arg in rest {
        acc = combine(who, who, acc, num(who, arg)?)?;
    }
    Ok(acc.value())
}

fn compare(a: &Num, b: &Num) -> Option<Ordering> {
    match (a, b) {
        (Int(x), Int(y)) => Some(x.cmp(y)),
        _ => a.f64().partial_cmp(&b.f64()),
    }
}

/// The integer divisions, named as R7RS names them: the quotient, the
/// remainder or both (`…/`) of a division that truncates, or floors
/// (`floor-…` and `modulo`).
fn int_divide(who: &str, args: &[Value]) -> R<Value> {
    let floor = who == "modulo" || who.starts_with("floor");
    let (quotient, remainder) = match (integer(who, &args[0])?, integer(who, &args[1])?) {
        (_, Int(0) | Float(0.0)) => return Err(division_by_zero(who)),
        (Int(x), Int(y)) => {
            // Only `i64::MIN / -1` overflows, and only in the quotient.
            let (mut q, mut r) = (x.checked_div(y), x.wrapping_rem(y));
            if floor && r != 0 && (r < 0) != (y < 0) {
                (q, r) = (q.map(|q| q - 1), r + y);
            }
            (q.map(Value::Int), Value::Int(r))
        }
        (a, b) => {
            let (x, y) = (a.f64(), b.f64());
            let mut r = x % y;
            if floor && r != 0.0 && (r < 0.0) != (y < 0.0) {
                r += y;
            }
            (Some(Value::Float(if floor { (x / y).floor() } else { (x / y).trunc() })), Value::Float(r))
        }
    };
    let quotient = quotient.ok_or_else(|| overflow(who));
    match who {
        "remainder" | "modulo" | "truncate-remainder" | "floor-remainder" => Ok(remainder),
        "truncate/" | "floor/" => Ok(Value::Values(Rc::new(vec![quotient?, remainder]))),
        _ => quotient,
    }
}

fn gcd2(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd2(b, a % b) }
}

fn gcd_lcm(who: &str, args: &[Value]) -> R<Value> {
    let lcm = who == "lcm";
    let mut acc: u64 = if lcm { 1 } else { 0 };
    for arg in args {
        let n = int_arg(who, arg)?.unsigned_abs();
        acc = match lcm {
            false => gcd2(acc, n),
            true if n == 0 || acc == 0 => 0,
            true => (acc / gcd2(acc, n)).checked_mul(n).ok_or_else(|| overflow(who))?,
        };
    }
    i64::try_from(acc).map(Value::Int).map_err(|_| overflow(who))
}

fn min_max(who: &str, args: &[Value]) -> R<Value> {
    let want = if who == "max" { Ordering::Greater } else { Ordering::Less };
    let nums = args.iter().map(|v| num(who, v)).collect::<R<Vec<_>>>()?;
    let better = |n: &Num, best: &Num| compare(n, best) == Some(want) || n.f64().is_nan();
    let best = nums[1..].iter().fold(nums[0], |best, n| if better(n, &best) { *n } else { best });
    Ok(if nums.iter().any(|n| matches!(n, Float(_))) { Value::Float(best.f64()) } else { best.value() })
}

fn expt(who: &str, base: Num, power: Num) -> R<Value> {
    match (base, power) {
        (Int(b), Int(e)) if e >= 0 => match (b, u32::try_from(e)) {
            (_, Ok(e)) => b.checked_pow(e).map(Value::Int).ok_or_else(|| overflow(who)),
            (0 | 1, Err(_)) => Ok(Value::Int(b)),
            (-1, Err(_)) => Ok(Value::Int(if e % 2 == 0 { 1 } else { -1 })),
            _ => Err(overflow(who)),
        },
        _ => Ok(Value::Float(base.f64().powf(power.f64()))),
    }
}

/// An exact root when there is one, else a flonum.
fn sqrt(n: Num) -> Value {
    let root = match n {
        Int(n) if n >= 0 => {
            let guess = (n as f64).sqrt() as i64;
            (guess - 1..=guess + 1).find(|root| root.checked_mul(*root) == Some(n))
        }
        _ => None,
    };
    root.map_or(Value::Float(n.f64().sqrt()), Value::Int)
}

fn exact(who: &str, v: &Value) -> R<Value> {
    match num(who, v)? {
        Float(x) if x.fract() == 0.0 && (i64::MIN as f64..i64::MAX as f64).contains(&x) => Ok(Value::Int(x as i64)),
        Float(x) if x.fract() == 0.0 => Err(overflow(who)),
        Float(x) => Err(error(format!("{who}: no exact representation for {}", format_flonum(x)))),
        Int(n) => Ok(Value::Int(n)),
    }
}

/// `floor round truncate ceiling`: exact integers are already integral.
fn rounding(who: &str, v: &Value, round: fn(f64) -> f64) -> R<Value> {
    let n = num(who, v)?;
    Ok(if let Float(x) = n { Value::Float(round(x)) } else { n.value() })
}

fn transcendental(who: &str, v: &Value, f: fn(f64) -> f64) -> R<Value> {
    Ok(Value::Float(f(num(who, v)?.f64())))
}

/// A numeric predicate; non-numbers are a type error.
fn test(who: &str, v: &Value, holds: fn(Num) -> bool) -> R<Value> {
    Ok(Value::Bool(holds(num(who, v)?)))
}

fn parity(who: &str, v: &Value) -> R<Value> {
    let n = integer(who, v)?;
    let odd = if let Int(n) = n { n % 2 != 0 } else { n.f64() % 2.0 != 0.0 };
    Ok(Value::Bool(odd == (who == "odd?")))
}

fn radix_arg(who: &str, args: &[Value]) -> R<u32> {
    match args.get(1).map(|v| int_arg(who, v)).transpose()? {
        None => Ok(10),
        Some(&r @ (2 | 8 | 10 | 16)) => Ok(r as u32),
        Some(r) => Err(error(format!("{who}: radix must be 2, 8, 10 or 16, got {r}"))),
    }
}

fn number_to_string(who: &str, args: &[Value]) -> R<Value> {
    let radix = radix_arg(who, args)?;
    let text = match num(who, &args[0])? {
        Float(x) if radix == 10 => format_flonum(x),
        Float(_) => return Err(error(format!("{who}: a flonum can only be printed in radix 10"))),
        Int(n) => {
            let (sign, m) = (if n < 0 { "-" } else { "" }, n.unsigned_abs());
            match radix {
                2 => format!("{sign}{m:b}"),
                8 => format!("{sign}{m:o}"),
                16 => format!("{sign}{m:x}"),
                _ => n.to_string(),
            }
        }
    };
    Ok(Value::string(&text, true))
}

fn bitwise(who: &str, args: &[Value], unit: i64, op: fn(i64, i64) -> i64) -> R<Value> {
    args.iter().try_fold(unit, |acc, v| Ok(op(acc, *int_arg(who, v)?))).map(Value::Int)
}

fn arithmetic_shift(who: &str, args: &[Value]) -> R<Value> {
    let (n, count) = (*int_arg(who, &args[0])?, *int_arg(who, &args[1])?);
    match u32::try_from(count) {
        Err(_) if count < 0 => Ok(Value::Int(n >> count.unsigned_abs().min(63))),
        _ if n == 0 => Ok(Value::Int(0)),
        Ok(c) if c < 64 && (n << c) >> c == n => Ok(Value::Int(n << c)),
        _ => Err(overflow(who)),
    }
}

pub static PRIMS: &[Prim] = prims![
    (["+", "*"], 0, None, |_, a, who| arith(who, a)),
    (["-", "/"], 1, None, |_, a, who| arith(who, a)),
    (["=", "<", ">", "<=", ">="], 1, None, |_, a, who| compare_chain(who, a, |v| num(who, v), compare)),
    (["quotient", "remainder", "modulo"], 2, Some(2), |_, a, who| int_divide(who, a)),
    (["truncate-quotient", "truncate-remainder", "truncate/"], 2, Some(2), |_, a, who| int_divide(who, a)),
    (["floor-quotient", "floor-remainder", "floor/"], 2, Some(2), |_, a, who| int_divide(who, a)),
    (["gcd", "lcm"], 0, None, |_, a, who| gcd_lcm(who, a)),
    (["abs"], 1, Some(1), |_, a, who| match num(who, &a[0])? {
        Int(n) => n.checked_abs().map(Value::Int).ok_or_else(|| overflow(who)),
        Float(x) => Ok(Value::Float(x.abs())),
    }),
    (["min", "max"], 1, None, |_, a, who| min_max(who, a)),
    (["expt"], 2, Some(2), |_, a, who| expt(who, num(who, &a[0])?, num(who, &a[1])?)),
    (["square"], 1, Some(1), |_, a, who| combine(who, "*", num(who, &a[0])?, num(who, &a[0])?).map(Num::value)),
    (["sqrt"], 1, Some(1), |_, a, who| Ok(sqrt(num(who, &a[0])?))),
    (["exact", "inexact->exact"], 1, Some(1), |_, a, who| exact(who, &a[0])),
    (["inexact", "exact->inexact"], 1, Some(1), |_, a, who| Ok(Value::Float(num(who, &a[0])?.f64()))),
    (["floor"], 1, Some(1), |_, a, who| rounding(who, &a[0], f64::floor)),
    (["ceiling"], 1, Some(1), |_, a, who| rounding(who, &a[0], f64::ceil)),
    (["truncate"], 1, Some(1), |_, a, who| rounding(who, &a[0], f64::trunc)),
    (["round"], 1, Some(1), |_, a, who| rounding(who, &a[0], f64::round_ties_even)),
    (["number?", "real?"], 1, Some(1), |_, a, _| Ok(Value::Bool(matches!(a[0], Value::Int(_) | Value::Float(_))))),
    (["rational?"], 1, Some(1), |_, a, _| {
        Ok(Value::Bool(matches!(a[0], Value::Int(_)) || matches!(a[0], Value::Float(x) if x.is_finite())))
    }),
    (["integer?"], 1, Some(1), |_, a, who| Ok(Value::Bool(integer(who, &a[0]).is_ok()))),
    (["exact-integer?"], 1, Some(1), |_, a, _| Ok(Value::Bool(matches!(a[0], Value::Int(_))))),
    (["exact?"], 1, Some(1), |_, a, who| test(who, &a[0], |n| matches!(n, Int(_)))),
    (["inexact?"], 1, Some(1), |_, a, who| test(who, &a[0], |n| matches!(n, Float(_)))),
    (["nan?"], 1, Some(1), |_, a, who| test(who, &a[0], |n| n.f64().is_nan())),
    (["finite?"], 1, Some(1), |_, a, who| test(who, &a[0], |n| n.f64().is_finite())),
    (["infinite?"], 1, Some(1), |_, a, who| test(who, &a[0], |n| n.f64().is_infinite())),
    (["zero?"], 1, Some(1), |_, a, who| test(who, &a[0], |n| n.f64() == 0.0)),
    (["positive?"], 1, Some(1), |_, a, who| test(who, &a[0], |n| n.f64() > 0.0)),
    (["negative?"], 1, Some(1), |_, a, who| test(who, &a[0], |n| n.f64() < 0.0)),
    (["even?", "odd?"], 1, Some(1), |_, a, who| parity(who, &a[0])),
    (["number->string"], 1, Some(2), |_, a, who| number_to_string(who, a)),
    (["string->number"], 1, Some(2), |_, a, who| {
        let radix = radix_arg(who, a)?;
        Ok(parse_number(&text_arg(who, &a[0])?, radix).unwrap_or(Value::Bool(false)))
    }),
    (["exp"], 1, Some(1), |_, a, who| transcendental(who, &a[0], f64::exp)),
    (["sin"], 1, Some(1), |_, a, who| transcendental(who, &a[0], f64::sin)),
    (["cos"], 1, Some(1), |_, a, who| transcendental(who, &a[0], f64::cos)),
    (["tan"], 1, Some(1), |_, a, who| transcendental(who, &a[0], f64::tan)),
    (["asin"], 1, Some(1), |_, a, who| transcendental(who, &a[0], f64::asin)),
    (["acos"], 1, Some(1), |_, a, who| transcendental(who, &a[0], f64::acos)),
    (["log"], 1, Some(2), |_, a, who| match a {
        [x, base] => Ok(Value::Float(num(who, x)?.f64().ln() / num(who, base)?.f64().ln())),
        _ => transcendental(who, &a[0], f64::ln),
    }),
    (["atan"], 1, Some(2), |_, a, who| match a {
        [y, x] => Ok(Value::Float(num(who, y)?.f64().atan2(num(who, x)?.f64()))),
        _ => transcendental(who, &a[0], f64::atan),
    }),
    (["bitwise-and"], 0, None, |_, a, who| bitwise(who, a, -1, |x, y| x & y)),
    (["bitwise-or"], 0, None, |_, a, who| bitwise(who, a, 0, |x, y| x | y)),
    (["bitwise-xor"], 0, None, |_, a, who| bitwise(who, a, 0, |x, y| x ^ y)),
    (["bitwise-not"], 1, Some(1), |_, a, who| Ok(Value::Int(!*int_arg(who, &a[0])?))),
    (["arithmetic-shift"], 2, Some(2), |_, a, who| arithmetic_shift(who, a)),
];

#[cfg(test)]
mod tests {
    use super::super::check;
    use super::*;
    use Value::{Float as F, Int as I};

    #[test]
    fn arithmetic_and_overflow() {
        assert_eq!(check("+", &[I(1), I(2), F(0.5)]), "3.5");
        assert_eq!(check("+", &[]), "0");
        assert_eq!(check("-", &[I(5)]), "-5");
        assert_eq!(check("+", &[I(i64::MAX), I(1)]), "error: +: integer overflow");
        assert_eq!(check("*", &[I(1 << 62), I(2)]), "error: *: integer overflow");
        assert_eq!(check("-", &[I(i64::MIN)]), "error: -: integer overflow");
        assert_eq!(check("abs", &[I(i64::MIN)]), "error: abs: integer overflow");
        assert_eq!(check("expt", &[I(2), I(62)]), "4611686018427387904");
        assert_eq!(check("expt", &[I(2), I(63)]), "error: expt: integer overflow");
        assert_eq!(check("expt", &[I(2), I(-1)]), "0.5");
        assert_eq!(check("arithmetic-shift", &[I(1), I(63)]), "error: arithmetic-shift: integer overflow");
        assert_eq!(check("arithmetic-shift", &[I(-8), I(-100)]), "-1");
        assert_eq!(check("+", &[I(1), Value::Bool(true)]), "error: +: expected a number, got #t");
    }

    #[test]
    fn division() {
        assert_eq!(check("/", &[I(7), I(2)]), "3.5");
        assert_eq!(check("/", &[I(6), I(3)]), "2");
        assert_eq!(check("/", &[I(2)]), "0.5");
        assert_eq!(check("/", &[I(1), I(0)]), "error: /: division by zero");
        assert_eq!(check("/", &[F(1.0), F(0.0)]), "+inf.0");
        assert_eq!(check("/", &[I(i64::MIN), I(-1)]), "error: /: integer overflow");
        assert_eq!(check("quotient", &[I(7), I(0)]), "error: quotient: division by zero");
        assert_eq!(check("quotient", &[I(-7), I(2)]), "-3");
        assert_eq!(check("remainder", &[I(-7), I(2)]), "-1");
        assert_eq!(check("modulo", &[I(-7), I(2)]), "1");
        assert_eq!(check("modulo", &[I(7), I(-2)]), "-1");
        assert_eq!(check("remainder", &[I(i64::MIN), I(-1)]), "0");
        assert_eq!(check("quotient", &[I(i64::MIN), I(-1)]), "error: quotient: integer overflow");
        assert_eq!(check("floor/", &[I(-7), I(2)]), "-4 1");
        assert_eq!(check("modulo", &[F(-7.0), I(2)]), "1.0");
        assert_eq!(check("quotient", &[F(1.5), I(2)]), "error: quotient: expected an integer, got 1.5");
    }

    #[test]
    fn conversions_and_rounding() {
        assert_eq!(check("exact", &[F(1.5)]), "error: exact: no exact representation for 1.5");
        assert_eq!(check("exact", &[F(f64::NAN)]), "error: exact: no exact representation for +nan.0");
        assert_eq!(check("exact", &[F(1e300)]), "error: exact: integer overflow");
        assert_eq!(check("exact", &[F(-3.0)]), "-3");
        assert_eq!(check("round", &[F(2.5)]), "2.0");
        assert_eq!(check("round", &[F(-3.5)]), "-4.0");
        assert_eq!(check("round", &[I(7)]), "7");
        assert_eq!(check("sqrt", &[I(16)]), "4");
        assert_eq!(check("sqrt", &[I(2)]), "1.4142135623730951");
        assert_eq!(check("sqrt", &[I(i64::MAX)]), "3037000499.97605");
        assert_eq!(check("max", &[I(1), F(2.0), I(3)]), "3.0");
        assert_eq!(check("gcd", &[I(12), I(-18)]), "6");
        assert_eq!(check("lcm", &[I(4), I(6)]), "12");
        assert_eq!(check("number->string", &[I(-255), I(16)]), "\"-ff\"");
        assert_eq!(check("number->string", &[F(1e21)]), "\"1e21\"");
        assert_eq!(check("string->number", &[Value::string("ff", false), I(16)]), "255");
        assert_eq!(check("string->number", &[Value::string("1e3", false)]), "1000.0");
        assert_eq!(check("string->number", &[Value::string("abc", false)]), "#f");
        assert_eq!(check("<", &[I(1), I(2), F(2.5)]), "#t");
        assert_eq!(check("=", &[I(1), F(f64::NAN)]), "#f");
    }
}

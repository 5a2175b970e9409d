//! The seed's reader: R7RS lexical syntax to data with source positions.
//!
//! Purpose: turn program text into Utena data, remembering where each list
//! came from so that errors can point at `FILE:LINE:COL`.
//!
//! Algorithm: a recursive-descent parser over the characters of the source.
//! 1. Skip whitespace and comments (`;`, nested `#| … |#`, `#;` datum).
//! 2. Dispatch on the first character: `(`/`[` list, `'` `` ` `` `,` `,@`
//!    abbreviations, `"` string, `#` syntax (`#(` vector, `#u8(` bytevector,
//!    `#\` character, `#t`/`#f`/`#true`/`#false`, `#x`/`#b`/`#o`/`#d`/`#e`/`#i`
//!    numbers), `|…|` symbol, otherwise a token that is a number if it parses
//!    as one and a symbol if not.
//! 3. Lists are built front to back; `.` before the last datum makes a
//!    dotted tail.
//!
//! Position rule (the Utena reader in `runtime-src/reader` follows the same
//! rule, and a differential test compares them): the first pair of a list
//! carries the position of its opening parenthesis (or of the quote
//! character of an abbreviation); every later pair carries the position of
//! its element. Lines and columns count from 1; a column counts characters.
//!
//! Invariant: no input makes the reader panic or loop; every failure is a
//! `ReadError` with a position. Nesting deeper than `MAX_DEPTH` is an error
//! rather than a Rust stack overflow.

use std::cell::RefCell;
use std::rc::Rc;

use crate::value::{Form, Pos, Sym, Value};
use crate::{Report, SeedError};

const MAX_DEPTH: usize = 100_000;

thread_local! {
    static FILES: RefCell<Vec<Rc<str>>> = RefCell::new(vec![Rc::from("<unknown>")]);
}

/// The id of a file name in the position table (ids start at 1).
pub fn file_id(name: &str) -> u32 {
    FILES.with(|files| {
        let mut files = files.borrow_mut();
        if let Some(index) = files.iter().position(|f| &**f == name) {
            return index as u32;
        }
        files.push(Rc::from(name));
        (files.len() - 1) as u32
    })
}

pub fn file_name(id: u32) -> Rc<str> {
    FILES.with(|files| files.borrow().get(id as usize).cloned().unwrap_or_else(|| Rc::from("<unknown>")))
}

/// `FILE:LINE:COL` for a known position.
pub fn format_pos(pos: Pos) -> String {
    format!("{}:{}:{}", file_name(pos.file), pos.line, pos.col)
}

#[derive(Debug)]
pub struct ReadError {
    pub pos: Pos,
    pub message: String,
    /// The input ended inside a datum (the REPL asks for more lines).
    pub incomplete: bool,
}

impl ReadError {
    pub fn into_seed_error(self) -> SeedError {
        SeedError::Program(Report { location: Some(format_pos(self.pos)), message: self.message, backtrace: vec![] })
    }
}

struct Reader<'a> {
    chars: &'a [char],
    index: usize,
    line: u32,
    col: u32,
    file: u32,
    depth: usize,
}

type Read<T> = Result<T, ReadError>;

/// Reads every datum of `source`; each comes with its own position.
pub fn read_all(file: u32, source: &str) -> Read<Vec<Form>> {
    let chars: Vec<char> = source.chars().collect();
    let mut reader = Reader { chars: &chars, index: 0, line: 1, col: 1, file, depth: 0 };
    reader.skip_shebang();
    let mut data = Vec::new();
    loop {
        reader.skip_atmosphere()?;
        if reader.peek().is_none() {
            return Ok(data);
        }
        let pos = reader.pos();
        data.push((reader.datum()?, pos));
    }
}

pub fn input_is_complete(source: &str) -> bool {
    !matches!(read_all(0, source), Err(ReadError { incomplete: true, .. }))
}

/// The data of `source` written back, each list prefixed by `@LINE:COL`.
pub fn dump(name: &str, source: &str) -> Result<String, SeedError> {
    let data = read_all(file_id(name), source).map_err(ReadError::into_seed_error)?;
    let mut out = String::new();
    for (datum, pos) in data {
        out.push_str(&format!("{}:{} ", pos.line, pos.col));
        dump_datum(&datum, &mut out);
        out.push('\n');
    }
    Ok(out)
}

fn dump_datum(datum: &Value, out: &mut String) {
    let Value::Pair(head) = datum else {
        out.push_str(&crate::printer::write_string(datum));
        return;
    };
    let pos = head.pos.get();
    let (items, tail) = datum.parts(pos);
    out.push_str(&format!("@{}:{}(", pos.line, pos.col));
    for (index, (item, _)) in items.iter().enumerate() {
        out.push_str(if index == 0 { "" } else { " " });
        dump_datum(item, out);
    }
    if !matches!(tail, Value::Null) {
        out.push_str(" . ");
        dump_datum(&tail, out);
    }
    out.push(')');
}

/// `#\name` characters (R7RS, plus a few traditional names). The first
/// name of each character is the one `write` prints (printer.rs).
#[rustfmt::skip]
pub const CHARACTER_NAMES: [(&str, char); 13] = [
    ("space", ' '), ("newline", '\n'), ("linefeed", '\n'), ("tab", '\t'), ("nul", '\0'), ("null", '\0'),
    ("return", '\r'), ("alarm", '\u{7}'), ("backspace", '\u{8}'), ("delete", '\u{7f}'), ("rubout", '\u{7f}'),
    ("escape", '\u{1b}'), ("altmode", '\u{1b}'),
];

fn is_delimiter(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '"' | ';' | '|')
}

impl Reader<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.index).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.index + offset).copied()
    }

    fn pos(&self) -> Pos {
        Pos { file: self.file, line: self.line, col: self.col }
    }

    fn advance(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.index += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn error<T>(&self, pos: Pos, message: impl Into<String>) -> Read<T> {
        Err(ReadError { pos, message: message.into(), incomplete: false })
    }

    fn eof_error<T>(&self, pos: Pos, what: &str) -> Read<T> {
        Err(ReadError { pos, message: format!("unexpected end of input in {what}"), incomplete: true })
    }

    fn skip_shebang(&mut self) {
        if self.peek() == Some('#') && self.peek_at(1) == Some('!') {
            while self.peek().is_some_and(|c| c != '\n') {
                self.advance();
            }
        }
    }

    /// Skips whitespace and all three kinds of comment.
    fn skip_atmosphere(&mut self) -> Read<()> {
        loop {
            match self.peek() {
                Some(c) if c.is_whitespace() => {
                    self.advance();
                }
                Some(';') => {
                    while let Some(c) = self.advance() {
                        if c == '\n' {
                            break;
                        }
                    }
                }
                Some('#') if self.peek_at(1) == Some('|') => self.skip_block_comment()?,
                Some('#') if self.peek_at(1) == Some(';') => {
                    self.skip(2);
                    self.skip_atmosphere()?;
                    if self.peek().is_none() {
                        return self.eof_error(self.pos(), "datum comment");
                    }
                    self.datum()?;
                }
                _ => return Ok(()),
            }
        }
    }

    fn skip_block_comment(&mut self) -> Read<()> {
        let start = self.pos();
        self.skip(2);
        let mut nesting = 1;
        while nesting > 0 {
            match self.advance() {
                None => return self.eof_error(start, "block comment"),
                Some('|') if self.peek() == Some('#') => {
                    self.advance();
                    nesting -= 1;
                }
                Some('#') if self.peek() == Some('|') => {
                    self.advance();
                    nesting += 1;
                }
                Some(_) => {}
            }
        }
        Ok(())
    }

    fn datum(&mut self) -> Read<Value> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.error(self.pos(), format!("data nested more than {MAX_DEPTH} deep"));
        }
        let result = self.datum_inner();
        self.depth -= 1;
        result
    }

    fn datum_inner(&mut self) -> Read<Value> {
        let pos = self.pos();
        let Some(c) = self.peek() else { return self.eof_error(pos, "datum") };
        match c {
            '(' | '[' => {
                self.advance();
                self.list(pos, if c == '(' { ')' } else { ']' })
            }
            ')' | ']' => self.error(pos, format!("unexpected `{c}`")),
            '\'' => self.abbreviation(pos, "quote", 1),
            '`' => self.abbreviation(pos, "quasiquote", 1),
            ',' if self.peek_at(1) == Some('@') => self.abbreviation(pos, "unquote-splicing", 2),
            ',' => self.abbreviation(pos, "unquote", 1),
            '"' => Ok(Value::string(&self.quoted(pos, '"', "string")?, false)),
            '|' => Ok(Value::Sym(Sym::intern(&self.quoted(pos, '|', "`|…|` symbol")?))),
            '#' => self.hash_syntax(pos),
            _ => {
                let token = self.token();
                if let Some(number) = parse_number(&token, 10) {
                    return Ok(number);
                }
                let digits = token.strip_prefix(['+', '-']).unwrap_or(&token);
                let all_digits = |text: &str| !text.is_empty() && text.chars().all(|c| c.is_ascii_digit());
                if all_digits(digits) {
                    return self.error(pos, format!("integer literal {token} does not fit in 64 bits"));
                }
                if digits.split_once('/').is_some_and(|(n, d)| all_digits(n) && all_digits(d)) {
                    return self.error(pos, format!("{token}: Utena has no exact rationals; write a decimal instead"));
                }
                Ok(Value::Sym(Sym::intern(&token)))
            }
        }
    }

    fn token(&mut self) -> String {
        let mut token = String::new();
        while let Some(c) = self.peek() {
            if is_delimiter(c) {
                break;
            }
            token.push(c);
            self.advance();
        }
        token
    }

    fn list(&mut self, open: Pos, close: char) -> Read<Value> {
        let mut items: Vec<Form> = Vec::new();
        let mut tail = Value::Null;
        loop {
            self.skip_atmosphere()?;
            let pos = self.pos();
            match self.peek() {
                None => return self.eof_error(open, "list"),
                Some(c @ (')' | ']')) => {
                    self.advance();
                    if c != close {
                        return self.error(pos, format!("`{c}` does not match the opening bracket"));
                    }
                    break;
                }
                Some('.') if self.peek_at(1).is_none_or(is_delimiter) => {
                    self.advance();
                    if items.is_empty() {
                        return self.error(pos, "`.` must follow at least one datum");
                    }
                    self.skip_atmosphere()?;
                    if matches!(self.peek(), Some(')' | ']')) {
                        return self.error(pos, "`.` must be followed by a datum");
                    }
                    tail = self.datum()?;
                    self.skip_atmosphere()?;
                    match self.advance() {
                        Some(c) if c == close => break,
                        None => return self.eof_error(open, "list"),
                        Some(_) => return self.error(pos, "only one datum may follow `.`"),
                    }
                }
                Some(_) => items.push((self.datum()?, pos)),
            }
        }
        let mut list = tail;
        for (index, (item, pos)) in items.into_iter().enumerate().rev() {
            list = Value::cons_at(item, list, if index == 0 { open } else { pos });
        }
        Ok(list)
    }

    fn abbreviation(&mut self, pos: Pos, name: &str, width: usize) -> Read<Value> {
        self.skip(width);
        self.skip_atmosphere()?;
        let datum_pos = self.pos();
        if self.peek().is_none() {
            return self.eof_error(pos, "quotation");
        }
        if matches!(self.peek(), Some(')' | ']')) {
            return self.error(datum_pos, format!("`{name}` needs a datum to its right"));
        }
        let datum = self.datum()?;
        Ok(Value::cons_at(Value::sym(name), Value::cons_at(datum, Value::Null, datum_pos), pos))
    }

    /// The text of a string or `|…|` symbol up to the closing `quote`, with
    /// its escapes replaced; `what` names it in an end-of-input error.
    fn quoted(&mut self, start: Pos, quote: char, what: &str) -> Read<String> {
        self.advance();
        let mut text = String::new();
        loop {
            match self.advance() {
                None => return self.eof_error(start, what),
                Some(c) if c == quote => return Ok(text),
                Some('\\') => {
                    let escape_pos = self.pos();
                    match self.advance() {
                        None => return self.eof_error(start, what),
                        Some(c) => self.string_escape(c, escape_pos, &mut text)?,
                    }
                }
                Some(c) => text.push(c),
            }
        }
    }

    fn string_escape(&mut self, c: char, pos: Pos, text: &mut String) -> Read<()> {
        #[rustfmt::skip]
        const SIMPLE: [(char, char); 9] = [
            ('a', '\u{7}'), ('b', '\u{8}'), ('t', '\t'), ('n', '\n'), ('r', '\r'), ('0', '\0'), ('"', '"'),
            ('\\', '\\'), ('|', '|'),
        ];
        if let Some(&(_, escaped)) = SIMPLE.iter().find(|(e, _)| *e == c) {
            text.push(escaped);
            return Ok(());
        }
        match c {
            'x' | 'X' => {
                let mut hex = String::new();
                loop {
                    match self.advance() {
                        Some(';') => break,
                        Some(h) if h.is_ascii_hexdigit() && hex.len() < 8 => hex.push(h),
                        None => return self.eof_error(pos, "string"),
                        Some(_) => return self.error(pos, "bad `\\x` escape in string: expected hex digits and `;`"),
                    }
                }
                match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    Some(ch) => text.push(ch),
                    None => return self.error(pos, format!("`\\x{hex};` is not a Unicode scalar value")),
                }
            }
            c if c == '\n' || c == ' ' || c == '\t' || c == '\r' => {
                // Line continuation: skip to the newline, then leading blanks.
                let mut saw_newline = c == '\n';
                while let Some(next) = self.peek() {
                    if next == '\n' && !saw_newline {
                        saw_newline = true;
                    } else if next != ' ' && next != '\t' && next != '\r' {
                        break;
                    }
                    self.advance();
                }
                if !saw_newline {
                    return self.error(pos, "`\\` followed by spaces must end the line");
                }
            }
            other => return self.error(pos, format!("unknown string escape `\\{other}`")),
        }
        Ok(())
    }

    fn hash_syntax(&mut self, pos: Pos) -> Read<Value> {
        match self.peek_at(1) {
            Some('(') => {
                self.skip(2);
                Ok(Value::vector(self.literal_items(pos)?))
            }
            Some('\\') => {
                self.skip(2);
                self.character(pos)
            }
            Some('u') if self.peek_at(2) == Some('8') && self.peek_at(3) == Some('(') => {
                self.skip(4);
                let mut bytes = Vec::new();
                for item in self.literal_items(pos)? {
                    let Value::Int(byte @ 0..=255) = item else {
                        let text = crate::printer::write_string(&item);
                        return self.error(pos, format!("bytevector element {text} is not a byte (0 to 255)"));
                    };
                    bytes.push(byte as u8);
                }
                Ok(Value::Bytes(Rc::new(RefCell::new(bytes))))
            }
            Some(_) => {
                self.advance();
                let token = self.token();
                match token.as_str() {
                    "t" | "true" => Ok(Value::Bool(true)),
                    "f" | "false" => Ok(Value::Bool(false)),
                    _ => match parse_number(&format!("#{token}"), 10) {
                        Some(number) => Ok(number),
                        None => self.error(pos, format!("unknown `#` syntax `#{token}`")),
                    },
                }
            }
            None => self.eof_error(pos, "`#` syntax"),
        }
    }

    /// The elements of a `#(…)` or `#u8(…)` literal, whose opening is read.
    fn literal_items(&mut self, pos: Pos) -> Read<Vec<Value>> {
        match self.list(pos, ')')?.list_to_vec() {
            Some(items) => Ok(items),
            None => self.error(pos, "a vector literal cannot have a `.` tail"),
        }
    }

    fn skip(&mut self, count: usize) {
        for _ in 0..count {
            self.advance();
        }
    }

    fn character(&mut self, pos: Pos) -> Read<Value> {
        let Some(first) = self.advance() else { return self.eof_error(pos, "character") };
        let name = format!("{first}{}", self.token());
        let named = CHARACTER_NAMES.iter().find(|(n, _)| *n == name).map(|&(_, c)| c);
        let hex = name.strip_prefix(['x', 'U', 'u']).and_then(|hex| u32::from_str_radix(hex, 16).ok());
        match named.or_else(|| hex.and_then(char::from_u32)) {
            _ if name.chars().count() == 1 => Ok(Value::Char(first)),
            Some(c) => Ok(Value::Char(c)),
            None => self.error(pos, format!("unknown character name `#\\{name}`")),
        }
    }
}

/// Parses a number in R7RS syntax (with optional `#x #b #o #d #e #i`
/// prefixes) in `default_radix` unless a prefix says otherwise; `None` when
/// `text` is not a number. Exact integers that do not fit in 64 bits are not
/// numbers here (the caller reports them).
pub fn parse_number(text: &str, default_radix: u32) -> Option<Value> {
    let mut radix = default_radix;
    let mut exactness = None;
    let mut rest = text;
    while let Some(stripped) = rest.strip_prefix('#') {
        let mut chars = stripped.chars();
        match chars.next()?.to_ascii_lowercase() {
            'x' => radix = 16,
            'b' => radix = 2,
            'o' => radix = 8,
            'd' => radix = 10,
            'e' => exactness = Some(true),
            'i' => exactness = Some(false),
            _ => return None,
        }
        rest = chars.as_str();
    }
    let value = parse_real(rest, radix)?;
    match (exactness, value) {
        (Some(false), Value::Int(n)) => Some(Value::Float(n as f64)),
        (Some(true), Value::Float(f)) if f.fract() == 0.0 && f.abs() < 9.2e18 => Some(Value::Int(f as i64)),
        (Some(true), Value::Float(_)) => None,
        (_, value) => Some(value),
    }
}

fn parse_real(text: &str, radix: u32) -> Option<Value> {
    match text {
        "+inf.0" => return Some(Value::Float(f64::INFINITY)),
        "-inf.0" => return Some(Value::Float(f64::NEG_INFINITY)),
        "+nan.0" | "-nan.0" => return Some(Value::Float(f64::NAN)),
        _ => {}
    }
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if digits.is_empty() {
        return None;
    }
    if digits.chars().all(|c| c.is_digit(radix)) {
        return i64::from_str_radix(text.strip_prefix('+').unwrap_or(text), radix).ok().map(Value::Int);
    }
    if radix != 10 {
        return None;
    }
    // A decimal: digits with at most one `.`, then an optional exponent.
    let (mantissa, exponent) = match digits.find(['e', 'E']) {
        Some(at) => (&digits[..at], Some(&digits[at + 1..])),
        None => (digits, None),
    };
    let mantissa_ok = mantissa.chars().filter(|&c| c == '.').count() <= 1
        && mantissa.chars().any(|c| c.is_ascii_digit())
        && mantissa.chars().all(|c| c.is_ascii_digit() || c == '.');
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && e.chars().all(|c| c.is_ascii_digit())
    });
    if mantissa_ok && exponent_ok { text.parse::<f64>().ok().map(Value::Float) } else { None }
}

//! Native objects: the platform capability, and the kernel's helpers for
//! macro expansion.
//!
//! Purpose: the only place where a Utena program touches the outside world.
//! A program's entry module receives `platform`; everything with authority
//! (console, files, clock, arguments, exit, raw memory) is reached by
//! sending it messages, so code that was not handed an object cannot reach
//! what the object guards.
//!
//! Design:
//! 1. `Native` is an enum of Rust-implemented objects; `native_send`
//!    dispatches on (object, selector).
//! 2. The first implementation of `magic` is a *simulated memory*: a
//!    zero-filled byte vector posing as an address space, with bounds-checked
//!    byte and 64-bit little-endian word access. The allocator, collector and
//!    image writer run against it before any native code exists.
//! 3. `Renamer` and `Comparer` are the `rename` and `compare` procedures a
//!    macro transformer receives (explicit renaming; see analyze.rs).
//!
//! Invariant: no builtin of the language scope refers to anything here;
//! the only path to a `Native::Platform` is the entry module's `platform`.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use crate::analyze::Scope;
use crate::builtins::{int_arg, text_arg};
use crate::error::{R, Unwind, check_arity, error, type_error};
use crate::eval::Interp;
use crate::objects::not_understood;
use crate::printer::{display_string, write_string};
use crate::value::{Sym, Value};

/// The default size of the platform's simulated memory.
const DEFAULT_MEMORY: usize = 64 << 20;
/// The largest simulated memory a program may ask for (4 GiB): pages are
/// zero-filled lazily by the OS, but a runaway size must not abort the seed.
const MAX_MEMORY: i64 = 1 << 32;

pub enum Native {
    /// The machine capability is made on first request, then shared.
    Platform(RefCell<Option<Value>>),
    /// Standard output, or (`true`) standard error.
    Console(bool),
    Files,
    Clock,
    Memory(RefCell<Vec<u8>>),
    Renamer {
        scope: Rc<Scope>,
        memo: RefCell<Vec<(Value, Value)>>,
    },
    Comparer {
        scope: Rc<Scope>,
    },
}

impl Native {
    pub fn type_name(&self) -> &'static str {
        match self {
            Native::Platform(_) => "platform",
            Native::Console(_) => "console",
            Native::Files => "files",
            Native::Clock => "clock",
            Native::Memory(_) => "simulated-memory",
            Native::Renamer { .. } => "procedure rename",
            Native::Comparer { .. } => "procedure compare",
        }
    }

    pub fn is_applicable(&self) -> bool {
        matches!(self, Native::Renamer { .. } | Native::Comparer { .. })
    }
}

fn native(value: Native) -> Value {
    Value::Native(Rc::new(value))
}

impl Interp {
    pub fn native_apply(&mut self, native: &Native, args: Vec<Value>) -> R<Value> {
        match native {
            Native::Renamer { scope, memo } => {
                check_arity("rename", 1, Some(1), args.len())?;
                let id = &args[0];
                if !id.is_identifier() {
                    return Err(type_error("rename", "an identifier", id));
                }
                if let Some((_, alias)) = memo.borrow().iter().find(|(k, _)| crate::value::eqv(k, id)) {
                    return Ok(alias.clone());
                }
                let alias = Interp::make_alias(id, scope);
                memo.borrow_mut().push((id.clone(), alias.clone()));
                Ok(alias)
            }
            Native::Comparer { scope } => {
                check_arity("compare", 2, Some(2), args.len())?;
                let both = args[0].is_identifier() && args[1].is_identifier();
                Ok(Value::Bool(both && self.same_binding(&args[0], &args[1], scope)))
            }
            _ => Err(error(format!("not a procedure: #<{}>", native.type_name()))),
        }
    }

    pub fn native_send(&mut self, receiver: &Rc<Native>, selector: Sym, args: Vec<Value>) -> R<Value> {
        let name = selector.name();
        let who = &*name;
        let kind = receiver.type_name();
        let Some(&(_, _, min, max)) = MESSAGES.iter().find(|(k, m, ..)| *k == kind && *m == who) else {
            return Err(not_understood(&Value::Native(receiver.clone()), selector));
        };
        check_arity(who, min, Some(max), args.len())?;
        match (&**receiver, who, args.as_slice()) {
            (Native::Platform(_), "console", _) => Ok(native(Native::Console(false))),
            (Native::Platform(_), "error-console", _) => Ok(native(Native::Console(true))),
            (Native::Platform(_), "files", _) => Ok(native(Native::Files)),
            (Native::Platform(_), "clock", _) => Ok(native(Native::Clock)),
            (Native::Platform(magic), "magic", _) => Ok(magic
                .borrow_mut()
                .get_or_insert_with(|| native(Native::Memory(RefCell::new(vec![0; DEFAULT_MEMORY]))))
                .clone()),
            (Native::Platform(_), "arguments", _) => {
                Ok(Value::list(self.program_args.iter().map(|a| Value::string(a, false)).collect::<Vec<_>>()))
            }
            (Native::Platform(_), "exit", status) => {
                let code = match status.first() {
                    None | Some(Value::Bool(true)) => 0,
                    Some(Value::Int(n)) => (*n & 0xff) as i32,
                    Some(_) => 1,
                };
                self.flush_output();
                Err(Box::new(Unwind::Exit(code)))
            }
            (Native::Console(to_stderr), _, _) => {
                self.console_write(who, &args, *to_stderr).map(|()| Value::Unspecified)
            }
            (Native::Files, "read-file", [path]) => {
                let path = text_arg(who, path)?;
                let bytes = std::fs::read(&path).map_err(|e| error(format!("{who}: cannot read {path}: {e}")))?;
                Ok(Value::string(&String::from_utf8_lossy(&bytes), true))
            }
            (Native::Files, "write-file", [path, contents]) => {
                // A bytevector is written as its bytes (an executable image), a string as UTF-8.
                let path = text_arg(who, path)?;
                let bytes = match contents {
                    Value::Bytes(bytes) => bytes.borrow().clone(),
                    text => text_arg(who, text)?.into_bytes(),
                };
                std::fs::write(&path, bytes).map_err(|e| error(format!("{who}: cannot write {path}: {e}")))?;
                Ok(Value::Unspecified)
            }
            (Native::Files, "make-executable", [path]) => {
                use std::os::unix::fs::PermissionsExt;
                let path = text_arg(who, path)?;
                let mode = std::fs::Permissions::from_mode(0o755);
                std::fs::set_permissions(&path, mode).map_err(|e| error(format!("{who}: cannot chmod {path}: {e}")))?;
                Ok(Value::Unspecified)
            }
            (Native::Files, "delete", [path]) => {
                let path = text_arg(who, path)?;
                std::fs::remove_file(&path).map_err(|e| error(format!("{who}: cannot delete {path}: {e}")))?;
                Ok(Value::Unspecified)
            }
            (Native::Files, "run", [path, arguments]) => {
                use std::os::unix::process::ExitStatusExt;
                let path = text_arg(who, path)?;
                let items = arguments.list_to_vec().ok_or_else(|| type_error(who, "a list of strings", arguments))?;
                let arguments = items.iter().map(|a| text_arg(who, a)).collect::<R<Vec<_>>>()?;
                self.flush_output();
                // A file, never a name looked up on PATH (as execve takes it natively).
                let file = std::path::Path::new(".").join(&path);
                let status = std::process::Command::new(file).args(arguments).status();
                let status = status.map_err(|e| error(format!("{who}: cannot run {path}: {e}")))?;
                Ok(Value::Int(status.code().or(status.signal().map(|n| 128 + n)).unwrap_or(1) as i64))
            }
            (Native::Files, _, [path]) => Ok(Value::Bool(std::path::Path::new(&text_arg(who, path)?).exists())),
            (Native::Clock, _, _) => Ok(Value::Int(self.start_time.elapsed().as_millis() as i64)),
            (Native::Memory(bytes), _, _) => memory_send(bytes, who, &args),
            _ => Err(not_understood(&Value::Native(receiver.clone()), selector)),
        }
    }

    fn console_write(&mut self, who: &str, args: &[Value], to_stderr: bool) -> R<()> {
        let text = match (who, args) {
            ("write-string", [Value::Str(s)]) => s.chars.borrow().iter().collect(),
            ("write-string", [other]) => return Err(type_error(who, "a string", other)),
            ("write-char", [Value::Char(c)]) => c.to_string(),
            ("write-char", [other]) => return Err(type_error(who, "a character", other)),
            ("display", [value]) => display_string(value),
            ("write", [value]) => write_string(value),
            ("newline", _) => "\n".to_string(),
            _ => {
                self.flush_output();
                return Ok(());
            }
        };
        if to_stderr {
            // Standard error is unbuffered; what was written before it comes first.
            self.flush_output();
            eprint!("{text}");
            return Ok(());
        }
        self.output.write_all(text.as_bytes()).map_err(|e| match e.kind() {
            // The reader went away (`utena run prog | head`): stop quietly,
            // with the status of a process killed by SIGPIPE.
            std::io::ErrorKind::BrokenPipe => Box::new(Unwind::Exit(128 + 13)),
            _ => error(format!("{who}: cannot write output: {e}")),
        })
    }
}

/// Every message a native object answers: (object, selector, fewest and
/// most arguments). This table is the platform's protocol.
#[rustfmt::skip]
const MESSAGES: &[(&str, &str, usize, usize)] = &[
    ("platform", "console", 0, 0), ("platform", "error-console", 0, 0), ("platform", "files", 0, 0), ("platform", "clock", 0, 0),
    ("platform", "magic", 0, 0), ("platform", "arguments", 0, 0), ("platform", "exit", 0, 1),
    ("console", "write-string", 1, 1), ("console", "write-char", 1, 1), ("console", "display", 1, 1),
    ("console", "write", 1, 1), ("console", "newline", 0, 0), ("console", "flush", 0, 0),
    ("files", "read-file", 1, 1), ("files", "write-file", 2, 2), ("files", "exists?", 1, 1),
    ("files", "make-executable", 1, 1), ("files", "delete", 1, 1), ("files", "run", 2, 2),
    ("clock", "milliseconds", 0, 0),
    ("simulated-memory", "size", 0, 0), ("simulated-memory", "byte-ref", 1, 1),
    ("simulated-memory", "byte-set!", 2, 2), ("simulated-memory", "word-ref", 1, 1),
    ("simulated-memory", "word-set!", 2, 2), ("simulated-memory", "make-memory", 1, 1),
    ("simulated-memory", "float-ref", 1, 1), ("simulated-memory", "float-set!", 2, 2),
];

/// A simulated memory message (arity already checked).
fn memory_send(bytes: &RefCell<Vec<u8>>, who: &str, args: &[Value]) -> R<Value> {
    let size = bytes.borrow().len();
    let address = |width: usize| -> R<usize> {
        let address = *int_arg(who, &args[0])?;
        match usize::try_from(address) {
            Ok(a) if a.checked_add(width).is_some_and(|end| end <= size) => Ok(a),
            _ => Err(error(format!("{who}: address {address} out of range for a simulated memory of {size} bytes"))),
        }
    };
    match who {
        "size" => Ok(Value::Int(size as i64)),
        "byte-ref" => Ok(Value::Int(bytes.borrow()[address(1)?] as i64)),
        "byte-set!" => match (address(1)?, &args[1]) {
            (at, Value::Int(b @ 0..=255)) => {
                bytes.borrow_mut()[at] = *b as u8;
                Ok(Value::Unspecified)
            }
            (_, other) => Err(type_error(who, "a byte", other)),
        },
        "word-ref" | "float-ref" => {
            let at = address(8)?;
            let mut word = [0u8; 8];
            word.copy_from_slice(&bytes.borrow()[at..at + 8]);
            Ok(if who == "word-ref" {
                Value::Int(i64::from_le_bytes(word))
            } else {
                Value::Float(f64::from_le_bytes(word))
            })
        }
        "word-set!" | "float-set!" => {
            let word = match (who, &args[1]) {
                ("float-set!", Value::Float(x)) => x.to_le_bytes(),
                ("float-set!", other) => return Err(type_error(who, "a flonum", other)),
                _ => int_arg(who, &args[1])?.to_le_bytes(),
            };
            bytes.borrow_mut()[address(8)?..][..8].copy_from_slice(&word);
            Ok(Value::Unspecified)
        }
        _ => match *int_arg(who, &args[0])? {
            n @ 0..=MAX_MEMORY => Ok(native(Native::Memory(RefCell::new(vec![0; n as usize])))),
            n => Err(error(format!("make-memory: size {n} is out of range (0 to {MAX_MEMORY} bytes)"))),
        },
    }
}

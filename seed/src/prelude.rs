//! The Utena half of the language, embedded in the seed.
//!
//! Purpose: load `runtime-src/core/*.ut` — `syntax-rules`, `let`, `cond`,
//! `define-record-type`, `map`, … — into the language scope at start-up,
//! and keep `entry.ut`, which every entry module runs with its `platform`.
//!
//! The files are embedded (`include_str!`) so the `utena` binary works from
//! any directory; error positions still name the `runtime-src/` paths.
//!
//! Invariant: the load order below is the dependency order: `syntax.ut` may
//! use only the kernel; `lists.ut` may use `syntax.ut`.

use crate::SeedError;
use crate::eval::Interp;

/// Loaded into the language scope, in this order.
const LANGUAGE: [(&str, &str); 2] = [
    ("runtime-src/core/syntax.ut", include_str!("../../runtime-src/core/syntax.ut")),
    ("runtime-src/core/lists.ut", include_str!("../../runtime-src/core/lists.ut")),
];

/// Run in every entry module scope (it sees `platform`).
pub const ENTRY: (&str, &str) = ("runtime-src/core/entry.ut", include_str!("../../runtime-src/core/entry.ut"));

pub fn load(interp: &mut Interp) -> Result<(), SeedError> {
    let scope = interp.language_scope.clone();
    for (name, source) in LANGUAGE {
        interp.run_forms(name, source, &scope)?;
    }
    interp.language.freeze();
    Ok(())
}

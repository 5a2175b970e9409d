//! The stage2 toolchain's stamp: which runtime sources a native toolchain
//! was built from, and whether `utena build` may use it.
//!
//! Purpose: let `utena build` and `utena run --engine native` run the
//! native toolchain that `utena bootstrap` left in `<runtime-src>/../target`
//! instead of running `native/build.ut` on the seed — but only while it is
//! the toolchain the current sources would make.
//!
//! Design:
//! 1. The sources' digest is SHA-256 over every `*.ut` file below
//!    runtime-src (recursively), in byte order of its path relative to
//!    runtime-src written with `/` separators; for each file: the relative
//!    path's bytes, one 0 byte, the contents' length as 8 bytes little-endian,
//!    then the contents. Nothing else goes in (not the seed, not utena): the
//!    fixpoint `utena bootstrap` checks says the toolchain depends on these
//!    sources alone.
//! 2. `utena bootstrap`, after a fixpoint, writes the digest as the stamp
//!    `OUT/stage2/utena.sources`: 64 lowercase hex digits and a newline.
//! 3. [`fresh_stage2`] is the one rule for using it: the environment
//!    variable `UTENA_NO_STAGE2` is unset (or empty or `0`),
//!    `<runtime-src>/../target/stage2/utena` is a file, and its stamp is the
//!    digest of runtime-src now. Anything else — no stamp, an unreadable
//!    file, a stale digest — means the seed path.
//!
//! Invariant: this file uses only `std` and `sha2`, so that a test (or the
//! program harness) can include the very same rule with
//! `#[path = "../src/stamp.rs"] mod stamp;` rather than a second copy.
//!
//! Not done here: building anything, or checking the toolchain itself
//! (its SHA-256 is not recorded; a hand-replaced `stage2/utena` is trusted).

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// The environment variable that forces the seed path when set to anything
/// but empty or `0`.
pub const NO_STAGE2: &str = "UTENA_NO_STAGE2";

/// The stage2 toolchain, relative to the output directory.
pub const STAGE2_TOOLCHAIN: &str = "stage2/utena";

/// The stamp next to it.
pub const STAGE2_STAMP: &str = "stage2/utena.sources";

/// The output directory `utena bootstrap` uses by default, and the only one
/// the fast path looks in: `<runtime-src>/../target`.
pub fn default_output_directory(runtime_src: &Path) -> PathBuf {
    runtime_src.parent().unwrap_or(runtime_src).join("target")
}

/// The digest of the sources below `runtime_src` (design step 1), as 64
/// lowercase hex digits.
pub fn sources_digest(runtime_src: &Path) -> std::io::Result<String> {
    let mut files = Vec::new();
    collect_sources(runtime_src, "", &mut files)?;
    files.sort();
    let mut hasher = Sha256::new();
    for relative in &files {
        let contents = std::fs::read(runtime_src.join(relative))?;
        hasher.update(relative.as_bytes());
        hasher.update([0]);
        hasher.update((contents.len() as u64).to_le_bytes());
        hasher.update(&contents);
    }
    Ok(hex(&hasher.finalize()))
}

/// Lowercase hex digits of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Every `*.ut` file below `directory`, as paths relative to the root
/// (`prefix` is `directory`'s) with `/` separators.
fn collect_sources(directory: &Path, prefix: &str, files: &mut Vec<String>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(directory)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let relative = format!("{prefix}{name}");
        let path = entry.path();
        if path.is_dir() {
            collect_sources(&path, &format!("{relative}/"), files)?;
        } else if name.ends_with(".ut") {
            files.push(relative);
        }
    }
    Ok(())
}

/// Whether `UTENA_NO_STAGE2` forbids the fast path.
pub fn stage2_disabled() -> bool {
    std::env::var_os(NO_STAGE2).is_some_and(|value| !value.is_empty() && value != "0")
}

/// The stage2 toolchain built from `runtime_src` as it is now, if there is
/// one and `UTENA_NO_STAGE2` does not forbid it (design step 3).
pub fn fresh_stage2(runtime_src: &Path) -> Option<PathBuf> {
    if stage2_disabled() {
        return None;
    }
    let runtime_src = runtime_src.canonicalize().ok()?;
    let output = default_output_directory(&runtime_src);
    let toolchain = output.join(STAGE2_TOOLCHAIN);
    if !toolchain.is_file() {
        return None;
    }
    let stamp = std::fs::read_to_string(output.join(STAGE2_STAMP)).ok()?;
    (stamp.trim_end() == sources_digest(&runtime_src).ok()?).then_some(toolchain)
}

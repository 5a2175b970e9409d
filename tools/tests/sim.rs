//! The simulator's own proofs (issue 4): `utena sim run --stress --verify`
//! with both collectors, lazy allocation at program level, capabilities,
//! `utena sim heap` and fatal meta-level misses.
//!
//! Purpose: what the program harness (`programs.rs`, which runs every
//! program on `sim` with the defaults) cannot show: the checkers switched
//! on, the `--stats` figures, the heap graph and the fatal-miss mode.
//!
//! Design:
//! 1. Programs carry their expectations as `; expect: …` lines; [`expected`]
//!    reads them, [`sim`] runs `utena sim SUBCOMMAND OPTIONS… FILE` from the
//!    repository root.
//! 2. `stress_verify_*`: a subset of `tests/programs` (lists, closures,
//!    vectors, strings, objects, records, tail calls, exceptions) with
//!    `--stress --verify`, one test per collector. The verifier raises on
//!    a failure, which ends the run with status 2, so status 0 and the
//!    expected stdout mean zero verifier failures.
//! 3. `lazy_allocation_programs`: `tests/memory/*.scm` on `sim --stats`
//!    (same output as the seed), then the figures: evictions where a
//!    structure must leave its frame, none in the tail loop, a bounded
//!    allocation stack.
//! 4. `capabilities_on_sim`, `heap_graph`, `fatal_misses_*`: one program
//!    each, under `tests/memory` and `tests/sim`.
//!
//! Not done here: the dispatch properties without the VM (`dispatch.rs`),
//! the allocator without the VM (`memory.rs`).

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::process::Output;

use common::workspace_root;

/// The `; expect: …` lines of a program, joined as its expected stdout.
fn expected(program: &str) -> String {
    let text = std::fs::read_to_string(workspace_root().join(program))
        .unwrap_or_else(|error| panic!("cannot read {program}: {error}"));
    text.lines()
        .filter_map(|line| line.trim_start().strip_prefix("; expect: "))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// The finished `utena sim SUBCOMMAND ARGS…`, from the repository root.
fn sim(subcommand: &str, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_utena"))
        .current_dir(workspace_root())
        .arg("sim")
        .arg(subcommand)
        .args(args)
        .output()
        .unwrap_or_else(|error| panic!("cannot run {}: {error}", env!("CARGO_BIN_EXE_utena")))
}

fn report(what: &str, output: &Output) -> String {
    format!(
        "{what}\n--- exit status: {}\n--- stdout:\n{}--- stderr:\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Runs `program` with `options` and checks status 0 and the expected
/// stdout; answers the `--stats` figures if they were asked for.
fn run_expecting(program: &str, options: &[&str]) -> HashMap<String, String> {
    let mut args = options.to_vec();
    args.push(program);
    let output = sim("run", &args);
    let what = format!("utena sim run {}", args.join(" "));
    assert!(output.status.success(), "{}", report(&what, &output));
    assert_eq!(String::from_utf8_lossy(&output.stdout), expected(program), "{}", report(&what, &output));
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .filter_map(|line| line.split_once(": "))
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect()
}

fn figure(stats: &HashMap<String, String>, name: &str) -> u64 {
    stats
        .get(name)
        .and_then(|value| value.parse().ok())
        .unwrap_or_else(|| panic!("--stats has no figure {name}: {stats:?}"))
}

/// One program of each kind the runtime must keep intact under a
/// collection at every allocation.
const STRESS_PROGRAMS: &[&str] = &[
    "tests/programs/lists/list-sharing.scm",
    "tests/programs/control/higher-order.scm",
    "tests/programs/vectors/vector-algorithms.scm",
    "tests/programs/strings/string-mutation.scm",
    "tests/programs/records/record-linked-list.scm",
    "tests/sim/stress-tail.scm",
    "tests/programs/objects/inheritance.ut",
    "tests/programs/control/exceptions.scm",
];

fn stress_verify(collector: &str) {
    for program in STRESS_PROGRAMS {
        let stats = run_expecting(program, &["--gc", collector, "--stress", "--verify", "--stats"]);
        assert!(figure(&stats, "collections") > 0, "{program}: --stress made no collection: {stats:?}");
        assert_eq!(stats.get("collector").map(String::as_str), Some(collector));
    }
}

#[test]
fn stress_verify_copying() {
    stress_verify("copying");
}

#[test]
fn stress_verify_mark_sweep() {
    stress_verify("mark-sweep");
}

/// The seed's stdout for a program, which the simulator must match.
fn seed_stdout(program: &str) -> String {
    let output = common::utena_run_output(program, &[]);
    assert!(output.status.success(), "{}", report(&format!("utena run {program}"), &output));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn lazy_allocation_programs() {
    let mut stats = HashMap::new();
    for name in ["global-alias", "evict-structure", "deep-return", "closure-boxes", "tail-loop"] {
        let program = format!("tests/memory/{name}.scm");
        assert_eq!(seed_stdout(&program), expected(&program), "{program} on the seed");
        stats.insert(name, run_expecting(&program, &["--stats", "--verify"]));
    }
    // The tail loop evicts nothing of its own: its figures are the boot's.
    let boot = figure(&stats["tail-loop"], "evicted-objects");
    let evicted = |name: &str| figure(&stats[name], "evicted-objects") - boot;
    assert!(evicted("global-alias") >= 1, "the vector stored into a global is evicted");
    // leaf (3 pairs), the vector, the top (3 pairs), the ring (3 pairs), `keep` (2 pairs).
    assert!(
        evicted("evict-structure") >= 12,
        "the structure and the cycle are evicted: {}",
        evicted("evict-structure")
    );
    assert!(evicted("deep-return") >= 200, "each returned pair is evicted: {}", evicted("deep-return"));
    assert!(evicted("closure-boxes") >= 4, "the history written into the box is evicted");
    let tail = &stats["tail-loop"];
    assert!(figure(tail, "never-reached-heap") >= 100_000, "every iteration's pair dies on the stack: {tail:?}");
    assert!(figure(tail, "peak-stack-bytes") <= 256, "the allocation stack stays bounded: {tail:?}");
    assert_eq!(figure(tail, "stack-full-evictions"), 0, "{tail:?}");
}

#[test]
fn capabilities_on_sim() {
    let program = "tests/memory/capability-denied.ut";
    run_expecting(program, &[]);
    assert_eq!(seed_stdout(program), expected(program), "{program} on the seed");
}

/// The DOT lines `from -> to [label="field"]` of a graph, and each node's label.
struct Graph {
    edges: Vec<(String, String, String)>,
    labels: HashMap<String, String>,
}

fn parse_dot(text: &str) -> Graph {
    let mut graph = Graph { edges: Vec::new(), labels: HashMap::new() };
    for line in text.lines().map(str::trim) {
        if let Some((from, rest)) = line.split_once(" -> ") {
            let (to, label) = match rest.split_once(" [label=\"") {
                Some((to, label)) => (to, label.trim_end_matches("\"];")),
                None => (rest.trim_end_matches(';'), ""),
            };
            graph.edges.push((from.to_string(), to.to_string(), label.to_string()));
        } else if let Some((node, label)) = line.split_once(" [label=\"") {
            graph.labels.insert(node.to_string(), label.trim_end_matches("\"];").to_string());
        }
    }
    graph
}

impl Graph {
    /// The node `from`'s edge labelled `field`, if any.
    fn follow(&self, from: &str, field: &str) -> Option<&str> {
        self.edges.iter().find(|(f, _, l)| f == from && l == field).map(|(_, to, _)| to.as_str())
    }
    fn node_labelled(&self, text: &str) -> &str {
        self.labels
            .iter()
            .find(|(_, label)| label.contains(text))
            .map(|(node, _)| node.as_str())
            .unwrap_or_else(|| panic!("no node labelled {text:?}"))
    }
}

#[test]
fn heap_graph() {
    let program = "tests/sim/heap-graph.scm";
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("cannot make a temporary directory: {error}"));
    let dot = dir.path().join("heap.dot");
    let dot_arg = dot.display().to_string();
    let output = sim("heap", &[program, "--dot", &dot_arg]);
    assert!(output.status.success(), "{}", report("utena sim heap", &output));
    assert_eq!(String::from_utf8_lossy(&output.stdout), expected(program));
    let text = std::fs::read_to_string(&dot).unwrap_or_else(|error| panic!("no graph written: {error}"));
    assert!(text.starts_with("digraph heap {\n") && text.ends_with("}\n"), "{text}");
    let graph = parse_dot(&text);
    // roots -> cell xs -value-> (1 . -> (2 . -> (3 . ()))).
    let cell = graph.node_labelled("cell [2]\\nxs\\n");
    assert!(graph.edges.iter().any(|(f, t, _)| f == "roots" && t == cell), "the cell is a root");
    let mut pair = graph.follow(cell, "value").unwrap_or_else(|| panic!("xs has no value edge"));
    for (i, car) in ["car=1", "car=2", "car=3"].iter().enumerate() {
        assert!(graph.labels[pair].starts_with("pair [2]\\n") && graph.labels[pair].contains(car), "{pair}");
        match graph.follow(pair, "cdr") {
            Some(next) => pair = next,
            None => assert_eq!(i, 2, "the list ends after three pairs"),
        }
    }
    let greeting = graph.node_labelled("cell [2]\\ngreeting\\n");
    let string = graph.follow(greeting, "value").unwrap_or_else(|| panic!("greeting has no value edge"));
    assert!(graph.labels[string].contains("string [5]\\n\\\"hello\\\""), "{}", graph.labels[string]);
    // Every edge joins drawn nodes.
    for (from, to, _) in &graph.edges {
        assert!(from == "roots" || graph.labels.contains_key(from), "edge from undrawn {from}");
        assert!(graph.labels.contains_key(to), "edge to undrawn {to}");
    }
    if let Ok(status) =
        std::process::Command::new("dot").arg("-Tsvg").arg(&dot).arg("-o").arg(dir.path().join("heap.svg")).status()
    {
        assert!(status.success(), "dot cannot read the graph");
    }

    // A capped graph says so, and the program's list comes first.
    let output = sim("heap", &["--dot", &dot_arg, "--max-nodes", "12", program]);
    assert!(output.status.success(), "{}", report("utena sim heap --max-nodes 12", &output));
    let text = std::fs::read_to_string(&dot).unwrap_or_else(|error| panic!("no graph written: {error}"));
    assert!(text.contains("  // capped: 12 objects drawn;"), "{text}");
    let graph = parse_dot(&text);
    assert_eq!(graph.labels.len(), 12, "{text}");
    graph.node_labelled("car=3");
}

#[test]
fn fatal_misses_spare_program_objects() {
    let stats = run_expecting("tests/sim/library-port.ut", &["--stats"]);
    assert!(figure(&stats, "sites-meta-level") > 0, "{stats:?}");
    assert!(stats.contains_key("satiated-sites"), "{stats:?}");
}

#[test]
fn fatal_misses_report_an_unsatiated_site() {
    let program = "tests/sim/fatal-miss.scm";
    let output = sim("run", &[program]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{}", report("fatal miss", &output));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "before\n");
    assert!(
        stderr.contains("dispatch: inline-cache miss at meta-level site")
            && stderr.contains("core/entry.ut:47:7: class fixnum, selector display"),
        "{stderr}"
    );
    // Without fatal misses it is the program's error, as on the seed.
    let output = sim("run", &["--fatal-misses", "off", program]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{}", report("--fatal-misses off", &output));
    assert!(stderr.contains("error: 42 does not understand display"), "{stderr}");
    assert!(Path::new(&workspace_root().join(program)).exists());
}

//! Micro-benchmarks of the seed: a call-heavy program and the reader.
//!
//! Run with `cargo bench -p utena-seed`. Whole-program comparisons with
//! other implementations live in `bench/run` (docs/testing.md).
//!
//! The seed must run on a thread with a large stack and a `Seed` cannot
//! leave the thread that made it, so the whole of criterion runs inside
//! `seed::run_with_large_stack` instead of using `criterion_main!`.

use std::hint::black_box;

use criterion::Criterion;

const FIB: &str = "
(define (fib n)
  (if (< n 2)
      n
      (+ (fib (- n 1)) (fib (- n 2)))))
(fib 20)
";

fn interpreter() -> seed::Seed {
    let options = seed::Options { output: Box::new(std::io::sink()), ..seed::Options::default() };
    match seed::Seed::new(options) {
        Ok(seed) => seed,
        Err(error) => panic!("the seed failed to start:\n{error}"),
    }
}

fn bench_fib(criterion: &mut Criterion) {
    let mut seed = interpreter();
    criterion.bench_function("fib(20) via run_source", |bencher| {
        bencher.iter(|| match seed.run_source("fib.scm", black_box(FIB), &[]) {
            Ok(status) => status,
            Err(error) => panic!("fib failed:\n{error}"),
        })
    });
}

/// About 300 KiB of varied source: definitions, nested lists, strings,
/// numbers, characters, vectors and comments.
fn large_source() -> String {
    let mut source = String::new();
    for index in 0..2_000 {
        source.push_str(&format!(
            "; definition {index}\n(define (function-{index} x y)\n  (let ((v #(1 2.5 \"s\" #\\a)) (q '(a . b)))\n    (if (< x {index}) `(x ,y ,@(list 1 2)) (string-append \"n\" \"{index}\"))))\n"
        ));
    }
    source
}

fn bench_reader(criterion: &mut Criterion) {
    let source = large_source();
    criterion.bench_function("read_dump of 2000 definitions", |bencher| {
        bencher.iter(|| match seed::read_dump("large.scm", black_box(&source)) {
            Ok(dump) => dump.len(),
            Err(error) => panic!("the generated source does not read:\n{error}"),
        })
    });
}

fn main() {
    seed::run_with_large_stack(|| {
        let mut criterion = Criterion::default().configure_from_args();
        bench_fib(&mut criterion);
        bench_reader(&mut criterion);
        criterion.final_summary();
    });
}

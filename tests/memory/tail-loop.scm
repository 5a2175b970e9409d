; A tail loop that allocates a pair on every iteration and drops it: the
; allocation stack must stay bounded, because the tail-call rule pops each
; iteration's region (tools/tests/sim.rs checks peak-stack-bytes in
; --stats).  The pair is a temporary, not a `let` binding: the compiler
; makes a `let` a closure called in tail position, and a tail call's
; arguments that live in the popped region are evicted (the rule), which
; would test eviction instead.  100,000 iterations is what the simulator
; runs in about 20 s; the issue's 10,000,000 would take hours there.
(define (spin n acc)
  (if (= n 0)
      acc
      (spin (- n 1) (+ acc (car (cons 1 n))))))
(display (spin 100000 0))
(newline)
; expect: 100000

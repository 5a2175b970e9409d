; Tail loops for `--stress --verify` (tools/tests/sim.rs): short enough to
; collect at every allocation, yet each iteration allocates, tail-calls
; through a closure, or returns a fresh object across the tail-call rule.
(define (build n acc)
  (if (= n 0) acc (build (- n 1) (cons (vector n) acc))))
(display (length (build 30 '())))
(newline)
(define (even-odd n)
  (define (ev? n) (if (= n 0) #t (od? (- n 1))))
  (define (od? n) (if (= n 0) #f (ev? (- n 1))))
  (ev? n))
(display (list (even-odd 41) (even-odd 60)))
(newline)
(let loop ((i 0) (k (lambda (x) x)))
  (if (< i 30)
      (loop (+ i 1) (lambda (x) (k (+ x 1))))
      (begin (display (k 0)) (newline))))
; expect: 30
; expect: (#f #t)
; expect: 30

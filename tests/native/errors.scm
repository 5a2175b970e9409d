;; Run-time errors, one per argument, for tools/tests/native.rs: each must
;; print what it printed before, then FILE:LINE:COL: error: MESSAGE and a
;; backtrace on stderr, and exit with status 1 -- never a signal.
(define which (string->symbol (cadr (command-line))))
(display "before the error") (newline)

(define (deep n) (+ 1 (deep (+ n 1))))
(define (hog acc) (hog (cons (make-vector 1000 acc) acc)))
(define (f x) (car x))
(define (g x) (+ 1 (f x)))

(case which
  ((type) (g 5))
  ((index) (vector-ref (vector 1 2 3) 3))
  ((arity) ((lambda (a b) a) 1))
  ((divide) (quotient 7 (- 3 3)))
  ((integer) (display (* (string->number "9223372036854775807") 2)))
  ((unbound) (display no-such-variable))
  ((overflow) (deep 0))
  ((heap) (hog '()))
  ((huge) (make-vector 1000000000000 0))
  ((raise) (raise 'uncaught-thing))
  ((error) (error "bad thing:" 1 "two" 'three))
  (else (display "no such case") (newline)))

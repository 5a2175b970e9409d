; Calls of primitives the program does not define compile to `builtin`
; with the primitive's number (runtime-src/compiler/primitives.ut).
(define (second p) (car (cdr p)))
(define (pair-up a b) (cons a (list b)))
(define (nothing) (list))
; A primitive used as a value is a `global` load of its cell.
(define (firsts l) (map car l))
; A call with a count the primitive refuses is an ordinary call, so the
; error is the builtin's, at run time.
(define (wrong p) (car p p))
; A primitive that may call Utena code is never `builtin`.
(define (find x l) (member x l equal?))
; `-` with one argument is `builtin`; with two it is `sub`.
(define (negate x) (- x))
(define (minus x y) (- x y))
; A local named like a primitive is the local.
(define (shadow car) (car 1))
; In tail position the result is returned.
(define (size v) (vector-length v))

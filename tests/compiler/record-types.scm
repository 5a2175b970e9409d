; A top-level define-record-type makes one record-type constant, shared by
; its procedures, whose bodies are make-record, is-record, record-ref and
; record-set (a field the constructor does not take is unspecified).
(define-record-type <account> (open-account owner) account?
  (owner account-owner)
  (balance account-balance set-account-balance!))
; A bare constructor name takes every field; #f means no constructor or
; predicate; a bare field has no procedures.
(define-record-type pair2 make-pair2 #f (left pair2-left) right)
(define-record-type hidden #f hidden? (secret))
(define a (open-account 'ann))
(set-account-balance! a 10)
(display (list (account-owner a) (account-balance a) (account? a) (pair2-left (make-pair2 1 2))))
; Inside a body a new type is made each time the body runs: calls, as on
; the seed.
(define (local-type)
  (define-record-type cell (make-cell v) cell? (v cell-v))
  (cell-v (make-cell 1)))
; A program's own define-record-type macro is not the language's.
(define (user)
  (let-syntax ((define-record-type (syntax-rules () ((_ x) 'x))))
    (define-record-type 1)))
(display (list (local-type) (user)))

; Lazy allocation: a fresh object made in a frame and stored into a global
; is evicted to the heap by the write barrier; it must survive the frame's
; return, keep its contents, and stay eq? to an alias taken before the
; store (the alias is rewritten to the heap copy, not left pointing at the
; popped stack).
(define saved #f)
(define (make-and-save)
  (let* ((v (vector 1 2 3))
         (alias v))
    (set! saved v)
    (vector-set! alias 0 'changed)
    (list alias (eq? alias saved))))
(define result (make-and-save))
(display (eq? (car result) saved)) (newline)
(display (cadr result)) (newline)
(display saved) (newline)
; expect: #t
; expect: #t
; expect: #(changed 2 3)

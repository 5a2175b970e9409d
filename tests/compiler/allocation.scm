; Lazy allocation facts (allocation.ut): allocation sites, stores that
; may need the write barrier, the return barrier and the tail-call rule.
(define-record-type cell
  (make-cell value)
  cell?
  (value cell-value set-cell-value!))

(define table (make-vector 4 0))

(define (pair-up a b) (cons a b))

(define (identity x) x)

(define (stores p v)
  (set-car! p 1)
  (set-cdr! p v)
  (vector-set! table 0 #\a)
  (vector-set! table 1 (list v))
  (set-cell-value! (make-cell 0) v)
  (set! table v)
  'done)

(define (passes-young x)
  (let ((fresh (vector x x)))
    (identity fresh)))

(define (counter)
  (define n 0)
  (lambda () (set! n (+ n 1)) n))

(define (rest-args . items) (car items))

(define-class (Box)
  (slot contents 0)
  (method (put! x) (set! contents (cons x contents)))
  (method (clear!) (set! contents '()))
  (method (get) contents))

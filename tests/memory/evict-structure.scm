; Lazy allocation: a three-level structure and a cycle, built on the
; allocation stack in a deep frame and then stored into a global, are
; evicted whole -- every object once (the cycle too), every pointer
; rewritten -- and read back intact after the frames are gone.
(define keep '())
(define (build depth)
  (if (> depth 0)
      (build (- depth 1))
      (let* ((leaf (list 1 2 3))
             (middle (vector leaf "mid" leaf))
             (top (cons middle (list 'top middle)))
             (ring (list 'a 'b 'c)))
        (set-cdr! (cddr ring) ring)
        (set! keep (list top ring))
        'built)))
(display (build 20)) (newline)
(define top (car keep))
(define ring (cadr keep))
(display top) (newline)
(display (eq? (vector-ref (car top) 0) (vector-ref (car top) 2))) (newline)
(display (eq? (car top) (caddr top))) (newline)
(display (list (car ring) (cadr ring) (caddr ring) (cadddr ring))) (newline)
(display (eq? ring (cdddr ring))) (newline)
; expect: built
; expect: (#((1 2 3) mid (1 2 3)) top #((1 2 3) mid (1 2 3)))
; expect: #t
; expect: #t
; expect: (a b c a)
; expect: #t

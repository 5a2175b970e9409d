; Hygiene: swap! introduces tmp without clashing with user variables tmp and other.
(define (show x) (display x) (newline))
(define-syntax swap!
  (syntax-rules ()
    ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
(define tmp 1)
(define other 2)
(swap! tmp other)
(show (list tmp other))
; expect: (2 1)
(let ((x 'x) (tmp 'tmp))
  (swap! x tmp)
  (show (list x tmp)))
; expect: (tmp x)

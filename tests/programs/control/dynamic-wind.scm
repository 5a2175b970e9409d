; dynamic-wind runs its before and after thunks around normal exits and continuation escapes.
(define (show x) (display x) (newline))
(dynamic-wind
  (lambda () (display "[in]"))
  (lambda () (display "body"))
  (lambda () (display "[out]") (newline)))
; expect: [in]body[out]
(show (call/cc (lambda (k)
  (dynamic-wind
    (lambda () (display "before "))
    (lambda () (k 'escaped) (display "never"))
    (lambda () (display "after "))))))
; expect: before after escaped
(show (dynamic-wind (lambda () #f) (lambda () 'value) (lambda () #f)))
; expect: value

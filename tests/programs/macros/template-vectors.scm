; A quoted vector in a syntax-rules template keeps the template's own
; symbols (renamed while expanding, plain symbols once quoted), at any depth
; of vectors and pairs inside it, around what the pattern variables matched.
(define-syntax v
  (syntax-rules ()
    ((_ x) '#(1 x #(x y) (x y . z) #u8(1 2) "s" #\c))))
(write (v a))
(newline)
; expect: #(1 a #(a y) (a y . z) #u8(1 2) "s" #\c)
(write (v (p (q r) #(s))))
(newline)
; expect: #(1 (p (q r) #(s)) #((p (q r) #(s)) y) ((p (q r) #(s)) y . z) #u8(1 2) "s" #\c)

; An ellipsis inside a vector, and a vector as a dotted tail.
(define-syntax w
  (syntax-rules ()
    ((_ x ...) '(#(x ... q) . #(r)))))
(write (w 1 2))
(newline)
; expect: (#(1 2 q) . #(r))

; The template's symbols are symbols: eq? to the same symbol written
; outside the macro.
(define-syntax tag
  (syntax-rules ()
    ((_) '#(point))))
(display (eq? (vector-ref (tag) 0) 'point))
(newline)
; expect: #t

; A quasiquoted vector in a template.
(define-syntax qq
  (syntax-rules ()
    ((_ x) `#(x ,x y))))
(write (qq 5))
(newline)
; expect: #(5 5 y)

; Every core form once: quote, if, define, set!, lambda with rest
; parameters, begin, and applications.
(define greeting "hello")
(define items '(1 (2 . 3) #(4 5) sym))
(define big 4294967296)
(define (ignore . all) all)
(define (second a b . more) (begin (display more) b))
(set! greeting 'changed)
(begin
  (define flag #t)
  (if flag (display greeting)))
((lambda (x y) (if (eq? x y) '() (car x))) items items)
(define (no-else x) (if x (display x)))
(begin)
; A curried definition, as the seed accepts it.
(define ((curried a) b . c) (list a b c))
; A dotted `begin` in a body splices its proper part, as in the seed.
(define (dotted) (begin (display "a") . tail) 'b)

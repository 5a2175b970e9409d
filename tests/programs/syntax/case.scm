; case: numbers, symbols, characters, lists of datums, else and fall-through.
(define (show x) (display x) (newline))
(define (kind x)
  (case x
    ((1 2 3) 'small)
    ((10 20) 'round)
    ((a e i o u) 'vowel)
    ((#\x) 'char-x)
    (else 'other)))
(show (map kind (list 2 20 'e #\x 'z 99)))
; expect: (small round vowel char-x other other)
(show (case (* 2 3) ((2 3 5 7) 'prime) ((1 4 6 8 9) 'composite)))
; expect: composite
(show (case 'banana ((apple) 1) ((banana cherry) (display "multi ") 2) (else 3)))
; expect: multi 2
(show (case 5 ((1) 'one) (else => (lambda (x) (* x 100)))))
; expect: 500

; memq, memv, member, assq, assv and assoc: which equality each uses and what they return.
(define (show x) (write x) (newline))
(show (memq 'c '(a b c d)))
; expect: (c d)
(show (memq 'z '(a b c)))
; expect: #f
(show (memv 101 '(100 101 102)))
; expect: (101 102)
(show (memv 2.5 '(1 2.5 3)))
; expect: (2.5 3)
(show (member (list 'a) '(b (a) c)))
; expect: ((a) c)
(show (member "b" '("a" "b" "c")))
; expect: ("b" "c")
(show (memq (list 'a) '(b (a) c)))
; expect: #f
(define e '((a 1) (b 2) (c 3)))
(show (assq 'b e))
; expect: (b 2)
(show (assq 'd e))
; expect: #f
(show (assv 5 '((2 3) (5 7) (11 13))))
; expect: (5 7)
(show (assoc "b" '(("a" . 1) ("b" . 2))))
; expect: ("b" . 2)
(show (assoc '(x) '(((x) . found))))
; expect: ((x) . found)
(show (assq (list 'a) '(((a)) ((b)))))
; expect: #f
(show (member 3 '()))
; expect: #f
; The third argument of member and assoc compares; a builtin procedure
; serves as well as a lambda.
(show (member 2.0 '(1 2 3) =))
; expect: (2 3)
(show (assoc 2.0 '((1 . a) (2 . b)) =))
; expect: (2 . b)
(show (member 2 '(1 2 3) (lambda (a b) (< a b))))
; expect: (3)
(show (assoc "B" '(("a" . 1) ("b" . 2)) string-ci=?))
; expect: ("b" . 2)

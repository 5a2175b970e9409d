; Towers of Hanoi: the moves for three disks and the move count for ten.
(define (hanoi n from to via)
  (if (= n 0) '()
      (append (hanoi (- n 1) from via to)
              (list (list from to))
              (hanoi (- n 1) via to from))))
(write (hanoi 3 'a 'c 'b))
(newline)
; expect: ((a c) (a b) (c b) (a c) (b a) (b c) (a c))
(display (length (hanoi 10 'a 'c 'b)))
(newline)
; expect: 1023

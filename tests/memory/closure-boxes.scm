; Lazy allocation: a closure's assigned variables live in boxes (DESIGN
; §3.5: environments are separate boxes).  Inner frames write them --
; with fresh objects as well as numbers -- and the values are read after
; those frames and the frame that made the box have returned.
(define (make-counter)
  (let ((count 0) (history '()))
    (define (step! item)
      (set! count (+ count 1))
      (set! history (cons (list count item) history)))
    (lambda (message . args)
      (case message
        ((add) (for-each step! args) count)
        ((history) (reverse history))
        (else 'unknown)))))
(define counter (make-counter))
(define (add-deep n)
  (if (= n 0) (counter 'add (vector 'x) (string #\y)) (add-deep (- n 1))))
(display (counter 'add 'a 'b)) (newline)
(display (add-deep 50)) (newline)
(display (counter 'history)) (newline)
; expect: 2
; expect: 4
; expect: ((1 a) (2 b) (3 #(x)) (4 y))

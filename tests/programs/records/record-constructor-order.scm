; A record constructor may name a subset of the fields, in any order.
(define (show x) (write x) (newline))
(define-record-type node
  (make-node value next)
  node?
  (next node-next set-node-next!)
  (value node-value))
(define n (make-node 1 '()))
(show (list (node-value n) (node-next n)))
; expect: (1 ())
(define-record-type pair3 (make-pair3 c a) pair3? (a p3-a) (b p3-b set-p3-b!) (c p3-c))
(define q (make-pair3 'see 'ay))
(set-p3-b! q 'bee)
(show (list (p3-a q) (p3-b q) (p3-c q)))
; expect: (ay bee see)

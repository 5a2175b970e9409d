(define o 1)
(send o)

(define (h))

(define (f) (send super m))

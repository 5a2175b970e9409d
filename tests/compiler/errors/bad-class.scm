(define x (class Point))

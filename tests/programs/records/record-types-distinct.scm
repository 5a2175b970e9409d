; Two record types with the same fields are distinct; records are not vectors or pairs.
(define (show x) (write x) (newline))
(define-record-type <cat> (make-cat name) cat? (name cat-name))
(define-record-type <dog> (make-dog name) dog? (name dog-name))
(define c (make-cat "Tom"))
(define d (make-dog "Rex"))
(show (list (cat? c) (cat? d) (dog? c) (dog? d)))
; expect: (#t #f #f #t)
(show (list (vector? c) (pair? c) (procedure? c)))
; expect: (#f #f #f)
(show (map (lambda (x) (if (cat? x) (cat-name x) (dog-name x))) (list c d)))
; expect: ("Tom" "Rex")
(show (eq? c c))
; expect: #t
(show (equal? (make-cat "A") (make-cat "A")))
; expect: #f

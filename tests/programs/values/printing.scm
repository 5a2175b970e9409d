;; Multiple values where one value is expected print as each value, with a
;; space between (the seed's way; R7RS leaves it unspecified).
(display (values)) (newline)                                 ; expect:
(write (values "a" 1 (list 2))) (newline)                    ; expect: "a" 1 (2)
(display (list (values 1 2) 3)) (newline)                    ; expect: (1 2 3)
(display (call-with-current-continuation (lambda (k) (k 1 2)))) (newline)  ; expect: 1 2
(display (vector (values 'x "y"))) (newline)                 ; expect: #(x y)

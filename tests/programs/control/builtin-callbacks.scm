; Builtin procedures passed where the library calls back: the consumer of
; call-with-values, the procedure of hashtable-update!, map and friends.
(define (show x) (write x) (newline))
(show (call-with-values (lambda () (values 1 2)) list))
; expect: (1 2)
(show (call-with-values (lambda () (values 3 4)) +))
; expect: 7
(show (call-with-values (lambda () (values)) list))
; expect: ()
(define t (make-eqv-hashtable))
(hashtable-set! t 'a 5)
(hashtable-update! t 'a - 0)
(hashtable-update! t 'b list 'none)
(show (list (hashtable-ref t 'a #f) (hashtable-ref t 'b #f)))
; expect: (-5 (none))
(show (map car '((1) (2))))
; expect: (1 2)
(show (vector-map - #(1 2)))
; expect: #(-1 -2)
(show (string-map char-upcase "ab"))
; expect: "AB"
(show (apply max '(1 5 2)))
; expect: 5

; A string table's procedures given something that is no table report it at the call, as for eqv tables.
(define t (make-string-hashtable))
(hashtable-set! t "a" 1)
(write (list (hashtable? t) (hashtable? (vector)) (hashtable? (make-eqv-hashtable))))
(newline)
(hashtable-count (list t))
; expect: (#t #f #t)
; expect error at 6:1: hashtable-count: expected a hashtable, got (#<hashtable>)

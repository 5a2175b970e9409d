; A string table's procedures given something that is no table report it at the call, as for eqv tables; a program's own record type named hashtable is no table.
(define-record-type hashtable (impostor) impostor?)
(define t (make-string-hashtable))
(hashtable-set! t "a" 1)
(write (list (hashtable? t) (hashtable? (vector)) (hashtable? (make-eqv-hashtable)) (hashtable? (impostor))))
(newline)
(write (guard (e ((error-object? e) (error-object-message e))) (hashtable-ref (impostor) "a" #f)))
(newline)
(hashtable-count (list t))
; expect: (#t #f #t #f)
; expect: "hashtable-ref: expected a hashtable, got #<hashtable>"
; expect error at 9:1: hashtable-count: expected a hashtable, got (#<hashtable>)

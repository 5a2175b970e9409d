; %gensym makes fresh uninterned symbols named PREFIX.N (N differs between engines, so only its shape is checked).
(define a (%gensym))
(define b (%gensym "tmp"))
(define (prefix? p s) (and (> (string-length s) (string-length p)) (string=? (substring s 0 (string-length p)) p)))
(write (list (symbol? a) (symbol? b) (eq? a b) (eq? a (%gensym)))) (newline)
; expect: (#t #t #f #f)
(write (eq? a (string->symbol (symbol->string a)))) (newline)
; expect: #f
(write (list (prefix? "g." (symbol->string a)) (prefix? "tmp." (symbol->string b))
             (prefix? "x." (symbol->string (%gensym 'x))) (prefix? "12." (symbol->string (%gensym 12)))))
(newline)
; expect: (#t #t #t #t)
(define c (%gensym "a" "b"))
; expect error at 13:11: %gensym: expected 0 to 1 arguments, got 2

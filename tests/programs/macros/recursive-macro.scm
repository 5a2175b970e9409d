; Recursive syntax-rules macros: my-let* expanding into nested lets, and a reversing macro.
(define (show x) (display x) (newline))
(define-syntax my-let*
  (syntax-rules ()
    ((_ () body ...) (let () body ...))
    ((_ ((x v) rest ...) body ...) (let ((x v)) (my-let* (rest ...) body ...)))))
(show (my-let* ((a 1) (b (+ a 1)) (c (* b 10))) (list a b c)))
; expect: (1 2 20)
(define-syntax rev-list
  (syntax-rules ()
    ((_ () acc) (list . acc))
    ((_ (x rest ...) (acc ...)) (rev-list (rest ...) (x acc ...)))))
(show (rev-list (1 2 3 4) ()))
; expect: (4 3 2 1)
(define-syntax my-and
  (syntax-rules ()
    ((_) #t)
    ((_ e) e)
    ((_ e1 e2 ...) (if e1 (my-and e2 ...) #f))))
(show (list (my-and) (my-and 1 2 3) (my-and 1 #f 3)))
; expect: (#t 3 #f)

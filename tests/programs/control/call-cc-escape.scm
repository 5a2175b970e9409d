; call/cc and call-with-current-continuation as escapes out of loops and nested calls.
(define (show x) (display x) (newline))
(define (find-first pred xs)
  (call/cc (lambda (return)
    (for-each (lambda (x) (when (pred x) (return x))) xs)
    #f)))
(show (find-first even? '(1 3 4 5 6)))
; expect: 4
(show (find-first even? '(1 3 5)))
; expect: #f
(show (+ 1 (call-with-current-continuation (lambda (k) (+ 10 (k 5))))))
; expect: 6
(define (product xs)
  (call/cc (lambda (break)
    (let loop ((xs xs))
      (cond ((null? xs) 1)
            ((= (car xs) 0) (break 0))
            (else (* (car xs) (loop (cdr xs)))))))))
(show (list (product '(1 2 3 4)) (product '(1 2 0 4))))
; expect: (24 0)
(show (call/cc (lambda (k) 'normal-return)))
; expect: normal-return

; Proper tail calls from the bodies of let, let*, letrec and begin.
(define (loop-let n)
  (if (= n 0) 'let-done
      (let ((m (- n 1))) (let* ((k m)) (letrec ((z k)) (begin (loop-let z)))))))
(display (loop-let 3000000))
(newline)
; expect: let-done

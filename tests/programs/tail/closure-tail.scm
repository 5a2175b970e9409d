; Tail calls through closures held in variables and returned by procedures (continuation-passing style).
(define (count-cps n k)
  (if (= n 0) (k 'cps-done) (count-cps (- n 1) (lambda (v) (k v)))))
(display (count-cps 100000 (lambda (v) v)))
(newline)
; expect: cps-done
(define (trampoline-ish f n) (if (= n 0) 'tramp-done (f f (- n 1))))
(display (trampoline-ish trampoline-ish 3000000))
(newline)
; expect: tramp-done

; Hygiene: a macro's binders never capture the user's names, and the
; user's binders never capture the macro's free names.
(define-syntax my-or
  (syntax-rules ()
    ((_) #f)
    ((_ e) e)
    ((_ e r ...) (let ((tmp e)) (if tmp tmp (my-or r ...))))))

; R7RS 4.3.2: the user's `tmp` is not the macro's `tmp`.
(define (first-true tmp)
  (my-or #f tmp))

; R7RS 4.3.2's own example: local `let`, `if` and `temp` variables around
; a use of my-or (the macro's template says `tmp`; R7RS's says `temp`).
(define (r7rs-example)
  (let ((x #f)
        (y 7)
        (temp 8)
        (let odd?)
        (if even?))
    (my-or x
           (let temp)
           (if y)
           y)))

(define-syntax swap!
  (syntax-rules ()
    ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))

(define (swapped tmp other)
  (swap! tmp other)
  (list tmp other))

; A local `if` does not change the `if` that my-or expands to.
(define (shadow-if if)
  (my-or if 2))

; A local `list` does not capture the `list` of the macro's template.
(define-syntax both
  (syntax-rules () ((_ a b) (list a b))))

(define (shadow-list list)
  (both list 1))

; Local macros: a body define-syntax and let-syntax, whose templates
; refer to the `x` where they are defined.
(define (local x)
  (define-syntax twice
    (syntax-rules () ((_ e) (begin e e))))
  (let-syntax ((outer-x (syntax-rules () ((_) x))))
    (let ((x 2))
      (twice (display x))
      (outer-x))))

; Assigning a name of the language scope the program never defines.
(define (f p)
  (set! car p))

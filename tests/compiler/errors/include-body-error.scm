; An error inside a file included in a body names that file.
(define (g)
  (include "include-error.inc")
  (f 1))

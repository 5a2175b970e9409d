; Regression: an import of a library that does not exist was silently accepted.
(import (scheme base) (only (scheme write) display))
(display "before")
(newline)
(import (my library))
; expect: before
; expect error at 5:9: unknown library (my library)

; A deliberately unsatiated meta-level miss: `display` (runtime-src/core/
; entry.ut) sends `display` to its port argument, a send site of the
; runtime library that only ever sees port objects; handing it the fixnum
; 42 makes that site miss for the built-in class `fixnum`.  With fatal
; misses (utena sim's default) the run stops and names the site, the class
; and the selector; with `--fatal-misses off` (and on the seed) it is the
; program's error `42 does not understand display`.
(display "before")
(newline)
(display "x" 42)

; An unbound variable at top level is reported with its name.
(display nonexistent-variable)
; expect error: unbound variable: nonexistent-variable

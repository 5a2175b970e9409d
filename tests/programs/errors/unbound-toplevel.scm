; An unbound variable at top level is reported with its name.
(display nonexistent-variable)
; expect error at 2:10: unbound variable: nonexistent-variable

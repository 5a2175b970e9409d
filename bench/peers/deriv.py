# deriv: the peer of bench/programs/deriv.scm; Scheme lists become Python
# tuples and symbols become strings.
import sys


def deriv(a):
    if not isinstance(a, tuple):
        return 1 if a == "x" else 0
    operator = a[0]
    if operator == "+":
        return ("+",) + tuple(deriv(b) for b in a[1:])
    if operator == "-":
        return ("-",) + tuple(deriv(b) for b in a[1:])
    if operator == "*":
        return ("*", a, ("+",) + tuple(("/", deriv(b), b) for b in a[1:]))
    if operator == "/":
        return ("-", ("/", deriv(a[1]), a[2]), ("/", a[1], ("*", a[2], a[2], deriv(a[2]))))
    raise ValueError(f"deriv: unknown operator {operator}")


def write(datum):
    if isinstance(datum, tuple):
        return "(" + " ".join(write(item) for item in datum) + ")"
    return str(datum)


EXPRESSION = ("+", ("*", 3, "x", "x"), ("*", "a", "x", "x"), ("*", "b", "x"), 5)


def run(rounds):
    result, done = None, 0
    for _ in range(rounds):
        result = deriv(EXPRESSION)
        if isinstance(result, tuple):
            done += 1
    print(write(result))
    print(done)


run(int(sys.argv[1]))

# tak: the peer of bench/programs/tak.scm.
import sys


def tak(x, y, z):
    if not y < x:
        return z
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))


def repeat(n):
    result = 0
    for _ in range(n):
        result = tak(18, 12, 6)
    return result


print(repeat(int(sys.argv[1])))

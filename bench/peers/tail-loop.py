# tail-loop: the peer of bench/programs/tail-loop.scm (a while loop).
import sys


def sum_below(n):
    i = 0
    acc = 0
    while i != n:
        acc += i
        i += 1
    return acc


print(sum_below(int(sys.argv[1])))

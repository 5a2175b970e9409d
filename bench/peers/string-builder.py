# string-builder: the peer of bench/programs/string-builder.scm.
import sys


def numbers_text(n):
    return "".join(str(i) + "," for i in range(n))


def digit_sum(text):
    total = 0
    for c in text:
        if c != ",":
            total += ord(c) - 48
    return total


text = numbers_text(int(sys.argv[1]))
print(len(text))
print(digit_sum(text))

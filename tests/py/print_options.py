print("a", "b", sep="-", end="!\n")
print("no newline", end="")
print()
print(1, 2, 3, sep="")
print("x", None, True, 1.5, [1], (2,), {3}, sep=" | ")
print(end="")
print("")
import sys
print("to out", file=sys.stdout)
print("flushed", flush=True)
try:
    print(sep=5)
except TypeError as e:
    print(e)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print("captured", 42, file=w)
print(w.parts)
print(*range(5), sep=", ")

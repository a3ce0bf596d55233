# print() with sep/end/file/flush and its errors; input() reading lines
# from stdin (builtins_print_io.in) with prompts, EOF handling, and
# sys.stdout replaced by a StringIO.
import io
import sys

print("a", "b", "c")
print("a", "b", sep="-")
print("x", end="|")
print("y", end="\n")
print("no", "sep", sep="")
print("multi", "char", sep=" <> ", end=" END\n")
print()
print(sep="ignored")
print(1, 2.5, None, [1, "a"], {"k": (1,)}, sep=", ")
print("sep None", "default", sep=None, end=None)
buf = io.StringIO()
print("to buffer", 42, file=buf)
print("second", file=buf, end="")
print(repr(buf.getvalue()))
print("flushed", flush=True)
print("file None", file=None)
for kwargs in [{"sep": 5}, {"end": 1}, {"file": 5}, {"bogus": 1}]:
    try:
        print("x", **kwargs)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
class Str:
    def __str__(self):
        return "custom str"
print(Str(), str(Str()), repr(Str())[:6])
class BadStr:
    def __str__(self):
        return 5
try:
    print(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
class Writer:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
w = Writer()
print("a", "b", file=w, sep="+")
print(w.parts)

saved = sys.stdout
sys.stdout = io.StringIO()
print("captured")
captured = sys.stdout.getvalue()
sys.stdout = saved
print("captured was", repr(captured))

line = input()
print("line 1:", repr(line))
name = input("Name? ")
print("Hello,", name)
nums = [int(x) for x in input().split()]
print("sum:", sum(nums))
print("with spaces:", repr(input()))
print("empty line:", repr(input()))
rest = sys.stdin.read()
print("rest:", repr(rest))
try:
    input("at eof> ")
except EOFError as e:
    print(type(e).__name__, e)
try:
    input("a", "b")
except TypeError as e:
    print(type(e).__name__, e)

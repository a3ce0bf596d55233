s = "Hello, World"
print(s, len(s), s[0], s[-1], s[2:5], s[::-1], s[::2], s * 2, "x" + s)
print(s.upper(), s.lower(), s.split(", "), "-".join(["a", "b", "c"]), s.replace("l", "L"))
print(s.find("o"), s.index("W"), s.count("l"), s.startswith("He"), s.endswith("x"))
print("  pad  ".strip(), "a,b,,c".split(","), "%d-%s" % (3, "x"), "%5.2f|" % 3.14159)
print(repr("it's"), repr('say "hi"'), repr("tab\tnew\n"), str(12), ascii("é"))
print("é" * 3, len("héllo"), ord("A"), chr(97), "abc" < "abd", "Ab".swapcase())
print("x" in s, "World" in s, s.title(), "42".zfill(5), "ab".center(6, "*"))
for ch in "abc":
    print(ch, end=" ")
print()
try:
    s[100]
except IndexError as e:
    print(e)
try:
    s[0] = "h"
except TypeError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
print(str(b"x"), "%r" % "q", "{} {}".format(1, "two"), "{0}{1}{0}".format("a", "b"))

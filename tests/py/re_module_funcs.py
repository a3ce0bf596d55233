# re module-level functions and flags: split (maxsplit, groups, empty
# matches), findall shapes, finditer positions, sub/subn with callables and
# group references, escape, purge/compile caching, flags combinations,
# and pattern errors with positions.
import re

print(re.split(r"\s+", "a b   c\td"), re.split(r"(\s+)", "a b  c"), re.split(r",", "a,b,c", maxsplit=1))
print(re.split(r"x*", "axbc"), re.split(r"\b", "a b"), re.split(r"(a)|b", "1a2b3"), re.split("z", ""))
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)", "a1 b2 c"), re.findall(r"(\d)", "x9y8"))
print(re.findall(r"a?", "baa"), re.findall(r"(?:ab)+", "ababxab"), re.findall(r"(a)|(b)", "ab"))
print([(m.start(), m.end(), m.group()) for m in re.finditer(r"o+", "foo boo zoooo")])
print([m.span(1) for m in re.finditer(r"(\d)?x", "1x x 2x")])
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@host you@there"), re.sub(r"a", "-", "banana", count=2))
print(re.sub(r"(?P<num>\d+)", lambda m: str(int(m["num"]) * 2), "3 apples and 10 pears"))
print(re.subn(r"\s", "", " a b c "), re.sub(r"x*", "-", "abc"), re.sub(r"^", ">", "l1\nl2", flags=re.M))
print(re.sub(r"(a)(b)?", r"[\1|\2]", "ac ab"), re.sub(r"(?P<x>o)", r"\g<x>\g<0>\g<1>", "foo"))
print(re.sub("a", r"\n\t\\", "a"), repr(re.sub("a", "\\\\", "a")))
for bad_repl in [r"\3", r"\g<nope>", r"\g<1", "\\"]:
    try:
        re.sub(r"(a)", bad_repl, "a")
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
print(re.escape("a.b*c?d[e]f{g}h^i$j|k\\l (m) +n -o #p ~q &r"), re.escape("plain_123"), re.escape(b"a.b"))
print(re.fullmatch(r"\d{3}", "123") is not None, re.fullmatch(r"\d{3}", "1234"), re.match(r"b", "ab"), re.search(r"b", "ab").span())
print(bool(re.search(r"^b", "a\nb")), bool(re.search(r"^b", "a\nb", re.M)), bool(re.match(r"a.b", "a\nb", re.S)))
print(bool(re.match(r"ABC", "abc", re.I)), re.findall(r"(?x) \d+  # digits\n | [a-z]", "12 ab"), re.I | re.M)
print(re.compile(r"a b", re.X).pattern, re.compile(r"x", re.I | re.S).flags & (re.I | re.S), re.compile("a") is re.compile("a"))
print(repr(re.compile(r"\d+", re.I)), repr(re.compile("abc")), re.compile(rb"\d").pattern)
m = re.match(r"(?P<first>\w+) (?P<last>\w+)(?P<opt>!)?", "Ada Lovelace")
print(m.group(0, 1, "last"), m.groups(), m.groups("n/a"), m.groupdict(), m.groupdict("-"), m.lastgroup, m.lastindex)
print(m.expand(r"\g<last>, \1"), m.start("last"), m.span("opt"), m.re.groups, m.re.groupindex["last"], m.string, m.pos, m.endpos)
print(repr(m)[:40], m[1], m["first"])
for bad in ["(", ")", "[a", "a{2,1}", "*a", "(?P<1>x)", "(?P<n>a)(?P<n>b)", "\\", "(?z)", "a**", r"\k", "(?<=a+)b",
            "[z-a]", "(?P=missing)"]:
    try:
        re.compile(bad)
        print("compiled", bad)
    except re.error as e:
        print(repr(bad), "->", e.msg, e.pos)
try:
    re.match(r"\d", b"1")
except TypeError as e:
    print(type(e).__name__, e)
try:
    re.match(rb"\d", "1")
except TypeError as e:
    print(type(e).__name__, e)
print(re.match(rb"(\d+)", b"42abc").group(1), re.sub(rb"a", b"b", b"aa"), re.split(rb",", b"a,b"))
p = re.compile(r"(\w)(\w)?")
print(p.sub(lambda m: m.group(2) or "_", "abc"), p.findall("abc"), p.search("  xy", 3).group(), p.match("xy", 1).group())
print(re.sub(r"\w+", lambda m: m.group().capitalize(), "hello big world"), re.purge())
print(re.findall(r"[\u00e0-\u00ff]+", "café naïve"), re.findall(r"(?u)\w+", "naïve café"), re.ASCII.value)
print(re.search(r"(?i:AB)c", "abc").group(), re.search(r"(?i:AB)c", "abC"))

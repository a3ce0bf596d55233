# str splitting and stripping corner cases: split with None vs explicit
# separators, maxsplit, rsplit, splitlines with every line boundary and
# keepends, partition/rpartition, strip with character sets, and the
# errors for empty separators and wrong argument types.
samples = ["", " ", "a", " a b  c ", "a,b,,c,", ",", "a\tb\nc\x0bd\x0ce\x1cf\x1dg\x1eh\x85i\u2028j\u2029k", "  x  "]
for s in samples:
    print(repr(s), s.split(), s.split(","), s.split(None, 1), s.rsplit(None, 1), s.split(",", 1), s.rsplit(",", 1))
for s in ["a\nb\r\nc\rd", "line\n", "\n\n", "", "x\x0by\x0cz\x1c1\x1d2\x1e3\x854\u20285\u20296", "no newline"]:
    print(repr(s), s.splitlines(), s.splitlines(keepends=True), s.split("\n"))
for s, sep in [("key=value=more", "="), ("no-sep", "="), ("=start", "="), ("end=", "="), ("", "="), ("aXbXc", "X")]:
    print(repr(s), s.partition(sep), s.rpartition(sep))
for s, chars in [("  pad  ", None), ("xxhixx", "x"), ("abcba", "ab"), ("", "x"), ("\t\n text \r", None), ("www.example.com", "cmowz."),
                 ("\u3000wide\u3000", None), ("aaa", "a")]:
    print(repr(s), repr(s.strip(chars)), repr(s.lstrip(chars)), repr(s.rstrip(chars)))
print("a b c".split(" ", 0), "a b c".split(" ", -1), "a  b".split(" "), "abc".split("abc"), "abcabc".split("bc"), "aaa".split("aa"))
print("1,2,3".rsplit(",", maxsplit=1), "1,2,3".split(sep=",", maxsplit=1), "a.b.c".rsplit(".", 0), "  a  b  ".rsplit(maxsplit=1))
for bad in [lambda: "a".split(""), lambda: "a".rsplit(""), lambda: "a".partition(""), lambda: "a".rpartition(""), lambda: "a".split(1),
            lambda: "a".strip(1), lambda: "a".split(",", "1"), lambda: "a".partition(None), lambda: "a".splitlines(1, 2)]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print("x".join([]), "-".join("abc"), ", ".join(["a", "b"]), "".join(map(str, range(5))), "ab".join(("1", "2", "3")))
for bad in [lambda: ",".join([1, 2]), lambda: ",".join("ab", "cd"), lambda: ",".join(None), lambda: ",".join(["a", b"b"])]:
    try:
        print(bad())
    except TypeError as e:
        print(type(e).__name__, e)
print("Hello".center(11, "*"), "Hi".ljust(5, "-"), "Hi".rjust(5, "0"), "42".zfill(6), "-42".zfill(6), "+4".zfill(4), "abc".zfill(2))
for bad in [lambda: "a".center(5, "xy"), lambda: "a".ljust(5, ""), lambda: "a".rjust("5"), lambda: "a".zfill(None)]:
    try:
        print(bad())
    except TypeError as e:
        print(type(e).__name__, e)
print("a\tb\tc".expandtabs(), "a\tb".expandtabs(4), "ab\tc\n\td".expandtabs(3), repr("\t".expandtabs(0)), "x\ty".expandtabs(tabsize=1))
print("prefix_body".removeprefix("prefix_"), "body_suffix".removesuffix("_suffix"), "x".removeprefix(""), "abc".removesuffix("abcd"))
print("hello world".title(), "they're bill's".title(), "HELLO".capitalize(), "ǆ".title(), "straße".upper(), "ΣΑΣ".lower())
print("a-b_c d".replace("-", "+"), "aaa".replace("a", "b", 2), "abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"))
print("abcabc".count("bc"), "aaaa".count("aa"), "abc".count(""), "abc".find("c", -1), "abc".index("a", 0, 1), "abc".rindex("b"))
try:
    "abc".index("z")
except ValueError as e:
    print(type(e).__name__, e)
print("%s|%s" % ("é".encode(), "é".encode("utf-16-le")), "abc".encode("ascii"), "naïve".encode("ascii", "ignore"), "naïve".encode("ascii", "replace"))
print("\u00e9".isascii(), "abc".isascii(), "ABC".isupper(), "abc1".isalnum(), "½".isnumeric(), "½".isdigit(), "²".isdigit(), "²".isdecimal())

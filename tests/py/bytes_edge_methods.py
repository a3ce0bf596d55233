# bytes and bytearray corner cases: hex/fromhex with separators,
# translate/maketrans, split/strip on bytes, bytearray mutation methods
# (insert, pop, remove, extend, slice assignment, +=, *=), comparisons
# with str (BytesWarning-free), and errors for out-of-range values.
print(b"\x00\xff\x10".hex(), b"abc".hex("-"), b"abcdef".hex(":", 2), b"abcdef".hex(":", -2), bytes.fromhex("de ad be ef"), bytes.fromhex(""))
print(bytearray.fromhex("0a 0B"), b"".hex(), bytearray(b"\x01\x02").hex(), memoryview(b"xy").hex())
for bad in ["0", "zz", "0 0", "abc"]:
    try:
        bytes.fromhex(bad)
    except ValueError as e:
        print(type(e).__name__, e)
t = bytes.maketrans(b"abc", b"xyz")
print(b"aabbcc".translate(t), b"hello".translate(None, b"l"), b"abc".translate(t, b"b"), len(t))
try:
    bytes.maketrans(b"ab", b"x")
except ValueError as e:
    print(type(e).__name__, e)
print(b" a b ".split(), b"a,b,,c".split(b","), b"a b c".rsplit(None, 1), b"x\ny\r\nz".splitlines(), b"  pad ".strip(), b"xxhixx".strip(b"x"))
print(b"key=val".partition(b"="), b"a.b.c".rpartition(b"."), b"abc".center(7, b"*"), b"5".zfill(3), b"ab".ljust(4, b"."))
print(b"Hello World".swapcase(), b"hello world".title(), b"HELLO".lower(), b"abc".upper(), b"ab cd".capitalize(), b"a\tb".expandtabs(4))
print(b"abc".startswith((b"x", b"a")), b"abc".endswith(b"bc"), b"abcabc".count(b"bc"), b"abc".find(b"c"), b"abc".index(98), 98 in b"abc", b"bc" in b"abc")
ba = bytearray(b"hello")
ba[0] = 72
ba.append(33)
ba.insert(0, 62)
ba.extend(b"??")
ba.extend([65, 66])
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord("?"))
ba[1:3] = b"EEE"
del ba[-1]
ba += b"++"
ba *= 2
print(ba, len(ba))
ba[::2] = b"x" * len(ba[::2])
print(ba)
ba.reverse()
print(ba, ba.copy() == ba, ba.copy() is ba)
ba.clear()
print(ba, bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray(b"abc")[1], bytearray(b"abc")[1:])
for bad in [lambda: bytearray(b"a").__setitem__(0, 256), lambda: bytearray(b"a").append(-1), lambda: bytearray().pop(),
            lambda: bytearray(b"a").remove(9), lambda: bytearray(b"abc").__setitem__(slice(0, 3, 2), b"x"), lambda: bytes([300]),
            lambda: b"a" + "b", lambda: b"a"[5], lambda: bytearray(b"a").insert(0, b"x"), lambda: b"%d" % "x", lambda: bytes("x"),
            lambda: bytearray(b"a").extend(5), lambda: b"a".join([1]), lambda: b"a".decode("nope"), lambda: b"\xff".decode()]:
    try:
        print(bad())
    except (ValueError, TypeError, IndexError, LookupError) as e:
        print(type(e).__name__, e)
print(b"a" == "a", b"a" != "a", b"abc" < b"abd", bytearray(b"a") == b"a", b"a" + bytearray(b"b"), bytearray(b"a") + b"b")
print(type(b"a" + bytearray(b"b")).__name__, type(bytearray(b"a") + b"b").__name__, b"ab" * 3, 3 * b"x", bytes(bytearray(b"q")))
print(b"\x80abc".decode("latin-1"), b"caf\xc3\xa9".decode(), b"\xff\xfe".decode("utf-8", "replace"), b"\xffa".decode("ascii", "ignore"))
print(b"ab\x00c".isalnum(), b"abc".isalpha(), b"123".isdigit(), b" \t".isspace(), b"Ab".istitle(), b"AB".isupper(), b"".isascii())
print(list(b"abc"), bytes(reversed(b"abc")), sorted(b"cab"), max(b"az"), sum(b"\x01\x02"), bytes(range(65, 70)), b"abc"[::-1])

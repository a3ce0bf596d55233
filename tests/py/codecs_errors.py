import codecs

def show(f):
    try:
        r = f()
    except (UnicodeError, TypeError, ValueError, LookupError) as e:
        print(type(e).__name__ + ":", e)
        if isinstance(e, (UnicodeDecodeError, UnicodeEncodeError)):
            print("   ", e.encoding, e.start, e.end, e.reason, repr(e.object)[:40], e.args[2:4])
    else:
        print(repr(r))

# decoding errors with their positions
for data, enc in [(b"\xff", "utf-8"), (b"ab\x80cd", "utf-8"), (b"a\xc3", "utf-8"),
                  (b"\xe2\x82", "utf-8"), (b"\xe2\x28\xa1", "utf-8"), (b"\xf0\x9f\x98", "utf-8"),
                  (b"\xed\xa0\x80", "utf-8"), (b"\xf5\x80", "utf-8"), (b"abc\xe9", "ascii"),
                  (b"\x00d\x00", "utf-16-le"), (b"\x00\xd8a\x00", "utf-16-le"),
                  (b"\xd8\x00", "utf-16-be"), (b"\xff\xfe\x00", "utf-16"),
                  (b"\x00\x00\x11\x00", "utf-32-le"), (b"\x00\xd8\x00\x00", "utf-32-le"),
                  (b"abc", "utf-32"), (b"a\x81b", "cp1252"), (b"\x90", "cp1252"),
                  (b"\xa4", "iso8859_15"), (b"abc\\", "unicode_escape"),
                  (b"\\x4g", "unicode_escape"), (b"\\u12", "unicode_escape"),
                  (b"\\N{NO SUCH NAME}", "unicode_escape"), (b"\\Nx", "unicode_escape"),
                  (b"\\U00110000", "unicode_escape"), (b"\\U00110000", "raw_unicode_escape"),
                  (b"\\u12x", "raw_unicode_escape")]:
    show(lambda: data.decode(enc))

# encoding errors
for s, enc in [("a\xe9", "ascii"), ("ab\u20ac\u20acc", "ascii"), ("\u20ac", "latin-1"),
               ("a\ud800b", "utf-8"), ("\udc80\udc81", "utf-8"), ("\ud800", "utf-16"),
               ("\udfff", "utf-32-be"), ("\u0100", "cp1252"), ("a\u4e00\u4e01b", "cp437"),
               ("\U0001f600", "latin-1")]:
    show(lambda: s.encode(enc))

# the builtin handlers, both ways
handlers = ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
            "namereplace", "surrogateescape", "surrogatepass"]
for h in handlers:
    print("--", h)
    show(lambda: b"a\xffb\xc3\xa9\xed\xa0\x80".decode("utf-8", h))
    show(lambda: b"a\x80\xffz".decode("ascii", h))
    show(lambda: b"a\x81z".decode("cp1252", h))
    show(lambda: "a\xe9\u20ac\U0001f600b".encode("ascii", h))
    show(lambda: "a\xe9\u20acb".encode("latin-1", h))
    show(lambda: "a\u20ac\u4e00b".encode("cp1252", h))
    show(lambda: "x\ud800y\udc80".encode("utf-8", h))
    show(lambda: "x\ud800y".encode("utf-16-le", h))
    show(lambda: "x\udcffy".encode("utf-32-be", h))
    show(lambda: "\udc80\udcff".encode("latin-1", h))

# round trips through surrogateescape and surrogatepass
raw = bytes(range(120, 256))
s = raw.decode("utf-8", "surrogateescape")
print(len(s), s.encode("utf-8", "surrogateescape") == raw)
print("\ud83d\ude00".encode("utf-16-le", "surrogatepass"),
      b"=\xd8\x00\xde".decode("utf-16-le", "surrogatepass") == "\ud83d\ude00")
print("\ud800".encode("utf-8", "surrogatepass"), ascii(b"\xed\xb2\x80".decode("utf-8", "surrogatepass")))
print("\ud800".encode("utf-32", "surrogatepass"))

# the handlers as functions
e = UnicodeEncodeError("ascii", "a\xe9\u20acb", 1, 3, "ordinal not in range(128)")
d = UnicodeDecodeError("utf-8", b"a\xff\xfeb", 1, 3, "invalid start byte")
t = UnicodeTranslateError("a\xe9\u20acb", 1, 3, "no")
for name in ["ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace",
             "surrogateescape", "surrogatepass", "strict"]:
    f = codecs.lookup_error(name)
    for exc in (e, d, t):
        show(lambda: f(exc))
show(lambda: codecs.strict_errors(42))
show(lambda: codecs.ignore_errors(ValueError("x")))
print(codecs.namereplace_errors(UnicodeEncodeError("ascii", "\x00\xa0\uac00\U00020000", 0, 4, "r")))

# error exceptions are ordinary exceptions
try:
    b"xx\xffyy".decode("utf-8")
except UnicodeDecodeError as exc:
    print(repr(exc))
    print(exc.args, str(exc))
    exc.start = 0
    exc.end = 4
    print(str(exc))
try:
    "\u20ac".encode("cp437")
except UnicodeEncodeError as exc:
    print(repr(exc))
    print(isinstance(exc, ValueError), isinstance(exc, UnicodeError))

import codecs

# lookup and normalisation
for name in ["utf-8", "UTF8", "utf_8", "Latin-1", "latin1", "ISO-8859-1", "cp1252",
             "windows-1252", "ascii", "US-ASCII", "utf-16", "UTF-16LE", "utf_32_be",
             "cp437", "437", "iso8859_15", "latin9", "mac-roman", "unicode_escape",
             "raw-unicode-escape", "  utf  8  "]:
    info = codecs.lookup(name)
    print(repr(name), "->", info.name, type(info).__name__, len(info))

info = codecs.lookup("utf-8")
print(info.encode("h\xe9"), info.decode(b"h\xc3\xa9"))
print(info is codecs.lookup("UTF-8"))
print(callable(info.incrementalencoder), callable(info.streamreader))

# unknown encodings and bad arguments
for bad in ["no-such-codec", "utf-9", ""]:
    try:
        codecs.lookup(bad)
    except LookupError as e:
        print("LookupError:", e)
for call in [lambda: "abc".encode("no-such-codec"), lambda: b"abc".decode("bogus"),
             lambda: str(b"x", "bogus2"), lambda: codecs.encode("x", "bogus3"),
             lambda: codecs.decode(b"x", "bogus4")]:
    try:
        call()
    except LookupError as e:
        print("LookupError:", e)
try:
    codecs.lookup(42)
except TypeError as e:
    print("TypeError:", e)
try:
    codecs.register(42)
except TypeError as e:
    print("TypeError:", e)

# a search function of our own
def search(name):
    if name == "my_rot":
        enc = lambda s, errors="strict": (codecs.encode(s, "rot13"), len(s))
        dec = lambda b, errors="strict": (bytes(b).decode("ascii")[::-1], len(b))
        return codecs.CodecInfo(enc, dec, name="my-rot")
    return None

codecs.register(search)
print(codecs.lookup("My Rot").name, codecs.lookup("my-rot").name)
print(codecs.encode("Hello", "my_rot"), codecs.decode(b"olleh", "my_rot"))
print(b"dlrow".decode("my_rot"))
try:
    "x".encode("my_rot")
except TypeError as e:
    print("TypeError:", e)
codecs.unregister(search)
try:
    codecs.lookup("my_rot2")
except LookupError as e:
    print("LookupError:", e)

# search functions must return 4-tuples
def bad_search(name):
    return (1, 2) if name == "badreturn" else None
codecs.register(bad_search)
try:
    codecs.lookup("badreturn")
except TypeError as e:
    print("TypeError:", e)
codecs.unregister(bad_search)

# text encodings only for str.encode / bytes.decode
print(codecs.encode("abc", "rot13"), codecs.decode("nop", "rot_13"))
try:
    "abc".encode("rot13")
except LookupError as e:
    print("LookupError:", e)

# codecs.encode / decode
print(codecs.encode("\u20ac", "utf-8"), codecs.decode(b"\xe2\x82\xac", "utf-8"))
print(codecs.encode("\u20ac", encoding="cp1252"), codecs.decode(b"\x80", encoding="cp1252"))
print(codecs.encode("ab\xff", "latin-1", "strict"), codecs.decode(b"ab\xff", "latin_1"))
print(codecs.encode("a\u20acb", "ascii", "replace"), codecs.decode(b"a\xffb", "ascii", "ignore"))

# str.encode / bytes.decode through registered codecs
for enc in ["cp1252", "cp437", "cp850", "iso8859_15", "mac_roman"]:
    s = "Caf\xe9 \xe0 la cr\xe8me"
    b = s.encode(enc)
    print(enc, b, b.decode(enc) == s)
print("\u0416\u0443\u043a".encode("koi8-r"), "\u0416\u0443\u043a".encode("cp1251"))
print(bytes(range(0x80, 0x90)).decode("cp437"))

# error handler registry
print(codecs.lookup_error("strict").__name__, codecs.lookup_error("ignore").__name__,
      codecs.lookup_error("surrogateescape").__name__)
print(codecs.lookup_error("replace") is codecs.replace_errors)
try:
    codecs.lookup_error("no-such-handler")
except LookupError as e:
    print("LookupError:", e)
try:
    codecs.register_error("x", 42)
except TypeError as e:
    print("TypeError:", e)
try:
    "\xe9".encode("ascii", "no-such-handler")
except LookupError as e:
    print("LookupError:", e)
print("abc".encode("ascii", "no-such-handler"))

def star(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ("*" * (exc.end - exc.start), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        return ("<%d:%d>" % (exc.start, exc.end), exc.end)
    raise TypeError("bad")
codecs.register_error("star", star)
print(codecs.lookup_error("star") is star)
print("a\u20ac\u20acb\xe9".encode("ascii", "star"), "a\u20acb".encode("latin-1", "star"))
print("a\u20acb".encode("cp437", "star"))
print(b"a\xff\xfeb\xc3".decode("utf-8", "star"), b"a\x81b".decode("cp1252", "star"))

def skip_back(exc):
    return ("?", exc.start + 2) if isinstance(exc, UnicodeDecodeError) else ("?", -1)
codecs.register_error("skip", skip_back)
print(b"\xffabc".decode("ascii", "skip"), "\xe9abc".encode("ascii", "skip"))

def bad_handler(exc):
    return 42
codecs.register_error("bad", bad_handler)
for call in [lambda: "\xe9".encode("ascii", "bad"), lambda: b"\xff".decode("ascii", "bad")]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
def out_of_bounds(exc):
    return ("", 100)
codecs.register_error("oob", out_of_bounds)
try:
    b"\xff".decode("ascii", "oob")
except IndexError as e:
    print("IndexError:", e)
def as_bytes(exc):
    return (b"<?>", exc.end)
codecs.register_error("asbytes", as_bytes)
print("a\xe9b".encode("ascii", "asbytes"), "a\u20acb".encode("cp1252", "asbytes") if False else "")

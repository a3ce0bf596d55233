import codecs

def show(f):
    try:
        r = f()
    except (UnicodeError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
    else:
        print(ascii(r))

s = "tab\there\nnl \\ back 'q' \"dq\" \x00\x7f\xe9\u20ac\U0001f600"
for enc in ["unicode_escape", "raw_unicode_escape"]:
    b = s.encode(enc)
    print(enc, b)
    print(b.decode(enc) == s)
print(codecs.unicode_escape_encode("a\xff\u0100"), codecs.raw_unicode_escape_encode("a\xff\u0100"))

# the escapes unicode_escape knows
show(lambda: b"\\a\\b\\f\\n\\r\\t\\v\\\\\\'\\\"\\\n|".decode("unicode_escape"))
show(lambda: b"\\0\\12\\101\\1012\\377".decode("unicode_escape"))
show(lambda: b"\\x41\\u00e9\\U0001F600\\N{BULLET}\\N{latin small letter a}".decode("unicode_escape"))
show(lambda: "caf\xe9 \\u20ac".encode("latin-1").decode("unicode_escape"))
show(lambda: codecs.unicode_escape_decode("str \\u20ac input"))
show(lambda: codecs.unicode_escape_decode(b"ab\\u20", None, False))
show(lambda: codecs.unicode_escape_decode(b"ab\\", "strict", False))
show(lambda: codecs.unicode_escape_decode(b"ab\\N{EURO", "strict", False))
show(lambda: codecs.raw_unicode_escape_decode(b"a\\u20", None, False))
show(lambda: codecs.raw_unicode_escape_decode(b"\\x41 \\\\u0041 \\u0041 \\U00000041"))
show(lambda: codecs.raw_unicode_escape_decode(b"ends with \\"))

# errors, with handlers
for data in [b"\\x4", b"\\xzz", b"a\\u12", b"\\U1234567", b"\\N{", b"\\N", b"\\N{}",
             b"\\N{FOO BAR}x", b"x\\", b"\\U00110000!"]:
    for errors in ["strict", "replace", "ignore", "backslashreplace"]:
        show(lambda: data.decode("unicode_escape", errors))
for data in [b"\\u12", b"\\U00110000", b"\\uzzzz"]:
    for errors in ["strict", "replace", "ignore"]:
        show(lambda: data.decode("raw_unicode_escape", errors))

# the bytes escape codec
print(codecs.escape_encode(b"a\tb\nc\r\\'\"\x00\x1f\x7f\x80\xff"))
show(lambda: codecs.escape_encode("str"))
show(lambda: codecs.escape_decode(b"\\x41\\n\\t\\\\\\'\\\"\\101\\7\\\n!"))
show(lambda: codecs.escape_decode("\\x41 from str \u20ac"))
show(lambda: codecs.escape_decode(b"\\x4"))
show(lambda: codecs.escape_decode(b"ab\\xg0"))
show(lambda: codecs.escape_decode(b"ab\\x4", "replace"))
show(lambda: codecs.escape_decode(b"ab\\x4zz", "ignore"))
show(lambda: codecs.escape_decode(b"ab\\x", "foo"))
show(lambda: codecs.escape_decode(b"trailing\\"))
show(lambda: codecs.decode(b"\\x41\\n", "escape_codec") if False else codecs.escape_decode(b""))

# unicode_escape through codecs.encode/decode and str.encode
print(codecs.encode("\u20ac\n", "unicode_escape"), codecs.decode(b"\\u20ac\\n", "unicode-escape"))
print("\u20ac".encode("raw-unicode-escape"), repr(b"\\u20ac\\n".decode("raw-unicode-escape")))

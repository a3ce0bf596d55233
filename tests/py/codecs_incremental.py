import codecs, io, os

# incremental decoders fed one byte at a time
text = "h\xe9llo \u20ac \U0001f600 w\xf6rld"
for enc in ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be", "latin-1",
            "cp1252", "unicode_escape", "raw_unicode_escape"]:
    try:
        data = text.encode(enc)
    except UnicodeEncodeError:
        data = text[:6].encode(enc)
    dec = codecs.getincrementaldecoder(enc)()
    parts = [dec.decode(data[i:i + 1]) for i in range(len(data))]
    parts.append(dec.decode(b"", final=True))
    print(enc, len(data), "".join(parts) == data.decode(enc), [p for p in parts if p][:4])
    enc_ = codecs.getincrementalencoder(enc)()
    out = b"".join(enc_.encode(c) for c in data.decode(enc)) + enc_.encode("", final=True)
    print("  ", out == data, out[:12])

# an incomplete sequence at the end of the data
dec = codecs.getincrementaldecoder("utf-8")()
print(repr(dec.decode(b"ab\xe2\x82")), dec.getstate())
try:
    dec.decode(b"", final=True)
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
dec.reset()
print(repr(dec.decode(b"\xe2\x82\xac")))
dec = codecs.getincrementaldecoder("utf-8")(errors="replace")
print(repr(dec.decode(b"a\xff\xe2")), repr(dec.decode(b"", final=True)))

# the low-level functions with final
print(codecs.utf_8_decode(b"ab\xe2\x82"), codecs.utf_8_decode(b"ab\xe2\x82", "replace", True))
print(codecs.utf_16_decode(b"\xff\xfea\x00b"), codecs.utf_16_le_decode(b"a\x00\x3d\xd8"))
print(codecs.utf_16_ex_decode(b"\xfe\xff\x00a\x00b"), codecs.utf_16_ex_decode(b"a\x00", None, 0, True))
print(codecs.utf_16_ex_decode(b"\xff\xfea\x00", "strict", 1, True))
print(codecs.utf_32_ex_decode(b"\x00\x00\xfe\xff\x00\x00\x00a"), codecs.utf_32_decode(b"a\x00\x00"))
print(codecs.utf_16_encode("ab"), codecs.utf_16_encode("ab", None, -1), codecs.utf_16_encode("ab", None, 1))
print(codecs.utf_32_encode("a"), codecs.utf_32_le_encode("a"), codecs.utf_32_be_encode("a"))
print(codecs.latin_1_encode("ab\xff"), codecs.latin_1_decode(b"\xff\x00"))
print(codecs.ascii_encode("abc"), codecs.ascii_decode(bytearray(b"xyz")))
print(codecs.utf_8_encode("\u20ac"), codecs.utf_8_decode(memoryview(b"\xe2\x82\xac")))
print(codecs.readbuffer_encode(b"ab"), codecs.readbuffer_encode("\xe9"))
for f, arg in [(codecs.utf_8_decode, "str"), (codecs.utf_8_encode, b"bytes"),
               (codecs.latin_1_encode, 42)]:
    try:
        f(arg)
    except TypeError as e:
        print("TypeError:", e)

# iterencode / iterdecode
print(list(codecs.iterdecode([b"a", b"\xc3", b"\xa9", b"b"], "utf-8")))
print(list(codecs.iterencode(["a", "\xe9", "b"], "utf-16-le")))

# StreamReader / StreamWriter over BytesIO
buf = io.BytesIO()
w = codecs.getwriter("utf-16")(buf)
w.write("line one\n")
w.writelines(["line \u20ac\n", "third\n"])
print(buf.getvalue()[:10], len(buf.getvalue()))
buf.seek(0)
r = codecs.getreader("utf-16")(buf)
print(r.readline(), r.readlines())
r = codecs.getreader("cp1252")(io.BytesIO(b"caf\xe9\r\nna\xefve\n\x80"))
print([line for line in r])
rw = codecs.StreamReaderWriter(io.BytesIO("a\xe9\nb".encode("latin-1")),
                               codecs.getreader("latin-1"), codecs.getwriter("latin-1"))
print(rw.read())
sr = codecs.EncodedFile(io.BytesIO(b"abc\xe9"), "utf-8", "latin-1")
print(sr.read())

# codecs.open
path = "/tmp/stmpy_codecs_incremental_%d.txt" % os.getpid()
with codecs.open(path, "w", encoding="utf-8") as f:
    f.write("caf\xe9\n\u20ac100\n")
with open(path, "rb") as f:
    print(f.read())
with codecs.open(path, "r", encoding="utf-8") as f:
    print(f.readlines())
with codecs.open(path, "r", encoding="latin-1") as f:
    print(repr(f.read()))
with open(path, "w", encoding="cp1252") as f:
    f.write("\u20ac \xe9\n")
with open(path, encoding="cp1252") as f:
    print(repr(f.read()))
with open(path, "rb") as f:
    print(f.read())
os.remove(path)

# BOM constants
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE, codecs.BOM == codecs.BOM_UTF16)

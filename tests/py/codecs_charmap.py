import codecs, encodings.cp1252, encodings.cp437

def show(f):
    try:
        r = f()
    except (UnicodeError, TypeError, ValueError, LookupError) as e:
        print(type(e).__name__ + ":", e)
    else:
        print(ascii(r))

# the tables of the charmap codecs
t = encodings.cp1252.decoding_table
print(len(t), ascii(t[0x80:0x88]), type(encodings.cp1252.encoding_table).__name__ in ("dict", "EncodingMap"))
show(lambda: codecs.charmap_decode(b"\x80\x81\x82", "replace", t))
print(codecs.charmap_encode("\u20ac\u201a", "strict", encodings.cp1252.encoding_table))
em = codecs.charmap_build("abc\ufffed")
print(codecs.charmap_encode("dcba", "strict", em))
show(lambda: codecs.charmap_encode("xa", "replace", em))
show(lambda: codecs.charmap_encode("xa", "strict", em))
show(lambda: codecs.charmap_build(b"abc"))

# all 256 bytes through a few code pages
for enc in ["cp1252", "cp437", "cp850", "cp866", "iso8859_2", "iso8859_15", "koi8_r",
            "mac_roman", "cp1250", "cp1251", "latin_1", "hp_roman8", "tis_620"]:
    text = bytes(range(256)).decode(enc, "replace")
    back = text.encode(enc, "replace")
    print(enc, len(text), text.count("\ufffd"), sum(ord(c) for c in text) % 99991,
          back == bytes(range(256)) or sum(1 for a, b in zip(back, range(256)) if a != b))

# mappings given as dicts and None
dec_map = {0x61: "A", 0x62: 0x42, 0x63: None, 0x64: "\U0001f600", 0x65: "xyz"}
show(lambda: codecs.charmap_decode(b"abdez", "replace", dec_map))
show(lambda: codecs.charmap_decode(b"abc", "strict", dec_map))
show(lambda: codecs.charmap_decode(b"ab", "strict", {0x61: 0x110000}))
show(lambda: codecs.charmap_decode(b"ab", "strict", {0x61: 1.5}))
show(lambda: codecs.charmap_decode(b"\x00\xff", None, None))
show(lambda: codecs.charmap_decode(b"ab", "strict", "a"))
enc_map = {ord("a"): ord("A"), ord("b"): b"BB", ord("c"): None, ord("?"): ord("?")}
show(lambda: codecs.charmap_encode("abab", "strict", enc_map))
show(lambda: codecs.charmap_encode("abcd", "strict", enc_map))
show(lambda: codecs.charmap_encode("abcdb", "replace", enc_map))
show(lambda: codecs.charmap_encode("acb", "ignore", enc_map))
show(lambda: codecs.charmap_encode("ab\xe9", "xmlcharrefreplace", enc_map))
show(lambda: codecs.charmap_encode("a", "strict", {ord("a"): 300}))
show(lambda: codecs.charmap_encode("a", "strict", {ord("a"): "s"}))
show(lambda: codecs.charmap_encode("\xe9\xff", None, None))

# the handlers over code pages
for h in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace"]:
    show(lambda: "a\u0100\u0101b\u20ac".encode("cp437", h))
    show(lambda: b"a\x81\x8d\x90b".decode("cp1252", h))
show(lambda: "\udc81".encode("cp1252", "surrogateescape"))
show(lambda: b"\x81".decode("cp1252", "surrogateescape"))
show(lambda: "\ud800".encode("cp1252", "surrogatepass"))

# codec modules used directly
print(encodings.cp437.Codec().encode("\u2554\u2550\u2557"), encodings.cp437.Codec().decode(b"\xc9\xcd\xbb"))
print(encodings.cp1252.getregentry().name, encodings.cp437.getregentry().name)
ie = encodings.cp1252.IncrementalEncoder()
print(ie.encode("\u20ac"), ie.encode("x", True))

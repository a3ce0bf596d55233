import codecs
for s in ["Hi Mom -\u263a-!", "A\u2262\u0391.", "\u65e5\u672c\u8a9e", "1 + 1 = 2", "~\\", "\U0001f600x", "a+b-c", "\u20ac-", "\u20acA"]:
    b = s.encode("utf-7")
    print(ascii(s), b, b.decode("utf-7") == s)
for b in [b"+AGEAYgBj", b"+AGEAYgBj-", b"a+b", b"+2D3eAA-", b"+2D3", b"a\xffb", b"+AG-", b"+AGE-x", b"+!", b"+", b"+A"]:
    for e in ["strict", "replace"]:
        try: print(b, e, ascii(b.decode("utf-7", e)))
        except UnicodeDecodeError as ex: print(b, e, ex)
    print("  ", ascii(codecs.utf_7_decode(b, "replace")), ascii(codecs.utf_7_decode(b, "replace", True)))
d = codecs.getincrementaldecoder("utf-7")()
data = "h\xe9llo \u20ac\U0001f600 w+rld ~".encode("utf-7")
print(data, ascii("".join(d.decode(data[i:i+1]) for i in range(len(data))) + d.decode(b"", True)))

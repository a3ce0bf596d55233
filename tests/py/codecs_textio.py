import os, io
path = "/tmp/stmpy_codecs_textio_%d.txt" % os.getpid()
text = "two\nlines \u20ac\U0001f600\n" + "x" * 10000 + "\U0001f600" * 5000 + "\nend\n"
for enc in ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be", "utf-8", "cp1252", "latin-1"]:
    t = text if enc not in ("cp1252", "latin-1") else text.replace("\u20ac", "e").replace("\U0001f600", "s")
    with open(path, "w", encoding=enc) as f:
        f.write(t[:5])
        f.write(t[5:])
    raw = open(path, "rb").read()
    print(enc, len(raw), raw[:12], raw == t.encode(enc))
    with open(path, encoding=enc) as f:
        back = f.read()
    print("  read", back == t)
    with open(path, encoding=enc) as f:
        lines = f.readlines()
    print("  lines", len(lines), lines[0], "".join(lines) == t)
    with open(path, encoding=enc) as f:
        first = f.readline()
        pos = f.tell()
        second = f.readline()
        f.seek(pos)
        print("  seek", f.readline() == second, repr(first))
        f.seek(0)
        print("  again", f.readline() == first)
    with open(path, "a", encoding=enc) as f:
        f.write("more\n")
    with open(path, encoding=enc) as f:
        print("  append", f.read() == t + "more\n")
with open(path, "w+", encoding="utf-16") as f:
    f.write("abc\ndef\n")
    f.seek(0)
    print(repr(f.read()))
    f.seek(0)
    f.write("XYZ")
    f.seek(0)
    print(repr(f.read()))
with open(path, "rb") as f:
    print(f.read())
os.remove(path)
b = io.BytesIO("h\xe9\nllo\n".encode("utf-16-be"))
print(io.TextIOWrapper(b, encoding="utf-16-be").read())
b = io.BytesIO("\ufeffh\xe9\nllo\n".encode("utf-16-be"))
print(repr(io.TextIOWrapper(b, encoding="utf-16").read()))

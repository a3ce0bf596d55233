# io: StringIO/BytesIO reading/writing/seeking/truncate, newline handling,
# readline/readlines/iteration, TextIOWrapper encodings over BytesIO,
# BufferedReader peek, file modes on a temporary file, and closed-file errors.
import io
import os
import tempfile

s = io.StringIO("line1\nline2\r\nline3")
print(s.readline(), repr(s.readline()), s.read(), repr(s.read()), s.tell())
s.seek(0)
print(s.readlines(), list(io.StringIO("a\nb")), io.StringIO("x").getvalue())
w = io.StringIO()
print(w.write("hello"), w.write(" world"), w.getvalue(), w.tell())
w.seek(0)
w.write("J")
print(w.getvalue())
w.truncate(3)
print(repr(w.getvalue()), w.seek(0, io.SEEK_END), w.seekable(), w.readable(), w.writable())
nl = io.StringIO("a\r\nb\rc\n", newline=None)
print(repr(nl.read()))
nl2 = io.StringIO(newline="")
nl2.write("a\r\nb")
print(repr(nl2.getvalue()), repr(io.StringIO("a\r\nb", newline="\r\n").readlines()))
try:
    io.StringIO().write(b"x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    io.StringIO("abc").seek(1, 1)
except OSError as e:
    print(type(e).__name__, e)

b = io.BytesIO(b"0123456789")
print(b.read(3), b.read1(2), b.tell(), b.seek(-2, 2), b.read(), b.getvalue()[:4], b.getbuffer().nbytes)
b.seek(2)
b.write(b"XY")
print(b.getvalue(), b.readinto(bytearray(3)), bytes(b.getbuffer()[-3:]))
b2 = io.BytesIO()
b2.write(b"abc")
b2.seek(10)
b2.write(b"!")
print(b2.getvalue())
b2.truncate(2)
print(b2.getvalue(), b2.tell(), io.BytesIO(b"a\nb\n").readlines())

raw = io.BytesIO("héllo\nwörld\n".encode("utf-8"))
t = io.TextIOWrapper(raw, encoding="utf-8")
print(t.readline(), t.read(), t.encoding)
raw2 = io.BytesIO()
t2 = io.TextIOWrapper(raw2, encoding="latin-1", newline="\r\n")
t2.write("é\n")
t2.flush()
print(raw2.getvalue())
bad = io.TextIOWrapper(io.BytesIO(b"\xff\xfe"), encoding="utf-8")
try:
    bad.read()
except UnicodeDecodeError as e:
    print(type(e).__name__, e.reason, e.start)
rep = io.TextIOWrapper(io.BytesIO(b"a\xffb"), encoding="utf-8", errors="replace")
print(repr(rep.read()))
br = io.BufferedReader(io.BytesIO(b"buffered data"))
print(br.peek(1)[:1], br.read(8), br.read())

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "f.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("first\nsecond\n")
        print(type(f).__name__, f.mode, f.name == path, f.closed)
    print(f.closed)
    with open(path, "a") as f:
        f.write("third\n")
    with open(path) as f:
        print([line.rstrip() for line in f])
    with open(path, "rb") as f:
        print(type(f).__name__, f.read(5), f.seek(0, 2), f.tell())
    with open(path, "r+") as f:
        f.write("FIRST")
        f.seek(0)
        print(f.readline())
    with open(path, "x" if False else "w") as f:
        pass
    print(os.path.getsize(path))
    try:
        open(path, "x")
    except FileExistsError as e:
        print(type(e).__name__, e.errno)
    try:
        open(os.path.join(tmp, "missing"))
    except FileNotFoundError as e:
        print(type(e).__name__, e.strerror)
    for mode in ["rw", "z", "rbt", "ab+x"]:
        try:
            open(path, mode)
        except ValueError as e:
            print(type(e).__name__, e)
    with open(path, "wb") as f:
        try:
            f.write("text")
        except TypeError as e:
            print(type(e).__name__, e)
f = io.StringIO("closing")
f.close()
for op in (f.read, f.getvalue, lambda: f.write("x")):
    try:
        op()
    except ValueError as e:
        print(type(e).__name__, e)
print(io.DEFAULT_BUFFER_SIZE, issubclass(io.StringIO, io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase))

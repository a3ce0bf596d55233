# In-memory streams: io.StringIO and io.BytesIO, and io's class tree.
import io

s = io.StringIO()
print(s.write("hello "), s.write("world\n"), s.tell())
print(repr(s.getvalue()), s.read(), s.seek(0), repr(s.read(5)), repr(s.readline()))
s.seek(6)
s.write("WORLD")
print(repr(s.getvalue()), s.tell(), s.truncate(3), repr(s.getvalue()))
s.seek(10)
s.write("x")
print(repr(s.getvalue()))
s = io.StringIO("a\nb\r\nc\rd")
print(s.readlines())
s = io.StringIO("a\nb\r\nc\rd", newline=None)
print(s.readlines(), repr(s.getvalue()))
s = io.StringIO("a\nb\r\nc\rd", newline="")
print(list(s))
s = io.StringIO(newline="\r\n")
s.write("x\ny\n")
print(repr(s.getvalue()))
with io.StringIO("ctx") as s:
    print(s.read(), s.closed)
print(s.closed)
try:
    s.read()
except ValueError as e:
    print("ValueError", e)
try:
    io.StringIO().write(b"x")
except TypeError as e:
    print(e)
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.StringIO(), io.IOBase))

b = io.BytesIO(b"abc\ndef\n")
print(b.read(2), b.readline(), b.tell(), b.readlines(), b.read())
b.seek(0, 2)
b.write(b"ghi")
print(b.getvalue(), b.seek(1), b.read(2), b.truncate(4), b.getvalue())
b.seek(8)
b.write(b"z")
print(b.getvalue())
print([line for line in io.BytesIO(b"1\n2\n3")])
print(isinstance(b, io.BufferedIOBase), b.readable(), b.writable(), b.seekable())

t = io.TextIOWrapper(io.BytesIO(b"caf\xc3\xa9\nline 2\n"), encoding="utf-8")
print(t.readline(), end="")
print(t.read(), end="")
raw = io.BytesIO()
t = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
t.write("\u00e9\u20ac\n")
t.flush()
print(raw.getvalue())
print(io.DEFAULT_BUFFER_SIZE, issubclass(io.UnsupportedOperation, OSError),
      issubclass(io.UnsupportedOperation, ValueError))
try:
    io.BytesIO().fileno()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)

class Upper(io.StringIO):
    def write(self, s):
        return super().write(s.upper())
u = Upper()
print("shout", file=u)
print(repr(u.getvalue()))

class Raw(io.RawIOBase):
    def __init__(self, data):
        self.data = data
    def readable(self):
        return True
    def readinto(self, b):
        n = min(len(b), len(self.data))
        b[:n] = self.data[:n]
        self.data = self.data[n:]
        return n
br = io.BufferedReader(Raw(b"line one\nline two\n"))
print(br.readline(), br.read())

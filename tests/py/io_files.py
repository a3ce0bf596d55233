# Reading and writing files through open() (_io).
import os

path = "/tmp/stmpy_io_files_%d.txt" % os.getpid()
with open(path, "w") as f:
    print(f.name == path, f.mode, f.closed, f.readable(), f.writable(), f.seekable())
    print(f.write("first line\n"), f.write("second line\nthird"), f.tell())
    f.writelines(["\n", "fourth\n"])
    print("printed", 42, file=f)
print(f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    print(repr(f.readline()), repr(f.readline(3)), repr(f.readline()))
    print(f.readlines())
    print(repr(f.readline()), repr(f.read()))
with open(path) as f:
    for i, line in enumerate(f):
        print(i, repr(line))
with open(path) as f:
    print(repr(f.read(5)), f.tell(), repr(f.read(6)))
    pos = f.tell()
    f.readline()
    f.seek(pos)
    print(repr(f.readline()), f.seek(0), repr(f.read(3)), f.seek(0, 2))
with open(path, "a") as f:
    f.write("appended\n")
with open(path, "r+") as f:
    f.write("FIRST")
    f.seek(0)
    print(repr(f.readline()))
with open(path, "rb") as f:
    data = f.read()
    print(type(data).__name__, len(data), data[:11])
    f.seek(0)
    print(f.read(5), f.read1(3), f.peek(1)[:1], f.readline(), f.tell())
    print(f.readlines()[-1])
with open(path, "wb") as f:
    print(f.write(b"\xc3\xa9t\xc3\xa9\r\nline2\rline3\n"), f.mode)
with open(path, encoding="utf-8") as f:
    print(repr(f.read()))
with open(path, newline="") as f:
    print(f.readlines())
with open(path, newline="\r") as f:
    print(f.readlines())
with open(path, encoding="latin-1") as f:
    print(repr(f.read()), f.encoding)
with open(path, "w", encoding="ascii", errors="replace") as f:
    f.write("caf\xe9\n")
with open(path, "rb") as f:
    print(f.read())
with open(path, "w", newline="\r\n") as f:
    f.write("a\nb\n")
with open(path, "rb") as f:
    print(f.read())
with open(path, "wb") as f:
    f.write(b"ok \xff\xfe bad\n")
try:
    with open(path) as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.start, e.end, e.reason)
with open(path, errors="replace") as f:
    print(repr(f.read()))
with open(path, errors="surrogateescape") as f:
    print(ascii(f.read()))
try:
    open(path, "x")
except FileExistsError as e:
    print("FileExistsError", e.errno)
try:
    open(path + ".missing")
except FileNotFoundError as e:
    print(str(e).replace(path, "PATH"))
try:
    open("/tmp")
except IsADirectoryError as e:
    print("IsADirectoryError", e.errno)
for bad in ["rw", "rr", "q", "bt"]:
    try:
        open(path, bad)
    except ValueError as e:
        print(bad, e)
f = open(path)
f.close()
f.close()
try:
    f.read()
except ValueError as e:
    print(e)
with open(path, "rb", buffering=0) as f:
    print(type(f).__name__, f.read(2), f.readall()[:3])
f = open(path, "w")
f.write("not closed explicitly\n")
f.flush()
print(open(path).read(), end="")
f.close()
os.remove(path)
print(os.path.exists(path))

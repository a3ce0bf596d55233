# readinto() of FileIO, BytesIO and BufferedReader into any writable buffer.
import array
import io
import os

name = "/tmp/stmpy_readinto_%d" % os.getpid()
with open(name, "wb") as f:
    f.write(bytes(range(20)))
for buffering in (0, 8, -1):
    with open(name, "rb", buffering=buffering) as f:
        ba = bytearray(5)
        a = array.array("h", [0, 0])
        mv = memoryview(bytearray(6))
        print(type(f).__name__, f.readinto(ba), ba, f.readinto(a), a, f.readinto(mv[1:4]),
              mv.tolist(), f.readinto(bytearray(100)), f.readinto(bytearray(3)))
        if buffering:
            f.seek(0)
            print(f.readinto1(ba), ba)
os.unlink(name)
b = io.BytesIO(b"abcdefgh")
d = array.array("i", [0])
print(b.readinto(d), d.tobytes(), b.readinto(bytearray(10)), b.readinto(bytearray(2)))
r = io.BufferedReader(io.BytesIO(b"hello world"))
m = bytearray(20)
print(r.readinto(m), m[:12])
for target in (b"xx", 5, "str", memoryview(b"ro")):
    try:
        io.BytesIO(b"ab").readinto(target)
    except TypeError as e:
        print("TypeError", e)

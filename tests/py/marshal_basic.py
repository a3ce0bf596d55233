# marshal: values round-trip in every version; data written by CPython
# (with back-references) loads; errors.
import io, marshal

values = [None, True, False, Ellipsis, StopIteration, 0, 1, -1, 2**31 - 1, -2**31, 2**31, -2**31 - 1,
          2**100, -(3**80), 1.5, -0.0, float("inf"), 1e300, 2j, complex(1.5, -2),
          "", "abc", "é€😀", "x" * 300, b"", b"\x00\xff", bytearray(b"ba"),
          (), (1, "a"), tuple(range(300)), [], [1, [2, [3]]], {}, {"a": 1, 2: (3,)},
          set(), {1, 2}, frozenset({"x"}), frozenset()]
for v in values:
    for version in range(5):
        got = marshal.loads(marshal.dumps(v, version))
        want = bytes(v) if isinstance(v, bytearray) else v
        if got != want or type(got) is not type(want):
            if not (isinstance(v, float) and v != v):
                print("MISMATCH", version, repr(v)[:40], repr(got)[:40])
print("round trips done")
nan = marshal.loads(marshal.dumps(float("nan")))
print(nan != nan)

print(marshal.dumps(5).hex()[2:], marshal.dumps(2**40).hex()[2:], marshal.dumps(1.5, 1).hex()[2:])
print(marshal.dumps(-(2**40), 2).hex()[2:], marshal.dumps(0.25, 2).hex()[2:])
print(marshal.version)

# Written by CPython 3.11: references (FLAG_REF and 'r') included.
print(marshal.loads(bytes.fromhex("5b03000000da0361626372000000007200000000")))
print(marshal.loads(bytes.fromhex("e9070000002e")))   # trailing data is ignored
shared = marshal.loads(bytes.fromhex("2902db02000000da0361626372010000007200000000"))
print(shared, shared[0] is shared[1], shared[0][0] is shared[0][1])

f = io.BytesIO()
marshal.dump([1, 2], f)
marshal.dump("second", f, 2)
f.seek(0)
print(marshal.load(f), marshal.load(f))
try:
    marshal.load(f)
except EOFError as e:
    print("EOFError:", e)

for bad in (b"", b"i\x01", b"\x01", b"r\x05\x00\x00\x00", b"(\xff\xff\xff\xff",
            b"l\x01\x00\x00\x00\x00\x00", b"l\x01\x00\x00\x00\xff\xff", b"z\x05ab"):
    try:
        marshal.loads(bad)
    except (EOFError, ValueError) as e:
        print(type(e).__name__ + ":", e)
for bad in (object(), [1, object()], print, {1: type}):
    try:
        marshal.dumps(bad)
    except ValueError as e:
        print("ValueError:", e)
deep = []
for _ in range(3000):
    deep = [deep]
try:
    marshal.dumps(deep)
except ValueError as e:
    print("ValueError:", e)
try:
    marshal.loads("str")
except TypeError as e:
    print("TypeError:", e)

# Repeating an empty sequence a huge number of times is immediate, in
# constant folding (found by the fuzzer: `6268435720*()`) and at run time;
# a non-empty one raises MemoryError or OverflowError instead of trying.
try:
    ~77*()- 6268435720*()- ()
except TypeError as e:
    print("TypeError:", e)
print(() * 6268435720, "" * 10**15, b"" * 2**62, [] * 2**40, bytearray() * 2**40)
x, y, z, w = (), "", [], bytearray()
print(x * 6268435720, y * 10**15, z * 2**40, w * 2**40)
z *= 2**40
w *= 2**40
print(z, w, [1, 2] * -3, (1,) * 0)
for seq in ([1], (1,), "a", b"a"):
    try:
        seq * 2**62
    except (MemoryError, OverflowError) as e:
        print(type(seq).__name__, type(e).__name__)
    try:
        seq * 2**64
    except (MemoryError, OverflowError) as e:
        print(type(seq).__name__, type(e).__name__, e)

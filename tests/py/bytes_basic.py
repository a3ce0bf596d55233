b = b"hello"
print(b, len(b), b[0], b[1:3], b + b"!", b * 2, list(b[:2]), b"l" in b, 104 in b)
print(bytes(3), bytes([65, 66]), bytearray(b"ab"), b.decode(), "é".encode(), b.hex())
ba = bytearray(b"abc")
ba[0] = 65
ba.append(68)
print(ba, bytes(ba), len(ba))
try:
    b[0] = 1
except TypeError as e:
    print(e)
try:
    bytes([256])
except ValueError as e:
    print(e)
print(b == b"hello", b"a" < b"b", b.upper(), b.split(b"l"))

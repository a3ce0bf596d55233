import struct
from struct import Struct, pack, unpack, calcsize, pack_into, unpack_from, iter_unpack

print(calcsize('bhbiq'), calcsize('@ci'), calcsize('=ci'), calcsize('c0i'), calcsize('P?e'))
print(calcsize('  i  2h'), calcsize('!hd'), calcsize('hd'), calcsize('xxi'), calcsize('0s'), calcsize(''))
print(pack('@bi', 1, 2), pack('!hd', 1, 2.5), pack('<hd', -2, 0.5), pack('=bi', 1, 2))
print(pack('3x2c', b'a', b'b'), pack('?x?', 2, 0), pack('4s', b'ab'), pack('2s', b'abc'))
print(pack('5p', b'abcdefg'), pack('1p', b'abc'), len(pack('300p', b'a' * 300)), pack('300p', b'a' * 300)[:3])
print(unpack('<e', b'\x00\x3c'), unpack('>e', b'\x7c\x00'), unpack('e', b'\x01\x00'), unpack('<e', b'\x00\x7e'))
print(pack('<e', 1e-8), pack('<e', 5.96e-8), pack('<e', float('nan')), pack('<e', -0.0), pack('<e', 65504.0), pack('<e', 0.1))
for x in (1.0, -2.0, 0.333, 1e-5, 6.1e-5, 3e-7, 65000.0, 1.5e-6, 0.000123):
    print(x, pack('>e', x), unpack('>e', pack('>e', x)))
print(unpack('5p3s?', b'\x03abcdxyz\x02'), unpack('3p', b'\x09ab'))
print(unpack('<qQ', b'\xff' * 16), unpack('>qQ', b'\x80' + b'\x00' * 7 + b'\xff' * 8))
print(unpack('bBhHiIlLqQnNP', pack('bBhHiIlLqQnNP', -1, 255, -300, 60000, -70000, 4000000000, -5, 2**63, -2**63, 2**64 - 1, -7, 7, 12345)))
print(unpack('>bBhHiIlLqQ', pack('>bBhHiIlLqQ', -1, 255, -300, 60000, -70000, 4000000000, -5, 2**31, -2**63, 2**64 - 1)))
print(pack('>hHiI', -2, 3, -4, 5), pack('<hHiI', -2, 3, -4, 5))
print(unpack('ff', pack('ff', 0.1, float('nan'))), unpack('>d', pack('>d', 1 / 3)), unpack('<f', pack('<f', 1e38)))
print(unpack('??c', b'\x00\x05z'))

s = Struct('<hi')
print(s.format, s.size, Struct(b'i').format, Struct('!I').size)
print(s.pack(1, 2), s.unpack(s.pack(-1, -2)), s.unpack_from(b'xx' + s.pack(3, 4), 2))
print(s.unpack_from(buffer=b'\x01\x00\x02\x00\x00\x00'), unpack_from('<h', b'zz\x05\x00', offset=2))
ba = bytearray(10)
s.pack_into(ba, 2, 7, 8)
pack_into('>H', ba, -2, 0x1234)
print(ba)
print(list(iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')), list(s.iter_unpack(bytes(12))))
it = iter_unpack('h', b'abcdef')
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
print(type(it).__name__, type(s).__name__, isinstance(s, Struct))
print(unpack('4B', memoryview(b'abcd')), unpack('2h', bytearray(b'\x01\x00\x02\x00')))
print(unpack_from('B', memoryview(b'abcdef')[2:], 1))
ba = bytearray(8)
pack_into('<Q', memoryview(ba), 0, 2**64 - 1)
print(ba)

class MyStruct(Struct):
    pass
m = MyStruct('ii')
m.tag = 'x'
print(m.size, m.pack(1, 2), m.tag)
struct._clearcache()
print(struct.pack('i', 5))
for fmt in ['x', 'c', 'b', 'B', '?', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'n', 'N', 'e', 'f', 'd', 's', 'p', 'P']:
    print(fmt, calcsize(fmt), calcsize('c' + fmt), calcsize('<c' + fmt) if fmt not in 'nNP' else '-')

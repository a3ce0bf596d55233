import binascii
data = bytes(range(256))
for f in [binascii.hexlify, binascii.b2a_hex]:
    print(f(b'\x01\x02\xff'))
print(binascii.hexlify(b'abcdefg', '-'), binascii.hexlify(b'abcdefg', b':', 3), binascii.hexlify(b'abcdefg', '_', -3))
print(binascii.b2a_hex(b'abcdefg', sep=' ', bytes_per_sep=2))
print(binascii.unhexlify('0aFf'), binascii.a2b_hex(b'00'))
for bad in ['0', 'zz', 'é0']:
    try: print(binascii.unhexlify(bad))
    except Exception as e: print(type(e).__name__, e)
print(binascii.b2a_base64(data))
print(binascii.b2a_base64(b'ab', newline=False))
print(binascii.a2b_base64(binascii.b2a_base64(data)) == data)
for s in [b'YWJj', b'YWI=', b'YWI', b'Y', b'YW==x', b'!!YWJj', b'=YWJj', b'YW=J', b'YWI=x']:
    for strict in (False, True):
        try: print(s, strict, binascii.a2b_base64(s, strict_mode=strict))
        except binascii.Error as e: print(s, strict, 'Error', e)
print(binascii.crc32(data), binascii.crc32(b'x', 123), binascii.crc32(b'abc', -1), binascii.crc32(b''))
print(binascii.crc_hqx(data, 0), binascii.crc_hqx(b'abc', 0xffff), binascii.crc_hqx(b'abc', -1))
for i in range(0, 46, 7):
    u = binascii.b2a_uu(data[:i]); print(u, binascii.a2b_uu(u) == data[:i])
print(binascii.b2a_uu(b'\x00\x00\x00', backtick=True), binascii.b2a_uu(b'', backtick=True))
print(binascii.a2b_uu(b''), binascii.a2b_uu(b'!'), binascii.a2b_uu(' \n'))
for bad in [b'!\x01', b'#abcdefgh']:
    try: print(binascii.a2b_uu(bad))
    except binascii.Error as e: print('Error', e)
try: binascii.b2a_uu(b'x' * 46)
except binascii.Error as e: print('Error', e)
for t in [b'hello = world\t\n', b'x' * 100, b'a.b\n.\n', b'tab\tend \r\nline2 \r\n', b'\xff\x00_ x', b'.', b' ']:
    for kw in [{}, {'quotetabs': True}, {'istext': False}, {'header': True}]:
        e = binascii.b2a_qp(t, **kw)
        print(kw, e, binascii.a2b_qp(e, header=kw.get('header', False)) == t)
print(binascii.a2b_qp(b'a=\nb=\r\nc=41=4g=2=', ), binascii.a2b_qp('a_b=3D', header=True), binascii.a2b_qp(b'=='))
for bad in [1, 'é', [1]]:
    try: binascii.a2b_base64(bad)
    except Exception as e: print(type(e).__name__, e)
for bad in ['abc', 1]:
    try: binascii.b2a_base64(bad)
    except Exception as e: print(type(e).__name__, e)
try: binascii.hexlify(b'abc', 1)
except Exception as e: print(type(e).__name__, e)
try: binascii.hexlify(b'abc', 'ab')
except Exception as e: print(type(e).__name__, e)
try: binascii.hexlify(b'abc', 'é')
except Exception as e: print(type(e).__name__, e)
try: binascii.crc32(b'abc', 1.5)
except Exception as e: print(type(e).__name__, e)
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__, binascii.Incomplete.__mro__)
print(binascii.hexlify(memoryview(b'xy')), binascii.hexlify(bytearray(b'xy')))
for bad in [lambda: binascii.b2a_base64(b'a', True), lambda: binascii.b2a_uu(), lambda: binascii.unhexlify(hexstr='00'),
            lambda: binascii.a2b_uu(data='0'), lambda: binascii.crc32(data=b''), lambda: binascii.crc_hqx(b''),
            lambda: binascii.a2b_base64(), lambda: binascii.hexlify(b'abc', '-', 10 ** 30)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(binascii.hexlify(data=b'ab', sep='-'), binascii.b2a_qp(data=b'a=b', header=True), binascii.a2b_qp(data=b'=41'))
print(binascii.crc32(b'a', True), binascii.crc_hqx(b'a', True), binascii.crc32(b'abc', 2 ** 70 + 5), binascii.crc_hqx(b'abc', -2 ** 70))

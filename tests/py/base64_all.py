import warnings
warnings.simplefilter('ignore', DeprecationWarning)
import base64, quopri, uu, io
data = b'The quick brown fox jumps over the lazy dog\x00\xff\xfe'
for enc, dec in [(base64.b64encode, base64.b64decode), (base64.standard_b64encode, base64.standard_b64decode),
                 (base64.urlsafe_b64encode, base64.urlsafe_b64decode), (base64.b32encode, base64.b32decode),
                 (base64.b32hexencode, base64.b32hexdecode), (base64.b16encode, base64.b16decode),
                 (base64.a85encode, base64.a85decode), (base64.b85encode, base64.b85decode)]:
    e = enc(data); print(enc.__name__, e, dec(e) == data)
print(base64.a85encode(data, foldspaces=True, wrapcol=10, pad=True, adobe=True))
print(base64.a85decode(base64.a85encode(b'    ', foldspaces=True), foldspaces=True))
print(base64.b64encode(b'\xfb\xff', altchars=b'-_'), base64.b64decode(b'-_8=', altchars=b'-_'))
print(base64.b64decode('YWJj'), base64.b32decode(b'mfrgg===', casefold=True), base64.b32decode(b'0000000L', map01=b'L'))
print(base64.b16decode(b'ff', casefold=True), base64.encodebytes(data * 3), base64.decodebytes(base64.encodebytes(data)) == data)
for bad in [lambda: base64.b64decode(b'YW!j', validate=True), lambda: base64.b32decode(b'abc'),
            lambda: base64.b16decode(b'fg'), lambda: base64.a85decode(b'xyz{'), lambda: base64.b85decode(b'|||||'),
            lambda: base64.b64decode(b'a')]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
print(quopri.encodestring(b'caf\xe9 = ok\t\n'), quopri.decodestring(b'caf=E9 =3D ok=\n'))
print(quopri.encodestring(b'a b', quotetabs=True, header=True))
i, o = io.BytesIO(b'h\xe9llo\n'), io.BytesIO(); quopri.encode(i, o, quotetabs=False); print(o.getvalue())
src, enc = io.BytesIO(data * 4), io.BytesIO()
uu.encode(src, enc, 'f.txt', 0o644); print(enc.getvalue().decode())
enc.seek(0); out = io.BytesIO(); uu.decode(enc, out); print(out.getvalue() == data * 4)

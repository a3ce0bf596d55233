# UTF-16 and UTF-32 codecs (BOM, byte orders, surrogates) and UTF-8 surrogatepass, with every error handler.
def t(f):
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(repr(r))
tests=[b'', b'\xff\xfea\x00', b'a\x00b', b'\x00\xd8', b'\x00\xd8a\x00', b'\x00\xdca\x00', b'\xfe\xff\x00a', b'a\x00\x00\xd8\x00\xdc', b'=\xd8\x00\xde', b'\x00\xd8a']
for x in tests:
  for enc in ['utf-16','utf-16-le','utf-16-be', 'UTF_16LE', 'utf16']:
    for err in ['strict','replace','backslashreplace', 'ignore', 'surrogateescape', 'surrogatepass']:
      t(lambda: x.decode(enc, err))
for x in [b'a\x00\x00\x00', b'\xff\xfe\x00\x00a\x00\x00\x00', b'\x00\x00\x11\x00', b'\x00\xd8\x00\x00', b'a\x00\x00', b'\x00\x00\xfe\xff\x00\x00\x00a', b'\x00\x00\x00a']:
  for enc in ['utf-32', 'utf-32-le', 'utf-32-be']:
    for err in ['strict','replace','backslashreplace','ignore']:
      t(lambda: x.decode(enc, err))
for s in ['', 'a', 'a\U0001f600', 'é\u20ac', '\udc80', 'x\ud800\udc00y', '\udc80\udcff']:
  for enc in ['utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be']:
    for err in ['strict', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'ignore', 'surrogatepass', 'surrogateescape']:
      t(lambda: s.encode(enc, err))
print('round', 'a\U0001f600é'.encode('utf-16').decode('utf-16'), 'xyz'.encode('utf-32-be').decode('utf-32-be'))
for x in [b'\xed\xa0\x80', b'a\xed\xb0\x80b', b'\xed\xa0', b'\xed\x9f\xbf', b'\xff']:
    for err in ['surrogatepass', 'strict']:
        t(lambda: x.decode('utf-8', err))
for s in ['\ud800', 'a\udfffb']:
    t(lambda: s.encode('utf-8', 'surrogatepass').decode('utf-8', 'surrogatepass'))

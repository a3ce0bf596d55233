import unicodedata as u
samples = ['caf\u00e9', 'cafe\u0301', '\ufb01ne', '\u00c5ngstr\u00f6m', 'A\u030a', '\u1e9b\u0323', '\uac00\u11a8', '\u1100\u1161\u11a8',
           '\u2126', '\u00bd', 'x\u0327\u0301\u0300', '\u0958', '\u2460\u2461', '\u3000full\uff41', '', 'plain ascii',
           '\U0001d400', '\u0344', 'a\u0300\u0301\u0316', '\u0f73', '\u1f80\u0345']
for s in samples:
    row = []
    for form in ('NFC', 'NFD', 'NFKC', 'NFKD'):
        n = u.normalize(form, s)
        row.append(ascii(n))
        row.append(u.is_normalized(form, s))
        assert u.is_normalized(form, n)
    print(ascii(s), *row)
for bad in [lambda: u.normalize('NFX', 'a'), lambda: u.normalize('NFC', 1), lambda: u.normalize(1, 'a'),
            lambda: u.is_normalized('nfc', 'a'), lambda: u.normalize('NFC')]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
mismatch = 0
for cp in range(0, 0x30000):
    c = chr(cp)
    if 0xd800 <= cp < 0xe000:
        continue
    for form in ('NFC', 'NFD', 'NFKC', 'NFKD'):
        if len(u.normalize(form, c)) > 3:
            mismatch += 1
print(mismatch)
text = ''.join(chr(cp) for cp in range(0xc0, 0x250)) + ''.join(chr(cp) for cp in range(0x1e00, 0x1f00))
for form in ('NFC', 'NFD', 'NFKC', 'NFKD'):
    n = u.normalize(form, text)
    print(form, len(n), sum(map(ord, n)))
import encodings.idna
print('bücher.example'.encode('idna'), b'xn--bcher-kva.example'.decode('idna'))
import stringprep
print(stringprep.in_table_b1('\u00ad'), stringprep.map_table_b2('\u00df'), stringprep.in_table_c12('\u3000'))

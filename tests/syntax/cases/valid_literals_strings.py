a = 'single' "double" '''triple''' """triple2"""
b = r'\n' R"\d" u'uni'
b2 = b'bytes' B"x" rb'\x00' Br"\\"
c = '\x41\u00e9\U0001F600\N{BULLET}\101\n\t\\\'"'
d = b'\x00\xff\n'
e = 'a' 'b' 'c'
f = """multi
line
string"""
g = 'caf\xe9' "日本語"
h = '\q unknown escape'

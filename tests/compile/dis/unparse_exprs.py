from __future__ import annotations
x1: 1e400
x2: 1e400j
x3: {k: v for k, v in d}
x4: a[*b]
x5: lambda a, /, b, *, c: 0
x6: f"{'a'!s}" 
x7: 'a"b\'c'
x8: not not a
x9: (-a) ** b
x10: a ** -b
x11: -(-a)
x12: (a or b) and c
x13: a if (b if c else d) else e
x14: (lambda: 1) if a else b
x15: a[1:2:3]
x16: a[:]
x17: {}
x18: ()
x19: (1,)
x20: f'{a}{b!a}{c:{d}}'
x21: f'{ {a} }'
x22: a.b[c](d)
x23: [*a, *b]
x24: {**a}
x26: 0x10
x27: 1_000
x28: 'a' 'b'
x29: b'\x00'
x30: (yield_) 
x31: a @ b // c % d
x32: a << b >> c
x33: a | b ^ c & d
x34: (a, *b)
x35: f'{x=}'

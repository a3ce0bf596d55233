# Numbers through str.format, format(), f-strings and %: the format mini-language as the
# str code hands it to the number formatter; fields, conversions and nesting around numbers.

def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(label, repr(r))

values = [0, 7, -42, 255, 10**25, True, 3.0, -2.5, 1234567.891, 1e-7, 1e300 * 10, 1-2j]
specs = ['', 'd', '5d', '<6', '^7', '*>8', '+', ' ', ',', '_', 'x', '#x', 'X', '#o', 'b', '08.3f', '.2e',
         'g', '%', '.1%', 'e', 'n', 'c', '=+10', '#010x', ',.2f', 's', 'z.1f']
for v in values:
    row = []
    for s in specs:
        try:
            row.append(format(v, s))
        except Exception as e:
            row.append(type(e).__name__ + ': ' + str(e))
    print(repr(v), row)

print('{:5d}|{:<5d}|{:^5d}|{:05d}'.format(42, 42, 42, -42))
print('{0:{1}.{2}f}'.format(3.14159, 10, 3), '{:{fill}>{w}}'.format(7, fill='.', w=5))
print('{x:,} {y:.3g} {z!r:>6}'.format(x=1234567, y=0.000123456, z=1.5))
print(f'{42:#x} {3.5:08.2f} {-7:+d} {1e6:,.0f} {255:b} {12:>{5}} {0.5:.0%}')
print('%5.2f|%-8.3e|%g|%d|%x' % (2.71828, 12345.6789, 1e-5, 10**20, 2**70))

class MyInt(int):
    pass
class MyFloat(float):
    def __format__(self, spec):
        return 'MF(' + spec + ')'
print(format(MyInt(5), '03d'), '{:>4}'.format(MyInt(3)), format(MyFloat(1.5), '.2f'), f'{MyFloat(2):x}')
show('bad spec int', lambda: format(5, 'q'))
show('bad spec float', lambda: format(1.5, 'd'))
show('str spec on int', lambda: '{:s}'.format(5))
show('nested bad', lambda: '{:{}}'.format(5, 'zz'))

# format() and f-strings on ints, bools and floats over a grid of format
# specifications, with CPython's error messages.
def attempt(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

int_specs = ['', 'd', '5', '-5', '<6', '^7', '>8', '=+9', '*^11', '0>6', '06', '+', ' ', '-', ',', '_',
             ',d', '_d', '012,', '#b', 'b', '_b', '#o', 'o', '#x', 'x', '#X', 'X', '_x', '#010x', 'c',
             'n', 'e', '.2e', 'E', 'f', '.3f', 'F', 'g', 'G', '.3g', '%', '.1%', ',.2f', 'z', 'z.1f',
             's', 'q', '.2', ',b', ',x', '=^5', '10.3', '#', '#d', '+#x', ' #o']
ints = [0, 1, -1, 7, -42, 255, 1234567, -1234567, 2**63, -(10**25), 10**30 + 7, True, False]
for v in ints:
    print(v, [attempt(lambda: format(v, s)) for s in int_specs])

float_specs = ['', 'f', '.0f', '.1f', '#.0f', '.10f', 'e', '.0e', '#.0e', '.3E', 'g', '.0g', '.1g', '#g',
               '.3g', '#.3g', 'G', '.20g', 'n', '%', '.1%', '10', '<10', '^10', '=10', '010', '+', ' ',
               ',', '_', ',.2f', '_.3f', '015,.2f', 'z', 'z.1f', 'z.0f', '+.2f', ' .2e', '*>12.3f', 'd',
               'x', 's', '.', '.2', '10.3', '#', ',g', '0=+12.4e', 'z+.1f', '.500f' if False else '.50f']
floats = [0.0, -0.0, 1.0, -1.5, 0.1, 1 / 3, 2.5, 3.5, 123456.789, -9876543.21, 1e16, 1.5e-7, 1e300,
          5e-324, -0.04, 0.00049, float('inf'), float('-inf'), float('nan'), 1e22, 12345678901234567.0]
for v in floats:
    print(repr(v), [attempt(lambda: format(v, s)) for s in float_specs])

# f-strings, str.format and the __format__ methods themselves
x, y, z = 3.14159, 42, 2**70
print(f'{x:.2f}|{y:>5}|{y:#x}|{z:,}|{x!r}|{y:{"^"}{10}}|{x:{8}.{3}}|{-y:+}|{0.5:%}|{True:d}|{True}')
print('{:08.3f} {:,} {:b} {!r:>8} {:e}'.format(x, y * 10**6, y, x, z))
print((42).__format__('x'), (2.5).__format__('.3e'), (1 + 1j).__format__(''), attempt(lambda: (4).__format__(5)))
print(format(2**200, 'x'), format(-(2**100), '_o'), format(2**64, 'e'), format(10**50, ',d'), format(2**70, 'g'),
      attempt(lambda: format(10**400, 'f')), attempt(lambda: format(10**5000, 'd')), len(format(10**5000, 'x')))
print(attempt(lambda: format(65, 'c')), attempt(lambda: format(0x1F600, 'c')), attempt(lambda: format(-1, 'c')),
      attempt(lambda: format(0x110000, 'c')), attempt(lambda: format(65, '+c')), attempt(lambda: format(65, '#c')))
print(attempt(lambda: format(1, ',c')), attempt(lambda: format(1.5, ',_')), attempt(lambda: format(1, '_,')),
      attempt(lambda: format(1.0, '10000000000000000000000')), attempt(lambda: format(1, '.')),
      attempt(lambda: format(1.0, 'zd')))

class MyInt(int):
    pass
class MyFloat(float):
    pass
print(format(MyInt(5), 'x'), attempt(lambda: format(MyInt(5), 'q')), format(MyFloat(2.5), '.1f'),
      attempt(lambda: format(MyFloat(2.5), 'q')), format(MyInt(7), ''), format(MyFloat(0.5), ''))

# %-formatting of numbers
for v in [0, 7, -7, 255, 2**64, 3.7, -0.5]:
    print(attempt(lambda: '%d|%5d|%-5d|%05d|%x|%X|%o|%#x|%#o|%+d|% d|%e|%f|%g|%.3f|%10.2e|%r|%s' %
                  ((v,) * 18)))

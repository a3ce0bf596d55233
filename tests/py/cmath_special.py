import cmath, math
inf, nan = math.inf, math.nan
parts = [-inf, -2.5, -1.0, -0.0, 0.0, 0.5, 1.0, 2.5, inf, nan, 1e300, -1e-310]
names = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'exp', 'log', 'log10',
         'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'phase', 'polar', 'isfinite', 'isinf', 'isnan']
def fmt(v):
    if isinstance(v, tuple):
        return '(' + ','.join(fmt(x) for x in v) + ')'
    if isinstance(v, complex):
        return fmt(v.real) + ('+' if math.copysign(1, v.imag) > 0 else '-') + fmt(abs(v.imag)) + 'j'
    if isinstance(v, bool):
        return str(v)
    return repr(v)
for name in names:
    f = getattr(cmath, name)
    row = []
    for x in parts:
        for y in parts:
            try:
                row.append(fmt(f(complex(x, y))))
            except ValueError:
                row.append('VE')
            except OverflowError:
                row.append('OE')
    print(name)
    for i in range(0, len(row), 12):
        print('  ' + ' '.join(row[i:i + 12]))
row = []
for r in parts:
    for phi in parts:
        try:
            row.append(fmt(cmath.rect(r, phi)))
        except ValueError:
            row.append('VE')
        except OverflowError:
            row.append('OE')
print('rect')
for i in range(0, len(row), 12):
    print('  ' + ' '.join(row[i:i + 12]))
for b in [complex(0, 0), complex(inf, 0), complex(nan, 1), 2.0, complex(0, 2)]:
    try:
        print(fmt(cmath.log(3 + 4j, b)))
    except ValueError as e:
        print('VE', e)

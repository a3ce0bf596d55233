import decimal
from decimal import Decimal, localcontext, getcontext, Context, ROUND_HALF_EVEN, ROUND_DOWN, InvalidOperation, DivisionByZero
print(decimal.__name__, Decimal.__module__)
print(Decimal('1.1') + Decimal('2.2'), Decimal(1) / Decimal(7), Decimal('0.1') * 3)
print(Decimal(0.1), Decimal('123.456').quantize(Decimal('0.01')), Decimal('-7.5').to_integral_value())
getcontext().prec = 50
print(Decimal(2).sqrt(), Decimal(1).exp(), Decimal(10).ln(), Decimal(100).log10())
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(3), ctx.prec)
    with localcontext(Context(prec=3, rounding=ROUND_DOWN)):
        print(Decimal(2) / Decimal(3))
print(Decimal(1) / Decimal(3), getcontext().prec)
getcontext().prec = 28
try:
    Decimal(1) / Decimal(0)
except DivisionByZero as e:
    print('DivisionByZero', type(e).__mro__[1].__name__)
try:
    Decimal('abc')
except InvalidOperation as e:
    print('InvalidOperation')
getcontext().traps[InvalidOperation] = False
print(Decimal('abc'), Decimal('NaN') + 1, Decimal('Infinity') * -1)
print(Decimal('1e10').normalize(), Decimal('1.2300').normalize(), Decimal('12345.678').as_tuple())
print(round(Decimal('2.675'), 2), int(Decimal('-3.9')), float(Decimal('1.5')), Decimal('3.14159').__format__('.2f'))
print(f"{Decimal('1234567.891'):,.2f}", Decimal(10) ** -3, Decimal(2) ** 100, Decimal(7) % Decimal(3), divmod(Decimal(7), Decimal(-3)))
print(sorted([Decimal('1.5'), Decimal('-2'), Decimal('0.3')]), Decimal('1.0') == 1, hash(Decimal('1.5')) == hash(1.5))
print(Decimal.from_float(0.25), Decimal('0.25').as_integer_ratio(), Decimal('-0'), Decimal('1E+2').to_eng_string())
import threading
out = []
def t():
    getcontext().prec = 4
    out.append(str(Decimal(1) / Decimal(7)))
th = threading.Thread(target=t); th.start(); th.join()
print(out, Decimal(1) / Decimal(7))

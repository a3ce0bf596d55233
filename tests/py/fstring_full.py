# f-strings: nesting, = specifier, conversions, dynamic format specs,
# escapes and braces, multiline, expressions of every kind, and errors.
import datetime

name = "World"
n = 42
pi = 3.14159265
items = ["a", "b"]
d = {"key": "value", 1: "one"}
print(f"Hello {name}!", f"{n}", f"{n!r}", f"{name!r}", f"{name!s}", f"{name!a}", f"{'é'!a}")
print(f"{n:5d}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:+}|{n:x}|{n:#o}|{n:b}|{n:,}|{10**7:_}")
print(f"{pi:.2f}|{pi:10.3f}|{pi:e}|{pi:.3g}|{pi:%}|{-pi:+.1f}|{pi:=+10.2f}")
width, prec = 12, 4
print(f"{pi:{width}.{prec}f}|{name:>{width}}|{name:{'*'}^{width}}|{n:{'x'}}")
print(f"{n=}", f"{n = }", f"{n=:5}", f"{name=!s}", f"{pi=:.1f}", f"{1 + 1=}", f"{items[0]=}")
print(f"{d['key']}", f"{d[1]}", f"{items[-1]}", f"{len(items)}", f"{name.upper()}", f"{name[::-1]}")
print(f"{{literal}}", f"{{{n}}}", f"{'{'}", f"a{'}'}b", f"{n}{n}", f"{''}", f"{'nested {}'.format(1)}")
print(f"{3 if n > 10 else 4}", f"{[x * 2 for x in range(3)]}", f"{(lambda x: x + 1)(1)}", f"{n and 'yes'}")
print(f"{f'{n}'}", f"{chr(10)!r}")
print(f"tab\there", rf"raw\t{n}", fr"{n}\n", f"\x41\u00e9\N{BULLET}")
value = 1234567.891
print(f"{value:,.2f}", f"{value:_.1f}", f"{value:>15,.2f}", f"{-value:015,.1f}", f"{value:.3e}")
print(f"{True}", f"{None}", f"{None!r}", f"{b'bytes'}", f"{3+4j}", f"{1/3:.5}", f"{float('inf')}")
dt = datetime.date(2024, 3, 5)
print(f"{dt}", f"{dt:%Y/%m/%d}", f"{dt!r}", f"{dt:%A %d %B}")
multi = (
    f"line one {n} "
    f"line two {name}"
)
print(multi)
print(f"""triple
{n}
quoted""")
class Fmt:
    def __format__(self, spec):
        return "<" + spec + ">"
    def __repr__(self):
        return "Fmt()"
    def __str__(self):
        return "str-Fmt"
print(f"{Fmt()}", f"{Fmt():abc}", f"{Fmt()!r}", f"{Fmt()!s}", f"{Fmt():{n}}", f"{Fmt()!r:>8}")
x = 10
print(f"{x:#x}", f"{x:#b}", f"{x:c}", f"{65:c}", f"{x:n}", f"{x:.2%}")
print(f"{'left':<10}|", f"{'right':>10}|", f"{'mid':^10}|", f"{'trunc':.3}|", f"{'pad':*<8}|")

errors = [
    "f'{}'",
    "f'{ }'",
    "f'{x!}'",
    "f'{x!q}'",
    "f'{x:{y:{z}}}'",
    "f'}'",
    "f'{'",
    "f'{x!r=}'",
    "f'{#}'",
    "f'{a b}'",
    "f'{lambda x: 1}'",
]
for src in errors:
    try:
        eval(src)
        print("no error", src)
    except SyntaxError as e:
        print("SyntaxError", src, "->", e.msg)
    except NameError as e:
        print("NameError", src, "->", e)
for v, spec in [(1, "q"), ("s", "d"), (1.5, "x"), ([], "5"), (1, ".2s"), (1, ",s"), ("a", "=5")]:
    try:
        print(f"{v:{spec}}")
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

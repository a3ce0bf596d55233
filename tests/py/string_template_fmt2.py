# Formatting in practice: tables with str.format alignment computed from
# data, number formatting per locale-free rules (grouping, percent,
# engineering style by hand), text wrapping of cells, and %-style vs
# format vs f-string equivalence over a grid of values.
rows = [("apple", 1.5, 1200), ("banana split", 0.25, 35), ("cherry", 12.125, 1_000_000), ("date", -3.0, 0)]
w = max(len(r[0]) for r in rows)
header = f"{'item':<{w}} | {'price':>8} | {'qty':>10} | {'total':>14}"
print(header)
print("-" * len(header))
for name, price, qty in rows:
    print(f"{name:<{w}} | {price:>8.2f} | {qty:>10,} | {price * qty:>14,.2f}")
print("{:=^{}}".format(" end ", len(header)))
def eng(x):
    if x == 0:
        return "0"
    exp = 0
    while abs(x) >= 1000:
        x /= 1000
        exp += 3
    while abs(x) < 1:
        x *= 1000
        exp -= 3
    return f"{x:.3g}e{exp}" if exp else f"{x:.3g}"
print([eng(v) for v in [0, 1, 999, 1000, 12345, 0.5, 0.00123, 6.02e23, -4500]])
for v in [0, 7, -7, 1234.5678, 0.000123, 1e21, -0.0]:
    a = "%10.3f|%-10.2e|%+g" % (v, v, v)
    b = "{:10.3f}|{:<10.2e}|{:+g}".format(v, v, v)
    c = f"{v:10.3f}|{v:<10.2e}|{v:+g}"
    print(a, a == b == c)
for v in [0, 5, -5, 255, 65535, -1]:
    print("%5d|%-5x|%05o|%X" % (v, v, v, v), "{:5d}|{:<5x}|{:05o}|{:X}".format(v, v, v, v), f"{v:#06x}|{v:+}|{v: }")
print("{:.2%} {:.0%} {:,.1%}".format(0.1234, 1, 123.456), f"{1/3:.1%}", "%.1f%%" % 12.34)
print("|".join(f"{s:^7.3}" for s in ["a", "abcdef", "", "xy"]), "|".join("%-4.2s" % s for s in ["abc", "d"]))
print(f"{'nested':{'>'}{10}}", "{0:{1}{2}}".format("x", "^", 5), "{:{}}".format(3.14159, ".3"), f"{3.14159:{'.2f'}}")
data = {"name": "Widget", "dims": (3, 4.5), "tags": ["a", "b"]}
print("{name}: {dims[0]}x{dims[1]:.1f} [{tags[1]}]".format(**data), "%(name)s has %(tags)s" % data)
print(f"{data['name']!r:>10}", f"{data['dims']!s:<12}|", f"{len(data['tags']):02d}", f"{data}"[:20])

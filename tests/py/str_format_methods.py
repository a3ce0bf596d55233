# str.format and format_map: positional/keyword/auto numbering, attribute
# and index lookups, nested replacement fields, conversions, alignment with
# fill, sign and # options, and the errors for mixing numbering, missing
# keys, bad specs; %-formatting edge cases with dicts and tuples.
print("{} {} {}".format(1, "a", None), "{0}{1}{0}".format("x", "y"), "{name}={value!r}".format(name="k", value="v"))
print("{0[0]} {0[1]} {1[key]} {2.real} {2.imag}".format([5, 6], {"key": "val"}, 3 + 4j))
print("{:>{width}}|{:^{width}.{prec}}|".format("r", "center", width=8, prec=3), "{:{fill}<6}".format("x", fill="*"))
print("{!r} {!s} {!a}".format("q", "q", "é"), "{0!r:>10}".format("pad"), "{:,} {:_b} {:#o} {:+d}".format(10**6, 255, 8, 5))
print("{{}} {{{}}}".format(7), "{:%}".format(0.25), "{:.2e}".format(12345.678), "{:c}".format(9731))
print("{0:{1}}".format(3.14159, ".2f"), "{:=+8.2f}".format(-3.5), "{:0=8}".format(-42), "{:x<4}{:x>4}".format(1, 2))
print("{a.__class__.__name__}".format(a=1), "{0.__len__}".format("s")[:20], "{[-1]}".format({-1: "neg key"}))
errors = [("{0} {}", (1, 2), {}), ("{} {0}", (1, 2), {}), ("{missing}", (), {}), ("{0}", (), {}), ("{", (), {}),
          ("}", (), {}), ("{0:abc}", (1,), {}), ("{0!x}", (1,), {}), ("{0.nope}", (1,), {}), ("{0[5]}", ([1],), {}),
          ("{:s}", (1,), {}), ("{:d}", ("a",), {}), ("{0[}", ([1],), {}), ("{:{}}", (1,), {}), ("{!}", (1,), {}),
          ("{a", (), {"a": 1}), ("{:,s}", ("x",), {}), ("{:=}", ("x",), {}), ("{:10000000000}", (1,), {})]
for fmt, args, kwargs in errors:
    try:
        print(repr(fmt), "->", repr(fmt.format(*args, **kwargs)))
    except (IndexError, KeyError, ValueError, AttributeError, TypeError) as e:
        print(repr(fmt), "->", type(e).__name__, e)
class Default(dict):
    def __missing__(self, k):
        return "<" + k + ">"
print("{a} {b}".format_map(Default(a="A")), "{x[0]}".format_map({"x": "xyz"}))
try:
    "{a}".format_map({})
except KeyError as e:
    print(type(e).__name__, e)
try:
    "{}".format_map({})
except ValueError as e:
    print(type(e).__name__, e)

print("%s %r %a" % ("s", "r", "é"), "%d %i %u" % (1.9, -2.5, 3), "%5.1f|%-6d|%06.2f" % (3.14159, 42, -1.5))
print("%x %X %#x %o %#o %e %E %g %G %%" % (255, 255, 255, 8, 8, 1234.5, 0.00012, 1e-5, 1e20))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30}, "%c%c" % (65, "b"), "%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%s" % (1,), "%s" % [1, 2], "%s %s" % ("a", "b"), "%%" % (), "%.3s" % "abcdef", "%5s|%-5s|" % ("ab", "cd"))
print("%+d % d %+.1f" % (5, 5, -0.05), "%r" % {"k": (1,)}, b"%s %d %b" % (b"x", 3, b"y"), "%(x)s%(x)s" % {"x": 1})
for fmt, args in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%(k)s", (1,)), ("%(k)s", {}), ("%c", 300000000),
                  ("%c", "ab"), ("%", ()), ("%.1000000000f", 1.0), ("%d", None), ("%x", 1.5), ("%*d", ("a", 1))]:
    try:
        print(repr(fmt), "->", repr(fmt % args))
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(repr(fmt), "->", type(e).__name__, e)

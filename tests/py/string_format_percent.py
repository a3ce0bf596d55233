print("%s %r %d %i %5d %-5d| %05d %x %X %o %e %.3g %c %%" % ("s", "r", 42, 7, 3, 3, 42, 255, 255, 8, 12345.678, 0.0001234, 65))
print("%(name)s is %(age)d" % {"name": "Al", "age": 30})
print("%.2f %10.3f %-8s| %+d %+d" % (3.14159, 2.5, "left", 5, -5))
print("%s" % (1,), "%s" % [1, 2], "%s %s" % ("a", "b"))
try:
    "%d" % "x"
except TypeError as e:
    print(e)
try:
    "%s %s" % ("a",)
except TypeError as e:
    print(e)
try:
    "%s" % ("a", "b")
except TypeError as e:
    print(e)
print("{:>6}|{:<6}|{:^6}|{:.2}|{!r}".format("ab", "cd", "ef", "ghij", "k"))
print("{0[1]} {1[x]} {2.real}".format([1, 2], {"x": 9}, 3))
print("{:,} {:_} {:.1%} {:e}".format(1234567, 1234567, 0.256, 1234.5))

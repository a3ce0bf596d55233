name = "x"
a = f"hello {name}"
b = f'{name!r} {name!s} {name!a}'
c = f"{name:>10}"
d = f"{name=}"
e = f"{name = }"
f_ = f"{3.14:{width}.{prec}f}"
g = f"{{literal}} {name}"
h = F"{x}" f'{y}'

a = f"{f'{x}'}"
b = f"{'a' if x else 'b'}"
c = f'{d["key"]}'
d = f"{x:{'>'}{10}}"
e = f"""{
    x
}"""
f_ = f"{x!r:^{w}}"
g = f"{x,}"
h = f"{(lambda: 1)()}"
i = f"{x:=10}"
j = f"{(y:=10)}"
k = f"{a['b']:{c}}"

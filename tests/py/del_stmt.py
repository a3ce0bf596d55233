a = 1
b = [1, 2, 3, 4]
c = {"k": 1, "j": 2}
class O: pass
o = O()
o.attr = 1
del a, b[0], c["k"], o.attr
print(b, c, hasattr(o, "attr"), "a" in globals())
del b[:]
print(b)
x, y = 1, 2
del (x, y)
try:
    x
except NameError as e:
    print(e)
def f():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return str(e)
print(f())
try:
    del c["nokey"]
except KeyError as e:
    print("KeyError", e)
l = [1, 2]
try:
    del l[5]
except IndexError as e:
    print(e)

x = 10
def setg():
    global x
    x = 20
setg()
print(x)
def readg():
    return x + 1
print(readg())
def nl():
    a = 1
    def b():
        nonlocal a
        a = 2
        def c():
            nonlocal a
            a += 10
        c()
    b()
    return a
print(nl())
def newglobal():
    global brand_new
    brand_new = "created"
newglobal()
print(brand_new)
try:
    print(undefined_name)
except NameError as e:
    print(e)
del x
try:
    x
except NameError as e:
    print(e)
class C:
    y = 5
    z = [y for _ in range(1)] if False else None
    def m(self):
        return y_global
y_global = "g"
print(C().m(), C.y)

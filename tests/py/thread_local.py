# threading.local: each thread sees its own attributes; subclasses run
# __init__ again, with the original arguments, in every thread.
import threading

data = threading.local()
data.name = "main"
seen = {}
lk = threading.Lock()


def use(i):
    before = hasattr(data, "name")
    data.name = "t%d" % i
    data.items = [i] * 3
    for _ in range(200):
        data.items.append(i)
    with lk:
        seen[i] = (before, data.name, len(data.items), set(data.items) == {i},
                   sorted(data.__dict__))


ts = [threading.Thread(target=use, args=(i,)) for i in range(16)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(data.name, hasattr(data, "items"), sorted(data.__dict__))
for i in sorted(seen):
    print(i, seen[i])


class Ctx(threading.local):
    created = 0

    def __init__(self, base, step=1):
        Ctx.created += 1
        self.value = base
        self.step = step

    def bump(self):
        self.value += self.step
        return self.value


ctx = Ctx(100, step=5)
ctx.bump()
out = []


def bumper():
    r = [ctx.bump() for _ in range(3)]
    with lk:
        out.append(r)


ts = [threading.Thread(target=bumper) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(ctx.value, Ctx.created, out)

try:
    threading.local(1)
except TypeError as e:
    print("TypeError", e)
try:
    del data.missing
except AttributeError:
    print("AttributeError")
del data.name
print(hasattr(data, "name"))

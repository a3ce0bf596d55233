# Generator objects as values: gi_frame.f_lineno/f_locals while
# suspended, gi_code names, generators in classes (methods, properties,
# __iter__), generator expressions capturing loop variables, send() into
# expressions, yield inside try/except/finally and with, and recursion.
def stepper():
    x = 1
    yield "first"
    y = x + 1
    yield "second"
    return x + y
g = stepper()
print(g.gi_code.co_name, g.gi_frame.f_lineno > 0)
next(g)
print(sorted(g.gi_frame.f_locals), g.gi_frame.f_locals["x"])
next(g)
print(sorted(g.gi_frame.f_locals.items()))
print(next(g, "exhausted"), g.gi_frame)
class Tree:
    def __init__(self, value, *children):
        self.value, self.children = value, children
    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c
    def walk(self, depth=0):
        yield depth, self.value
        for c in self.children:
            yield from c.walk(depth + 1)
    @property
    def leaves(self):
        return (n for n in self if isinstance(n, str) and n.islower())
t = Tree("R", Tree("a"), Tree("B", Tree("c"), Tree("d")), Tree("e"))
print(list(t), list(t.walk()), list(t.leaves), max(d for d, _ in t.walk()))
funcs = [(lambda: i) for i in range(3)]
gens = [(i * k for k in range(2)) for i in range(3)]
print([f() for f in funcs], [list(g) for g in gens])
def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        if value == "reset":
            total = count = 0
            avg = None
            continue
        total += value
        count += 1
        avg = total / count
a = averager()
next(a)
print([a.send(v) for v in [10, 20, 30]], a.send("reset"), a.send(5))
def guarded():
    try:
        yield "in try"
        raise KeyError("boom")
    except KeyError as e:
        yield "in except " + repr(e)
    finally:
        yield "in finally"
    yield "after"
print(list(guarded()))
class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *exc):
        print("exit", exc[0].__name__ if exc[0] else None)
def with_gen():
    with CM():
        yield 1
        yield 2
wg = with_gen()
print(next(wg))
wg.close()
print(list(with_gen()))
def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [x] + rest
print(["".join(p) for p in permutations("abc")], sum(1 for _ in permutations(range(6))))
def chunks(seq, n):
    it = iter(seq)
    while chunk := [x for _, x in zip(range(n), it)]:
        yield chunk
print(list(chunks(range(10), 4)), list(chunks([], 3)))
gen_in_dict = {k: (v for v in range(k)) for k in range(3)}
print({k: list(v) for k, v in gen_in_dict.items()})
def yields_none():
    yield
    x = yield
    yield x
yn = yields_none()
print(next(yn), next(yn), yn.send("sent"), next(yn, "stop"))
print(type(stepper).__name__, type(stepper()).__name__, stepper.__code__.co_flags & 0x20 != 0)

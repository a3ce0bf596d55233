# inspect: signatures, source, members, predicates, frames, modules.
import inspect, os, sys, functools, collections

def f(a, b: int = 2, *args, c, d=4, **kw) -> str:
    """Doc of f.

    More."""
    return "x"

async def co():
    pass

def gen():
    yield 1

class Base:
    """A base."""
    cls_attr = 1
    def method(self, x, y=3):
        return x
    @classmethod
    def cm(cls):
        pass
    @staticmethod
    def sm(z):
        pass
    @property
    def prop(self):
        return 5

class Child(Base):
    def method(self, x, y=4):
        return super().method(x, y)

sig = inspect.signature(f)
print(sig, sig.return_annotation)
for p in sig.parameters.values():
    print(p.name, p.kind, p.default is inspect.Parameter.empty, p.annotation)
print(sig.bind(1, c=3).arguments)
ba = sig.bind(1, 2, 3, c=4, e=5)
ba.apply_defaults()
print(ba.arguments, ba.args, ba.kwargs)
try:
    sig.bind(1)
except TypeError as e:
    print("TypeError:", e)
print(inspect.signature(Base.method), inspect.signature(Base().method), inspect.signature(Child))
print(inspect.signature(lambda x, /, y, *, z: 0))
print(inspect.signature(functools.partial(f, 1, c=2)))
print(sig.replace(return_annotation=inspect.Signature.empty))
print(inspect.Signature([inspect.Parameter("q", inspect.Parameter.KEYWORD_ONLY, default=1)]))

print(inspect.getdoc(f))
print(inspect.getdoc(Child), inspect.cleandoc("  a\n    b\n  c"))
print(inspect.getsource(Base.sm))
lines, start = inspect.getsourcelines(gen)
print(start, lines)
print(os.path.basename(inspect.getsourcefile(f)), os.path.basename(inspect.getfile(Base)))
print(inspect.getmodule(f).__name__, inspect.getmodule(collections.OrderedDict).__name__)
print(inspect.getmodulename("/a/b/mod.py"), inspect.getmodulename("x.txt"))
print(inspect.getsource(inspect.getmodule(f)).splitlines()[0])

print(inspect.isfunction(f), inspect.isfunction(len), inspect.isbuiltin(len), inspect.ismethod(Base().method))
print(inspect.isclass(Base), inspect.ismodule(os), inspect.isgeneratorfunction(gen),
      inspect.iscoroutinefunction(co), inspect.isgenerator(gen()), inspect.isroutine(len))
print(inspect.isabstract(Base), inspect.isdatadescriptor(Base.__dict__["prop"]),
      inspect.ismethoddescriptor(str.join), inspect.iscode(f.__code__), inspect.isframe(sys._getframe()))
c = co()
print(inspect.iscoroutine(c), inspect.getcoroutinestate(c))
c.close()
g = gen()
print(inspect.getgeneratorstate(g), next(g), inspect.getgeneratorstate(g))

print([n for n, v in inspect.getmembers(Child) if not n.startswith("__")])
print([n for n, v in inspect.getmembers(Child, inspect.isfunction)])
print(inspect.getmro(Child))
print([(a.name, a.kind, a.defining_class.__name__) for a in inspect.classify_class_attrs(Child) if not a.name.startswith("_")])
print(type(inspect.getattr_static(Child(), "prop")).__name__)
print(inspect.getfullargspec(f))
print(inspect.getcallargs(f, 1, c=2))
print(inspect.formatannotation(list[int]), inspect.unwrap(functools.wraps(f)(lambda: 0)) is f)

def where():
    frame = inspect.currentframe()
    info = inspect.getframeinfo(frame)
    return info.function, info.lineno - frame.f_code.co_firstlineno, inspect.stack()[1].function
def caller():
    return where()
print(caller())
print(inspect.getclosurevars(lambda: f).globals.keys())

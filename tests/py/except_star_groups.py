# ExceptionGroup and except*: splitting by type, nested groups, raising
# from within handlers, derive/split/subgroup methods, message/exceptions
# attributes, BaseExceptionGroup vs ExceptionGroup, and invalid uses.
def run(fn):
    try:
        fn()
    except BaseException as e:
        print("escaped:", type(e).__name__, repr(e))

def basic():
    try:
        raise ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
    except* ValueError as eg:
        print("value part:", repr(eg))
    except* TypeError as eg:
        print("type part:", repr(eg))
run(basic)

def unhandled_rest():
    try:
        raise ExceptionGroup("mixed", [KeyError("k"), OSError("o")])
    except* KeyError:
        print("handled KeyError part")
run(unhandled_rest)

def nested():
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [ValueError(2), IndexError(3)])])
    except* ValueError as eg:
        print("values:", repr(eg))
    except* IndexError as eg:
        print("index:", repr(eg), eg.exceptions[0].exceptions)
run(nested)

def naked():
    try:
        raise ValueError("naked")
    except* ValueError as eg:
        print("wrapped naked:", repr(eg), type(eg).__name__)
run(naked)

def raise_in_handler():
    try:
        raise ExceptionGroup("g", [ValueError("a")])
    except* ValueError:
        raise RuntimeError("from handler")
run(raise_in_handler)

def reraise():
    try:
        raise ExceptionGroup("g", [ValueError("a"), TypeError("b")])
    except* ValueError:
        raise
run(reraise)

eg = ExceptionGroup("root", [ValueError("x"), TypeError("y"), ExceptionGroup("sub", [ValueError("z"), KeyError("w")])])
match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(repr(eg.subgroup(lambda e: isinstance(e, (KeyError, TypeError)))))
print(eg.subgroup(OSError), eg.split(BaseException)[1], eg.message, len(eg.exceptions), eg.args[0])
d = eg.derive([IndexError("new")])
print(repr(d), type(d).__name__)
print(isinstance(eg, Exception), issubclass(BaseExceptionGroup, BaseException), type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)
print(type(BaseExceptionGroup("b", [ValueError()])).__name__)
for bad in [lambda: ExceptionGroup("m", []), lambda: ExceptionGroup("m", [1]), lambda: ExceptionGroup(1, [ValueError()]),
            lambda: ExceptionGroup("m", ValueError()), lambda: ExceptionGroup("m", [KeyboardInterrupt()]),
            lambda: ExceptionGroup("m")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "!", excs)
mg = MyGroup("custom", [ValueError(1), TypeError(2)])
m, r = mg.split(ValueError)
print(type(m).__name__, m.message, type(r).__name__, r.message)

def with_notes():
    e = ExceptionGroup("noted", [ValueError("v")])
    e.add_note("a note on the group")
    try:
        raise e
    except* ValueError as part:
        print("part notes:", getattr(part, "__notes__", None), part.__cause__, part.__context__)
run(with_notes)
def multiple_matching_clauses():
    try:
        raise ExceptionGroup("g", [ValueError(1), ValueError(2), TypeError(3)])
    except* (ValueError, TypeError) as both:
        print("tuple clause:", repr(both))
run(multiple_matching_clauses)
def empty_after():
    try:
        raise ExceptionGroup("g", [ValueError()])
    except* ValueError:
        pass
    print("all handled, continues")
run(empty_after)
try:
    exec("try:\n    pass\nexcept* ExceptionGroup:\n    pass\n")
except TypeError as e:
    print(type(e).__name__, e)
def star_group_type():
    try:
        raise ExceptionGroup("g", [ValueError()])
    except* ExceptionGroup:
        pass
run(star_group_type)

eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3)])
print(repr(eg), eg.message, len(eg.exceptions), str(eg))
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(TypeError)))
try:
    raise eg
except* ValueError as e:
    print("caught values", repr(e))
except* TypeError as e:
    print("caught types", repr(e))
try:
    try:
        raise ExceptionGroup("g", [KeyError("k"), OSError("o")])
    except* KeyError:
        print("handled key")
except ExceptionGroup as rest:
    print("rest", repr(rest))
try:
    raise ValueError("naked")
except* ValueError as e:
    print("wrapped naked", repr(e))
print(isinstance(eg, Exception), issubclass(BaseExceptionGroup, BaseException))
try:
    ExceptionGroup("x", [])
except ValueError as e:
    print(e)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
print(type(BaseExceptionGroup("b", [ValueError()])).__name__)
nested = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
m, r = nested.split(ValueError)
print(repr(m))
print(repr(r))

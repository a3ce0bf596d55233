def raise_group():
    raise ExceptionGroup("top", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
try:
    raise_group()
except* ValueError as e:
    print("V:", repr(e))
except* (TypeError, KeyError) as e:
    print("TK:", repr(e))
try:
    try:
        raise_group()
    except* ValueError:
        pass
except* TypeError as e:
    print("outer T:", repr(e))
except* KeyError as e:
    print("outer K:", repr(e))
import sys
try:
    raise ExceptionGroup("g", [OSError("o")])
except* OSError as e:
    print("exception inside:", repr(sys.exception()))
eg = ExceptionGroup("m", [ValueError(1), TypeError(2)])
print(eg.split(lambda e: isinstance(e, TypeError)))
print(eg.subgroup(lambda e: False))
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)
m, r = MyEG("mine", [ValueError(1), TypeError(2)]).split(ValueError)
print(type(m).__name__, repr(m), repr(r))
e = ExceptionGroup("notes", [ValueError(1), TypeError(2)])
e.add_note("a note")
m, r = e.split(ValueError)
print(m.__notes__, r.__notes__, m.__notes__ is e.__notes__)
try:
    ExceptionGroup("x", [1])
except ValueError as ex:
    print(ex)
try:
    ExceptionGroup(1, [ValueError()])
except TypeError as ex:
    print(ex)
print(repr(BaseExceptionGroup("b", [KeyboardInterrupt()])))

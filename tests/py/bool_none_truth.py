# Truth values and bool: __bool__/__len__ protocols, bool() errors, and/or
# returning operands, not, comparisons with None/NotImplemented/Ellipsis,
# bool arithmetic, and singletons' reprs and identities.
class T:
    def __bool__(self):
        return True
class F:
    def __len__(self):
        return 0
class Both:
    def __bool__(self):
        return False
    def __len__(self):
        return 5
class Neither:
    pass
print(bool(T()), bool(F()), bool(Both()), bool(Neither()), bool([]), bool([0]), bool(""), bool(" "), bool(0.0), bool(-0.0), bool(0j))
print(bool(None), bool(NotImplemented) if False else "skip", bool(...), bool(range(0)), bool(range(1)), bool({}), bool(set()), bool(b""))
class BadBool:
    def __bool__(self):
        return 1
class BadLen:
    def __len__(self):
        return -1
class HugeLen:
    def __len__(self):
        return 2**70
class StrLen:
    def __len__(self):
        return "3"
for obj in (BadBool(), BadLen(), HugeLen(), StrLen()):
    try:
        print(bool(obj))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
    try:
        print("if" if obj else "else")
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for obj in (BadLen(), HugeLen(), StrLen()):
    try:
        print(len(obj))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(1 and 2, 0 and 2, 1 or 2, 0 or "", None or [] or "last", "a" and "b" and "c", not 0, not "x", not None)
print([] or {}, (0 and 1/0), (1 or 1/0), None is None, None == None, None != 0, type(None)(), type(...)(), type(NotImplemented)())
print(True + True, True * 10, False - 1, True / 2, True // 2, True ** 3, -True, ~True, ~False, True & False, True | False, True ^ True)
print(type(True & False).__name__, type(True + 1).__name__, type(True | 2).__name__, isinstance(True, int), bool.__mro__)
print(True == 1, hash(True), int(True), float(False), str(True), repr(False), f"{True:d}", format(False, ">6"))
print(bool("False"), bool(int("0")), True.real, True.imag, True.numerator, (True).bit_length(), True < 2, sorted([True, False, 0, 1]))
print(repr(None), repr(...), repr(NotImplemented), str(Ellipsis), Ellipsis is ..., ... == ..., type(...).__name__)
try:
    bool(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    class B(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    None.x = 1
except AttributeError as e:
    print(type(e).__name__, e)
nothing = None
try:
    nothing()
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    None + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    for x in None:
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    nothing[0]
except TypeError as e:
    print(type(e).__name__, e)
x = None
print(x if x is not None else "default", [v for v in [0, None, False, 1] if v is not None], all(v is None for v in [None, None]))
print(bool.__new__(bool, 5), bool(), True.__bool__(), (0).__bool__(), [].__len__(), NotImplemented.__class__.__name__)

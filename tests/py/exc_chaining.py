# Exception chaining: implicit __context__, explicit __cause__, from None,
# __suppress_context__, chains printed by traceback.format_exception,
# context of exceptions raised in except and finally blocks.
import traceback

def chain_str(e):
    parts = []
    while e is not None:
        parts.append("%s(%s) cause=%s ctx=%s sup=%s" % (
            type(e).__name__, e, type(e.__cause__).__name__ if e.__cause__ else None,
            type(e.__context__).__name__ if e.__context__ else None, e.__suppress_context__))
        e = e.__cause__ or e.__context__
    return " <- ".join(parts)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("implicit")
except KeyError as e:
    print(chain_str(e))

try:
    try:
        int("x")
    except ValueError as ve:
        raise RuntimeError("explicit") from ve
except RuntimeError as e:
    print(chain_str(e))

try:
    try:
        [][1]
    except IndexError:
        raise TypeError("hidden") from None
except TypeError as e:
    print(chain_str(e), e.__context__ is not None)

try:
    raise ValueError("a") from KeyError("b")
except ValueError as e:
    print(chain_str(e))

try:
    try:
        raise OSError("first")
    finally:
        raise ArithmeticError("in finally")
except ArithmeticError as e:
    print(chain_str(e))

try:
    raise ValueError("x") from 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise ValueError("x") from ValueError
except ValueError as e:
    print(chain_str(e), type(e.__cause__).__name__, e.__cause__.args)

e = ValueError("manual")
e.__cause__ = KeyError("c")
print(e.__suppress_context__)
e.__suppress_context__ = False
try:
    e.__cause__ = "no"
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    e.__context__ = 5
except TypeError as ex:
    print(type(ex).__name__, ex)

# The same exception re-raised does not chain to itself.
try:
    try:
        raise KeyError("same")
    except KeyError as k:
        raise k
except KeyError as k2:
    print(chain_str(k2))

# Nested handlers: context is the exception being handled.
try:
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise TypeError("middle")
        except TypeError:
            raise IndexError("inner")
except IndexError as e:
    print(chain_str(e))

def lines(exc):
    out = traceback.format_exception(type(exc), exc, None)
    return [l.rstrip("\n") for l in out]
try:
    try:
        raise ValueError("root")
    except ValueError as v:
        raise RuntimeError("top") from v
except RuntimeError as e:
    e.__traceback__ = None
    e.__cause__.__traceback__ = None
    for l in lines(e):
        print(l)
try:
    try:
        raise ValueError("ctx root")
    except ValueError:
        raise RuntimeError("ctx top")
except RuntimeError as e:
    e.__traceback__ = None
    e.__context__.__traceback__ = None
    for l in lines(e):
        print(l)

# Cycles in the chain do not loop forever.
a = ValueError("a")
b = KeyError("b")
a.__context__ = b
b.__context__ = a
print(len(lines(a)) > 0)

# Exceptions in generators chain too.
def gen():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("from close")
g = gen()
next(g)
try:
    g.close()
except ValueError as e:
    print(chain_str(e))

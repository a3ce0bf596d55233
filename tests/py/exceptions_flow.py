# Exception flow: handlers selected by class hierarchy and tuples, bare
# except, re-raising with raise/raise e/raise ... from, exceptions from
# __exit__ and generators, exception variables cleared after the block,
# sys.exc_info inside nested handlers, and try/except in loops.
import sys

def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup:" + type(e).__name__
    except ArithmeticError as e:
        return "arith:" + type(e).__name__
    except OSError as e:
        return "os:" + type(e).__name__
    except Exception as e:
        return "other:" + type(e).__name__
    except BaseException as e:
        return "base:" + type(e).__name__
for exc in [KeyError(1), IndexError(), ZeroDivisionError(), OverflowError(), FileNotFoundError(), PermissionError(),
            ValueError(), KeyboardInterrupt(), SystemExit(1), GeneratorExit(), LookupError(), UnicodeDecodeError("a", b"", 0, 0, "r")]:
    print(type(exc).__name__, "->", classify(exc))

def bare():
    try:
        1 / 0
    except:
        return "bare caught " + sys.exc_info()[0].__name__
print(bare())

def reraise(mode):
    try:
        try:
            raise ValueError("orig")
        except ValueError as e:
            if mode == "bare":
                raise
            if mode == "same":
                raise e
            if mode == "new":
                raise TypeError("new")
            if mode == "from":
                raise TypeError("from") from e
            if mode == "from-none":
                raise TypeError("none") from None
    except Exception as final:
        return (type(final).__name__, str(final), type(final.__context__).__name__ if final.__context__ else None,
                type(final.__cause__).__name__ if final.__cause__ else None, final.__suppress_context__)
for m in ["bare", "same", "new", "from", "from-none"]:
    print(m, reraise(m))

def raise_class():
    try:
        raise KeyError
    except KeyError as e:
        return repr(e), e.args
print(raise_class())
for bad in [lambda: exec("raise 5"), lambda: exec("raise object()"), lambda: exec("raise ValueError from 1"),
            lambda: exec("raise int"), lambda: exec("try:\n  pass\nexcept 5:\n  pass")]:
    try:
        bad()
        print("no error")
    except TypeError as e:
        print(type(e).__name__, e)
def except_junk():
    try:
        raise KeyError
    except (ValueError, "junk"):
        return "no"
try:
    except_junk()
except TypeError as e:
    print(type(e).__name__, e)

results = []
for v in ["1", "x", "3", None, "4.5"]:
    try:
        results.append(int(v))
    except ValueError:
        results.append("bad")
        continue
    except TypeError:
        results.append("none")
        break
    finally:
        results.append("|")
print(results)
def gen():
    try:
        yield 1
        yield 2
    except ValueError:
        yield "handled in gen"
g = gen()
print(next(g), g.throw(ValueError), next(g, "end"))
def nested_exc_info():
    out = []
    try:
        raise KeyError("outer")
    except KeyError:
        out.append(sys.exc_info()[1])
        try:
            raise ValueError("inner")
        except ValueError:
            out.append(sys.exc_info()[1])
        out.append(sys.exc_info()[1])
    out.append(sys.exc_info()[1])
    return [repr(x) for x in out]
print(nested_exc_info())
try:
    try:
        raise ValueError("a")
    finally:
        print("finally runs, exception pending:", sys.exc_info()[0].__name__)
except ValueError:
    pass
class Cleanup:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print("exit sees", et.__name__ if et else None)
        return False
def early():
    with Cleanup():
        return "returned"
print(early())
try:
    with Cleanup():
        raise IndexError("in with")
except IndexError as e:
    print("propagated", e)

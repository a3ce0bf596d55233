# try/except/else/finally: control flow through finally (return, break,
# continue overriding), exceptions swallowed by return in finally, nested
# finally order, else clause rules, and sys.exc_info() in each block.
import sys

def ret_in_finally():
    try:
        return "try"
    finally:
        return "finally"
print(ret_in_finally())

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(swallow())

def finally_sees_return():
    log = []
    def inner():
        try:
            log.append("try")
            return "value"
        finally:
            log.append("finally")
    r = inner()
    return r, log
print(finally_sees_return())

def loop_control():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_control())

def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return "broke out, exception dropped"
print(break_in_finally())

def continue_in_finally():
    n = 0
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            n += 1
            continue
    return n
print(continue_in_finally())

def order():
    log = []
    try:
        try:
            try:
                raise ValueError("deep")
            finally:
                log.append("inner finally")
        except TypeError:
            log.append("wrong handler")
        finally:
            log.append("middle finally")
    except ValueError as e:
        log.append("caught " + str(e))
    finally:
        log.append("outer finally")
    return log
print(order())

def else_clause(fail):
    log = []
    try:
        if fail:
            raise RuntimeError("x")
        log.append("body")
    except RuntimeError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(else_clause(False), else_clause(True))

def else_raises():
    try:
        try:
            pass
        except ValueError:
            return "handler"
        else:
            raise ValueError("from else")
    except ValueError as e:
        return "outer got " + str(e)
print(else_raises())

def exc_info_states():
    states = [sys.exc_info()[0]]
    try:
        raise KeyError("k")
    except KeyError:
        states.append(sys.exc_info()[0].__name__)
        try:
            raise ValueError("v")
        except ValueError:
            states.append(sys.exc_info()[0].__name__)
        states.append(sys.exc_info()[0].__name__)
    finally:
        states.append(sys.exc_info()[0])
    states.append(sys.exception())
    return states
print(exc_info_states())

def finally_exc_info():
    try:
        try:
            raise IndexError("i")
        finally:
            info = sys.exc_info()[0]
    except IndexError:
        return info.__name__
print(finally_exc_info())

def exception_var_deleted():
    try:
        raise ValueError("bound")
    except ValueError as err:
        pass
    try:
        return err
    except NameError as e:
        return "NameError: " + str(e)
print(exception_var_deleted())

def return_value_overwritten():
    x = ["original"]
    try:
        return x
    finally:
        x.append("mutated in finally")
print(return_value_overwritten())

def generator_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleanup")
for v in generator_finally():
    print("got", v)
g = generator_finally()
next(g)
g.close()

def nested_returns(n):
    try:
        if n == 0:
            return "zero"
        try:
            return 1 / n
        finally:
            if n < 0:
                return "negative"
    except ZeroDivisionError:
        return "zde"
print([nested_returns(v) for v in (0, 2, -1)])

def while_finally():
    i = 0
    while True:
        try:
            i += 1
            if i > 3:
                return i
        finally:
            if i == 2:
                print("finally at 2")
print(while_finally())

def raise_in_except_with_finally():
    log = []
    try:
        try:
            raise ValueError("a")
        except ValueError:
            log.append("handling a")
            raise TypeError("b")
        finally:
            log.append("finally")
    except TypeError as e:
        log.append("outer " + str(e) + " ctx=" + type(e.__context__).__name__)
    return log
print(raise_in_except_with_finally())
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)

import sys
def f():
    return sys._getframe()
fr = f()
print(fr.f_code.co_name, fr.f_lineno, fr.f_back.f_code.co_name, type(fr).__name__)
def outer():
    return inner()
def inner():
    frame = sys._getframe(1)
    return frame.f_code.co_name, frame.f_locals
print(outer())
print(sys._getframe().f_globals is globals())
def fails():
    x = 42
    raise ValueError("tb")
try:
    fails()
except ValueError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb.tb_frame.f_code.co_name, tb.tb_lineno)
    tb2 = tb.tb_next
    print(tb2.tb_frame.f_code.co_name, tb2.tb_lineno, tb2.tb_frame.f_locals["x"], tb2.tb_next)
def gen_frame():
    yield sys._getframe().f_code.co_name
print(next(gen_frame()))
try:
    sys._getframe(100)
except ValueError as e:
    print(e)
import traceback
try:
    fails()
except ValueError:
    print(traceback.format_exc().splitlines()[-1])

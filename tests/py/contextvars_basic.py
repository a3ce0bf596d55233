import contextvars
from contextvars import ContextVar, Context, Token, copy_context

v = ContextVar('v', default=10)
w = ContextVar('w')
print(v.name, w.name, v.get(), v.get(5), w.get(7), w.get(None))
try:
    w.get()
except LookupError as e:
    print('LookupError', e.args[0] is w)
t = v.set(1)
print(v.get(), t.var is v, t.old_value is Token.MISSING, repr(Token.MISSING))
t2 = v.set(2)
print(v.get(), t2.old_value)
v.reset(t2)
print(v.get())
v.reset(t)
print(v.get())
for bad in [lambda: v.reset(t), lambda: w.reset(v.set(3)), lambda: v.reset(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, str(e).split(' at 0x')[0].split('<Token')[0] or 'token msg', 'used' in str(e), 'different' in str(e))

ctx = copy_context()
print(len(ctx) >= 1, v in ctx, w in ctx, ctx[v], ctx.get(w), ctx.get(w, 'dflt'))
def f(x, y=0):
    v.set(x + y)
    w.set('inner')
    return v.get(), w.get()
print(ctx.run(f, 100, y=5))
print(v.get(), w.get('none'), ctx[v], ctx[w])
print(sorted(k.name for k in ctx), sorted(k.name for k in ctx.keys()), sorted(map(str, ctx.values())))
print(sorted((k.name, val) for k, val in ctx.items()))
c2 = ctx.copy()
print(c2 == ctx, c2 is ctx, c2 != ctx)
c2.run(v.set, 999)
print(c2[v], ctx[v], c2 == ctx)
def nested():
    return ctx.run(lambda: 1)
try:
    ctx.run(nested)
except RuntimeError as e:
    print('RuntimeError', str(e).startswith('cannot enter context:'), 'is already entered' in str(e))
def boom():
    v.set(-1)
    raise KeyError('boom')
try:
    Context().run(boom)
except KeyError as e:
    print('KeyError', e, v.get())
empty = Context()
print(len(empty), list(empty), empty.get(v))
for bad in [lambda: ctx[1], lambda: 1 in ctx, lambda: ctx.get('x'),
            lambda: Context(1), lambda: Token(), lambda: ContextVar(1), lambda: ctx[ContextVar('z')]]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e if not isinstance(e, KeyError) else 'keyerror')
for bad in [lambda: hash(ctx), lambda: type('X', (ContextVar,), {})]:
    try:
        bad()
    except TypeError as e:
        print('TypeError')
try:
    v.name = 'x'
except AttributeError as e:
    print('AttributeError')
print(ContextVar[int], Token[str], type(ctx), type(v), type(t))
print(repr(w).startswith("<ContextVar name='w' at 0x"), repr(v).startswith("<ContextVar name='v' default=10 at 0x"))
print(repr(t).startswith('<Token used var=<ContextVar name='))
import threading
res = []
def th():
    res.append(v.get())
    v.set('thread')
    res.append(v.get())
v.set('main')
x = threading.Thread(target=th); x.start(); x.join()
print(res, v.get())
for bad in [lambda: ContextVar(name='n'), lambda: ContextVar('a', 1), lambda: ContextVar()]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)

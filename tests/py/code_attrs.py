def sample(a, b, /, c, *, d):
    e = a + b
    return e
co = sample.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount)
print(co.co_varnames, co.co_nlocals, co.co_names, co.co_cellvars, co.co_freevars)
print(co.co_firstlineno, co.co_filename.split("/")[-1], type(co.co_code).__name__)
def gen():
    yield
print(bool(gen.__code__.co_flags & 0x20), bool(sample.__code__.co_flags & 0x20))
print(compile("1", "<x>", "eval").co_name)

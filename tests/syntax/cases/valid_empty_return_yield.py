def f():
    yield
    return

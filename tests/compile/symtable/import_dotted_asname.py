def f():
    import a.b.c as d
    import e.f
    return d, e

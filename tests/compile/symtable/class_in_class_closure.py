def f():
    v = 1
    class A:
        class B:
            w = v
    return A

def f(cm):
    with (y := cm) as z:
        return y, z

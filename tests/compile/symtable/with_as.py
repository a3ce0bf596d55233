def f(a):
    with a as (b, c), d as e:
        return b

for x in y:
    try:
        f(x)
    except E as e:
        continue
    finally:
        g()

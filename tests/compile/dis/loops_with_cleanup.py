def f(xs):
    for x in xs:
        with x:
            if x:
                break
            continue
    while True:
        try:
            return 1
        except E:
            continue

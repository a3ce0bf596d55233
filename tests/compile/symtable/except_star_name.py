def f():
    try:
        pass
    except* E as eg:
        return eg

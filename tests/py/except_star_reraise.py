def f():
    try:
        raise ExceptionGroup("eg", [ValueError("a"), TypeError("b")])
    except* ValueError:
        print("handling ValueError")
        raise
try:
    f()
except ExceptionGroup as e:
    print(repr(e))
try:
    try:
        raise ExceptionGroup("eg", [ValueError("a")])
    except* ValueError:
        raise KeyError("new")
except Exception as e:
    print(repr(e), repr(e.__context__))

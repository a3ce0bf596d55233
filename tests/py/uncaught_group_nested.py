def g():
    raise ExceptionGroup("lvl1", [ExceptionGroup("lvl2", [ValueError(i) for i in range(3)]), OSError("os")])
try:
    g()
except Exception as e:
    e.add_note("top note")
    raise

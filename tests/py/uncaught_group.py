raise ExceptionGroup("top", [ValueError("v"), TypeError("t")])

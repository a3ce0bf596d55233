def f(a, # type: int
      ):
    # type: (...) -> None
    x = 1  # type: int
    for i in y:  # type: int
        pass

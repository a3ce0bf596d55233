if x:
    pass
      y = 2

def f(x=await):
    pass

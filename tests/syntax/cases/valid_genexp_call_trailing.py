f(x for x in y)
sum(x*x for x in range(10))

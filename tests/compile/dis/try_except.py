try:
    f()
except (A, B) as e:
    g(e)
except C:
    pass
else:
    h()
finally:
    i()

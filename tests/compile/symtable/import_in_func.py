def f():
    import os
    import a.b.c
    from x import y as z
    return os

assert x, 'msg'
assert y
raise ValueError('x') from None
raise

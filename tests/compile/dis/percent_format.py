s = 'a%sb%r' % (x, y)
t = '%d' % (x,)
u = '%s' % x

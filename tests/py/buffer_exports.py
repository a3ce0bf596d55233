# A bytearray cannot change its size while a memoryview exports it.
ba = bytearray(b'0123456789')
v = memoryview(ba)

def attempt(what, fn):
    try:
        fn()
    except BufferError as e:
        print(what, 'BufferError:', e)
    else:
        print(what, 'ok', ba)

def delitem():
    del ba[0]

def delslice():
    del ba[::2]

def grow_slice():
    ba[0:1] = b'ab'

def same_slice():
    ba[0:2] = b'ab'

def same_ext():
    ba[::5] = b'XY'

def iadd():
    global ba
    ba += b'x'

def imul():
    global ba
    ba *= 2

attempt('append', lambda: ba.append(1))
attempt('extend', lambda: ba.extend(b'xy'))
attempt('extend empty', lambda: ba.extend(b''))
attempt('insert', lambda: ba.insert(0, 1))
attempt('pop', lambda: ba.pop())
attempt('remove', lambda: ba.remove(ord('5')))
attempt('clear', lambda: ba.clear())
attempt('del item', delitem)
attempt('del slice', delslice)
attempt('grow slice', grow_slice)
attempt('same slice', same_slice)
attempt('same extended slice', same_ext)
attempt('+=', iadd)
attempt('*=', imul)
attempt('reverse', lambda: ba.reverse())
print(v.tobytes(), bytes(ba), ba.upper(), ba + b'!', ba * 2)
s = v[2:5]
v.release()
attempt('append with a slice alive', lambda: ba.append(1))
print(s.tobytes(), s.obj is ba)
s.release()
attempt('append after release', lambda: ba.append(33))

with memoryview(ba) as m:
    m[0] = ord('#')
    attempt('append inside with', lambda: ba.append(1))
attempt('append after with', lambda: ba.append(34))

c = memoryview(ba).cast('B')
c2 = c[::2]
c.release()
attempt('append with cast slice', lambda: ba.append(1))
c2.release()
attempt('append with all released', lambda: ba.append(35))

# bytes objects have no such limit, and subclasses of bytearray behave alike
class BA(bytearray):
    pass

sub = BA(b'abc')
sv = memoryview(sub)
try:
    sub.append(1)
except BufferError as e:
    print('subclass', e)
sv[0] = 65
sv.release()
sub.append(68)
print(sub)

assert True
assert 1 == 1, "fine"
try:
    assert False
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
try:
    assert 1 > 2, "custom " + "message"
except AssertionError as e:
    print(e)
def chk(x):
    assert isinstance(x, int), f"bad {x!r}"
    return x
print(chk(3))
try:
    chk("s")
except AssertionError as e:
    print(e)
assert [1], "non-empty list is truthy"
print("done")

print(True and 3, 0 and 3, "" or "x", [] or {} or 0, not 0, not [1])
print(1 if [] else 2, 3 if "a" else 4)
class T:
    def __bool__(self):
        print("bool called")
        return False
print(not T(), bool(T()))
class L:
    def __len__(self):
        return 0
print(bool(L()), "yes" if L() else "no")
class Bad:
    def __bool__(self):
        return 1
try:
    bool(Bad())
except TypeError as e:
    print(e)
class BadLen:
    def __len__(self):
        return -1
try:
    bool(BadLen())
except ValueError as e:
    print(e)
print(all([1, 2]), all([]), any([0, 0]), any([0, 3]))

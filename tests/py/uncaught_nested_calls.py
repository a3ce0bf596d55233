def level3():
    raise KeyError("deep")
def level2():
    level3()
def level1():
    try:
        level2()
    finally:
        print("level1 finally")
level1()

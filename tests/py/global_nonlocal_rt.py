# global and nonlocal at run time: globals created from functions, global
# declarations in nested functions and class bodies, nonlocal rebinding
# through several levels, del of globals/nonlocals, globals() and locals()
# snapshots, and the NameErrors/UnboundLocalErrors they lead to.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def create():
    global created_later
    created_later = "made in function"
create()
print(created_later)
def deleter():
    global created_later
    del created_later
deleter()
try:
    created_later
except NameError as e:
    print(type(e).__name__, e)
def unbound_global():
    global never_defined
    return never_defined
try:
    unbound_global()
except NameError as e:
    print(type(e).__name__, e)

def outer():
    level = "outer"
    def middle():
        def inner():
            nonlocal level
            level = "changed by inner"
        inner()
        return level
    return middle(), level
print(outer())

def counter_gen():
    count = 0
    def incr():
        nonlocal count
        count += 1
        return count
    def reset():
        nonlocal count
        del count
    def read():
        return count
    return incr, reset, read
inc, reset, read = counter_gen()
inc(); inc()
print(read())
reset()
try:
    read()
except NameError as e:
    print(type(e).__name__, e)
try:
    inc()
except NameError as e:
    print(type(e).__name__, e)

def shadow_global():
    print_name = counter
    counter2 = print_name + 100
    return counter2
print(shadow_global())
def local_before_assignment():
    try:
        value = counter_local
    except NameError as e:
        return type(e).__name__ + ": " + str(e)
    counter_local = 1
print(local_before_assignment())
def uses_then_assigns():
    try:
        x = counter + 1
    except UnboundLocalError as e:
        return str(e)
    counter = 5
print(uses_then_assigns())

class Holder:
    global from_class
    from_class = "set in class body"
    attr = counter
print(from_class, Holder.attr)
def class_in_function():
    value = "enclosing"
    class Inner:
        got = value
        value = "class attr"
        def method(self):
            return value
    return Inner.got, Inner.value, Inner().method()
print(class_in_function())

g = globals()
g["dynamic"] = 42
print(dynamic, "dynamic" in globals(), globals() is g)
def show_locals():
    a = 1
    b = 2
    snapshot = locals()
    c = 3
    return sorted(snapshot), sorted(locals())
print(show_locals())
def modify_locals():
    x = 1
    locals()["x"] = 2
    return x
print(modify_locals())
exec("exec_global = 'from exec'")
print(exec_global)
def exec_in_function():
    exec("global exec_global2\nexec_global2 = 7")
    return exec_global2
print(exec_in_function())
import builtins
builtins.my_builtin = "visible everywhere"
def reads_builtin():
    return my_builtin
print(reads_builtin())
del builtins.my_builtin
try:
    reads_builtin()
except NameError as e:
    print(type(e).__name__, e)
len = lambda x: "shadowed len"
print(len([1, 2]))
del len
print(len([1, 2]))

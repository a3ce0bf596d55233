# An exception out of a TransactionQueue call: run() re-raises the very
# exception object the call raised, the calls not yet started are dropped,
# the effects of the failing call before the raise are kept (atomic is
# about isolation, not rollback), and the queue can be used again.
import transaction
from transaction import TransactionQueue, is_atomic


class Boom(Exception):
    pass


# On one thread the order is add()'s: exactly the calls before the failing
# one have run.
ran = []
raised = []
effects = []


def call(i):
    if i == 10:
        effects.append("before raise")
        e = Boom("call %d" % i)
        raised.append(e)
        raise e
    ran.append(i)


tq = TransactionQueue()
for i in range(50):
    tq.add(call, i)
try:
    tq.run(1)
except Boom as e:
    assert e is raised[0], "not the same exception object"
    print("caught", type(e).__name__, e.args, "same object:", e is raised[0])
else:
    raise AssertionError("run() did not raise")
assert ran == list(range(10)), ran
assert effects == ["before raise"]
assert not is_atomic()
print("serial: ran", len(ran), "dropped", 50 - 1 - len(ran))

# The queue is usable again and the dropped calls are gone.
ran.clear()
tq.add(call, 100)
tq.run()
assert ran == [100], ran
print("queue reused", ran)

# In parallel: the first call fails; some later calls may have started
# already, but not all 2000 (each takes a while).
count = [0]


def slow(i):
    if i == 0:
        raise KeyError("first")
    s = 0
    for k in range(300):
        s += k
    count[0] += 1


tq = TransactionQueue()
for i in range(2000):
    tq.add(slow, i)
try:
    tq.run(4)
except KeyError as e:
    print("parallel: caught KeyError", e.args)
assert 0 <= count[0] < 1999, count[0]
print("parallel: later calls dropped:", count[0] < 1999)

# An exception from a call that was added by a call.
def parent():
    tq.add(child, 5)


def child(n):
    raise ValueError("child %d" % n)


tq = TransactionQueue()
tq.add(parent)
try:
    tq.run()
except ValueError as e:
    print("nested add: caught", e)

# BaseException subclasses pass through too.
class Stop(BaseException):
    pass


def stopper():
    raise Stop()


tq = TransactionQueue()
tq.add(stopper)
try:
    tq.run(2)
except Stop as e:
    print("BaseException caught:", type(e).__name__)

# The module-level queue behaves the same.
def bad():
    1 / 0


transaction.add(bad)
try:
    transaction.run()
except ZeroDivisionError as e:
    print("module run:", e)
transaction.add(lambda: ran.append("after"))
transaction.run()
print("module queue reused", ran[-1])

# run() inside an atomic block is refused.
with transaction.atomic:
    try:
        TransactionQueue().run()
    except RuntimeError as e:
        print("RuntimeError:", e)

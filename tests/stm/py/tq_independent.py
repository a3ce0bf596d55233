# TransactionQueue with independent calls: each call writes only its own
# slot (list item, dict key, object attribute).  The result must equal the
# serial loop's, for the default number of threads and for more threads
# than cores.
from transaction import TransactionQueue, is_atomic

N = 300


def work(i):
    # some pure computation, different for each i
    s = 0
    for k in range(i % 37 + 5):
        s = (s * 31 + k * i) % 1000003
    return s, "item-%d" % i, [i % 3] * (i % 4)


class Box:
    def __init__(self, i):
        self.i = i
        self.value = None
        self.atomic = None


serial_slots = [work(i) for i in range(N)]
serial_dict = {i: work(i)[0] for i in range(N)}
print("serial", sum(s for s, _, _ in serial_slots))

for nb in (0, 1, 2, 5, 16):
    slots = [None] * N
    table = {}
    boxes = [Box(i) for i in range(N)]

    def into_slot(i):
        slots[i] = work(i)

    def into_dict(i):
        table[i] = work(i)[0]

    def into_box(b):
        b.value = work(b.i)[1]
        b.atomic = is_atomic()

    tq = TransactionQueue()
    for i in range(N):
        tq.add(into_slot, i)
        tq.add(into_dict, i=i)              # keyword arguments too
        tq.add(into_box, boxes[i])
    tq.run(nb)
    assert slots == serial_slots, nb
    assert table == serial_dict, nb
    assert list(table) != [] and sorted(table) == list(range(N))
    assert [b.value for b in boxes] == ["item-%d" % i for i in range(N)]
    assert all(b.atomic is True for b in boxes)
    print("nb_segments", nb, "slots ok, dict ok, boxes ok")

# A queue can be run again: the second run runs only the new calls.
count = [0]


def incr():
    count[0] += 1


tq = TransactionQueue()
for _ in range(50):
    tq.add(incr)
tq.run()
tq.run()
for _ in range(25):
    tq.add(incr)
tq.run()
assert count[0] == 75
print("reused queue", count[0])

# Many threads (more than cores) mutate shared containers; each bytecode is
# atomic, so list.append, dict stores and set.add lose nothing.
import threading

NTHREADS = 24
PER = 1500

shared_list = []
shared_dict = {}
shared_set = set()
slots = [0] * NTHREADS
start = threading.Barrier(NTHREADS)


def work(i):
    start.wait()
    for k in range(PER):
        shared_list.append(i * PER + k)
        shared_dict[(i, k)] = k * k
        shared_set.add(k)
        slots[i] += 1          # each thread owns its slot


threads = [threading.Thread(target=work, args=(i,)) for i in range(NTHREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(len(shared_list), sorted(shared_list) == list(range(NTHREADS * PER)))
print(len(shared_dict), sum(shared_dict.values()) == NTHREADS * sum(k * k for k in range(PER)))
print(len(shared_set), slots == [PER] * NTHREADS)

# list.pop from a shared list: every item is taken exactly once.
pool = list(range(20000))
taken = [[] for _ in range(NTHREADS)]


def drain(i):
    while True:
        try:
            taken[i].append(pool.pop())
        except IndexError:
            return


threads = [threading.Thread(target=drain, args=(i,)) for i in range(NTHREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
allv = sorted(v for part in taken for v in part)
print(len(allv), allv == list(range(20000)), pool)

# dict.setdefault and list.extend on shared objects.
groups = {}


def group(i):
    for k in range(500):
        groups.setdefault(k % 7, []).append(i)


threads = [threading.Thread(target=group, args=(i,)) for i in range(16)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted((k, len(v)) for k, v in groups.items()))

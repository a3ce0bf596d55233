# Bank transfers between accounts, each one a `with atomic` block, with
# more threads than cores.  Auditors check inside atomic blocks (and the
# transfers themselves, now and then) that the total is conserved and no
# balance is negative; at the end every thread's log of accepted transfers
# replays to exactly the final balances.  Then the same bank run as a
# TransactionQueue, whose shared log gives the serial order: replaying it
# serially must give the same decisions and the same final balances.
import threading
from transaction import atomic, TransactionQueue

NACC = 24
INIT = 1000
TOTAL = NACC * INIT
NT = 8
NTRANS = 250

accounts = [INIT] * NACC
failures = []           # appended to only when an invariant breaks
audits = [0]


def lcg(x):
    return (x * 1103515245 + 12345) & 0x7FFFFFFF


def transfer_worker(seed, log):
    x = seed
    for k in range(NTRANS):
        x = lcg(x)
        a, b, amount = x % NACC, (x >> 8) % NACC, (x >> 16) % 150
        if a == b:
            continue
        with atomic:
            if k % 25 == 0:      # an audit inside a transfer's transaction
                s = sum(accounts)
                if s != TOTAL:
                    failures.append(("in-transfer", s))
            if accounts[a] >= amount:
                accounts[a] -= amount
                # Nobody may observe the money in flight here.
                accounts[b] += amount
                log.append((a, b, amount))


def auditor(n):
    for _ in range(n):
        with atomic:
            s = sum(accounts)
            lo = min(accounts)
            audits[0] += 1
        if s != TOTAL or lo < 0:
            failures.append(("audit", s, lo))


logs = [[] for _ in range(NT)]
threads = [threading.Thread(target=transfer_worker, args=(i * 7919 + 1, logs[i]))
           for i in range(NT)]
threads += [threading.Thread(target=auditor, args=(60,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()

replay = [INIT] * NACC
for log in logs:
    for a, b, amount in log:
        replay[a] -= amount
        replay[b] += amount
assert failures == [], failures[:5]
assert sum(accounts) == TOTAL, sum(accounts)
assert replay == accounts
assert min(accounts) >= 0
assert audits[0] == 180, audits[0]
print("threads: total", sum(accounts), "audits", audits[0], "replay ok")

# The same bank as a TransactionQueue: each call is atomic.
accounts = [INIT] * NACC
order = []              # (a, b, amount, accepted) in commit order


def tq_transfer(a, b, amount):
    ok = accounts[a] >= amount
    if ok:
        accounts[a] -= amount
        accounts[b] += amount
    order.append((a, b, amount, ok))


def tq_audit():
    s = sum(accounts)
    if s != TOTAL or min(accounts) < 0:
        failures.append(("tq-audit", s))
    order.append(("audit", s))


tq = TransactionQueue()
x = 12345
for k in range(1500):
    x = lcg(x)
    if k % 50 == 0:
        tq.add(tq_audit)
    tq.add(tq_transfer, x % NACC, (x >> 8) % NACC, (x >> 16) % 400)
tq.run()

replay = [INIT] * NACC
for entry in order:
    if entry[0] == "audit":
        assert entry[1] == sum(replay) == TOTAL
        continue
    a, b, amount, ok = entry
    assert ok == (replay[a] >= amount), entry
    if ok:
        replay[a] -= amount
        replay[b] += amount
assert failures == [], failures[:5]
assert len(order) == 1530, len(order)
assert replay == accounts
print("queue: total", sum(accounts), "calls", len(order), "serial order ok")

# Bank transfers without atomic blocks: first under one global Lock, then
# under per-account Locks taken in a fixed order.  Auditors hold the lock
# (all the account locks, in order) while they check that the total is
# conserved; each thread's log of accepted transfers replays to exactly
# the final balances.
import threading

NACC = 24
INIT = 1000
TOTAL = NACC * INIT
NT = 8
NTRANS = 250

failures = []


def lcg(x):
    return (x * 1103515245 + 12345) & 0x7FFFFFFF


def replay(logs):
    r = [INIT] * NACC
    for log in logs:
        for a, b, amount in log:
            r[a] -= amount
            r[b] += amount
    return r


def run(worker, auditor, naudit=60):
    logs = [[] for _ in range(NT)]
    ts = [threading.Thread(target=worker, args=(i * 104729 + 3, logs[i])) for i in range(NT)]
    ts += [threading.Thread(target=auditor, args=(naudit,)) for _ in range(3)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return logs


# One global lock.
accounts = [INIT] * NACC
big = threading.Lock()
audits = [0]


def g_worker(seed, log):
    x = seed
    for k in range(NTRANS):
        x = lcg(x)
        a, b, amount = x % NACC, (x >> 8) % NACC, (x >> 16) % 150
        if a == b:
            continue
        with big:
            if k % 25 == 0 and sum(accounts) != TOTAL:
                failures.append("in-transfer")
            if accounts[a] >= amount:
                accounts[a] -= amount
                accounts[b] += amount
                log.append((a, b, amount))


def g_auditor(n):
    for _ in range(n):
        with big:
            s = sum(accounts)
            lo = min(accounts)
            audits[0] += 1
        if s != TOTAL or lo < 0:
            failures.append(("audit", s, lo))


logs = run(g_worker, g_auditor)
assert failures == [], failures[:5]
assert sum(accounts) == TOTAL and min(accounts) >= 0
assert replay(logs) == accounts
assert audits[0] == 180
print("global lock: total", sum(accounts), "audits", audits[0], "replay ok")

# One lock per account, taken in index order; an RLock-free design where
# the auditor takes every lock.
accounts = [INIT] * NACC
locks = [threading.Lock() for _ in range(NACC)]
audits = [0]
alock = threading.Lock()


def p_worker(seed, log):
    x = seed
    for _ in range(NTRANS):
        x = lcg(x)
        a, b, amount = x % NACC, (x >> 8) % NACC, (x >> 16) % 150
        if a == b:
            continue
        first, second = locks[min(a, b)], locks[max(a, b)]
        with first:
            with second:
                if accounts[a] >= amount:
                    accounts[a] -= amount
                    accounts[b] += amount
                    log.append((a, b, amount))


def p_auditor(n):
    for _ in range(n // 3):
        for l in locks:
            l.acquire()
        try:
            s = sum(accounts)
            lo = min(accounts)
        finally:
            for l in reversed(locks):
                l.release()
        with alock:
            audits[0] += 1
        if s != TOTAL or lo < 0:
            failures.append(("audit", s, lo))


logs = run(p_worker, p_auditor)
assert failures == [], failures[:5]
assert sum(accounts) == TOTAL and min(accounts) >= 0
assert replay(logs) == accounts
assert audits[0] == 60
print("per-account locks: total", sum(accounts), "audits", audits[0], "replay ok")

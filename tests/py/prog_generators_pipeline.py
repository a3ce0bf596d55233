# A data pipeline of generators: reading records from an in-memory CSV,
# parsing, filtering, grouping with itertools.groupby, windowed averages
# with deque, a coroutine-style accumulator driven by send(), and
# generator cleanup with close() and finally blocks.
import io
import csv
import itertools
from collections import deque

RAW = """date,city,temp,rain
2024-01-01,Oslo,-3.5,0.0
2024-01-01,Rome,11.0,2.5
2024-01-02,Oslo,-5.0,1.2
2024-01-02,Rome,12.5,0.0
2024-01-03,Oslo,-1.0,0.0
2024-01-03,Rome,9.5,7.5
2024-01-04,Oslo,bad,0.0
2024-01-04,Rome,10.0,0.0
"""
def read(text):
    for row in csv.DictReader(io.StringIO(text)):
        yield row
def parse(rows, errors):
    for row in rows:
        try:
            yield {"date": row["date"], "city": row["city"], "temp": float(row["temp"]), "rain": float(row["rain"])}
        except ValueError as e:
            errors.append((row["date"], row["city"], str(e)))
def rainy(records):
    return (r for r in records if r["rain"] > 0)
errors = []
records = list(parse(read(RAW), errors))
print(len(records), errors)
print([(r["date"], r["city"]) for r in rainy(records)])
for city, group in itertools.groupby(sorted(records, key=lambda r: r["city"]), key=lambda r: r["city"]):
    temps = [r["temp"] for r in group]
    print(city, len(temps), min(temps), max(temps), round(sum(temps) / len(temps), 3))
def moving_average(values, n):
    window = deque(maxlen=n)
    for v in values:
        window.append(v)
        if len(window) == n:
            yield round(sum(window) / n, 3)
print(list(moving_average((r["temp"] for r in records if r["city"] == "Rome"), 2)))
def accumulator():
    total, count = 0.0, 0
    try:
        while True:
            value = yield (total / count if count else None)
            if value is None:
                continue
            total += value
            count += 1
    finally:
        print("accumulator closed after", count, "values")
acc = accumulator()
print(next(acc), [acc.send(r["rain"]) for r in records][-1], acc.send(None))
acc.close()
def numbered(lines):
    try:
        for i, line in enumerate(lines, 1):
            yield f"{i:03d}: {line}"
    finally:
        print("numbered finished")
gen = numbered(RAW.splitlines())
print(next(gen), next(gen), sep="\n")
gen.close()
pipeline = itertools.islice((r["city"][0] + str(int(r["temp"])) for r in records), 1, None, 2)
print(list(pipeline))
chained = itertools.chain.from_iterable(([r["city"]] * int(r["rain"] > 0) for r in records))
print(list(chained), list(itertools.accumulate(r["rain"] for r in records))[-1])
pairs = list(itertools.pairwise(r["temp"] for r in records if r["city"] == "Oslo"))
print(pairs, [round(b - a, 2) for a, b in pairs])
def take_while_positive(it):
    for x in it:
        if x <= 0:
            return "stopped at %s" % x
        yield x
def wrapper():
    result = yield from take_while_positive(iter([3, 2, 0, 5]))
    yield result
print(list(wrapper()))

# time without timing: gmtime/localtime-free struct_time fields,
# strftime/strptime round trips, asctime/ctime of fixed values, mktime-free
# calendar conversions, monotonic/perf_counter types, sleep(0), and errors.
import time

t = time.gmtime(0)
print(t, t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_wday, t.tm_yday, t.tm_isdst, t[0], len(t), tuple(t)[:6])
t2 = time.gmtime(1700000000)
print(tuple(t2), time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %U %w %y %p %I", t2), time.asctime(t2))
print(time.strftime("%%|%d/%m/%Y|%A %B|%M", (2020, 2, 29, 13, 5, 0, 5, 60, 0)), time.asctime((2001, 1, 2, 3, 4, 5, 1, 2, 0)))
p = time.strptime("2023-07-14 09:30:15", "%Y-%m-%d %H:%M:%S")
print(tuple(p), p.tm_wday, p.tm_yday, type(p).__name__)
print(tuple(time.strptime("Tue Mar  5 08:00:00 2024")), tuple(time.strptime("31/12/99", "%d/%m/%y"))[:3])
print(time.strptime("10", "%H").tm_hour, tuple(time.strptime("2000 100", "%Y %j"))[:3])
for bad in [("2023-13-01", "%Y-%m-%d"), ("abc", "%Y"), ("2023", "%Y %m"), ("12:99", "%H:%M")]:
    try:
        time.strptime(*bad)
    except ValueError as e:
        print(type(e).__name__, e)
import calendar
print(calendar.timegm(t2) == 1700000000, calendar.timegm(time.strptime("1970-01-02", "%Y-%m-%d")))
print(type(time.time()).__name__, type(time.time_ns()).__name__, type(time.monotonic()).__name__, type(time.perf_counter_ns()).__name__)
a = time.monotonic()
time.sleep(0)
print(time.monotonic() >= a, time.perf_counter() > 0, time.process_time() >= 0, isinstance(time.thread_time(), float))
print(time.gmtime(86400 * 365.25 * 30)[:3], time.gmtime(-86400)[:3])
st = time.struct_time((2024, 1, 2, 3, 4, 5, 1, 2, 0))
print(st, st.tm_zone if hasattr(st, "tm_zone") else None, st == st, st[:2])
for bad in [lambda: time.gmtime("x"), lambda: time.strftime("%Y", (1, 2)), lambda: time.struct_time((1, 2)),
            lambda: time.sleep(-1), lambda: time.asctime((2020, 13, 1, 0, 0, 0, 0, 1, 0)), lambda: time.strftime(5)]:
    try:
        print(bad())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(time.get_clock_info("monotonic").monotonic, hasattr(time, "timezone"), time.CLOCK_MONOTONIC if hasattr(time, "CLOCK_MONOTONIC") else 1)

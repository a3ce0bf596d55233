# time: clocks, sleep, struct_time and conversions (UTC only: the
# expected output must not depend on the time zone).
import time

t0 = time.time()
m0 = time.monotonic()
p0 = time.perf_counter()
time.sleep(0.02)
print(time.time() - t0 >= 0.015, time.monotonic() - m0 >= 0.015, time.perf_counter() - p0 >= 0.015)
print(type(time.time_ns()).__name__, type(time.monotonic_ns()).__name__,
      type(time.perf_counter_ns()).__name__, time.process_time() >= 0)
print(abs(time.time_ns() / 1e9 - time.time()) < 1)
g = time.gmtime(1234567890)
print(g)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, g.tm_wday, g.tm_yday,
      g.tm_isdst, g.tm_zone, g.tm_gmtoff)
print(g[0], g[-1], len(g), tuple(g), g[:3])
print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %%", g))
print(time.asctime(g), time.gmtime(0.9)[:6])
st = time.struct_time((2001, 2, 3, 4, 5, 6, 5, 34, 0))
print(st, st.tm_zone)
print(time.strftime("%d/%m/%y", st), time.asctime(st))
lt = time.localtime(1234567890)
print(time.mktime(lt), type(time.ctime(0)).__name__)
print(isinstance(time.timezone, int), isinstance(time.daylight, int), len(time.tzname))
for bad in [-1, "x"]:
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    time.struct_time((1, 2))
except TypeError as e:
    print(e)
info = time.get_clock_info("monotonic")
print(info.monotonic, info.adjustable, info.resolution > 0)

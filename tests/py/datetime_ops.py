# datetime: date/time/datetime/timedelta construction, arithmetic,
# comparisons, formatting (strftime/isoformat/fromisoformat), timezone
# with fixed offsets, replace, weekday/isocalendar, and range errors.
import datetime as dt

d = dt.date(2024, 2, 28)
print(d, repr(d), d + dt.timedelta(days=1), d + dt.timedelta(days=2), d - dt.date(2023, 2, 28), d.weekday(), d.isoweekday())
print(tuple(d.isocalendar()), d.toordinal(), dt.date.fromordinal(738000), d.replace(day=1), d.ctime())
print(d.strftime("%Y-%m-%d %a %A %b %B %j %U %W %y %%"), d.isoformat(), dt.date.fromisoformat("2021-12-31"))
print(dt.date(2000, 1, 1) < d, d == dt.date(2024, 2, 28), max(d, dt.date(2024, 3, 1)), d.timetuple()[:3])
t = dt.time(13, 5, 9, 1234)
print(t, repr(t), t.isoformat(), t.isoformat("minutes"), t.strftime("%H:%M:%S %p %I"), t.replace(hour=1), dt.time())
print(dt.time.fromisoformat("04:05:06.000007"), t < dt.time(14), t.hour, t.minute, t.second, t.microsecond)
x = dt.datetime(2024, 12, 31, 23, 59, 59, 999999)
print(x, repr(x), x + dt.timedelta(microseconds=1), x.date(), x.time(), x.isoformat(sep=" "), x.timestamp() if False else "")
print(x.strftime("%d/%m/%Y %H.%M.%S.%f"), dt.datetime.strptime("2020-05-17 08:30", "%Y-%m-%d %H:%M"))
print(dt.datetime.fromisoformat("2011-11-04T00:05:23.283+00:00"), dt.datetime.combine(d, t), x.replace(year=2025, month=1))
print(dt.datetime(2020, 1, 1) - dt.datetime(2019, 12, 25, 12), dt.datetime.min, dt.datetime.max, dt.date.resolution)

td = dt.timedelta(days=1, hours=25, minutes=-30, seconds=3661, milliseconds=1500, microseconds=-1)
print(td, repr(td), td.days, td.seconds, td.microseconds, td.total_seconds())
print(dt.timedelta(-1), dt.timedelta(seconds=-1), abs(dt.timedelta(-2)), -dt.timedelta(hours=1), dt.timedelta(weeks=2))
print(td * 2, td / 2, td // 3, dt.timedelta(hours=3) / dt.timedelta(minutes=40), dt.timedelta(hours=3) % dt.timedelta(minutes=40))
print(divmod(dt.timedelta(hours=3), dt.timedelta(minutes=40)), dt.timedelta(1.5), dt.timedelta(0.1, 0.2) , bool(dt.timedelta()))
print(dt.timedelta(days=1) == dt.timedelta(hours=24), dt.timedelta(1) > dt.timedelta(0), str(dt.timedelta(microseconds=5)))

utc = dt.timezone.utc
plus = dt.timezone(dt.timedelta(hours=5, minutes=30), "IST")
aware = dt.datetime(2024, 6, 1, 12, 0, tzinfo=utc)
print(aware, aware.astimezone(plus), aware.utcoffset(), aware.tzname(), plus, repr(plus), dt.timezone(dt.timedelta(hours=-3)))
print(aware == aware.astimezone(plus), aware.isoformat(), aware.strftime("%z %Z"), dt.datetime(2024, 1, 1).tzinfo)
for bad in [lambda: dt.time(24), lambda: dt.date.fromisoformat("2020-1-1"),
            lambda: dt.datetime.strptime("2020", "%Y-%m"), lambda: dt.timezone(dt.timedelta(hours=25))]:
    try:
        print(bad())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__)
print(sorted([dt.date(2020, 5, 1), dt.date(2019, 1, 1), dt.date(2020, 1, 1)]))
print({dt.date(2020, 1, 1): "a"}[dt.date(2020, 1, 1)], hash(dt.timedelta(1)) == hash(dt.timedelta(hours=24)))
print(dt.date(2024, 1, 1).__format__("%d.%m"), f"{d:%Y}", format(t, "%H"), f"{td}")

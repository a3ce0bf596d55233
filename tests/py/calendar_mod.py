# calendar: month/year text calendars, monthrange, leap years, weekday,
# iterators (itermonthdates, monthdays2calendar), setfirstweekday, and
# HTML output for a month; timegm.
import calendar

print(calendar.month(2024, 2))
print(calendar.month(2023, 10, w=3, l=1))
print(calendar.isleap(1900), calendar.isleap(2000), calendar.isleap(2024), calendar.leapdays(1900, 2025))
print(calendar.monthrange(2024, 2), calendar.monthrange(2023, 2), calendar.monthrange(2000, 12), calendar.weekday(2024, 7, 4))
print(calendar.monthcalendar(2024, 3))
print(list(calendar.day_name), list(calendar.month_abbr), calendar.MONDAY, calendar.SUNDAY)
c = calendar.Calendar(firstweekday=6)
print(list(c.iterweekdays()), [d.isoformat() for d in c.itermonthdates(2024, 2)][:9])
print(c.monthdays2calendar(2024, 2)[0], list(c.itermonthdays(2024, 2))[:8])
print(c.yeardatescalendar(2024, width=4)[0][0][0][:3])
tc = calendar.TextCalendar(calendar.SUNDAY)
print(tc.formatmonth(2025, 1))
print(tc.formatweekheader(2), tc.formatmonthname(2025, 1, 20))
print(calendar.TextCalendar().formatyear(2024, 2, 1, 1, 3)[:400])
print(calendar.HTMLCalendar().formatmonth(2024, 2)[:300])
print(calendar.timegm((2024, 1, 1, 0, 0, 0)), calendar.timegm((1970, 1, 2, 0, 0, 0, 0, 0, 0)))
for bad in [lambda: calendar.monthrange(2024, 13), lambda: calendar.month(2024, 0)]:
    try:
        print(bad())
    except (ValueError, IndexError, calendar.IllegalMonthError) as e:
        print(type(e).__name__, e)
calendar.setfirstweekday(calendar.SUNDAY)
print(calendar.firstweekday(), calendar.weekheader(3))
print(calendar.month(2024, 9))
calendar.setfirstweekday(calendar.MONDAY)
print(calendar.calendar(2023)[:200])

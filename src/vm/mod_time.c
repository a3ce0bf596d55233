/*
** The time module: clocks, sleep (with the thread detached from the
** heap, so that other threads run meanwhile), and the struct_time
** conversions over the C library's.
*/
#include <errno.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include "vm/mod_os.h"

static Type *struct_time_type;

Object *import_name(Object *name, Object *fromlist, Object *level, Object *globals);

static Object *clock_float(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return float_new((double)ts.tv_sec + ts.tv_nsec * 1e-9);
}

static Object *clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return int_from_i64((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
}

#define CLOCK_FN(name, id, conv)                                                        \
    static Object *t_##name(Object *self, Object *const *args, size_t nargs, Object *kw) \
    {                                                                                   \
        return args_exact(#name, kw, nargs, 0) < 0 ? NULL : conv(id);                   \
    }
CLOCK_FN(time, CLOCK_REALTIME, clock_float)
CLOCK_FN(time_ns, CLOCK_REALTIME, clock_ns)
CLOCK_FN(monotonic, CLOCK_MONOTONIC, clock_float)
CLOCK_FN(monotonic_ns, CLOCK_MONOTONIC, clock_ns)
CLOCK_FN(perf_counter, CLOCK_MONOTONIC, clock_float)
CLOCK_FN(perf_counter_ns, CLOCK_MONOTONIC, clock_ns)
CLOCK_FN(process_time, CLOCK_PROCESS_CPUTIME_ID, clock_float)
CLOCK_FN(process_time_ns, CLOCK_PROCESS_CPUTIME_ID, clock_ns)
CLOCK_FN(thread_time, CLOCK_THREAD_CPUTIME_ID, clock_float)
CLOCK_FN(thread_time_ns, CLOCK_THREAD_CPUTIME_ID, clock_ns)

static int seconds_arg(Object *v, double *out)
{
    if (is_float(v)) {
        *out = float_value(v);
    } else if (is_int(v)) {
        bool overflow;
        *out = int_to_double(v, &overflow);
        if (overflow) {
            raise(vm.e_OverflowError, "timestamp too large to convert to C _PyTime_t");
            return -1;
        }
    } else {
        Object *f = obj_unary(v, UN_FLOAT);
        if (!f) {
            exc_clear();
            raise(vm.e_TypeError, "'%s' object cannot be interpreted as an integer",
                  type_name(type_of(v)));
            return -1;
        }
        *out = float_value(f);
    }
    if (isnan(*out)) {
        raise(vm.e_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    return 0;
}

struct SleepArgs { struct timespec until; int r; };

static void *sleep_blocking(void *arg)
{
    struct SleepArgs *a = arg;
    a->r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &a->until, NULL);
    return NULL;
}

static Object *t_sleep(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    double secs;
    if (args_exact("sleep", kw, nargs, 1) < 0 || seconds_arg(args[0], &secs) < 0)
        return NULL;
    if (secs < 0)
        return raise(vm.e_ValueError, "sleep length must be non-negative");
    struct SleepArgs a;
    clock_gettime(CLOCK_MONOTONIC, &a.until);
    double whole = floor(secs);
    a.until.tv_sec += (time_t)whole;
    a.until.tv_nsec += (long)((secs - whole) * 1e9);
    if (a.until.tv_nsec >= 1000000000) {
        a.until.tv_sec++;
        a.until.tv_nsec -= 1000000000;
    }
    /* A signal handler that does not raise lets the sleep go on. */
    for (;;) {
        os_blocking(sleep_blocking, &a);
        if (a.r != EINTR)
            break;
        if (signals_check() < 0)
            return NULL;
    }
    return None;
}

/* ---- struct_time -------------------------------------------------------------- */

static Object *struct_time_from_tm(const struct tm *tm)
{
    Object *v[11] = {
        make_small(tm->tm_year + 1900), make_small(tm->tm_mon + 1), make_small(tm->tm_mday),
        make_small(tm->tm_hour), make_small(tm->tm_min), make_small(tm->tm_sec),
        make_small((tm->tm_wday + 6) % 7), make_small(tm->tm_yday + 1), make_small(tm->tm_isdst),
        tm->tm_zone ? str_from_cstr(tm->tm_zone) : None, make_small(tm->tm_gmtoff),
    };
    if (!v[9])
        return NULL;
    return structseq_new(struct_time_type, v);
}

/* time.gmtime([secs]) and time.localtime([secs]). */
static Object *broken_down(Object *const *args, size_t nargs, Object *kw, const char *fname,
                           bool local)
{
    if (args_no_kw(fname, kw) < 0 || args_count(fname, nargs, 0, 1) < 0)
        return NULL;
    time_t t;
    if (nargs && args[0] != None) {
        double d;
        if (seconds_arg(args[0], &d) < 0)
            return NULL;
        d = floor(d);
        if (d < -67768040609740800.0 || d > 67768036191676799.0)
            return raise(vm.e_OverflowError, "timestamp out of range for platform time_t");
        t = (time_t)d;
    } else {
        t = time(NULL);
    }
    struct tm tm;
    if (!(local ? localtime_r(&t, &tm) : gmtime_r(&t, &tm)))
        return raise_os_error(errno ? errno : EOVERFLOW, NULL);
    return struct_time_from_tm(&tm);
}

static Object *t_gmtime(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return broken_down(args, nargs, kw, "gmtime", false);
}

static Object *t_localtime(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return broken_down(args, nargs, kw, "localtime", true);
}

/* A struct_time or 9-tuple into a struct tm, with CPython's checks. */
static int tm_arg(Object *v, struct tm *tm, const char *fname)
{
    Object *t = v;
    if (!is_small(v) && v->type != vm.t_tuple) {
        if (!is_instance_of(v, vm.t_tuple)) {
            raise(vm.e_TypeError, "Tuple or struct_time argument required");
            return -1;
        }
        t = list_as_tuple(list_from_iterable(v));
        if (!t)
            return -1;
    }
    if (is_small(t) || tuple_size(t) != 9) {
        raise(vm.e_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    int64_t f[9];
    for (int i = 0; i < 9; i++)
        if (os_arg_int(tuple_get(t, (size_t)i), &f[i]) < 0)
            return -1;
    memset(tm, 0, sizeof *tm);
    tm->tm_year = (int)(f[0] - 1900);
    tm->tm_mon = (int)(f[1] - 1);
    tm->tm_mday = (int)f[2];
    tm->tm_hour = (int)f[3];
    tm->tm_min = (int)f[4];
    tm->tm_sec = (int)f[5];
    tm->tm_wday = (int)((f[6] + 1) % 7);
    tm->tm_yday = (int)(f[7] - 1);
    tm->tm_isdst = (int)f[8];
    if (t != v) {
        Object *off = obj_getattr_cstr(v, "tm_gmtoff");
        int64_t g;
        if (off && off != None && os_arg_int(off, &g) == 0)
            tm->tm_gmtoff = g;
        exc_clear();
    }
    return 0;
}

static int tm_check(struct tm *tm)
{
    /* Out-of-range fields as CPython's checktm() normalises or rejects them. */
    const char *bad = NULL;
    if (tm->tm_mon == -1)
        tm->tm_mon = 0;
    else if (tm->tm_mon < 0 || tm->tm_mon > 11)
        bad = "month out of range";
    if (tm->tm_mday == 0)
        tm->tm_mday = 1;
    else if (!bad && (tm->tm_mday < 0 || tm->tm_mday > 31))
        bad = "day of month out of range";
    if (!bad && (tm->tm_hour < 0 || tm->tm_hour > 23))
        bad = "hour out of range";
    if (!bad && (tm->tm_min < 0 || tm->tm_min > 59))
        bad = "minute out of range";
    if (!bad && (tm->tm_sec < 0 || tm->tm_sec > 61))
        bad = "seconds out of range";
    if (!bad && tm->tm_wday < 0)
        bad = "day of week out of range";
    if (tm->tm_yday == -1)
        tm->tm_yday = 0;
    else if (!bad && (tm->tm_yday < 0 || tm->tm_yday > 365))
        bad = "day of year out of range";
    if (!bad)
        return 0;
    raise(vm.e_ValueError, "%s", bad);
    return -1;
}

static Object *current_tm_or_arg(Object *const *args, size_t nargs, const char *fname, struct tm *tm)
{
    if (nargs && args[0] != None)
        return tm_arg(args[0], tm, fname) < 0 || tm_check(tm) < 0 ? NULL : None;
    time_t t = time(NULL);
    localtime_r(&t, tm);
    return None;
}

static Object *t_mktime(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    struct tm tm;
    if (args_exact("mktime", kw, nargs, 1) < 0 || tm_arg(args[0], &tm, "mktime") < 0)
        return NULL;
    tm.tm_wday = -1;
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1)
        return raise(vm.e_OverflowError, "mktime argument out of range");
    return float_new((double)t);
}

Object *import_name(Object *name, Object *fromlist, Object *level, Object *globals);

/* strptime is written in Python (_strptime), as in CPython. */
static Object *t_strptime(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *mod = import_name(intern_cstr("_strptime"), None, make_small(0),
                              ((ModuleObj *)vm.sys)->dict);
    Object *f = mod ? obj_getattr_cstr(mod, "_strptime_time") : NULL;
    return f ? obj_call(f, args, nargs, kw) : NULL;
}

static Object *t_strftime(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    struct tm tm;
    if (args_no_kw("strftime", kw) < 0 || args_count("strftime", nargs, 1, 2) < 0)
        return NULL;
    if (!is_str(args[0]))
        return raise(vm.e_TypeError, "strftime() argument 1 must be str, not %s",
                     type_name(type_of(args[0])));
    if (!current_tm_or_arg(args + 1, nargs - 1, "strftime", &tm))
        return NULL;
    size_t n;
    char *fmt = str_to_utf8(args[0], &n);
    if (!fmt)
        return NULL;
    if (strlen(fmt) != n) {
        free(fmt);
        return raise(vm.e_ValueError, "embedded null character");
    }
    if (!tm.tm_zone)
        tm.tm_zone = tm.tm_isdst > 0 ? tzname[1] : tzname[0];
    /* An empty result may mean "too small a buffer": grow until it fits
       or clearly is empty. */
    Object *r = NULL;
    for (size_t cap = 256 + n * 4;; cap *= 2) {
        char *buf = malloc(cap);
        if (!buf) {
            r = raise_no_memory();
            break;
        }
        size_t len = n ? strftime(buf, cap, fmt, &tm) : 0;
        if (len || cap > 256 * (n + 1) * 16) {
            r = str_from_utf8(buf, len);
            free(buf);
            break;
        }
        free(buf);
    }
    free(fmt);
    return r;
}

static Object *asctime_of(const struct tm *tm)
{
    static const char wday[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
    static const char mon[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                                     "Sep", "Oct", "Nov", "Dec" };
    return str_format("%s %s%3d %.2d:%.2d:%.2d %d", wday[tm->tm_wday % 7], mon[tm->tm_mon % 12],
                      tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec, 1900 + tm->tm_year);
}

static Object *t_asctime(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    struct tm tm;
    if (args_no_kw("asctime", kw) < 0 || args_count("asctime", nargs, 0, 1) < 0
        || !current_tm_or_arg(args, nargs, "asctime", &tm))
        return NULL;
    return asctime_of(&tm);
}

static Object *t_ctime(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *st = broken_down(args, nargs, kw, "ctime", true);
    struct tm tm;
    if (!st || tm_arg(st, &tm, "ctime") < 0)
        return NULL;
    return asctime_of(&tm);
}

static Object *t_get_clock_info(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("get_clock_info", kw, nargs, 1) < 0)
        return NULL;
    static const struct { const char *name, *impl; clockid_t id; bool mono, adj; } clocks[] = {
        { "time", "clock_gettime(CLOCK_REALTIME)", CLOCK_REALTIME, false, true },
        { "monotonic", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, true, false },
        { "perf_counter", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, true, false },
        { "process_time", "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", CLOCK_PROCESS_CPUTIME_ID, true, false },
        { "thread_time", "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", CLOCK_THREAD_CPUTIME_ID, true, false },
    };
    for (size_t i = 0; i < sizeof clocks / sizeof clocks[0]; i++) {
        if (!is_str(args[0]) || !str_eq_cstr(args[0], clocks[i].name))
            continue;
        struct timespec res;
        clock_getres(clocks[i].id, &res);
        /* CPython answers with a types.SimpleNamespace. */
        Object *types = import_name(intern_cstr("types"), None, make_small(0), vm.builtins);
        Object *ns = types ? obj_getattr_cstr(types, "SimpleNamespace") : NULL;
        Object *vals[4] = { str_from_cstr(clocks[i].impl), bool_obj(clocks[i].mono),
                            bool_obj(clocks[i].adj), float_new((double)res.tv_sec + res.tv_nsec * 1e-9) };
        Object *names = tuple_pack(4, intern_cstr("implementation"), intern_cstr("monotonic"),
                                   intern_cstr("adjustable"), intern_cstr("resolution"));
        return ns && names ? obj_call(ns, vals, 0, names) : NULL;
    }
    return raise(vm.e_ValueError, "unknown clock");
}

static void set_zone_info(Object *m)
{
    tzset();
    /* CPython derives these from January and July of this year. */
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    int year = tm.tm_year;
    struct tm jan = { .tm_year = year, .tm_mday = 1, .tm_isdst = -1 };
    struct tm jul = { .tm_year = year, .tm_mon = 6, .tm_mday = 1, .tm_isdst = -1 };
    time_t tj = mktime(&jan), tl = mktime(&jul);
    localtime_r(&tj, &jan);
    localtime_r(&tl, &jul);
    long janoff = -jan.tm_gmtoff, juloff = -jul.tm_gmtoff;
    const char *janname = jan.tm_zone ? jan.tm_zone : "", *julname = jul.tm_zone ? jul.tm_zone : "";
    Object *names;
    if (janoff < juloff) {
        /* Southern hemisphere: DST in January. */
        os_module_add_int(m, "timezone", juloff);
        os_module_add_int(m, "altzone", janoff);
        names = tuple_pack(2, str_from_cstr(julname), str_from_cstr(janname));
    } else {
        os_module_add_int(m, "timezone", janoff);
        os_module_add_int(m, "altzone", juloff);
        names = tuple_pack(2, str_from_cstr(janname), str_from_cstr(julname));
    }
    os_module_add_int(m, "daylight", janoff != juloff);
    os_module_add(m, "tzname", names);
}

static Object *t_tzset(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("tzset", kw, nargs, 0) < 0)
        return NULL;
    set_zone_info(self);
    return None;
}

Object *time_module_init(void)
{
    static const MethodDef functions[] = {
        { "time", t_time, 0 }, { "time_ns", t_time_ns, 0 }, { "monotonic", t_monotonic, 0 },
        { "monotonic_ns", t_monotonic_ns, 0 }, { "perf_counter", t_perf_counter, 0 },
        { "perf_counter_ns", t_perf_counter_ns, 0 }, { "process_time", t_process_time, 0 },
        { "process_time_ns", t_process_time_ns, 0 }, { "thread_time", t_thread_time, 0 },
        { "thread_time_ns", t_thread_time_ns, 0 }, { "sleep", t_sleep, 0 },
        { "gmtime", t_gmtime, 0 }, { "localtime", t_localtime, 0 }, { "mktime", t_mktime, 0 },
        { "strftime", t_strftime, 0 }, { "strptime", t_strptime, 0 }, { "asctime", t_asctime, 0 },
        { "ctime", t_ctime, 0 },
        { "get_clock_info", t_get_clock_info, 0 }, { "tzset", t_tzset, 0 },
        { NULL, NULL, 0 },
    };
    static const char *const fields[] = { "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min",
                                          "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone",
                                          "tm_gmtoff" };
    Object *m = os_module_new("time", functions);
    if (!m)
        return NULL;
    if (!struct_time_type) {
        struct_time_type = structseq_type("time", "struct_time", fields, 11, 9);
        if (!struct_time_type)
            return NULL;
        stm_add_root((stm_obj **)&struct_time_type);
    }
    os_module_add(m, "struct_time", (Object *)struct_time_type);
    os_module_add_int(m, "CLOCK_REALTIME", CLOCK_REALTIME);
    os_module_add_int(m, "CLOCK_MONOTONIC", CLOCK_MONOTONIC);
    os_module_add_int(m, "CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID);
    os_module_add_int(m, "CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID);
    os_module_add_int(m, "_STRUCT_TM_ITEMS", 11);     /* _strptime builds struct_time with it */
    set_zone_info(m);
    return m;
}

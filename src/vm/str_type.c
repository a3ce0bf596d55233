/*
** str's slots and its most used methods.
*/
#include <stdlib.h>
#include <string.h>

#include "vm/runtime.h"

Object *str_join(Object *sep, Object *iterable)
{
    Object *items = list_from_iterable(iterable);
    if (!items)
        return NULL;
    size_t n = list_size(items), total = 0;
    uint32_t maxc = 0;
    for (size_t i = 0; i < n; i++) {
        Object *s = list_get(items, i);
        if (!is_str(s))
            return raise(vm.e_TypeError, "sequence item %zu: expected str instance, %s found", i,
                         type_name(type_of(s)));
        total += str_len(s) + (i ? str_len(sep) : 0);
    }
    uint32_t *buf = malloc((total + 1) * sizeof *buf);
    if (!buf)
        return raise_no_memory();
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (i)
            for (size_t j = 0; j < str_len(sep); j++)
                buf[k++] = str_char(sep, j);
        Object *s = list_get(items, i);
        for (size_t j = 0; j < str_len(s); j++)
            buf[k++] = str_char(s, j);
    }
    (void)maxc;
    Object *r = str_from_codepoints(buf, k);
    free(buf);
    return r;
}

static Object *str_repr_slot(Object *s) { return str_repr(s); }
static Object *str_str_slot(Object *s) { return s; }
static int64_t str_hash_slot(Object *s) { return str_hash(s); }
static intptr_t str_length(Object *s) { return (intptr_t)str_len(s); }

static int str_compare(Object *a, Object *b)
{
    size_t na = str_len(a), nb = str_len(b), n = na < nb ? na : nb;
    for (size_t i = 0; i < n; i++) {
        uint32_t x = str_char(a, i), y = str_char(b, i);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return na < nb ? -1 : na > nb;
}

static Object *str_richcompare(Object *a, Object *b, CmpOp op)
{
    if (!is_str(a) || !is_str(b))
        return NotImplemented;
    if (op == CMP_EQ)
        return bool_obj(str_eq(a, b));
    if (op == CMP_NE)
        return bool_obj(!str_eq(a, b));
    int c = str_compare(a, b);
    switch (op) {
    case CMP_LT: return bool_obj(c < 0);
    case CMP_LE: return bool_obj(c <= 0);
    case CMP_GT: return bool_obj(c > 0);
    default: return bool_obj(c >= 0);
    }
}

static Object *str_add(Object *a, Object *b)
{
    if (!is_str(a))
        return NotImplemented;
    if (!is_str(b))
        return raise(vm.e_TypeError, "can only concatenate str (not \"%s\") to str",
                     type_name(type_of(b)));
    return str_concat(a, b);
}

static Object *str_repeat(Object *a, Object *b)
{
    if (!is_str(a)) {
        Object *t = a;
        a = b;
        b = t;
    }
    if (!is_str(a) || !is_int(b))
        return NotImplemented;
    int64_t n;
    if (int_to_i64(b, &n) < 0)
        return NULL;
    size_t len = str_len(a);
    if (n <= 0 || len == 0)
        return vm.empty_str;
    if ((uint64_t)n > SIZE_MAX / 4 / len)
        return raise_no_memory();
    uint32_t *buf = malloc(len * (size_t)n * sizeof *buf);
    if (!buf)
        return raise_no_memory();
    for (size_t j = 0; j < len; j++)
        buf[j] = str_char(a, j);
    for (int64_t i = 1; i < n; i++)
        memcpy(buf + (size_t)i * len, buf, len * sizeof *buf);
    Object *r = str_from_codepoints(buf, len * (size_t)n);
    free(buf);
    return r;
}

int slice_indices(Object *slice, intptr_t length, intptr_t *start, intptr_t *stop,
                  intptr_t *step, intptr_t *count);

static Object *str_getitem(Object *s, Object *key)
{
    intptr_t n = (intptr_t)str_len(s);
    if (!is_small(key) && layout_of(key) == L_SLICE) {
        intptr_t start, stop, step, count;
        if (slice_indices(key, n, &start, &stop, &step, &count) < 0)
            return NULL;
        uint32_t *buf = malloc(((size_t)count + 1) * sizeof *buf);
        if (!buf)
            return raise_no_memory();
        for (intptr_t i = 0; i < count; i++)
            buf[i] = str_char(s, (size_t)(start + i * step));
        Object *r = str_from_codepoints(buf, (size_t)count);
        free(buf);
        return r;
    }
    intptr_t i;
    if (!is_int(key))
        return raise(vm.e_TypeError, "string indices must be integers, not '%s'",
                     type_name(type_of(key)));
    if (index_to_ssize(key, &i, true) < 0)
        return NULL;
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return raise(vm.e_IndexError, "string index out of range");
    uint32_t c = str_char(s, (size_t)i);
    return str_from_codepoints(&c, 1);
}

static int str_contains(Object *s, Object *sub)
{
    if (!is_str(sub)) {
        raise(vm.e_TypeError, "'in <string>' requires string as left operand, not %s",
              type_name(type_of(sub)));
        return -1;
    }
    size_t n = str_len(s), m = str_len(sub);
    if (m == 0)
        return 1;
    for (size_t i = 0; i + m <= n; i++) {
        size_t j = 0;
        while (j < m && str_char(s, i + j) == str_char(sub, j))
            j++;
        if (j == m)
            return 1;
    }
    return 0;
}

static Object *str_iter(Object *s)
{
    Iter *it = (Iter *)vm_alloc(sizeof(struct Iter), L_ITER, vm.t_str_iterator);
    if (it)
        it->seq = s;
    return (Object *)it;
}

static Object *str_iter_next(Object *o)
{
    Iter *it = (Iter *)o;
    obj_read(o);
    Object *s = it->seq;
    if (!s || (size_t)it->index >= str_len(s)) {
        if (s) {
            obj_write(o);
            it->seq = NULL;
        }
        return NULL;
    }
    uint32_t c = str_char(s, (size_t)it->index);
    obj_write(o);
    it->index++;
    return str_from_codepoints(&c, 1);
}

Object *str_percent_format(Object *fmt, Object *args);

static Object *str_mod(Object *a, Object *b)
{
    if (!is_str(a))
        return NotImplemented;
    return str_percent_format(a, b);
}

/* str(object='') */
static Object *str_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("str", kw) < 0 || args_count("str", nargs, 0, 1) < 0)
        return NULL;
    Object *s = nargs ? obj_str(args[0]) : vm.empty_str;
    if (!s || (Type *)cls == vm.t_str)
        return s;
    Instance *in = (Instance *)vm_alloc(sizeof(struct Instance), L_INSTANCE, (Type *)cls);
    if (in)
        in->base_value = s;
    return (Object *)in;
}

static Object *m_join(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("join", kw, nargs, 1) < 0)
        return NULL;
    return str_join(self, args[0]);
}

static bool is_space(uint32_t c)
{
    return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f) || c == 0x85
           || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028
           || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

static Object *substr(Object *s, size_t from, size_t to)
{
    uint32_t *buf = malloc((to - from + 1) * sizeof *buf);
    if (!buf)
        return raise_no_memory();
    for (size_t i = from; i < to; i++)
        buf[i - from] = str_char(s, i);
    Object *r = str_from_codepoints(buf, to - from);
    free(buf);
    return r;
}

/* strip/lstrip/rstrip: which = 1 left, 2 right, 3 both. */
static Object *do_strip(Object *self, Object *const *args, size_t nargs, Object *kw,
                        const char *name, int which)
{
    if (args_no_kw(name, kw) < 0 || args_count(name, nargs, 0, 1) < 0)
        return NULL;
    Object *chars = nargs && args[0] != None ? args[0] : NULL;
    if (chars && !is_str(chars))
        return raise(vm.e_TypeError, "%s arg must be None or str", name);
    size_t n = str_len(self), i = 0, j = n;
#define STRIPPABLE(c) (chars ? str_contains(chars, str_from_codepoints(&(uint32_t){c}, 1)) == 1 : is_space(c))
    if (which & 1)
        while (i < j && STRIPPABLE(str_char(self, i)))
            i++;
    if (which & 2)
        while (j > i && STRIPPABLE(str_char(self, j - 1)))
            j--;
#undef STRIPPABLE
    return i == 0 && j == n ? self : substr(self, i, j);
}

static Object *m_strip(Object *s, Object *const *a, size_t n, Object *kw) { return do_strip(s, a, n, kw, "strip", 3); }
static Object *m_lstrip(Object *s, Object *const *a, size_t n, Object *kw) { return do_strip(s, a, n, kw, "lstrip", 1); }
static Object *m_rstrip(Object *s, Object *const *a, size_t n, Object *kw) { return do_strip(s, a, n, kw, "rstrip", 2); }

static intptr_t find_sub(Object *s, Object *sub, size_t from)
{
    size_t n = str_len(s), m = str_len(sub);
    for (size_t i = from; i + m <= n; i++) {
        size_t j = 0;
        while (j < m && str_char(s, i + j) == str_char(sub, j))
            j++;
        if (j == m)
            return (intptr_t)i;
    }
    return -1;
}

static Object *m_split(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "sep", "maxsplit", NULL };
    Object *out[2];
    if (args_parse("split", args, nargs, kw, names, 0, 2, out) < 0)
        return NULL;
    Object *sep = out[0] && out[0] != None ? out[0] : NULL;
    int64_t maxsplit = -1;
    if (out[1] && int_to_i64(out[1], &maxsplit) < 0)
        return NULL;
    if (sep && !is_str(sep))
        return raise(vm.e_TypeError, "must be str or None, not %s", type_name(type_of(sep)));
    Object *result = list_new(0);
    if (!result)
        return NULL;
    size_t n = str_len(self), i = 0;
    if (!sep) {
        for (;;) {
            while (i < n && is_space(str_char(self, i)))
                i++;
            if (i >= n)
                break;
            size_t j = i;
            if (maxsplit == 0) {
                j = n;
                while (j > i && is_space(str_char(self, j - 1)))
                    j--;
            } else {
                while (j < n && !is_space(str_char(self, j)))
                    j++;
            }
            Object *part = substr(self, i, j);
            if (!part || list_append(result, part) < 0)
                return NULL;
            if (maxsplit > 0)
                maxsplit--;
            else if (maxsplit == 0)
                break;
            i = j;
        }
        return result;
    }
    if (str_len(sep) == 0)
        return raise(vm.e_ValueError, "empty separator");
    for (;;) {
        intptr_t at = maxsplit == 0 ? -1 : find_sub(self, sep, i);
        size_t end = at < 0 ? n : (size_t)at;
        Object *part = substr(self, i, end);
        if (!part || list_append(result, part) < 0)
            return NULL;
        if (at < 0)
            break;
        i = end + str_len(sep);
        if (maxsplit > 0)
            maxsplit--;
    }
    return result;
}

static Object *m_startswith_endswith(Object *self, Object *const *args, size_t nargs,
                                     Object *kw, bool ends)
{
    const char *name = ends ? "endswith" : "startswith";
    if (args_no_kw(name, kw) < 0 || args_count(name, nargs, 1, 1) < 0)
        return NULL;
    Object *p = args[0];
    if (!is_small(p) && p->type == vm.t_tuple) {
        for (size_t i = 0; i < tuple_size(p); i++) {
            Object *r = m_startswith_endswith(self, &((Tuple *)p)->items[i], 1, NULL, ends);
            if (r != False_)
                return r;
        }
        return False_;
    }
    if (!is_str(p))
        return raise(vm.e_TypeError, "%s first arg must be str or a tuple of str, not %s", name,
                     type_name(type_of(p)));
    size_t n = str_len(self), m = str_len(p);
    if (m > n)
        return False_;
    size_t off = ends ? n - m : 0;
    for (size_t i = 0; i < m; i++)
        if (str_char(self, off + i) != str_char(p, i))
            return False_;
    return True_;
}
static Object *m_startswith(Object *s, Object *const *a, size_t n, Object *kw) { return m_startswith_endswith(s, a, n, kw, false); }
static Object *m_endswith(Object *s, Object *const *a, size_t n, Object *kw) { return m_startswith_endswith(s, a, n, kw, true); }

static Object *m_replace(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("replace", kw) < 0 || args_count("replace", nargs, 2, 3) < 0)
        return NULL;
    Object *old = args[0], *new = args[1];
    if (!is_str(old) || !is_str(new))
        return raise(vm.e_TypeError, "replace() argument must be str");
    int64_t count = -1;
    if (nargs == 3 && int_to_i64(args[2], &count) < 0)
        return NULL;
    Object *parts = list_new(0);
    size_t i = 0, n = str_len(self), m = str_len(old);
    if (m == 0) {
        /* Insert `new` between characters (and at both ends). */
        Object *r = vm.empty_str;
        for (size_t k = 0; k <= n; k++) {
            if (count >= 0 && (int64_t)k >= count) {
                Object *rest = substr(self, k, n);
                return rest ? str_concat(r, rest) : NULL;
            }
            r = str_concat(r, new);
            if (!r)
                return NULL;
            if (k < n) {
                Object *c = substr(self, k, k + 1);
                if (!c || !(r = str_concat(r, c)))
                    return NULL;
            }
        }
        return r;
    }
    while (count != 0) {
        intptr_t at = find_sub(self, old, i);
        if (at < 0)
            break;
        Object *p = substr(self, i, (size_t)at);
        if (!p || list_append(parts, p) < 0)
            return NULL;
        i = (size_t)at + m;
        if (count > 0)
            count--;
    }
    Object *p = substr(self, i, n);
    if (!p || list_append(parts, p) < 0)
        return NULL;
    return str_join(new, parts);
}

static Object *m_find(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("find", kw) < 0 || args_count("find", nargs, 1, 1) < 0)
        return NULL;
    if (!is_str(args[0]))
        return raise(vm.e_TypeError, "must be str, not %s", type_name(type_of(args[0])));
    return make_small(find_sub(self, args[0], 0));
}

static Object *case_map(Object *self, uint32_t (*f)(uint32_t))
{
    size_t n = str_len(self);
    uint32_t *buf = malloc((n + 1) * sizeof *buf);
    if (!buf)
        return raise_no_memory();
    for (size_t i = 0; i < n; i++)
        buf[i] = f(str_char(self, i));
    Object *r = str_from_codepoints(buf, n);
    free(buf);
    return r;
}
static uint32_t ascii_upper(uint32_t c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }
static uint32_t ascii_lower(uint32_t c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static Object *m_upper(Object *s, Object *const *a, size_t n, Object *kw)
{
    return args_exact("upper", kw, n, 0) < 0 ? NULL : case_map(s, ascii_upper);
}
static Object *m_lower(Object *s, Object *const *a, size_t n, Object *kw)
{
    return args_exact("lower", kw, n, 0) < 0 ? NULL : case_map(s, ascii_lower);
}

Object *str_format_method(Object *self, Object *const *args, size_t nargs, Object *kw);

void str_type_init(void)
{
    Type *t = vm.t_str;
    t->repr = str_repr_slot;
    t->str = str_str_slot;
    t->hash = str_hash_slot;
    t->richcompare = str_richcompare;
    t->length = str_length;
    t->getitem = str_getitem;
    t->contains = str_contains;
    t->iter = str_iter;
    t->tp_new = str_tp_new;
    t->binary[NB_ADD] = str_add;
    t->binary[NB_MULTIPLY] = str_repeat;
    t->binary[NB_REMAINDER] = str_mod;
    t->getattr = generic_getattr;
    vm.t_str_iterator->next = str_iter_next;
    static const MethodDef methods[] = {
        { "join", m_join, 0 }, { "strip", m_strip, 0 }, { "lstrip", m_lstrip, 0 },
        { "rstrip", m_rstrip, 0 }, { "split", m_split, 0 }, { "startswith", m_startswith, 0 },
        { "endswith", m_endswith, 0 }, { "replace", m_replace, 0 }, { "find", m_find, 0 },
        { "upper", m_upper, 0 }, { "lower", m_lower, 0 }, { "format", str_format_method, 0 },
        { NULL, NULL, 0 },
    };
    type_add_methods(t, methods);
}

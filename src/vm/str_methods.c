/*
** The named methods of str, with CPython 3.11's results and messages.
** Case mapping and character properties come from the Unicode database;
** ASCII-only strings take byte loops where the mapping is the ASCII one.
*/
#include <stdlib.h>
#include <string.h>

#include "vm/str_impl.h"
#include "vm/unicodedb.h"

#define METHOD(name) \
    static Object *m_##name(Object *self_, Object *const *args, size_t nargs, Object *kw)

/* The str a method runs on; str.upper(5) and the like get TypeError. */
#define SELF(name)                                                                         \
    Object *self = str_unwrap(self_);                                                     \
    if (!self)                                                                            \
        return raise(vm.e_TypeError, "descriptor '%s' for 'str' objects doesn't apply to a " \
                     "'%s' object", name, type_name(type_of(self_)))

#define NOARGS(name)                                                                  \
    SELF(name);                                                                       \
    if (args_no_kw("str." name, kw) < 0 || args_count("str." name, nargs, 0, 0) < 0)   \
        return NULL

static Object *arg_str(Object *v, const char *what)
{
    Object *s = str_unwrap(v);
    if (!s) {
        if (what)
            return raise(vm.e_TypeError, "%s must be str, not %s", what, type_name(type_of(v)));
        return raise(vm.e_TypeError, "must be str, not %s", type_name(type_of(v)));
    }
    return s;
}

static int arg_ssize(Object *v, intptr_t *out)
{
    return index_to_ssize(v, out, false);
}

static int clip_bound(Object *v, size_t len, size_t *out)
{
    intptr_t i;
    if (!is_int(v) && !type_of(v)->unary[UN_INDEX]) {
        raise(vm.e_TypeError, "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    if (index_to_ssize(v, &i, true) < 0)
        return -1;
    if (i < 0) {
        i += (intptr_t)len;
        if (i < 0)
            i = 0;
    }
    *out = (size_t)i > len ? len + 1 : (size_t)i;
    return 0;
}

int arg_slice_bounds(Object *const *args, size_t nargs, size_t first, size_t len,
                     size_t *start, size_t *end)
{
    *start = 0;
    *end = len;
    if (nargs > first && args[first] != None && clip_bound(args[first], len, start) < 0)
        return -1;
    if (nargs > first + 1 && args[first + 1] != None && clip_bound(args[first + 1], len, end) < 0)
        return -1;
    if (*end > len)
        *end = len;
    return 0;
}

/* ---- character classes ------------------------------------------------------------ */

static inline bool cp_space(uint32_t c)
{
    if (c < 128)
        return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
    return uni_has(c, UNI_F_SPACE);
}

static inline bool cp_linebreak(uint32_t c)
{
    if (c < 128)
        return c == '\n' || c == '\r' || c == 11 || c == 12 || (c >= 0x1c && c <= 0x1e);
    return uni_has(c, UNI_F_LINEBREAK);
}

static inline uint32_t flags_of(uint32_t c) { return uni_record(c)->flags; }

/* ---- case mapping ------------------------------------------------------------------- */

/* Lower case of s[i], with the final sigma rule of SpecialCasing. */
static int lower_at(const void *d, int kind, size_t n, size_t i, uint32_t out[3])
{
    uint32_t c = kind_get(d, kind, i);
    if (c != 0x3a3)
        return uni_to_lower(c, out);
    size_t j = i;
    while (j > 0 && uni_has(kind_get(d, kind, j - 1), UNI_F_CASE_IGNORABLE))
        j--;
    bool final = j > 0 && uni_has(kind_get(d, kind, j - 1), UNI_F_CASED);
    if (final) {
        j = i + 1;
        while (j < n && uni_has(kind_get(d, kind, j), UNI_F_CASE_IGNORABLE))
            j++;
        final = j == n || !uni_has(kind_get(d, kind, j), UNI_F_CASED);
    }
    out[0] = final ? 0x3c2 : 0x3c3;
    return 1;
}

enum CaseOp { CASE_LOWER, CASE_UPPER, CASE_FOLD, CASE_SWAP, CASE_CAPITALIZE, CASE_TITLE };

static Object *ascii_case(Object *s, enum CaseOp op)
{
    size_t n = str_len(s);
    Str *r = str_alloc(n, 1, true);
    if (!r)
        return NULL;
    const unsigned char *src = str_data(s);
    unsigned char *dst = str_wdata(r);
    bool prev_cased = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = src[i];
        bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
        bool to_upper;
        switch (op) {
        case CASE_UPPER: to_upper = true; break;
        case CASE_SWAP: to_upper = low; break;
        case CASE_CAPITALIZE: to_upper = i == 0; break;
        case CASE_TITLE: to_upper = !prev_cased; break;
        default: to_upper = false; break;
        }
        if (to_upper && low)
            c -= 32;
        else if (!to_upper && up)
            c += 32;
        prev_cased = up || low;
        dst[i] = c;
    }
    return (Object *)r;
}

static Object *case_map(Object *s, enum CaseOp op)
{
    if (((Str *)s)->ascii)
        return ascii_case(s, op);
    size_t n = str_len(s);
    int kind = str_kind(s);
    const void *d = str_data(s);
    StrBuf b;
    if (sb_init(&b, n) < 0)
        return NULL;
    bool prev_cased = false;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = kind_get(d, kind, i), out[3];
        int k;
        switch (op) {
        case CASE_LOWER: k = lower_at(d, kind, n, i, out); break;
        case CASE_UPPER: k = uni_to_upper(c, out); break;
        case CASE_FOLD: k = uni_to_fold(c, out); break;
        case CASE_SWAP: {
            uint32_t f = flags_of(c);
            if (f & UNI_F_UPPER)
                k = lower_at(d, kind, n, i, out);
            else if (f & UNI_F_LOWER)
                k = uni_to_upper(c, out);
            else
                out[0] = c, k = 1;
            break;
        }
        case CASE_CAPITALIZE:
            k = i == 0 ? uni_to_title(c, out) : lower_at(d, kind, n, i, out);
            break;
        default:
            k = prev_cased ? lower_at(d, kind, n, i, out) : uni_to_title(c, out);
            prev_cased = uni_has(c, UNI_F_CASED);
            break;
        }
        for (int j = 0; j < k; j++)
            if (sb_putc(&b, out[j]) < 0) {
                sb_free(&b);
                return NULL;
            }
    }
    return sb_finish(&b);
}

METHOD(lower) { NOARGS("lower"); return case_map(self, CASE_LOWER); }
METHOD(upper) { NOARGS("upper"); return case_map(self, CASE_UPPER); }
METHOD(casefold) { NOARGS("casefold"); return case_map(self, CASE_FOLD); }
METHOD(swapcase) { NOARGS("swapcase"); return case_map(self, CASE_SWAP); }
METHOD(capitalize) { NOARGS("capitalize"); return case_map(self, CASE_CAPITALIZE); }
METHOD(title) { NOARGS("title"); return case_map(self, CASE_TITLE); }

/* ---- predicates ------------------------------------------------------------------------ */

enum Pred { P_ALNUM, P_ALPHA, P_DECIMAL, P_DIGIT, P_NUMERIC, P_SPACE, P_PRINTABLE };

static Object *predicate(Object *s, enum Pred p)
{
    size_t n = str_len(s);
    int kind = str_kind(s);
    const void *d = str_data(s);
    if (n == 0)
        return bool_obj(p == P_PRINTABLE);
    for (size_t i = 0; i < n; i++) {
        uint32_t c = kind_get(d, kind, i), f = flags_of(c);
        bool ok;
        switch (p) {
        case P_ALNUM:
            ok = f & (UNI_F_ALPHA | UNI_F_DECIMAL | UNI_F_DIGIT | UNI_F_NUMERIC);
            break;
        case P_ALPHA: ok = f & UNI_F_ALPHA; break;
        case P_DECIMAL: ok = f & UNI_F_DECIMAL; break;
        case P_DIGIT: ok = f & UNI_F_DIGIT; break;
        case P_NUMERIC: ok = f & UNI_F_NUMERIC; break;
        case P_SPACE: ok = f & UNI_F_SPACE; break;
        default: ok = f & UNI_F_PRINTABLE; break;
        }
        if (!ok)
            return False_;
    }
    return True_;
}

METHOD(isalnum) { NOARGS("isalnum"); return predicate(self, P_ALNUM); }
METHOD(isalpha) { NOARGS("isalpha"); return predicate(self, P_ALPHA); }
METHOD(isdecimal) { NOARGS("isdecimal"); return predicate(self, P_DECIMAL); }
METHOD(isdigit) { NOARGS("isdigit"); return predicate(self, P_DIGIT); }
METHOD(isnumeric) { NOARGS("isnumeric"); return predicate(self, P_NUMERIC); }
METHOD(isspace) { NOARGS("isspace"); return predicate(self, P_SPACE); }
METHOD(isprintable) { NOARGS("isprintable"); return predicate(self, P_PRINTABLE); }
METHOD(isascii) { NOARGS("isascii"); return bool_obj(((Str *)self)->ascii); }

/* islower: some cased character and no upper or title case one. */
static Object *case_predicate(Object *s, uint32_t want, uint32_t reject)
{
    size_t n = str_len(s);
    bool cased = false;
    for (size_t i = 0; i < n; i++) {
        uint32_t f = flags_of(str_char(s, i));
        if (f & reject)
            return False_;
        if (f & want)
            cased = true;
    }
    return bool_obj(cased);
}

METHOD(islower) { NOARGS("islower"); return case_predicate(self, UNI_F_LOWER, UNI_F_UPPER | UNI_F_TITLE); }
METHOD(isupper) { NOARGS("isupper"); return case_predicate(self, UNI_F_UPPER, UNI_F_LOWER | UNI_F_TITLE); }

METHOD(istitle)
{
    NOARGS("istitle");
    size_t n = str_len(self);
    bool cased = false, prev = false;
    for (size_t i = 0; i < n; i++) {
        uint32_t f = flags_of(str_char(self, i));
        if (f & (UNI_F_UPPER | UNI_F_TITLE)) {
            if (prev)
                return False_;
            prev = cased = true;
        } else if (f & UNI_F_LOWER) {
            if (!prev)
                return False_;
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return bool_obj(cased);
}

bool str_is_identifier(Object *s)
{
    size_t n = str_len(s);
    if (n == 0)
        return false;
    uint32_t c = str_char(s, 0);
    if (c != '_' && !uni_has(c, UNI_F_XID_START))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!uni_has(str_char(s, i), UNI_F_XID_CONTINUE))
            return false;
    return true;
}

METHOD(isidentifier)
{
    NOARGS("isidentifier");
    return bool_obj(str_is_identifier(self));
}

/* ---- searching ------------------------------------------------------------------------------ */

static Object *find_common(Object *self_, Object *const *args, size_t nargs, Object *kw,
                           const char *name, bool reverse, bool raise_missing)
{
    SELF(name);
    if (args_no_kw(name, kw) < 0)
        return NULL;
    if (nargs < 1 || nargs > 3) {
        if (nargs < 1)
            return raise(vm.e_TypeError, "%s() takes at least 1 argument (0 given)", name);
        return raise(vm.e_TypeError, "%s() takes at most 3 arguments (%zu given)", name, nargs);
    }
    Object *sub = arg_str(args[0], NULL);
    size_t start, end;
    if (!sub || arg_slice_bounds(args, nargs, 1, str_len(self), &start, &end) < 0)
        return NULL;
    intptr_t r = str_find_in(self, sub, start, end, reverse);
    if (r == -2)
        return NULL;
    if (r < 0 && raise_missing)
        return raise(vm.e_ValueError, "substring not found");
    return make_small(r);
}

METHOD(find) { return find_common(self_, args, nargs, kw, "find", false, false); }
METHOD(rfind) { return find_common(self_, args, nargs, kw, "rfind", true, false); }
METHOD(index) { return find_common(self_, args, nargs, kw, "index", false, true); }
METHOD(rindex) { return find_common(self_, args, nargs, kw, "rindex", true, true); }

METHOD(count)
{
    SELF("count");
    if (args_no_kw("count", kw) < 0)
        return NULL;
    if (nargs < 1)
        return raise(vm.e_TypeError, "count() takes at least 1 argument (0 given)");
    if (nargs > 3)
        return raise(vm.e_TypeError, "count() takes at most 3 arguments (%zu given)", nargs);
    Object *sub = arg_str(args[0], NULL);
    size_t start, end;
    if (!sub || arg_slice_bounds(args, nargs, 1, str_len(self), &start, &end) < 0)
        return NULL;
    return make_small((intptr_t)str_count_in(self, sub, start, end, SIZE_MAX));
}

/* 1 if s[start:end] starts (ends) with p. */
static bool tail_match(Object *s, Object *p, size_t start, size_t end, bool ends)
{
    size_t m = str_len(p);
    if (start > end || end - start < m)
        return false;
    size_t off = ends ? end - m : start;
    if (m == 0)
        return true;
    int ks = str_kind(s), kp = str_kind(p);
    if (ks == kp)
        return memcmp((const char *)str_data(s) + off * (size_t)ks, str_data(p),
                      m * (size_t)ks) == 0;
    for (size_t i = 0; i < m; i++)
        if (str_char(s, off + i) != str_char(p, i))
            return false;
    return true;
}

static Object *starts_ends(Object *self_, Object *const *args, size_t nargs, Object *kw,
                           bool ends)
{
    const char *name = ends ? "endswith" : "startswith";
    SELF(name);
    if (args_no_kw(name, kw) < 0)
        return NULL;
    if (nargs < 1 || nargs > 3)
        return raise(vm.e_TypeError, "%s() takes at %s %d argument%s (%zu given)", name,
                     nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 3, nargs < 1 ? "" : "s",
                     nargs);
    size_t start, end;
    if (arg_slice_bounds(args, nargs, 1, str_len(self), &start, &end) < 0)
        return NULL;
    Object *p = args[0];
    if (!is_small(p) && type_is_subtype(p->type, vm.t_tuple)) {
        Object *t = layout_of(p) == L_TUPLE ? p : ((Instance *)p)->base_value;
        for (size_t i = 0; i < tuple_size(t); i++) {
            Object *item = str_unwrap(tuple_get(t, i));
            if (!item)
                return raise(vm.e_TypeError, "tuple for %s must only contain str, not %s", name,
                             type_name(type_of(tuple_get(t, i))));
            if (tail_match(self, item, start, end, ends))
                return True_;
        }
        return False_;
    }
    Object *s = str_unwrap(p);
    if (!s)
        return raise(vm.e_TypeError, "%s first arg must be str or a tuple of str, not %s", name,
                     type_name(type_of(p)));
    return bool_obj(tail_match(self, s, start, end, ends));
}

METHOD(startswith) { return starts_ends(self_, args, nargs, kw, false); }
METHOD(endswith) { return starts_ends(self_, args, nargs, kw, true); }

static Object *remove_affix(Object *self_, Object *const *args, size_t nargs, Object *kw,
                            bool suffix)
{
    const char *name = suffix ? "removesuffix" : "removeprefix";
    SELF(name);
    if (args_exact(name, kw, nargs, 1) < 0)
        return NULL;
    Object *p = str_unwrap(args[0]);
    if (!p)
        return raise(vm.e_TypeError, "%s() argument must be str, not %s", name,
                     type_name(type_of(args[0])));
    size_t n = str_len(self), m = str_len(p);
    if (!tail_match(self, p, 0, n, suffix) || m == 0)
        return self;
    return suffix ? str_substr(self, 0, n - m) : str_substr(self, m, n);
}

METHOD(removeprefix) { return remove_affix(self_, args, nargs, kw, false); }
METHOD(removesuffix) { return remove_affix(self_, args, nargs, kw, true); }

/* ---- strip, pad -------------------------------------------------------------------------- */

static bool in_chars(Object *chars, uint32_t c)
{
    size_t n = str_len(chars);
    int kind = str_kind(chars);
    const void *d = str_data(chars);
    for (size_t i = 0; i < n; i++)
        if (kind_get(d, kind, i) == c)
            return true;
    return false;
}

static Object *do_strip(Object *self_, Object *const *args, size_t nargs, Object *kw,
                        const char *name, int which)
{
    SELF(name);
    if (args_no_kw(name, kw) < 0 || args_count(name, nargs, 0, 1) < 0)
        return NULL;
    Object *chars = nargs && args[0] != None ? str_unwrap(args[0]) : NULL;
    if (nargs && args[0] != None && !chars)
        return raise(vm.e_TypeError, "%s arg must be None or str", name);
    size_t n = str_len(self), i = 0, j = n;
    int kind = str_kind(self);
    const void *d = str_data(self);
    bool table[256] = { false };
    size_t nchars = chars ? str_len(chars) : 0;
    if (chars)
        for (size_t k = 0; k < nchars; k++) {
            uint32_t c = str_char(chars, k);
            if (c < 256)
                table[c] = true;
        }
#define STRIPPABLE(c) (chars ? ((c) < 256 ? table[c] : in_chars(chars, c)) : cp_space(c))
    if (which & 1)
        while (i < j && STRIPPABLE(kind_get(d, kind, i)))
            i++;
    if (which & 2)
        while (j > i && STRIPPABLE(kind_get(d, kind, j - 1)))
            j--;
#undef STRIPPABLE
    return str_substr(self, i, j);
}

METHOD(strip) { return do_strip(self_, args, nargs, kw, "strip", 3); }
METHOD(lstrip) { return do_strip(self_, args, nargs, kw, "lstrip", 1); }
METHOD(rstrip) { return do_strip(self_, args, nargs, kw, "rstrip", 2); }

static Object *pad(Object *s, size_t left, size_t right, uint32_t fill)
{
    if (left == 0 && right == 0)
        return s;
    StrBuf b;
    if (sb_init(&b, str_len(s) + left + right) < 0)
        return NULL;
    if (sb_putc_n(&b, fill, left) < 0 || sb_append_str(&b, s) < 0
        || sb_putc_n(&b, fill, right) < 0) {
        sb_free(&b);
        return NULL;
    }
    return sb_finish(&b);
}

/* center/ljust/rjust: where = 0 centre, 1 left, 2 right. */
static Object *justify(Object *self_, Object *const *args, size_t nargs, Object *kw,
                       const char *name, int where)
{
    SELF(name);
    if (args_no_kw(name, kw) < 0 || args_count(name, nargs, 1, 2) < 0)
        return NULL;
    intptr_t width;
    if (arg_ssize(args[0], &width) < 0)
        return NULL;
    uint32_t fill = ' ';
    if (nargs == 2) {
        Object *f = str_unwrap(args[1]);
        if (!f)
            return raise(vm.e_TypeError, "The fill character must be a unicode character, not %s",
                         type_name(type_of(args[1])));
        if (str_len(f) != 1)
            return raise(vm.e_TypeError, "The fill character must be exactly one character long");
        fill = str_char(f, 0);
    }
    size_t n = str_len(self);
    if (width <= (intptr_t)n)
        return self;
    size_t marg = (size_t)width - n, left;
    if (where == 0)
        left = marg / 2 + (marg & (size_t)width & 1);
    else
        left = where == 1 ? 0 : marg;
    return pad(self, left, marg - left, fill);
}

METHOD(center) { return justify(self_, args, nargs, kw, "center", 0); }
METHOD(ljust) { return justify(self_, args, nargs, kw, "ljust", 1); }
METHOD(rjust) { return justify(self_, args, nargs, kw, "rjust", 2); }

METHOD(zfill)
{
    SELF("zfill");
    if (args_exact("zfill", kw, nargs, 1) < 0)
        return NULL;
    intptr_t width;
    if (arg_ssize(args[0], &width) < 0)
        return NULL;
    size_t n = str_len(self);
    if (width <= (intptr_t)n)
        return self;
    size_t fill = (size_t)width - n;
    StrBuf b;
    if (sb_init(&b, (size_t)width) < 0)
        return NULL;
    size_t from = 0;
    if (n && (str_char(self, 0) == '+' || str_char(self, 0) == '-')) {
        sb_putc(&b, str_char(self, 0));
        from = 1;
    }
    if (sb_putc_n(&b, '0', fill) < 0 || sb_append(&b, self, from, n) < 0) {
        sb_free(&b);
        return NULL;
    }
    return sb_finish(&b);
}

METHOD(expandtabs)
{
    SELF("expandtabs");
    static const char *const names[] = { "tabsize", NULL };
    Object *a[1];
    if (args_parse("expandtabs", args, nargs, kw, names, 0, 1, a) < 0)
        return NULL;
    intptr_t tabsize = 8;
    if (a[0] && arg_ssize(a[0], &tabsize) < 0)
        return NULL;
    size_t n = str_len(self), col = 0;
    StrBuf b;
    if (sb_init(&b, n) < 0)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = str_char(self, i);
        int r;
        if (c == '\t') {
            r = 0;
            if (tabsize > 0) {
                size_t incr = (size_t)tabsize - col % (size_t)tabsize;
                col += incr;
                r = sb_putc_n(&b, ' ', incr);
            }
        } else {
            col = c == '\n' || c == '\r' ? 0 : col + 1;
            r = sb_putc(&b, c);
        }
        if (r < 0) {
            sb_free(&b);
            return NULL;
        }
    }
    return sb_finish(&b);
}

/* ---- split, partition, join, replace -------------------------------------------------------- */

static int append_part(Object *list, Object *s, size_t from, size_t to)
{
    Object *p = str_substr(s, from, to);
    return p ? list_append(list, p) : -1;
}

static int split_args(const char *name, Object *const *args, size_t nargs, Object *kw,
                      Object **sep, intptr_t *maxsplit)
{
    static const char *const names[] = { "sep", "maxsplit", NULL };
    Object *a[2];
    if (args_parse(name, args, nargs, kw, names, 0, 2, a) < 0)
        return -1;
    *sep = NULL;
    *maxsplit = -1;
    if (a[1] && arg_ssize(a[1], maxsplit) < 0)
        return -1;
    if (a[0] && a[0] != None) {
        *sep = str_unwrap(a[0]);
        if (!*sep) {
            raise(vm.e_TypeError, "must be str or None, not %s", type_name(type_of(a[0])));
            return -1;
        }
        if (str_len(*sep) == 0) {
            raise(vm.e_ValueError, "empty separator");
            return -1;
        }
    }
    if (*maxsplit < 0)
        *maxsplit = INTPTR_MAX;
    return 0;
}

static Object *split_whitespace(Object *s, intptr_t maxsplit, bool reverse)
{
    Object *r = list_new(0);
    if (!r)
        return NULL;
    size_t n = str_len(s);
    int kind = str_kind(s);
    const void *d = str_data(s);
    if (!reverse) {
        size_t i = 0;
        while (maxsplit-- > 0) {
            while (i < n && cp_space(kind_get(d, kind, i)))
                i++;
            if (i == n)
                return r;
            size_t j = i;
            while (j < n && !cp_space(kind_get(d, kind, j)))
                j++;
            if (append_part(r, s, i, j) < 0)
                return NULL;
            i = j;
        }
        while (i < n && cp_space(kind_get(d, kind, i)))
            i++;
        if (i < n && append_part(r, s, i, n) < 0)
            return NULL;
        return r;
    }
    size_t j = n;
    while (maxsplit-- > 0) {
        while (j > 0 && cp_space(kind_get(d, kind, j - 1)))
            j--;
        if (j == 0)
            goto done;
        size_t i = j;
        while (i > 0 && !cp_space(kind_get(d, kind, i - 1)))
            i--;
        if (append_part(r, s, i, j) < 0)
            return NULL;
        j = i;
    }
    while (j > 0 && cp_space(kind_get(d, kind, j - 1)))
        j--;
    if (j > 0 && append_part(r, s, 0, j) < 0)
        return NULL;
done:;
    /* Collected right to left. */
    size_t m = list_size(r);
    for (size_t k = 0; k < m / 2; k++) {
        Object *t = list_get(r, k);
        list_set(r, k, list_get(r, m - 1 - k));
        list_set(r, m - 1 - k, t);
    }
    return r;
}

static Object *split_sep(Object *s, Object *sep, intptr_t maxsplit, bool reverse)
{
    Object *r = list_new(0);
    if (!r)
        return NULL;
    size_t n = str_len(s), m = str_len(sep);
    if (!reverse) {
        size_t i = 0;
        while (maxsplit-- > 0) {
            intptr_t at = str_find_in(s, sep, i, n, false);
            if (at == -2)
                return NULL;
            if (at < 0)
                break;
            if (append_part(r, s, i, (size_t)at) < 0)
                return NULL;
            i = (size_t)at + m;
        }
        return append_part(r, s, i, n) < 0 ? NULL : r;
    }
    size_t j = n;
    while (maxsplit-- > 0) {
        intptr_t at = str_find_in(s, sep, 0, j, true);
        if (at == -2)
            return NULL;
        if (at < 0)
            break;
        if (append_part(r, s, (size_t)at + m, j) < 0)
            return NULL;
        j = (size_t)at;
    }
    if (append_part(r, s, 0, j) < 0)
        return NULL;
    size_t k = list_size(r);
    for (size_t x = 0; x < k / 2; x++) {
        Object *t = list_get(r, x);
        list_set(r, x, list_get(r, k - 1 - x));
        list_set(r, k - 1 - x, t);
    }
    return r;
}

METHOD(split)
{
    SELF("split");
    Object *sep;
    intptr_t maxsplit;
    if (split_args("split", args, nargs, kw, &sep, &maxsplit) < 0)
        return NULL;
    return sep ? split_sep(self, sep, maxsplit, false) : split_whitespace(self, maxsplit, false);
}

METHOD(rsplit)
{
    SELF("rsplit");
    Object *sep;
    intptr_t maxsplit;
    if (split_args("rsplit", args, nargs, kw, &sep, &maxsplit) < 0)
        return NULL;
    return sep ? split_sep(self, sep, maxsplit, true) : split_whitespace(self, maxsplit, true);
}

METHOD(splitlines)
{
    SELF("splitlines");
    static const char *const names[] = { "keepends", NULL };
    Object *a[1];
    if (nargs > 1)
        return raise(vm.e_TypeError, "splitlines() takes at most 1 argument (%zu given)", nargs);
    if (args_parse("splitlines", args, nargs, kw, names, 0, 1, a) < 0)
        return NULL;
    int keep = 0;
    if (a[0] && (keep = obj_truth(a[0])) < 0)
        return NULL;
    Object *r = list_new(0);
    if (!r)
        return NULL;
    size_t n = str_len(self), i = 0;
    int kind = str_kind(self);
    const void *d = str_data(self);
    while (i < n) {
        size_t j = i;
        while (j < n && !cp_linebreak(kind_get(d, kind, j)))
            j++;
        size_t eol = j;
        if (j < n) {
            if (kind_get(d, kind, j) == '\r' && j + 1 < n && kind_get(d, kind, j + 1) == '\n')
                j += 2;
            else
                j++;
            if (keep)
                eol = j;
        }
        if (append_part(r, self, i, eol) < 0)
            return NULL;
        i = j;
    }
    return r;
}

static Object *partition(Object *self_, Object *const *args, size_t nargs, Object *kw,
                         bool reverse)
{
    const char *name = reverse ? "rpartition" : "partition";
    SELF(name);
    if (args_exact(name, kw, nargs, 1) < 0)
        return NULL;
    Object *sep = arg_str(args[0], NULL);
    if (!sep)
        return NULL;
    if (str_len(sep) == 0)
        return raise(vm.e_ValueError, "empty separator");
    size_t n = str_len(self), m = str_len(sep);
    intptr_t at = str_find_in(self, sep, 0, n, reverse);
    if (at == -2)
        return NULL;
    if (at < 0)
        return reverse ? tuple_pack(3, vm.empty_str, vm.empty_str, self)
                       : tuple_pack(3, self, vm.empty_str, vm.empty_str);
    Object *a = str_substr(self, 0, (size_t)at), *b = str_substr(self, (size_t)at + m, n);
    return a && b ? tuple_pack(3, a, sep, b) : NULL;
}

METHOD(partition) { return partition(self_, args, nargs, kw, false); }
METHOD(rpartition) { return partition(self_, args, nargs, kw, true); }

METHOD(join)
{
    SELF("join");
    if (args_exact("str.join", kw, nargs, 1) < 0)
        return NULL;
    return str_join(self, args[0]);
}

METHOD(replace)
{
    SELF("replace");
    if (args_no_kw("replace", kw) < 0 || args_count("replace", nargs, 2, 3) < 0)
        return NULL;
    Object *old = str_unwrap(args[0]), *new = str_unwrap(args[1]);
    if (!old || !new)
        return raise(vm.e_TypeError, "replace() argument %d must be str, not %s", old ? 2 : 1,
                     type_name(type_of(old ? args[1] : args[0])));
    intptr_t count = -1;
    if (nargs == 3 && arg_ssize(args[2], &count) < 0)
        return NULL;
    size_t maxcount = count < 0 ? SIZE_MAX : (size_t)count;
    size_t n = str_len(self), m = str_len(old);
    if (maxcount == 0 || (m == 0 && str_len(new) == 0))
        return self;
    StrBuf b;
    if (sb_init(&b, n + 16) < 0)
        return NULL;
    size_t i = 0, done = 0;
    if (m == 0) {
        for (; done < maxcount && i <= n; done++, i++) {
            if (sb_append_str(&b, new) < 0 || (i < n && sb_append(&b, self, i, i + 1) < 0))
                goto fail;
        }
        if (i < n && sb_append(&b, self, i, n) < 0)
            goto fail;
        return sb_finish(&b);
    }
    while (done < maxcount) {
        intptr_t at = str_find_in(self, old, i, n, false);
        if (at == -2)
            goto fail;
        if (at < 0)
            break;
        if (sb_append(&b, self, i, (size_t)at) < 0 || sb_append_str(&b, new) < 0)
            goto fail;
        i = (size_t)at + m;
        done++;
    }
    if (done == 0) {
        sb_free(&b);
        return self;
    }
    if (sb_append(&b, self, i, n) < 0)
        goto fail;
    return sb_finish(&b);
fail:
    sb_free(&b);
    return NULL;
}

/* ---- translate, maketrans --------------------------------------------------------------------- */

METHOD(translate)
{
    SELF("translate");
    if (args_exact("translate", kw, nargs, 1) < 0)
        return NULL;
    Object *table = args[0];
    size_t n = str_len(self);
    StrBuf b;
    if (sb_init(&b, n) < 0)
        return NULL;
    /* Mappings of Latin-1 characters, looked up once each. */
    Object *cache[256] = { NULL };
    for (size_t i = 0; i < n; i++) {
        uint32_t c = str_char(self, i);
        Object *v = c < 256 ? cache[c] : NULL;
        if (!v) {
            v = obj_getitem(table, make_small(c));
            if (!v) {
                if (!exc_matches(vm.e_LookupError))
                    goto fail;
                exc_clear();
                v = make_small(c);
            }
            if (c < 256)
                cache[c] = v;
        }
        if (v == None)
            continue;
        Object *sv;
        int r;
        if (is_int(v)) {
            int64_t x;
            if (int_to_i64(v, &x) < 0 || x < 0 || x > 0x10ffff) {
                exc_clear();
                raise(vm.e_ValueError, "character mapping must be in range(0x110000)");
                goto fail;
            }
            r = sb_putc(&b, (uint32_t)x);
        } else if ((sv = str_unwrap(v))) {
            r = sb_append_str(&b, sv);
        } else {
            raise(vm.e_TypeError, "character mapping must return integer, None or str");
            goto fail;
        }
        if (r < 0)
            goto fail;
    }
    return sb_finish(&b);
fail:
    sb_free(&b);
    return NULL;
}

METHOD(maketrans)
{
    if (args_no_kw("maketrans", kw) < 0 || args_count("maketrans", nargs, 1, 3) < 0)
        return NULL;
    Object *d = dict_new();
    if (!d)
        return NULL;
    if (nargs == 1) {
        Object *m = args[0];
        if (is_small(m) || !type_is_subtype(m->type, vm.t_dict))
            return raise(vm.e_TypeError,
                         "if you give only one argument to maketrans it must be a dict");
        size_t pos = 0;
        Object *k, *v;
        while (dict_next(m, &pos, &k, &v)) {
            Object *ks = str_unwrap(k);
            if (ks) {
                if (str_len(ks) != 1)
                    return raise(vm.e_ValueError,
                                 "string keys in translate table must be of length 1");
                k = make_small(str_char(ks, 0));
            } else if (!is_int(k)) {
                return raise(vm.e_TypeError, "keys in translate table must be strings or integers");
            }
            if (dict_set(d, k, v) < 0)
                return NULL;
        }
        return d;
    }
    Object *x = str_unwrap(args[0]), *y = str_unwrap(args[1]);
    if (!x || !y)
        return raise(vm.e_TypeError, "maketrans() argument %d must be str, not %s", x ? 2 : 1,
                     type_name(type_of(x ? args[1] : args[0])));
    if (str_len(x) != str_len(y))
        return raise(vm.e_ValueError, "the first two maketrans arguments must have equal length");
    for (size_t i = 0; i < str_len(x); i++)
        if (dict_set(d, make_small(str_char(x, i)), make_small(str_char(y, i))) < 0)
            return NULL;
    if (nargs == 3) {
        Object *z = str_unwrap(args[2]);
        if (!z)
            return raise(vm.e_TypeError, "maketrans() argument 3 must be str, not %s",
                         type_name(type_of(args[2])));
        for (size_t i = 0; i < str_len(z); i++)
            if (dict_set(d, make_small(str_char(z, i)), None) < 0)
                return NULL;
    }
    return d;
}

/* ---- encode, formatting ------------------------------------------------------------------------ */

METHOD(encode)
{
    SELF("encode");
    static const char *const names[] = { "encoding", "errors", NULL };
    Object *a[2];
    if (args_parse("encode", args, nargs, kw, names, 0, 2, a) < 0)
        return NULL;
    for (int i = 0; i < 2; i++)
        if (a[i] && !str_unwrap(a[i]))
            return raise(vm.e_TypeError, "encode() argument '%s' must be str, not %s", names[i],
                         type_name(type_of(a[i])));
    return codec_encode(self, a[0] ? str_unwrap(a[0]) : NULL, a[1] ? str_unwrap(a[1]) : NULL);
}

METHOD(format) { SELF("format"); return str_format_method(self, args, nargs, kw); }
METHOD(format_map) { SELF("format_map"); return str_format_map(self, args, nargs, kw); }

METHOD(getnewargs)
{
    NOARGS("__getnewargs__");
    return tuple_pack(1, self);
}

const MethodDef str_method_defs[] = {
    { "capitalize", m_capitalize, 0 }, { "casefold", m_casefold, 0 },
    { "center", m_center, 0 }, { "count", m_count, 0 }, { "encode", m_encode, 0 },
    { "endswith", m_endswith, 0 }, { "expandtabs", m_expandtabs, 0 }, { "find", m_find, 0 },
    { "format", m_format, 0 }, { "format_map", m_format_map, 0 }, { "index", m_index, 0 },
    { "isalnum", m_isalnum, 0 }, { "isalpha", m_isalpha, 0 }, { "isascii", m_isascii, 0 },
    { "isdecimal", m_isdecimal, 0 }, { "isdigit", m_isdigit, 0 },
    { "isidentifier", m_isidentifier, 0 }, { "islower", m_islower, 0 },
    { "isnumeric", m_isnumeric, 0 }, { "isprintable", m_isprintable, 0 },
    { "isspace", m_isspace, 0 }, { "istitle", m_istitle, 0 }, { "isupper", m_isupper, 0 },
    { "join", m_join, 0 }, { "ljust", m_ljust, 0 }, { "lower", m_lower, 0 },
    { "lstrip", m_lstrip, 0 }, { "maketrans", m_maketrans, METH_STATIC },
    { "partition", m_partition, 0 }, { "removeprefix", m_removeprefix, 0 },
    { "removesuffix", m_removesuffix, 0 }, { "replace", m_replace, 0 },
    { "rfind", m_rfind, 0 }, { "rindex", m_rindex, 0 }, { "rjust", m_rjust, 0 },
    { "rpartition", m_rpartition, 0 }, { "rsplit", m_rsplit, 0 }, { "rstrip", m_rstrip, 0 },
    { "split", m_split, 0 }, { "splitlines", m_splitlines, 0 },
    { "startswith", m_startswith, 0 }, { "strip", m_strip, 0 }, { "swapcase", m_swapcase, 0 },
    { "title", m_title, 0 }, { "translate", m_translate, 0 }, { "upper", m_upper, 0 },
    { "zfill", m_zfill, 0 }, { "__format__", str_dunder_format, 0 },
    { "__getnewargs__", m_getnewargs, 0 },
    { NULL, NULL, 0 },
};

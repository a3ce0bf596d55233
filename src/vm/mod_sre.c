/*
** The _sre module: the Pattern, Match and Scanner objects behind CPython
** 3.11's pure-Python re package, which compiles patterns into code words
** and hands them to _sre.compile.  The matching itself is in
** mod_sre_engine.c.  Replacement templates are expanded by re._subx and
** re._expand, as CPython's C module does.
*/
#include <string.h>

#include "vm/buffer.h"
#include "vm/mod_sre.h"

Object *mappingproxy_new(Object *mapping);
Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

typedef STM_SEG struct PatternObj PatternObj;
struct PatternObj {             /* an L_NATIVE object, immutable once made */
    OBJECT_HEAD;
    Object *dict;
    Object *pattern, *groupindex, *indexgroup;
    Object *code;               /* bytes holding the uint32_t words */
    Object *refs_[NATIVE_REFS - 5];
    intptr_t flags, groups;
    bool is_bytes;
};

typedef STM_SEG struct MatchObj MatchObj;
struct MatchObj {               /* an L_NATIVE object, immutable once made */
    OBJECT_HEAD;
    Object *dict;
    Object *string, *pattern;
    Object *regs;               /* bytes: 2 intptr_t per group, group 0 first */
    Object *refs_[NATIVE_REFS - 4];
    intptr_t pos, endpos, lastindex;
};

typedef STM_SEG struct ScannerObj ScannerObj;
struct ScannerObj {
    OBJECT_HEAD;
    Object *dict;
    Object *string, *pattern;
    Object *refs_[NATIVE_REFS - 3];
    intptr_t start, endpos;
    bool must_advance, done;
};

static struct {
    Type *Pattern, *Match, *Scanner;
} sre_roots;

#define METHOD(name) \
    static Object *name(Object *self, Object *const *args, size_t nargs, Object *kw)

/* ---- subjects ------------------------------------------------------------------- */

typedef struct Subject {
    const void *data;
    int kind;
    intptr_t len;
    bool is_bytes;
} Subject;

static int subject_get(Object *v, Subject *s)
{
    Object *str = str_unwrap(v);
    if (str) {
        s->data = str_data(str);
        s->kind = str_kind(str);
        s->len = (intptr_t)str_len(str);
        s->is_bytes = false;
        return 0;
    }
    Buffer b;
    int r = buffer_try(v, &b, false);
    if (r < 0)
        return -1;
    if (!r) {
        raise(vm.e_TypeError, "expected string or bytes-like object, got '%s'",
              type_name(type_of(v)));
        return -1;
    }
    s->data = b.data;
    s->kind = 1;
    s->len = (intptr_t)b.len;
    s->is_bytes = true;
    return 0;
}

static int subject_for(PatternObj *p, Object *v, Subject *s)
{
    if (subject_get(v, s) < 0)
        return -1;
    if (p->is_bytes && !s->is_bytes) {
        raise(vm.e_TypeError, "cannot use a bytes pattern on a string-like object");
        return -1;
    }
    if (!p->is_bytes && s->is_bytes) {
        raise(vm.e_TypeError, "cannot use a string pattern on a bytes-like object");
        return -1;
    }
    return 0;
}

/* As CPython: a str subject gives exact strs, any other buffer bytes. */
static Object *slice_of(Object *string, intptr_t a, intptr_t b)
{
    Object *str = str_unwrap(string);
    if (str)
        return str_substr(str, (size_t)a, (size_t)b);
    Subject s;
    if (subject_get(string, &s) < 0)
        return NULL;
    if (b > s.len)
        b = s.len;
    if (a > b)
        a = b;
    return bytes_new((const char *)s.data + a, (size_t)(b - a));
}

static Object *empty_like(PatternObj *p)
{
    return p->is_bytes ? bytes_new("", 0) : vm.empty_str;
}

/* ---- running the engine -------------------------------------------------------------- */

typedef struct Run {
    SreState st;
    intptr_t *marks;
} Run;

static int run_init(Run *r, PatternObj *p, Object *string, intptr_t start, intptr_t end)
{
    Subject s;
    if (subject_for(p, string, &s) < 0)
        return -1;
    if (start < 0)
        start = 0;
    if (start > s.len)
        start = s.len;
    if (end < 0)
        end = 0;
    if (end > s.len)
        end = s.len;
    r->marks = malloc((size_t)(2 * p->groups + 2) * sizeof(intptr_t));
    if (!r->marks) {
        raise_no_memory();
        return -1;
    }
    r->st = (SreState){ .data = s.data, .kind = s.kind, .start = start, .end = end,
                        .code = (const uint32_t *)bytes_data(p->code), .marks = r->marks + 2,
                        .nmarks = 2 * p->groups };
    return 0;
}

/* The subject's data moves when a bytearray is resized, and objects may
   move on allocation in the STM flavour: taken again before each attempt. */
static int run_refresh(Run *r, PatternObj *p, Object *string)
{
    Subject s;
    if (subject_for(p, string, &s) < 0)
        return -1;
    r->st.data = s.data;
    r->st.code = (const uint32_t *)bytes_data(p->code);
    if (r->st.end > s.len)
        r->st.end = s.len;
    return 0;
}

static Object *match_new(PatternObj *p, Object *string, Run *r, intptr_t pos, intptr_t endpos)
{
    r->marks[0] = r->st.start;
    r->marks[1] = r->st.ptr;
    for (intptr_t g = 1; g <= p->groups; g++) {
        intptr_t *m = r->marks + 2 * g;
        if (m[0] < 0 || m[1] < 0 || m[0] > m[1])
            m[0] = m[1] = -1;
    }
    Object *regs = bytes_new((const char *)r->marks, (size_t)(2 * p->groups + 2) * sizeof(intptr_t));
    if (!regs)
        return NULL;
    MatchObj *m = (MatchObj *)vm_alloc(sizeof(struct MatchObj), L_NATIVE, sre_roots.Match);
    if (!m)
        return NULL;
    m->string = string;
    m->pattern = (Object *)p;
    m->regs = regs;
    m->pos = pos;
    m->endpos = endpos;
    m->lastindex = r->st.lastindex;
    return (Object *)m;
}

static bool is_pattern(Object *v) { return !is_small(v) && type_is_subtype(v->type, sre_roots.Pattern); }

/* ---- Pattern ------------------------------------------------------------------------ */

static int parse_pos(Object *v, intptr_t *out, intptr_t dflt)
{
    if (!v) {
        *out = dflt;
        return 0;
    }
    return index_to_ssize(v, out, true);
}

static Object *do_match(Object *self, const char *name, Object *const *args, size_t nargs,
                        Object *kw, int mode)
{
    static const char *const names[] = { "string", "pos", "endpos", NULL };
    Object *a[3] = { NULL, NULL, NULL };
    if (args_parse(name, args, nargs, kw, names, 1, 3, a) < 0)
        return NULL;
    intptr_t pos, endpos;
    if (parse_pos(a[1], &pos, 0) < 0 || parse_pos(a[2], &endpos, INTPTR_MAX) < 0)
        return NULL;
    PatternObj *p = (PatternObj *)self;
    Run r;
    if (run_init(&r, p, a[0], pos, endpos) < 0)
        return NULL;
    intptr_t start = r.st.start, end = r.st.end;
    int res = mode == 2 ? sre_search(&r.st) : sre_match_at(&r.st, mode == 1);
    Object *out = res < 0 ? NULL : res ? match_new(p, a[0], &r, start, end) : None;
    free(r.marks);
    return out;
}

METHOD(p_match) { return do_match(self, "match", args, nargs, kw, 0); }
METHOD(p_fullmatch) { return do_match(self, "fullmatch", args, nargs, kw, 1); }
METHOD(p_search) { return do_match(self, "search", args, nargs, kw, 2); }

static Object *group_value(Object *string, const intptr_t *regs, intptr_t g, Object *dflt)
{
    if (regs[2 * g] < 0)
        return dflt;
    return slice_of(string, regs[2 * g], regs[2 * g + 1]);
}

/* The findall item of one match. */
static Object *findall_item(PatternObj *p, Object *string, Run *r)
{
    if (p->groups == 0)
        return slice_of(string, r->st.start, r->st.ptr);
    Object *empty = empty_like(p);
    if (!empty)
        return NULL;
    if (p->groups == 1)
        return r->marks[2] >= 0 && r->marks[3] >= r->marks[2]
                   ? slice_of(string, r->marks[2], r->marks[3]) : empty;
    Object *t = tuple_new((size_t)p->groups);
    if (!t)
        return NULL;
    for (intptr_t g = 1; g <= p->groups; g++) {
        intptr_t a = r->marks[2 * g], b = r->marks[2 * g + 1];
        Object *v = a >= 0 && b >= a ? slice_of(string, a, b) : empty;
        if (!v)
            return NULL;
        tuple_init_item(t, (size_t)g - 1, v);
    }
    return t;
}

METHOD(p_findall)
{
    static const char *const names[] = { "string", "pos", "endpos", NULL };
    Object *a[3] = { NULL, NULL, NULL };
    if (args_parse("findall", args, nargs, kw, names, 1, 3, a) < 0)
        return NULL;
    intptr_t pos, endpos;
    if (parse_pos(a[1], &pos, 0) < 0 || parse_pos(a[2], &endpos, INTPTR_MAX) < 0)
        return NULL;
    PatternObj *p = (PatternObj *)self;
    Run r;
    if (run_init(&r, p, a[0], pos, endpos) < 0)
        return NULL;
    Object *list = list_new(0);
    while (list && r.st.start <= r.st.end) {
        if (run_refresh(&r, p, a[0]) < 0)
            goto fail;
        int res = sre_search(&r.st);
        if (res < 0)
            goto fail;
        if (!res)
            break;
        Object *item = findall_item(p, a[0], &r);
        if (!item || list_append(list, item) < 0)
            goto fail;
        r.st.must_advance = r.st.ptr == r.st.start;
        r.st.start = r.st.ptr;
    }
    free(r.marks);
    return list;
fail:
    free(r.marks);
    return NULL;
}

static Object *scanner_new(Object *self, const char *name, Object *const *args, size_t nargs,
                           Object *kw)
{
    static const char *const names[] = { "string", "pos", "endpos", NULL };
    Object *a[3] = { NULL, NULL, NULL };
    if (args_parse(name, args, nargs, kw, names, 1, 3, a) < 0)
        return NULL;
    intptr_t pos, endpos;
    if (parse_pos(a[1], &pos, 0) < 0 || parse_pos(a[2], &endpos, INTPTR_MAX) < 0)
        return NULL;
    Subject s;
    if (subject_for((PatternObj *)self, a[0], &s) < 0)
        return NULL;
    ScannerObj *sc = (ScannerObj *)vm_alloc(sizeof(struct ScannerObj), L_NATIVE,
                                            sre_roots.Scanner);
    if (!sc)
        return NULL;
    sc->string = a[0];
    sc->pattern = self;
    sc->start = pos < 0 ? 0 : pos > s.len ? s.len : pos;
    sc->endpos = endpos < 0 ? 0 : endpos > s.len ? s.len : endpos;
    return (Object *)sc;
}

METHOD(p_scanner) { return scanner_new(self, "scanner", args, nargs, kw); }

METHOD(p_finditer)
{
    Object *sc = scanner_new(self, "finditer", args, nargs, kw);
    if (!sc)
        return NULL;
    Object *search = obj_getattr_cstr(sc, "search");
    Object *iter = search ? dict_get_cstr(vm.builtins, "iter") : NULL;
    if (!iter)
        return NULL;
    Object *cargs[2] = { search, None };
    return obj_call(iter, cargs, 2, NULL);
}

static Object *join_pieces(PatternObj *p, Object *list)
{
    if (!p->is_bytes)
        return str_join(vm.empty_str, list);
    Object *empty = bytes_new("", 0);
    Object *join = empty ? obj_getattr_cstr(empty, "join") : NULL;
    return join ? obj_call1(join, list) : NULL;
}

static Object *do_sub(Object *self, const char *name, Object *const *args, size_t nargs,
                      Object *kw, bool with_count)
{
    static const char *const names[] = { "repl", "string", "count", NULL };
    Object *a[3] = { NULL, NULL, NULL };
    if (args_parse(name, args, nargs, kw, names, 2, 3, a) < 0)
        return NULL;
    intptr_t count = 0;
    if (a[2] && index_to_ssize(a[2], &count, true) < 0)
        return NULL;
    PatternObj *p = (PatternObj *)self;
    Object *repl = a[0], *string = a[1];
    bool callable = type_of(repl)->call != NULL;
    if (!callable) {
        Subject rs;
        if (subject_get(repl, &rs) < 0)
            return NULL;
        bool literal = true;
        for (intptr_t i = 0; i < rs.len && literal; i++)
            literal = kind_get(rs.data, rs.kind, (size_t)i) != '\\';
        if (!literal) {
            Object *re = dict_get_cstr(vm.modules, "re");
            Object *subx = re ? obj_getattr_cstr(re, "_subx") : NULL;
            if (!subx) {
                if (!exc_occurred())
                    raise(vm.e_ImportError, "re module not loaded");
                return NULL;
            }
            Object *cargs[2] = { self, repl };
            repl = obj_call(subx, cargs, 2, NULL);
            if (!repl)
                return NULL;
            callable = type_of(repl)->call != NULL;
        }
    }
    Run r;
    if (run_init(&r, p, string, 0, INTPTR_MAX) < 0)
        return NULL;
    Object *list = list_new(0);
    intptr_t i = 0, n = 0;
    while (list && (!count || n < count) && r.st.start <= r.st.end) {
        if (run_refresh(&r, p, string) < 0)
            goto fail;
        intptr_t endpos = r.st.end;
        int res = sre_search(&r.st);
        if (res < 0)
            goto fail;
        if (!res)
            break;
        intptr_t b = r.st.start, e = r.st.ptr;
        if (i < b) {
            Object *piece = slice_of(string, i, b);
            if (!piece || list_append(list, piece) < 0)
                goto fail;
        }
        if (callable) {
            Object *m = match_new(p, string, &r, 0, endpos);
            Object *item = m ? obj_call1(repl, m) : NULL;
            if (!item)
                goto fail;
            if (item != None && list_append(list, item) < 0)
                goto fail;
        } else if (list_append(list, repl) < 0) {
            goto fail;
        }
        i = e;
        n++;
        r.st.must_advance = e == b;
        r.st.start = e;
    }
    if (!list || run_refresh(&r, p, string) < 0)
        goto fail;
    if (i < r.st.end) {
        Object *piece = slice_of(string, i, r.st.end);
        if (!piece || list_append(list, piece) < 0)
            goto fail;
    }
    free(r.marks);
    Object *res = join_pieces(p, list);
    if (!res || !with_count)
        return res;
    return tuple_pack(2, res, make_small(n));
fail:
    free(r.marks);
    return NULL;
}

METHOD(p_sub) { return do_sub(self, "sub", args, nargs, kw, false); }
METHOD(p_subn) { return do_sub(self, "subn", args, nargs, kw, true); }

METHOD(p_split)
{
    static const char *const names[] = { "string", "maxsplit", NULL };
    Object *a[2] = { NULL, NULL };
    if (args_parse("split", args, nargs, kw, names, 1, 2, a) < 0)
        return NULL;
    intptr_t maxsplit = 0;
    if (a[1] && index_to_ssize(a[1], &maxsplit, true) < 0)
        return NULL;
    PatternObj *p = (PatternObj *)self;
    Object *string = a[0];
    Run r;
    if (run_init(&r, p, string, 0, INTPTR_MAX) < 0)
        return NULL;
    Object *list = list_new(0);
    intptr_t last = 0, n = 0;
    while (list && (!maxsplit || n < maxsplit) && r.st.start <= r.st.end) {
        if (run_refresh(&r, p, string) < 0)
            goto fail;
        int res = sre_search(&r.st);
        if (res < 0)
            goto fail;
        if (!res)
            break;
        intptr_t b = r.st.start, e = r.st.ptr;
        Object *piece = slice_of(string, last, b);
        if (!piece || list_append(list, piece) < 0)
            goto fail;
        for (intptr_t g = 1; g <= p->groups; g++) {
            intptr_t ga = r.marks[2 * g], gb = r.marks[2 * g + 1];
            Object *v = ga >= 0 && gb >= ga ? slice_of(string, ga, gb) : None;
            if (!v || list_append(list, v) < 0)
                goto fail;
        }
        n++;
        r.st.must_advance = e == b;
        last = r.st.start = e;
    }
    if (!list || run_refresh(&r, p, string) < 0)
        goto fail;
    Object *piece = slice_of(string, last, r.st.end);
    free(r.marks);
    if (!piece || list_append(list, piece) < 0)
        return NULL;
    return list;
fail:
    free(r.marks);
    return NULL;
}

METHOD(p_copy)
{
    (void)args;
    (void)nargs;
    (void)kw;
    return self;
}

static Object *p_get_pattern(Object *self) { return ((PatternObj *)self)->pattern; }
static Object *p_get_flags(Object *self) { return make_small(((PatternObj *)self)->flags); }
static Object *p_get_groups(Object *self) { return make_small(((PatternObj *)self)->groups); }
static Object *p_get_groupindex(Object *self)
{
    Object *copy = dict_new();
    if (!copy || dict_update(copy, ((PatternObj *)self)->groupindex) < 0)
        return NULL;
    return mappingproxy_new(copy);
}

static Object *p_repr(Object *self)
{
    PatternObj *p = (PatternObj *)self;
    static const struct { const char *name; intptr_t value; } flag_names[] = {
        { "re.TEMPLATE", 1 }, { "re.IGNORECASE", 2 }, { "re.LOCALE", 4 },
        { "re.MULTILINE", 8 }, { "re.DOTALL", 16 }, { "re.UNICODE", 32 },
        { "re.VERBOSE", 64 }, { "re.DEBUG", 128 }, { "re.ASCII", 256 },
    };
    Object *prepr = obj_repr(p->pattern);
    if (!prepr)
        return NULL;
    if (str_len(prepr) > 200)
        prepr = str_substr(prepr, 0, 200);
    StrBuf b;
    if (!prepr || sb_init(&b, 64) < 0)
        return NULL;
    sb_append_cstr(&b, "re.compile(");
    sb_append_str(&b, prepr);
    intptr_t flags = p->flags;
    if (!p->is_bytes && (flags & (4 | 32 | 256)) == 32)
        flags &= ~(intptr_t)32;
    if (flags) {
        sb_append_cstr(&b, ", ");
        bool first = true;
        for (size_t i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++) {
            if (!(flags & flag_names[i].value))
                continue;
            if (!first)
                sb_append_cstr(&b, "|");
            sb_append_cstr(&b, flag_names[i].name);
            first = false;
            flags &= ~flag_names[i].value;
        }
        if (flags) {
            char hex[32];
            snprintf(hex, sizeof hex, "%s0x%lx", first ? "" : "|", (unsigned long)flags);
            sb_append_cstr(&b, hex);
        }
    }
    sb_append_cstr(&b, ")");
    return sb_finish(&b);
}

static Object *p_richcompare(Object *a, Object *b, CmpOp op)
{
    if ((op != CMP_EQ && op != CMP_NE) || !is_pattern(b))
        return NotImplemented;
    PatternObj *x = (PatternObj *)a, *y = (PatternObj *)b;
    bool eq = a == b;
    if (!eq && x->flags == y->flags && x->is_bytes == y->is_bytes
        && bytes_size(x->code) == bytes_size(y->code)
        && !memcmp(bytes_data(x->code), bytes_data(y->code), bytes_size(x->code))) {
        int r = obj_richcompare_bool(x->pattern, y->pattern, CMP_EQ);
        if (r < 0)
            return NULL;
        eq = r;
    }
    return bool_obj(op == CMP_EQ ? eq : !eq);
}

static int64_t p_hash(Object *self)
{
    PatternObj *p = (PatternObj *)self;
    int64_t ph = obj_hash(p->pattern);
    if (ph == -1)
        return -1;
    uint64_t h = (uint64_t)ph;
    const unsigned char *d = bytes_data(p->code);
    for (size_t i = 0; i < bytes_size(p->code); i++)
        h = h * 1000003 ^ d[i];
    h ^= (uint64_t)p->flags ^ p->is_bytes;
    return (int64_t)h == -1 ? -2 : (int64_t)h;
}

/* ---- Match --------------------------------------------------------------------------- */

static const intptr_t *m_regs(MatchObj *m) { return (const intptr_t *)bytes_data(m->regs); }
static intptr_t m_groups(MatchObj *m) { return ((PatternObj *)m->pattern)->groups; }

/* The group number of an index or name, or -1 with IndexError. */
static intptr_t group_index(MatchObj *m, Object *g)
{
    intptr_t i = -1;
    if (is_int(g)) {
        if (index_to_ssize(g, &i, true) < 0)
            return -1;
    } else {
        Object *v;
        int r = dict_lookup(((PatternObj *)m->pattern)->groupindex, g, &v);
        if (r < 0) {
            if (!exc_matches(vm.e_TypeError))
                return -1;
            exc_clear();
        } else if (r && is_int(v) && index_to_ssize(v, &i, true) < 0) {
            return -1;
        }
    }
    if (i < 0 || i > m_groups(m)) {
        raise(vm.e_IndexError, "no such group");
        return -1;
    }
    return i;
}

static Object *m_group_of(MatchObj *m, Object *g)
{
    intptr_t i = group_index(m, g);
    return i < 0 ? NULL : group_value(m->string, m_regs(m), i, None);
}

METHOD(m_group)
{
    if (args_no_kw("group", kw) < 0)
        return NULL;
    MatchObj *m = (MatchObj *)self;
    if (nargs == 0)
        return group_value(m->string, m_regs(m), 0, None);
    if (nargs == 1)
        return m_group_of(m, args[0]);
    Object *t = tuple_new(nargs);
    if (!t)
        return NULL;
    for (size_t i = 0; i < nargs; i++) {
        Object *v = m_group_of(m, args[i]);
        if (!v)
            return NULL;
        tuple_init_item(t, i, v);
    }
    return t;
}

static Object *m_getitem(Object *self, Object *key) { return m_group_of((MatchObj *)self, key); }

METHOD(m_groups_meth)
{
    static const char *const names[] = { "default", NULL };
    Object *dflt = NULL;
    if (args_parse("groups", args, nargs, kw, names, 0, 1, &dflt) < 0)
        return NULL;
    MatchObj *m = (MatchObj *)self;
    intptr_t n = m_groups(m);
    Object *t = tuple_new((size_t)n);
    if (!t)
        return NULL;
    for (intptr_t g = 1; g <= n; g++) {
        Object *v = group_value(m->string, m_regs(m), g, dflt ? dflt : None);
        if (!v)
            return NULL;
        tuple_init_item(t, (size_t)g - 1, v);
    }
    return t;
}

METHOD(m_groupdict)
{
    static const char *const names[] = { "default", NULL };
    Object *dflt = NULL;
    if (args_parse("groupdict", args, nargs, kw, names, 0, 1, &dflt) < 0)
        return NULL;
    MatchObj *m = (MatchObj *)self;
    Object *d = dict_new();
    Object *gi = ((PatternObj *)m->pattern)->groupindex;
    size_t pos = 0;
    Object *k, *v;
    while (d && dict_next(gi, &pos, &k, &v)) {
        intptr_t g = group_index(m, v);
        Object *val = g < 0 ? NULL : group_value(m->string, m_regs(m), g, dflt ? dflt : None);
        if (!val || dict_set(d, k, val) < 0)
            return NULL;
    }
    return d;
}

static Object *m_pos_of(Object *self, Object *const *args, size_t nargs, Object *kw,
                        const char *name, int which)
{
    if (args_no_kw(name, kw) < 0 || args_count(name, nargs, 0, 1) < 0)
        return NULL;
    MatchObj *m = (MatchObj *)self;
    intptr_t g = nargs ? group_index(m, args[0]) : 0;
    if (g < 0)
        return NULL;
    const intptr_t *regs = m_regs(m);
    if (which < 2)
        return make_small(regs[2 * g + which]);
    return tuple_pack(2, make_small(regs[2 * g]), make_small(regs[2 * g + 1]));
}

METHOD(m_start) { return m_pos_of(self, args, nargs, kw, "start", 0); }
METHOD(m_end) { return m_pos_of(self, args, nargs, kw, "end", 1); }
METHOD(m_span) { return m_pos_of(self, args, nargs, kw, "span", 2); }

METHOD(m_expand)
{
    if (args_exact("expand", kw, nargs, 1) < 0)
        return NULL;
    Object *re = dict_get_cstr(vm.modules, "re");
    Object *expand = re ? obj_getattr_cstr(re, "_expand") : NULL;
    if (!expand) {
        if (!exc_occurred())
            raise(vm.e_ImportError, "re module not loaded");
        return NULL;
    }
    Object *cargs[3] = { ((MatchObj *)self)->pattern, self, args[0] };
    return obj_call(expand, cargs, 3, NULL);
}

static Object *m_get_regs(Object *self)
{
    MatchObj *m = (MatchObj *)self;
    intptr_t n = m_groups(m);
    Object *t = tuple_new((size_t)n + 1);
    if (!t)
        return NULL;
    for (intptr_t g = 0; g <= n; g++) {
        const intptr_t *regs = m_regs(m);
        Object *pair = tuple_pack(2, make_small(regs[2 * g]), make_small(regs[2 * g + 1]));
        if (!pair)
            return NULL;
        tuple_init_item(t, (size_t)g, pair);
    }
    return t;
}

static Object *m_get_lastindex(Object *self)
{
    intptr_t i = ((MatchObj *)self)->lastindex;
    return i >= 0 ? make_small(i) : None;
}

static Object *m_get_lastgroup(Object *self)
{
    MatchObj *m = (MatchObj *)self;
    Object *ig = ((PatternObj *)m->pattern)->indexgroup;
    if (m->lastindex < 0 || !ig || ig == None || (size_t)m->lastindex >= tuple_size(ig))
        return None;
    return tuple_get(ig, (size_t)m->lastindex);
}

static Object *m_get_string(Object *self) { return ((MatchObj *)self)->string; }
static Object *m_get_re(Object *self) { return ((MatchObj *)self)->pattern; }
static Object *m_get_pos(Object *self) { return make_small(((MatchObj *)self)->pos); }
static Object *m_get_endpos(Object *self) { return make_small(((MatchObj *)self)->endpos); }

static Object *m_repr(Object *self)
{
    MatchObj *m = (MatchObj *)self;
    Object *g0 = group_value(m->string, m_regs(m), 0, None);
    Object *r = g0 ? obj_repr(g0) : NULL;
    if (r && str_len(r) > 50)
        r = str_substr(r, 0, 50);
    if (!r)
        return NULL;
    const intptr_t *regs = m_regs(m);
    char head[96];
    snprintf(head, sizeof head, "<re.Match object; span=(%ld, %ld), match=", (long)regs[0],
             (long)regs[1]);
    StrBuf b;
    if (sb_init(&b, 64) < 0)
        return NULL;
    sb_append_cstr(&b, head);
    sb_append_str(&b, r);
    sb_append_cstr(&b, ">");
    return sb_finish(&b);
}

/* ---- Scanner -------------------------------------------------------------------------- */

static Object *scan(Object *self, bool search)
{
    obj_read(self);
    ScannerObj *sc = (ScannerObj *)self;
    if (sc->done || sc->start > sc->endpos)
        return None;
    PatternObj *p = (PatternObj *)sc->pattern;
    Run r;
    if (run_init(&r, p, sc->string, sc->start, sc->endpos) < 0)
        return NULL;
    r.st.must_advance = sc->must_advance;
    int res = search ? sre_search(&r.st) : sre_match_at(&r.st, false);
    Object *out = res < 0 ? NULL : res ? match_new(p, sc->string, &r, sc->start, sc->endpos) : None;
    obj_write(self);
    if (res == 1) {
        sc->must_advance = r.st.ptr == r.st.start;
        sc->start = r.st.ptr;
    } else if (res == 0) {
        sc->done = true;
    }
    free(r.marks);
    return out;
}

METHOD(sc_match)
{
    if (args_exact("match", kw, nargs, 0) < 0)
        return NULL;
    return scan(self, false);
}

METHOD(sc_search)
{
    if (args_exact("search", kw, nargs, 0) < 0)
        return NULL;
    return scan(self, true);
}

static Object *sc_get_pattern(Object *self) { obj_read(self); return ((ScannerObj *)self)->pattern; }

/* ---- module ------------------------------------------------------------------------------ */

METHOD(f_compile)
{
    static const char *const names[] = { "pattern", "flags", "code", "groups", "groupindex",
                                          "indexgroup", NULL };
    Object *a[6];
    (void)self;
    if (args_parse("compile", args, nargs, kw, names, 6, 6, a) < 0)
        return NULL;
    intptr_t flags, groups;
    if (index_to_ssize(a[1], &flags, false) < 0 || index_to_ssize(a[3], &groups, false) < 0)
        return NULL;
    Object *code = list_from_iterable(a[2]);
    if (!code)
        return NULL;
    size_t n = list_size(code);
    uint32_t *words = malloc((n + 1) * sizeof *words);
    if (!words)
        return raise_no_memory();
    for (size_t i = 0; i < n; i++) {
        int64_t w;
        if (int_to_i64(list_get(code, i), &w) < 0 || w < 0 || w > UINT32_MAX) {
            free(words);
            if (!exc_occurred())
                raise(vm.e_OverflowError, "regular expression code size limit exceeded");
            return NULL;
        }
        words[i] = (uint32_t)w;
    }
    Object *cb = bytes_new((const char *)words, n * sizeof *words);
    free(words);
    if (!cb)
        return NULL;
    bool is_b = false;
    if (a[0] != None && !str_unwrap(a[0])) {
        Subject s;
        if (subject_get(a[0], &s) < 0)
            return NULL;
        is_b = true;
    }
    PatternObj *p = (PatternObj *)vm_alloc(sizeof(struct PatternObj), L_NATIVE, sre_roots.Pattern);
    if (!p)
        return NULL;
    p->pattern = a[0];
    p->flags = flags;
    p->code = cb;
    p->groups = groups;
    p->groupindex = a[4];
    p->indexgroup = a[5];
    p->is_bytes = is_b;
    return (Object *)p;
}

METHOD(f_getcodesize)
{
    (void)self;
    (void)args;
    if (args_exact("getcodesize", kw, nargs, 0) < 0)
        return NULL;
    return make_small(4);
}

static int char_arg(const char *name, Object *const *args, size_t nargs, Object *kw,
                    intptr_t *c)
{
    if (args_exact(name, kw, nargs, 1) < 0)
        return -1;
    return index_to_ssize(args[0], c, true);
}

METHOD(f_ascii_iscased)
{
    intptr_t c;
    (void)self;
    if (char_arg("ascii_iscased", args, nargs, kw, &c) < 0)
        return NULL;
    return bool_obj(c < 128 && c >= 0 && ((c | 32) >= 'a' && (c | 32) <= 'z'));
}

METHOD(f_unicode_iscased)
{
    intptr_t c;
    (void)self;
    if (char_arg("unicode_iscased", args, nargs, kw, &c) < 0)
        return NULL;
    uint32_t u = (uint32_t)c;
    return bool_obj(u != sre_lower_unicode(u) || u != sre_upper_unicode(u));
}

METHOD(f_ascii_tolower)
{
    intptr_t c;
    (void)self;
    if (char_arg("ascii_tolower", args, nargs, kw, &c) < 0)
        return NULL;
    return make_small(c >= 0 && c < 128 ? (intptr_t)sre_lower_ascii((uint32_t)c) : c);
}

METHOD(f_unicode_tolower)
{
    intptr_t c;
    (void)self;
    if (char_arg("unicode_tolower", args, nargs, kw, &c) < 0)
        return NULL;
    return make_small((intptr_t)sre_lower_unicode((uint32_t)c));
}

static void types_init(void)
{
    if (sre_roots.Pattern)
        return;
    stm_add_root_range(&sre_roots, sizeof sre_roots);
    Object *modname = str_from_cstr("re");

    Type *t = type_new_builtin("Pattern", vm.t_object, L_NATIVE, sizeof(struct PatternObj), 0);
    sre_roots.Pattern = t;
    dict_set_cstr(t->dict, "__module__", modname);
    t->getattr = generic_getattr;
    t->repr = p_repr;
    t->hash = p_hash;
    t->richcompare = p_richcompare;
    static const MethodDef p_methods[] = {
        { "match", p_match, 0 }, { "fullmatch", p_fullmatch, 0 }, { "search", p_search, 0 },
        { "findall", p_findall, 0 }, { "finditer", p_finditer, 0 }, { "sub", p_sub, 0 },
        { "subn", p_subn, 0 }, { "split", p_split, 0 }, { "scanner", p_scanner, 0 },
        { "__copy__", p_copy, 0 }, { "__deepcopy__", p_copy, 0 }, { NULL, NULL, 0 },
    };
    type_add_methods(t, p_methods);
    getset_new(t, "pattern", p_get_pattern, NULL);
    getset_new(t, "flags", p_get_flags, NULL);
    getset_new(t, "groups", p_get_groups, NULL);
    getset_new(t, "groupindex", p_get_groupindex, NULL);
    type_inherit(t);

    Type *m = type_new_builtin("Match", vm.t_object, L_NATIVE, sizeof(struct MatchObj), 0);
    sre_roots.Match = m;
    dict_set_cstr(m->dict, "__module__", modname);
    m->getattr = generic_getattr;
    m->repr = m_repr;
    m->getitem = m_getitem;
    static const MethodDef m_methods[] = {
        { "group", m_group, 0 }, { "groups", m_groups_meth, 0 },
        { "groupdict", m_groupdict, 0 }, { "start", m_start, 0 }, { "end", m_end, 0 },
        { "span", m_span, 0 }, { "expand", m_expand, 0 }, { "__copy__", p_copy, 0 },
        { "__deepcopy__", p_copy, 0 }, { NULL, NULL, 0 },
    };
    type_add_methods(m, m_methods);
    getset_new(m, "regs", m_get_regs, NULL);
    getset_new(m, "lastindex", m_get_lastindex, NULL);
    getset_new(m, "lastgroup", m_get_lastgroup, NULL);
    getset_new(m, "string", m_get_string, NULL);
    getset_new(m, "re", m_get_re, NULL);
    getset_new(m, "pos", m_get_pos, NULL);
    getset_new(m, "endpos", m_get_endpos, NULL);
    type_inherit(m);

    Type *s = type_new_builtin("SRE_Scanner", vm.t_object, L_NATIVE, sizeof(struct ScannerObj), 0);
    sre_roots.Scanner = s;
    dict_set_cstr(s->dict, "__module__", str_from_cstr("_sre"));
    s->getattr = generic_getattr;
    static const MethodDef s_methods[] = {
        { "match", sc_match, 0 }, { "search", sc_search, 0 }, { NULL, NULL, 0 },
    };
    type_add_methods(s, s_methods);
    getset_new(s, "pattern", sc_get_pattern, NULL);
    type_inherit(s);
}

Object *sre_module_init(void)
{
    types_init();
    Object *m = module_new(intern_cstr("_sre"));
    if (!m)
        return NULL;
    Object *d = ((ModuleObj *)m)->dict;
    static const MethodDef functions[] = {
        { "compile", f_compile, 0 }, { "getcodesize", f_getcodesize, 0 },
        { "ascii_iscased", f_ascii_iscased, 0 }, { "unicode_iscased", f_unicode_iscased, 0 },
        { "ascii_tolower", f_ascii_tolower, 0 }, { "unicode_tolower", f_unicode_tolower, 0 },
        { NULL, NULL, 0 },
    };
    for (const MethodDef *f = functions; f->name; f++)
        if (dict_set_cstr(d, f->name, builtin_new(f->name, f->fn, m, m)) < 0)
            return NULL;
    if (dict_set_cstr(d, "MAGIC", make_small(20220615)) < 0
        || dict_set_cstr(d, "CODESIZE", make_small(4)) < 0
        || dict_set_cstr(d, "MAXREPEAT", int_from_u64(SRE_MAXREPEAT)) < 0
        || dict_set_cstr(d, "MAXGROUPS", make_small(INT32_MAX / 2)) < 0
        || dict_set_cstr(d, "copyright", str_from_cstr(" SRE 2.2.2 Copyright (c) 1997-2002 "
                                                       "by Secret Labs AB ")) < 0)
        return NULL;
    return m;
}

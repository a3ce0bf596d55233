/*
** Code objects, built from the compiler's CodeUnits.
*/
#include <string.h>

#include "compiler/code.h"
#include "vm/runtime.h"
#include "vm/str_impl.h"

Object *bytes_new(const char *data, size_t n)
{
    Bytes *b = (Bytes *)vm_alloc(sizeof(struct Bytes) + n + 1, L_BYTES, vm.t_bytes);
    if (!b)
        return NULL;
    b->hash = -1;
    b->size = n;
    if (data)
        memcpy(stm_real_address((stm_obj *)b) + offsetof(struct Bytes, data), data, n);
    return (Object *)b;
}

static bool looks_like_identifier(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')))
            return false;
    }
    return true;
}

Object *complex_new(double re, double im);
Object *code_from_unit(const CodeUnit *u);

static Object *const_value(const ConstVal *c)
{
    switch (c->kind) {
    case CV_NONE: return None;
    case CV_TRUE: return True_;
    case CV_FALSE: return False_;
    case CV_ELLIPSIS: return vm.ellipsis;
    case CV_INT: {
        const char *s = c->v.i;
        if (*s != '-')
            return int_from_text(s, 10);
        Object *v = int_from_text(s + 1, 10);
        return v ? obj_unary(v, UN_NEG) : NULL;
    }
    case CV_FLOAT: return float_new(c->v.f);
    case CV_COMPLEX: return complex_new(c->v.c.re, c->v.c.im);
    case CV_STR: {
        Object *s = str_from_utf8(c->v.str.s, c->v.str.len);
        if (s && looks_like_identifier(c->v.str.s, c->v.str.len))
            s = str_intern(s);
        return s;
    }
    case CV_BYTES: return bytes_new(c->v.str.s, c->v.str.len);
    case CV_TUPLE: {
        Object *t = tuple_new((size_t)c->v.tup.n);
        for (int i = 0; t && i < c->v.tup.n; i++) {
            Object *item = const_value(c->v.tup.items[i]);
            if (!item)
                return NULL;
            tuple_init_item(t, (size_t)i, item);
        }
        return t;
    }
    case CV_FROZENSET: {
        Object *s = set_new(vm.t_frozenset);
        for (int i = 0; s && i < c->v.tup.n; i++) {
            Object *item = const_value(c->v.tup.items[i]);
            if (!item || set_add(s, item) < 0)
                return NULL;
        }
        return s;
    }
    case CV_CODE:
        return code_from_unit(c->v.code);
    }
    return raise(vm.e_SystemError, "bad constant kind %d", c->kind);
}

static Object *name_tuple(const char *const *names, int n)
{
    Object *t = tuple_new((size_t)n);
    for (int i = 0; t && i < n; i++) {
        Object *s = intern_cstr(names[i]);
        if (!s)
            return NULL;
        tuple_init_item(t, (size_t)i, s);
    }
    return t;
}

Object *code_from_unit(const CodeUnit *u)
{
    Code *c = (Code *)vm_alloc(sizeof(struct Code), L_CODE, vm.t_code);
    if (!c)
        return NULL;
    Object *consts = tuple_new((size_t)u->nconsts);
    if (!consts)
        return NULL;
    c->consts = consts;
    for (int i = 0; i < u->nconsts; i++) {
        Object *v = const_value(u->consts[i]);
        if (!v)
            return NULL;
        tuple_init_item(consts, (size_t)i, v);
    }
    if (!(c->names = name_tuple(u->names, u->nnames))
        || !(c->localsplus_names = name_tuple(u->localsplus, u->nlocalsplus))
        || !(c->localsplus_kinds = bytes_new((const char *)u->kinds, (size_t)u->nlocalsplus))
        || !(c->filename = intern_cstr(u->filename))
        || !(c->name = intern_cstr(u->name))
        || !(c->qualname = str_from_cstr(u->qualname))
        || !(c->words = bytes_new((const char *)u->code, (size_t)u->ncode * sizeof(uint32_t)))
        || !(c->linetable = bytes_new((const char *)u->lines, (size_t)u->ncode * sizeof(LineEntry)))
        || !(c->exctable = bytes_new((const char *)u->exctable, (size_t)u->nexc * sizeof(ExcEntry))))
        return NULL;
    if (u->ncaches) {
        Object *caches = (Object *)array_new((size_t)u->ncaches);
        if (!caches)
            return NULL;
        c->caches = caches;
    }
    c->argcount = (uint32_t)u->argcount;
    c->posonlyargcount = (uint32_t)u->posonlyargcount;
    c->kwonlyargcount = (uint32_t)u->kwonlyargcount;
    c->flags = (uint32_t)u->flags;
    c->nlocals = (uint32_t)u->nlocals;
    c->ncells = (uint32_t)u->ncells;
    c->nfrees = (uint32_t)u->nfrees;
    c->stacksize = (uint32_t)u->stacksize;
    c->firstlineno = (uint32_t)u->firstlineno;
    c->nwords = (uint32_t)u->ncode;
    c->ncaches = (uint32_t)u->ncaches;
    return (Object *)c;
}

/* The source line of instruction word `pc`, or -1. */
int code_line_of(Object *code, uint32_t pc)
{
    Code *c = (Code *)code;
    if (pc >= c->nwords)
        return -1;
    Bytes *lt = (Bytes *)c->linetable;
    const LineEntry STM_SEG *e = (const LineEntry STM_SEG *)lt->data;
    return e[pc].lineno;
}

/* The source span of instruction word `pc`; false when out of range. */
bool code_position(Object *code, uint32_t pc, LineEntry *out)
{
    Code *c = (Code *)code;
    if (pc >= c->nwords)
        return false;
    const LineEntry STM_SEG *e = (const LineEntry STM_SEG *)((Bytes *)c->linetable)->data;
    *out = e[pc];
    return true;
}

/* ---- attributes ------------------------------------------------------------ */

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

#define CO(o) ((Code *)(o))

/* The localsplus names whose kind has any bit of `mask`. */
static Object *names_of_kind(Object *code, uint8_t mask)
{
    Code *c = CO(code);
    size_t n = tuple_size(c->localsplus_names), k = 0;
    const uint8_t STM_SEG *kinds = (const uint8_t STM_SEG *)((Bytes *)c->localsplus_kinds)->data;
    Object *t = tuple_new(n);
    if (!t)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (kinds[i] & mask)
            tuple_init_item(t, k++, tuple_get(c->localsplus_names, i));
    ((Tuple *)t)->size = k;
    return t;
}

static Object *co_varnames(Object *c) { return names_of_kind(c, CO_FAST_LOCAL); }
static Object *co_cellvars(Object *c) { return names_of_kind(c, CO_FAST_CELL); }
static Object *co_freevars(Object *c) { return names_of_kind(c, CO_FAST_FREE); }
static Object *co_name(Object *c) { return CO(c)->name; }
static Object *co_qualname(Object *c) { return CO(c)->qualname; }
static Object *co_filename(Object *c) { return CO(c)->filename; }
static Object *co_consts(Object *c) { return CO(c)->consts; }
static Object *co_names(Object *c) { return CO(c)->names; }
static Object *co_code(Object *c) { return CO(c)->words; }
static Object *co_argcount(Object *c) { return make_small(CO(c)->argcount); }
static Object *co_posonlyargcount(Object *c) { return make_small(CO(c)->posonlyargcount); }
static Object *co_kwonlyargcount(Object *c) { return make_small(CO(c)->kwonlyargcount); }
static Object *co_flags(Object *c) { return make_small(CO(c)->flags); }
static Object *co_nlocals(Object *c) { return make_small(CO(c)->nlocals); }
static Object *co_stacksize(Object *c) { return make_small(CO(c)->stacksize); }
static Object *co_firstlineno(Object *c) { return make_small(CO(c)->firstlineno); }

static Object *code_repr(Object *c)
{
    char nb[200], fb[400];
    return str_format("<code object %s at %#lx, file \"%s\", line %u>",
                      str_cstr(CO(c)->name, nb, sizeof nb), (unsigned long)(uintptr_t)c,
                      str_cstr(CO(c)->filename, fb, sizeof fb), CO(c)->firstlineno);
}

/* co_positions(): (lineno, end_lineno, col, end_col) per instruction
   word, None where unknown.  tb_lasti and f_lasti are twice the word
   index, so Lib/traceback.py's lookup (the lasti // 2'th item) finds the
   failing instruction as on CPython. */
static Object *pos_item(int v) { return v < 0 ? None : make_small(v); }

static Object *co_positions(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("co_positions", kw) < 0 || args_count("co_positions", nargs, 0, 0) < 0)
        return NULL;
    uint32_t n = CO(self)->nwords;
    Object *l = list_new(n);
    for (uint32_t i = 0; l && i < n; i++) {
        LineEntry e = { -1, -1, -1, -1 };
        code_position(self, i, &e);
        bool has_line = e.lineno >= 0;
        Object *t = tuple_pack(4, pos_item(e.lineno), has_line ? pos_item(e.end_lineno) : None,
                               has_line ? pos_item(e.col) : None, has_line ? pos_item(e.end_col) : None);
        if (!t)
            return NULL;
        list_set(l, i, t);
    }
    return l ? obj_iter(l) : NULL;
}

/* co_lines(): (start, end, lineno) over byte offsets (two per word), one
   item per run of words on the same line. */
static Object *co_lines(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("co_lines", kw) < 0 || args_count("co_lines", nargs, 0, 0) < 0)
        return NULL;
    uint32_t n = CO(self)->nwords;
    Object *l = list_new(0);
    for (uint32_t i = 0; l && i < n;) {
        int line = code_line_of(self, i);
        uint32_t j = i + 1;
        while (j < n && code_line_of(self, j) == line)
            j++;
        Object *t = tuple_pack(3, make_small(2 * (intptr_t)i), make_small(2 * (intptr_t)j), pos_item(line));
        if (!t || list_append(l, t) < 0)
            return NULL;
        i = j;
    }
    return l ? obj_iter(l) : NULL;
}

/* code.replace(): a copy with some attributes changed (types.coroutine
   sets a flag).  The instructions are shared; the caches are not. */
static Object *co_replace(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("replace", NULL, nargs, 0) < 0)
        return NULL;
    Code *c = (Code *)vm_alloc(sizeof(struct Code), L_CODE, vm.t_code);
    if (!c)
        return NULL;
    Code *o = CO(self);
    c->consts = o->consts;
    c->names = o->names;
    c->localsplus_names = o->localsplus_names;
    c->localsplus_kinds = o->localsplus_kinds;
    c->filename = o->filename;
    c->name = o->name;
    c->qualname = o->qualname;
    c->words = o->words;
    c->linetable = o->linetable;
    c->exctable = o->exctable;
    c->docstring = o->docstring;
    c->argcount = o->argcount;
    c->posonlyargcount = o->posonlyargcount;
    c->kwonlyargcount = o->kwonlyargcount;
    c->flags = o->flags;
    c->nlocals = o->nlocals;
    c->ncells = o->ncells;
    c->nfrees = o->nfrees;
    c->stacksize = o->stacksize;
    c->firstlineno = o->firstlineno;
    c->nwords = o->nwords;
    c->ncaches = o->ncaches;
    if (o->ncaches && !(c->caches = (Object *)array_new(o->ncaches)))
        return NULL;
    size_t nkw = kw ? tuple_size(kw) : 0;
    char nb[100];
    for (size_t i = 0; i < nkw; i++) {
        Object *k = tuple_get(kw, i), *v = args[nargs + i];
        int64_t n;
        if (str_eq_cstr(k, "co_flags") || str_eq_cstr(k, "co_firstlineno")) {
            if (!is_int(v))
                return raise(vm.e_TypeError, "replace() argument '%s' must be int, not %s",
                             str_cstr(k, nb, sizeof nb), type_name(type_of(v)));
            if (int_to_i64(v, &n) < 0)
                return NULL;
            if (str_eq_cstr(k, "co_flags"))
                c->flags = (uint32_t)n;
            else
                c->firstlineno = (uint32_t)n;
        } else if (str_eq_cstr(k, "co_name") || str_eq_cstr(k, "co_qualname")
                   || str_eq_cstr(k, "co_filename")) {
            if (!is_str(v))
                return raise(vm.e_TypeError, "replace() argument '%s' must be str, not %s",
                             str_cstr(k, nb, sizeof nb), type_name(type_of(v)));
            if (str_eq_cstr(k, "co_name"))
                c->name = v;
            else if (str_eq_cstr(k, "co_qualname"))
                c->qualname = v;
            else
                c->filename = v;
        } else {
            return raise(vm.e_ValueError, "code.replace(): %s cannot be changed in stmpy",
                         str_cstr(k, nb, sizeof nb));
        }
    }
    return (Object *)c;
}

/* ---- marshal ------------------------------------------------------------------ */

void code_parts(Object *code, Object **objs, uint32_t *ints)
{
    Code *c = CO(code);
    Object *o[CODE_NOBJS] = { c->consts, c->names, c->localsplus_names, c->localsplus_kinds,
                              c->filename, c->name, c->qualname, c->words, c->linetable,
                              c->exctable };
    uint32_t n[CODE_NINTS] = { c->argcount, c->posonlyargcount, c->kwonlyargcount, c->flags,
                               c->nlocals, c->ncells, c->nfrees, c->stacksize, c->firstlineno,
                               c->ncaches };
    memcpy(objs, o, sizeof o);
    memcpy(ints, n, sizeof n);
}

/* A tuple of str, interned as the compiler's names are (the interpreter
   looks names up by identity first). */
static Object *interned_names(Object *t)
{
    if (!t || is_small(t) || t->type != vm.t_tuple)
        return NULL;
    size_t n = tuple_size(t);
    Object *r = tuple_new(n);
    for (size_t i = 0; r && i < n; i++) {
        Object *s = tuple_get(t, i);
        if (!is_str(s) || !(s = str_intern(s)))
            return NULL;
        tuple_init_item(r, i, s);
    }
    return r;
}

static bool bytes_of(Object *b, size_t unit)
{
    return b && is_bytes(b) && bytes_size(b) % unit == 0;
}

Object *code_from_parts(Object *const *objs, const uint32_t *ints)
{
    Object *names = interned_names(objs[1]), *locals = interned_names(objs[2]);
    Object *consts = objs[0], *kinds = objs[3], *words = objs[7];
    bool ok = names && locals && consts && !is_small(consts) && consts->type == vm.t_tuple
              && bytes_of(kinds, 1) && bytes_size(kinds) == tuple_size(locals)
              && is_str(objs[4]) && is_str(objs[5]) && is_str(objs[6]) && bytes_of(words, sizeof(uint32_t))
              && bytes_of(objs[8], sizeof(LineEntry))
              && bytes_size(objs[8]) / sizeof(LineEntry) == bytes_size(words) / sizeof(uint32_t)
              && bytes_of(objs[9], sizeof(ExcEntry));
    if (!ok)
        return exc_occurred() ? NULL : raise(vm.e_ValueError, "bad marshal data (code object)");
    Code *c = (Code *)vm_alloc(sizeof(struct Code), L_CODE, vm.t_code);
    if (!c || !(c->filename = str_intern(objs[4])) || !(c->name = str_intern(objs[5])))
        return NULL;
    c->consts = consts;
    c->names = names;
    c->localsplus_names = locals;
    c->localsplus_kinds = kinds;
    c->qualname = objs[6];
    c->words = words;
    c->linetable = objs[8];
    c->exctable = objs[9];
    c->argcount = ints[0];
    c->posonlyargcount = ints[1];
    c->kwonlyargcount = ints[2];
    c->flags = ints[3];
    c->nlocals = ints[4];
    c->ncells = ints[5];
    c->nfrees = ints[6];
    c->stacksize = ints[7];
    c->firstlineno = ints[8];
    c->ncaches = ints[9];
    c->nwords = (uint32_t)(bytes_size(words) / sizeof(uint32_t));
    if (c->ncaches && !(c->caches = (Object *)array_new(c->ncaches)))
        return NULL;
    return (Object *)c;
}

#undef CO

void code_type_init(void)
{
    Type *t = vm.t_code;
    t->repr = code_repr;
    static const struct { const char *name; Object *(*get)(Object *); } attrs[] = {
        { "co_varnames", co_varnames }, { "co_cellvars", co_cellvars },
        { "co_freevars", co_freevars }, { "co_name", co_name }, { "co_qualname", co_qualname },
        { "co_filename", co_filename }, { "co_consts", co_consts }, { "co_names", co_names },
        { "co_code", co_code }, { "co_argcount", co_argcount },
        { "co_posonlyargcount", co_posonlyargcount }, { "co_kwonlyargcount", co_kwonlyargcount },
        { "co_flags", co_flags }, { "co_nlocals", co_nlocals }, { "co_stacksize", co_stacksize },
        { "co_firstlineno", co_firstlineno },
    };
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
        getset_new(t, attrs[i].name, attrs[i].get, NULL);
    static const MethodDef methods[] = {
        { "co_positions", co_positions, 0 }, { "co_lines", co_lines, 0 },
        { "replace", co_replace, 0 }, { NULL, NULL, 0 },
    };
    type_add_methods(t, methods);
}

/*
** The builtins module: functions, and the builtin types and exceptions
** under their names.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/code.h"
#include "vm/buffer.h"
#include "vm/eval.h"
#include "vm/runtime.h"
#include "vm/str_impl.h"

Object *obj_format(Object *v, Object *spec);
Object *ascii_of(Object *v);
Object *callable_iter_new(Object *callable, Object *sentinel);
Object *type_new_class(Type *meta, Object *name, Object *bases, Object *ns);
int list_sort(Object *l, Object *key, bool reverse);
Object *generator_send(Object *g, Object *v);
Object *frame_locals(Frame *f);

int io_stdout_write(Object *file, Object *s);

static int write_str(Object *file, Object *s)
{
    /* Our TextIOWrapper (sys.stdout, files) takes the text directly. */
    int fast = file ? io_stdout_write(file, s) : 1;
    if (fast <= 0)
        return fast;
    if (!file) {
        size_t n;
        char *u = str_to_utf8(s, &n);
        if (!u)
            return -1;
        fwrite(u, 1, n, stdout);
        free(u);
        return 0;
    }
    Object *w = obj_getattr_cstr(file, "write");
    return w && obj_call1(w, s) ? 0 : -1;
}

static Object *b_print(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    Object *sep = NULL, *end = NULL, *file = NULL, *flush = NULL;
    size_t nkw = kw ? tuple_size(kw) : 0;
    for (size_t i = 0; i < nkw; i++) {
        Object *k = tuple_get(kw, i), *v = args[nargs + i];
        if (str_eq_cstr(k, "sep")) sep = v;
        else if (str_eq_cstr(k, "end")) end = v;
        else if (str_eq_cstr(k, "file")) file = v;
        else if (str_eq_cstr(k, "flush")) flush = v;
        else {
            char b[100];
            return raise(vm.e_TypeError, "'%s' is an invalid keyword argument for print()",
                         str_cstr(k, b, sizeof b));
        }
    }
    if (sep == None) sep = NULL;
    if (end == None) end = NULL;
    if (file == None) file = NULL;
    if (sep && !is_str(sep))
        return raise(vm.e_TypeError, "sep must be None or a string, not %s", type_name(type_of(sep)));
    if (end && !is_str(end))
        return raise(vm.e_TypeError, "end must be None or a string, not %s", type_name(type_of(end)));
    if (!file) {
        Object *out = dict_get_cstr(((ModuleObj *)vm.sys)->dict, "stdout");
        if (out && out != None && !is_small(out) && out->type != vm.t_NoneType
            && !dict_get_cstr(((ModuleObj *)vm.sys)->dict, "__stdout_is_c__"))
            file = out;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (i && write_str(file, sep ? sep : vm.one_char[' ']) < 0)
            return NULL;
        Object *s = obj_str(args[i]);
        if (!s || write_str(file, s) < 0)
            return NULL;
    }
    if (write_str(file, end ? end : vm.one_char['\n']) < 0)
        return NULL;
    if (flush && obj_truth(flush) == 1) {
        if (!file)
            fflush(stdout);
        else {
            Object *f = obj_getattr_cstr(file, "flush");
            if (!f || !obj_call0(f))
                return NULL;
        }
    }
    return None;
}

static Object *b_len(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("len", kw, nargs, 1) < 0)
        return NULL;
    intptr_t n = obj_length(args[0]);
    return n < 0 ? NULL : make_small(n);
}

static Object *b_repr(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("repr", kw, nargs, 1) < 0 ? NULL : obj_repr(args[0]);
}

static Object *b_ascii(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("ascii", kw, nargs, 1) < 0 ? NULL : ascii_of(args[0]);
}

static Object *b_format(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("format", kw) < 0 || args_count("format", nargs, 1, 2) < 0)
        return NULL;
    return obj_format(args[0], nargs == 2 ? args[1] : NULL);
}

/* isinstance/issubclass with tuples and __instancecheck__ on metaclasses. */
Type *union_type_get(void);

static int check_class(Object *v, Object *cls, bool instance)
{
    if (!is_small(cls) && (cls->type == vm.t_tuple || cls->type == union_type_get())) {
        Object *items = cls->type == vm.t_tuple ? cls : ((Iter *)cls)->seq;
        for (size_t i = 0; i < tuple_size(items); i++) {
            int r = check_class(v, tuple_get(items, i), instance);
            if (r)
                return r;
        }
        return 0;
    }
    /* __instancecheck__/__subclasscheck__ come from the type of cls, which
       need not be a class itself (typing's aliases). */
    Type *meta = type_of(cls);
    if (meta != vm.t_type) {
        Object *hook = type_lookup(meta, intern_cstr(instance ? "__instancecheck__"
                                                               : "__subclasscheck__"));
        if (hook && !is_small(hook) && hook->type == vm.t_function) {
            Object *argv[2] = { cls, v };
            Object *r = obj_call(hook, argv, 2, NULL);
            return r ? obj_truth(r) : -1;
        }
    }
    if (is_small(cls) || layout_of(cls) != L_TYPE) {
        if (!is_small(cls) && !strcmp(type_name(type_of(cls)), "types.GenericAlias"))
            raise(vm.e_TypeError, "%s() argument 2 cannot be a parameterized generic",
                  instance ? "isinstance" : "issubclass");
        else if (instance)
            raise(vm.e_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
        else
            raise(vm.e_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return -1;
    }
    if (instance) {
        if (is_instance_of(v, (Type *)cls))
            return 1;
        /* An object may claim another class through __class__ (proxies). */
        Object *c = obj_getattr_cstr(v, "__class__");
        if (!c) {
            if (!exc_matches(vm.e_AttributeError))
                return -1;
            exc_clear();
            return 0;
        }
        return c != (Object *)type_of(v) && !is_small(c) && layout_of(c) == L_TYPE
               && type_is_subtype((Type *)c, (Type *)cls);
    }
    if (is_small(v) || layout_of(v) != L_TYPE) {
        raise(vm.e_TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    return type_is_subtype((Type *)v, (Type *)cls);
}

static Object *b_isinstance(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("isinstance", kw, nargs, 2) < 0)
        return NULL;
    int r = check_class(args[0], args[1], true);
    return r < 0 ? NULL : bool_obj(r);
}

static Object *b_issubclass(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("issubclass", kw, nargs, 2) < 0)
        return NULL;
    int r = check_class(args[0], args[1], false);
    return r < 0 ? NULL : bool_obj(r);
}

static Object *b_abs(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return args_exact("abs", kw, nargs, 1) < 0 ? NULL : obj_unary(args[0], UN_ABS);
}

static Object *min_max(Object *const *args, size_t nargs, Object *kw, CmpOp op, const char *name)
{
    Object *key = NULL, *dflt = NULL;
    size_t nkw = kw ? tuple_size(kw) : 0;
    for (size_t i = 0; i < nkw; i++) {
        Object *k = tuple_get(kw, i);
        if (str_eq_cstr(k, "key"))
            key = args[nargs + i] == None ? NULL : args[nargs + i];
        else if (str_eq_cstr(k, "default"))
            dflt = args[nargs + i];
        else {
            char b[100];
            return raise(vm.e_TypeError, "'%s' is an invalid keyword argument for %s()",
                         str_cstr(k, b, sizeof b), name);
        }
    }
    if (nargs == 0)
        return raise(vm.e_TypeError, "%s expected at least 1 argument, got 0", name);
    if (nargs > 1 && dflt)
        return raise(vm.e_TypeError, "Cannot specify a default for %s() with multiple positional arguments", name);
    Object *it = obj_iter(nargs == 1 ? args[0] : tuple_from_array(args, nargs));
    if (!it)
        return NULL;
    Object *best = NULL, *best_key = NULL;
    for (;;) {
        Object *v = obj_next(it);
        if (!v) {
            if (exc_occurred())
                return NULL;
            break;
        }
        Object *k = key ? obj_call1(key, v) : v;
        if (!k)
            return NULL;
        if (!best) {
            best = v;
            best_key = k;
            continue;
        }
        int r = obj_richcompare_bool(k, best_key, op);
        if (r < 0)
            return NULL;
        if (r) {
            best = v;
            best_key = k;
        }
    }
    if (!best) {
        if (dflt)
            return dflt;
        return raise(vm.e_ValueError, "%s() arg is an empty sequence", name);
    }
    return best;
}

static Object *b_min(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return min_max(args, nargs, kw, CMP_LT, "min");
}

static Object *b_max(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return min_max(args, nargs, kw, CMP_GT, "max");
}

static Object *b_sum(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "iterable", "start", NULL };
    Object *out[2];
    if (args_parse("sum", args, nargs, kw, names, 1, 2, out) < 0)
        return NULL;
    Object *acc = out[1] ? out[1] : make_small(0);
    if (is_str(acc))
        return raise(vm.e_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (is_bytes(acc) || is_bytearray(acc))
        return raise(vm.e_TypeError, "sum() can't sum %s [use b''.join(seq) instead]",
                     is_bytes(acc) ? "bytes" : "bytearray");
    Object *it = obj_iter(out[0]);
    if (!it)
        return NULL;
    for (;;) {
        Object *v = obj_next(it);
        if (!v)
            return exc_occurred() ? NULL : acc;
        intptr_t z;
        if (is_small(acc) && is_small(v)
            && !__builtin_add_overflow(small_value(acc), small_value(v), &z) && fits_small(z)) {
            acc = make_small(z);
            continue;
        }
        acc = obj_binary(acc, v, NB_ADD);
        if (!acc)
            return NULL;
    }
}

static Object *b_iter(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("iter", kw) < 0 || args_count("iter", nargs, 1, 2) < 0)
        return NULL;
    if (nargs == 2) {
        if (!type_of(args[0])->call)
            return raise(vm.e_TypeError, "iter(v, w): v must be callable");
        return callable_iter_new(args[0], args[1]);
    }
    return obj_iter(args[0]);
}

static Object *b_next(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("next", kw) < 0 || args_count("next", nargs, 1, 2) < 0)
        return NULL;
    Type *t = type_of(args[0]);
    if (t == vm.t_generator) {
        /* next(g) reports a return's value in its StopIteration. */
        Object *v = generator_send(args[0], None);
        if (!v && nargs == 2 && exc_matches(vm.e_StopIteration)) {
            exc_clear();
            return args[1];
        }
        return v;
    }
    if (!t->next)
        return raise(vm.e_TypeError, "'%s' object is not an iterator", type_name(t));
    Object *v = t->next(args[0]);
    if (v)
        return v;
    if (exc_occurred()) {
        if (nargs == 2 && exc_matches(vm.e_StopIteration)) {
            exc_clear();
            return args[1];
        }
        return NULL;
    }
    if (nargs == 2)
        return args[1];
    return raise_object((Object *)vm.e_StopIteration);
}

static Object *b_hash(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("hash", kw, nargs, 1) < 0)
        return NULL;
    int64_t h = obj_hash(args[0]);
    return h == -1 ? NULL : int_from_i64(h);
}

static Object *b_id(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("id", kw, nargs, 1) < 0)
        return NULL;
    return int_from_u64((uint64_t)(uintptr_t)args[0]);
}

static Object *b_chr(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("chr", kw, nargs, 1) < 0)
        return NULL;
    Object *v = number_index(args[0]);
    int64_t c;
    if (!v || int_to_i64(v, &c) < 0)
        return NULL;
    if (c < 0 || c > 0x10ffff)
        return raise(vm.e_ValueError, "chr() arg not in range(0x110000)");
    uint32_t cp = (uint32_t)c;
    return str_from_codepoints(&cp, 1);
}

static Object *b_ord(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("ord", kw, nargs, 1) < 0)
        return NULL;
    Object *s = args[0];
    if (is_str(s)) {
        if (str_len(s) != 1)
            return raise(vm.e_TypeError, "ord() expected a character, but string of length %zu found",
                         str_len(s));
        return make_small(str_char(s, 0));
    }
    if (is_bytes(s) || is_bytearray(s)) {
        ByteView v;
        byte_view(s, &v);
        if (v.size != 1)
            return raise(vm.e_TypeError, "ord() expected a character, but string of length %zu found",
                         v.size);
        return make_small(v.data[0]);
    }
    return raise(vm.e_TypeError, "ord() expected string of length 1, but %s found",
                 type_name(type_of(s)));
}

static Object *b_callable(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("callable", kw, nargs, 1) < 0)
        return NULL;
    return bool_obj(type_of(args[0])->call != NULL);
}

static Object *b_getattr(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("getattr", kw) < 0 || args_count("getattr", nargs, 2, 3) < 0)
        return NULL;
    if (!is_str(args[1]))
        return raise(vm.e_TypeError, "attribute name must be string, not '%s'",
                     type_name(type_of(args[1])));
    Object *v = obj_getattr(args[0], args[1]);
    if (!v && nargs == 3 && exc_matches(vm.e_AttributeError)) {
        exc_clear();
        return args[2];
    }
    return v;
}

static Object *b_setattr(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("setattr", kw, nargs, 3) < 0)
        return NULL;
    if (!is_str(args[1]))
        return raise(vm.e_TypeError, "attribute name must be string, not '%s'",
                     type_name(type_of(args[1])));
    return obj_setattr(args[0], str_intern(args[1]), args[2]) < 0 ? NULL : None;
}

static Object *b_delattr(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("delattr", kw, nargs, 2) < 0)
        return NULL;
    if (!is_str(args[1]))
        return raise(vm.e_TypeError, "attribute name must be string, not '%s'",
                     type_name(type_of(args[1])));
    return obj_setattr(args[0], args[1], NULL) < 0 ? NULL : None;
}

static Object *b_hasattr(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("hasattr", kw, nargs, 2) < 0)
        return NULL;
    if (!is_str(args[1]))
        return raise(vm.e_TypeError, "attribute name must be string, not '%s'",
                     type_name(type_of(args[1])));
    Object *v = obj_getattr(args[0], args[1]);
    if (v)
        return True_;
    if (exc_matches(vm.e_AttributeError)) {
        exc_clear();
        return False_;
    }
    return NULL;
}

static Object *b_sorted(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (nargs != 1)
        return raise(vm.e_TypeError, "sorted expected 1 argument, got %zu", nargs);
    /* The keywords go to list.sort, which checks them. */
    Object *l = list_from_iterable(args[0]);
    Object *sort = l ? obj_getattr_cstr(l, "sort") : NULL;
    if (!sort || !obj_call(sort, args + 1, 0, kw))
        return NULL;
    return l;
}

static Object *any_all(Object *const *args, size_t nargs, Object *kw, bool want, const char *name)
{
    if (args_exact(name, kw, nargs, 1) < 0)
        return NULL;
    Object *it = obj_iter(args[0]);
    if (!it)
        return NULL;
    for (;;) {
        Object *v = obj_next(it);
        if (!v)
            return exc_occurred() ? NULL : bool_obj(!want);
        int t = obj_truth(v);
        if (t < 0)
            return NULL;
        if (t == want)
            return bool_obj(want);
    }
}
static Object *b_any(Object *s, Object *const *a, size_t n, Object *kw) { return any_all(a, n, kw, true, "any"); }
static Object *b_all(Object *s, Object *const *a, size_t n, Object *kw) { return any_all(a, n, kw, false, "all"); }

static Object *b_divmod(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("divmod", kw, nargs, 2) < 0)
        return NULL;
    Object *q = obj_binary(args[0], args[1], NB_FLOOR_DIVIDE);
    Object *r = q ? obj_binary(args[0], args[1], NB_REMAINDER) : NULL;
    return r ? tuple_pack(2, q, r) : NULL;
}

static Object *b_pow(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "base", "exp", "mod", NULL };
    Object *out[3];
    if (args_parse("pow", args, nargs, kw, names, 2, 3, out) < 0)
        return NULL;
    if (out[2] && out[2] != None) {
        if (!is_int(out[0]) || !is_int(out[1]) || !is_int(out[2]))
            return raise(vm.e_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
        if (obj_truth(out[2]) == 0)
            return raise(vm.e_ValueError, "pow() 3rd argument cannot be 0");
        if (obj_richcompare(out[1], make_small(0), CMP_LT) == True_)
            return raise(vm.e_ValueError, "pow() with a negative exponent and a modulus is not supported yet");
        /* Square and multiply, reducing as we go. */
        Object *result = make_small(1), *base = obj_binary(out[0], out[2], NB_REMAINDER), *e = out[1];
        while (base && obj_truth(e) == 1) {
            if (obj_truth(obj_binary(e, make_small(1), NB_AND)) == 1)
                result = obj_binary(obj_binary(result, base, NB_MULTIPLY), out[2], NB_REMAINDER);
            base = obj_binary(obj_binary(base, base, NB_MULTIPLY), out[2], NB_REMAINDER);
            e = obj_binary(e, make_small(1), NB_RSHIFT);
            if (!result || !e)
                return NULL;
        }
        return base ? obj_binary(result, out[2], NB_REMAINDER) : NULL;
    }
    return obj_binary(out[0], out[1], NB_POWER);
}

static Object *b_globals(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("globals", kw, nargs, 0) < 0)
        return NULL;
    return ((Frame *)thread_state()->frame)->globals;
}

static Object *b_locals(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("locals", kw, nargs, 0) < 0)
        return NULL;
    return frame_locals((Frame *)thread_state()->frame);
}

/* ---- compile, exec, eval ------------------------------------------------------ */

Object *compile_source_mode(const char *bytes, size_t n, const char *filename, const char *mode);
Object *ast_parse_to_object(const char *text, size_t n, const char *filename, const char *mode);
int is_ast_object(Object *o);
Object *compile_ast_object(Object *tree, const char *filename, const char *mode);
Object *import_name(Object *name, Object *fromlist, Object *level, Object *globals);

/* The text of a str or bytes source, malloc'ed; NULL (TypeError) otherwise. */
static char *source_text(Object *src, const char *fname, size_t *n)
{
    if (is_str(src))
        return str_to_utf8(src, n);
    if (is_bytes(src)) {
        *n = ((Bytes *)src)->size;
        char *t = malloc(*n + 1);
        if (!t)
            { raise_no_memory(); return NULL; }
        for (size_t i = 0; i < *n; i++)
            t[i] = ((Bytes *)src)->data[i];
        t[*n] = 0;
        return t;
    }
    if (!strcmp(fname, "compile"))
        raise(vm.e_TypeError, "compile() arg 1 must be a string, bytes or AST object");
    else
        raise(vm.e_TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
    return NULL;
}

static Object *b_compile(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "source", "filename", "mode", "flags", "dont_inherit",
                                         "optimize", "_feature_version", NULL };
    Object *a[7];
    if (args_parse("compile", args, nargs, kw, names, 3, 6, a) < 0)
        return NULL;
    char fb[1024], mb[16];
    if (!is_str(a[1]))
        return raise(vm.e_TypeError, "compile() argument 'filename' must be str, not %s",
                     type_name(type_of(a[1])));
    if (!is_str(a[2]))
        return raise(vm.e_TypeError, "compile() argument 'mode' must be str, not %s",
                     type_name(type_of(a[2])));
    const char *mode = str_cstr(a[2], mb, sizeof mb);
    if (strcmp(mode, "exec") && strcmp(mode, "eval") && strcmp(mode, "single"))
        return raise(vm.e_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    int64_t optimize = -1;
    if (a[5] && (!is_int(a[5]) || int_to_i64(a[5], &optimize) < 0 || optimize < -1 || optimize > 2)) {
        exc_clear();
        return raise(vm.e_ValueError, "compile(): invalid optimize value");
    }
    int64_t flags = 0;
    if (a[3] && is_int(a[3]) && int_to_i64(a[3], &flags) < 0)
        exc_clear();
    /* A tree: itself with PyCF_ONLY_AST, else its code (ast_compile.c). */
    if (!is_str(a[0]) && !is_bytes(a[0])) {
        int tree = is_ast_object(a[0]);
        if (tree < 0)
            return NULL;
        if (tree)
            return flags & 0x400 ? a[0] : compile_ast_object(a[0], str_cstr(a[1], fb, sizeof fb), mode);
    }
    size_t n;
    char *text = source_text(a[0], "compile", &n);
    if (!text)
        return NULL;
    if (strlen(text) != n) {
        free(text);
        return raise(vm.e_ValueError, "source code string cannot contain null bytes");
    }
    /* flags & PyCF_ONLY_AST: the tree (mod_ast.c). */
    Object *code = flags & 0x400 ? ast_parse_to_object(text, n, str_cstr(a[1], fb, sizeof fb), mode)
                                 : compile_source_mode(text, n, str_cstr(a[1], fb, sizeof fb), mode);
    free(text);
    return code;
}

/* The namespaces exec() and eval() run in: the caller's by default. */
static int exec_namespaces(const char *fname, Object **globals, Object **locals)
{
    Object *g = *globals, *l = *locals;
    if (g == None)
        g = NULL;
    if (l == None)
        l = NULL;
    if (g && (is_small(g) || !is_instance_of(g, vm.t_dict))) {
        if (!strcmp(fname, "exec"))
            raise(vm.e_TypeError, "exec() globals must be a dict, not %s", type_name(type_of(g)));
        else if (type_of(g)->getitem)
            raise(vm.e_TypeError, "globals must be a real dict; try eval(expr, {}, mapping)");
        else
            raise(vm.e_TypeError, "globals must be a dict");
        return -1;
    }
    if (l && !obj_getattr_cstr(l, "__getitem__")) {
        exc_clear();
        raise(vm.e_TypeError, "locals must be a mapping");
        return -1;
    }
    if (!g) {
        Frame *f = (Frame *)thread_state()->frame;
        g = f->globals;
        if (!l && !(l = frame_locals(f)))
            return -1;
    } else if (!l) {
        l = g;
    }
    if (!dict_get_cstr(g, "__builtins__") && dict_set_cstr(g, "__builtins__", vm.builtins) < 0)
        return -1;
    *globals = g;
    *locals = l;
    return 0;
}

static Object *exec_or_eval(const char *fname, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "source", "globals", "locals", NULL };
    Object *a[3];
    if (args_parse(fname, args, nargs, kw, names, 1, 3, a) < 0)
        return NULL;
    Object *g = a[1] ? a[1] : None, *l = a[2] ? a[2] : None;
    if (exec_namespaces(fname, &g, &l) < 0)
        return NULL;
    Object *code = a[0];
    if (is_small(code) || code->type != vm.t_code) {
        size_t n;
        char *text = source_text(code, fname, &n);
        if (!text)
            return NULL;
        if (strlen(text) != n) {
            free(text);
            return raise(vm.e_ValueError, "source code string cannot contain null bytes");
        }
        code = compile_source_mode(text, n, "<string>", fname);
        free(text);
        if (!code)
            return NULL;
    }
    return eval_code(code, g, l);
}

static Object *b_exec(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return exec_or_eval("exec", args, nargs, kw) ? None : NULL;
}

static Object *b_eval(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    return exec_or_eval("eval", args, nargs, kw);
}

/* ---- introspection ---------------------------------------------------------------- */

static Object *b_dir(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("dir", kw) < 0 || args_count("dir", nargs, 0, 1) < 0)
        return NULL;
    Object *names;
    if (nargs == 0) {
        Object *l = frame_locals((Frame *)thread_state()->frame);
        names = l ? list_from_iterable(l) : NULL;
    } else {
        Object *m = special_lookup(args[0], "__dir__", NULL);
        if (!m) {
            if (exc_matches(vm.e_TypeError))
                exc_clear();
            return exc_occurred() ? NULL : raise(vm.e_TypeError, "object does not provide __dir__");
        }
        Object *r = obj_call0(m);
        names = r ? list_from_iterable(r) : NULL;
    }
    if (!names || list_sort(names, NULL, false) < 0)
        return NULL;
    return names;
}

static Object *b_vars(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("vars", kw) < 0 || args_count("vars", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return frame_locals((Frame *)thread_state()->frame);
    Object *d = obj_getattr_cstr(args[0], "__dict__");
    if (!d && exc_matches(vm.e_AttributeError)) {
        exc_clear();
        raise(vm.e_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

/* input() through sys.stdout and sys.stdin, as CPython when they are not
   both a terminal: the prompt follows what was printed before it. */
/* The sys attribute `name` if set and not None, else NULL (no error). */
static Object *sys_stream(const char *name)
{
    Object *v = dict_get_cstr(((ModuleObj *)vm.sys)->dict, name);
    return v && v != None ? v : NULL;
}

static Object *call_method0(Object *obj, const char *name)
{
    Object *m = obj_getattr_cstr(obj, name);
    return m ? obj_call0(m) : NULL;
}

static Object *b_input(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("input", kw) < 0 || args_count("input", nargs, 0, 1) < 0)
        return NULL;
    Object *out = sys_stream("stdout"), *in = sys_stream("stdin");
    if (out) {
        if (nargs && args[0] != None) {
            Object *p = obj_str(args[0]);
            Object *w = p ? obj_getattr_cstr(out, "write") : NULL;
            if (!w || !obj_call1(w, p))
                return NULL;
        }
        if (!call_method0(out, "flush"))
            return NULL;
    } else if (nargs && args[0] != None) {
        Object *p = obj_str(args[0]);
        char *u = p ? str_to_utf8(p, &(size_t){0}) : NULL;
        if (!u)
            return NULL;
        fputs(u, stdout);
        free(u);
    }
    fflush(stdout);
    if (in) {
        Object *line = call_method0(in, "readline");
        if (!line)
            return NULL;
        if (!is_str(line))
            return raise(vm.e_TypeError, "object.readline() returned non-string");
        size_t n = str_len(line);
        if (n == 0)
            return raise(vm.e_EOFError, "EOF when reading a line");
        if (str_char(line, n - 1) == '\n') {
            Object *sl = slice_new(None, make_small(-1), None);
            return sl ? obj_getitem(line, sl) : NULL;
        }
        return line;
    }
    size_t cap = 0;
    char *line = NULL;
    ssize_t n = getline(&line, &cap, stdin);
    if (n < 0) {
        free(line);
        return raise(vm.e_EOFError, "EOF when reading a line");
    }
    if (n > 0 && line[n - 1] == '\n')
        n--;
    Object *r = str_from_utf8(line, (size_t)n);
    free(line);
    return r;
}

static Object *b_import(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "name", "globals", "locals", "fromlist", "level", NULL };
    Object *a[5];
    if (args_parse("__import__", args, nargs, kw, names, 1, 5, a) < 0)
        return NULL;
    if (!is_str(a[0]))
        return raise(vm.e_TypeError, "module name must be a string");
    int64_t level = 0;
    if (a[4] && int_to_i64(a[4], &level) < 0)
        return NULL;
    if (level < 0)
        return raise(vm.e_ValueError, "level must be >= 0");
    if (str_len(a[0]) == 0 && level == 0)
        return raise(vm.e_ValueError, "Empty module name");
    if (a[1] && a[1] != None && (is_small(a[1]) || !type_is_subtype(a[1]->type, vm.t_dict)))
        return raise(vm.e_TypeError, "globals must be a dict");
    Object *g = a[1] && a[1] != None ? a[1] : ((Frame *)thread_state()->frame)->globals;
    return import_name(a[0], a[3] ? a[3] : None, a[4] ? a[4] : make_small(0), g);
}

/* PEP 560: a base that is not a class names the classes it stands for
   with __mro_entries__(original bases). */
static Object *update_bases(Object *orig)
{
    Object *out = NULL;
    for (size_t i = 0; i < tuple_size(orig); i++) {
        Object *b = tuple_get(orig, i);
        Object *entries = NULL;
        if (!is_small(b) && layout_of(b) != L_TYPE) {
            Object *meth = obj_getattr_cstr(b, "__mro_entries__");
            if (!meth && !exc_matches(vm.e_AttributeError))
                return NULL;
            exc_clear();
            if (meth) {
                entries = obj_call1(meth, orig);
                if (!entries)
                    return NULL;
                if (is_small(entries) || entries->type != vm.t_tuple)
                    return raise(vm.e_TypeError, "__mro_entries__ must return a tuple");
            }
        }
        if (!entries && !out)
            continue;
        if (!out) {
            /* The first entry found: the bases before it stay as they are. */
            if (!(out = list_new(0)))
                return NULL;
            for (size_t j = 0; j < i; j++)
                if (list_append(out, tuple_get(orig, j)) < 0)
                    return NULL;
        }
        if (!entries) {
            if (list_append(out, b) < 0)
                return NULL;
            continue;
        }
        for (size_t j = 0; j < tuple_size(entries); j++)
            if (list_append(out, tuple_get(entries, j)) < 0)
                return NULL;
    }
    return out ? list_as_tuple(out) : orig;
}

/* __build_class__(func, name, *bases, metaclass=None, **kwds) */
static Object *b_build_class(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (nargs < 2)
        return raise(vm.e_TypeError, "__build_class__: not enough arguments");
    Object *func = args[0], *name = args[1];
    if (is_small(func) || func->type != vm.t_function)
        return raise(vm.e_TypeError, "__build_class__: func must be a function");
    if (!is_str(name))
        return raise(vm.e_TypeError, "__build_class__: name is not a string");
    Object *orig_bases = tuple_from_array(args + 2, nargs - 2);
    Object *bases = orig_bases ? update_bases(orig_bases) : NULL;
    if (!bases)
        return NULL;
    Object *meta = NULL;
    size_t nkw = kw ? tuple_size(kw) : 0;
    Object *rest_names = tuple_new(nkw);
    Object **rest_vals = malloc((nkw + 4) * sizeof *rest_vals);
    size_t nrest = 0;
    if (!rest_names || !rest_vals)
        return raise_no_memory();
    for (size_t i = 0; i < nkw; i++) {
        if (str_eq_cstr(tuple_get(kw, i), "metaclass"))
            meta = args[nargs + i];
        else {
            tuple_init_item(rest_names, nrest, tuple_get(kw, i));
            rest_vals[3 + nrest++] = args[nargs + i];
        }
    }
    ((Tuple *)rest_names)->size = nrest;
    if (!meta)
        meta = tuple_size(bases) ? (Object *)type_of(tuple_get(bases, 0)) : (Object *)vm.t_type;
    /* The most derived metaclass of all bases wins. */
    if (!is_small(meta) && layout_of(meta) == L_TYPE) {
        for (size_t i = 0; i < tuple_size(bases); i++) {
            Type *bt = type_of(tuple_get(bases, i));
            if (type_is_subtype(bt, (Type *)meta))
                meta = (Object *)bt;
            else if (!type_is_subtype((Type *)meta, bt)) {
                free(rest_vals);
                return raise(vm.e_TypeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
            }
        }
    }
    Object *ns;
    Object *prepare = obj_getattr_cstr(meta, "__prepare__");
    if (prepare) {
        rest_vals[1] = name;
        rest_vals[2] = bases;
        ns = obj_call(prepare, rest_vals + 1, 2, nrest ? rest_names : NULL);
    } else {
        exc_clear();
        ns = dict_new();
    }
    if (!ns) {
        free(rest_vals);
        return NULL;
    }
    Function *fn = (Function *)func;
    Frame *f = frame_new(fn->code, func, fn->globals, fn->builtins, ns);
    if (!f) {
        free(rest_vals);
        return NULL;
    }
    Object *cell = eval_class_body(f);
    if (!cell) {
        free(rest_vals);
        return NULL;
    }
    if (bases != orig_bases && obj_setitem(ns, intern_cstr("__orig_bases__"), orig_bases) < 0) {
        free(rest_vals);
        return NULL;
    }
    rest_vals[0] = name;
    rest_vals[1] = bases;
    rest_vals[2] = ns;
    Object *cls = obj_call(meta, rest_vals, 3, nrest ? rest_names : NULL);
    free(rest_vals);
    /* rest_vals is malloc'd, unseen by the collector: its objects must
       stay referenced from here until the callee has them. */
    keep_alive(name);
    keep_alive(bases);
    keep_alive(ns);
    if (cls && !is_small(cell) && cell->type == vm.t_cell) {
        obj_write(cell);
        ((Cell *)cell)->value = cls;
    }
    return cls;
}

void builtins_init(void)
{
    Object *m = module_new(intern_cstr("builtins"));
    Object *d = ((ModuleObj *)m)->dict;
    vm.builtins = d;
    static const MethodDef functions[] = {
        { "print", b_print, 0 }, { "len", b_len, 0 }, { "repr", b_repr, 0 },
        { "ascii", b_ascii, 0 }, { "format", b_format, 0 }, { "isinstance", b_isinstance, 0 },
        { "issubclass", b_issubclass, 0 }, { "abs", b_abs, 0 }, { "min", b_min, 0 },
        { "max", b_max, 0 }, { "sum", b_sum, 0 }, { "iter", b_iter, 0 }, { "next", b_next, 0 },
        { "hash", b_hash, 0 }, { "id", b_id, 0 }, { "chr", b_chr, 0 }, { "ord", b_ord, 0 },
        { "callable", b_callable, 0 }, { "getattr", b_getattr, 0 },
        { "setattr", b_setattr, 0 }, { "delattr", b_delattr, 0 }, { "hasattr", b_hasattr, 0 },
        { "sorted", b_sorted, 0 }, { "any", b_any, 0 }, { "all", b_all, 0 },
        { "divmod", b_divmod, 0 }, { "pow", b_pow, 0 }, { "globals", b_globals, 0 },
        { "locals", b_locals, 0 }, { "__build_class__", b_build_class, 0 },
        { "compile", b_compile, 0 }, { "exec", b_exec, 0 }, { "eval", b_eval, 0 },
        { "dir", b_dir, 0 }, { "vars", b_vars, 0 }, { "input", b_input, 0 },
        { "__import__", b_import, 0 },
        { NULL, NULL, 0 },
    };
    for (const MethodDef *f = functions; f->name; f++)
        dict_set_cstr(d, f->name, builtin_new(f->name, f->fn, m, m));
    struct { const char *name; Type *t; } types[] = {
        { "object", vm.t_object }, { "type", vm.t_type }, { "int", vm.t_int },
        { "bool", vm.t_bool }, { "float", vm.t_float }, { "complex", vm.t_complex },
        { "str", vm.t_str }, { "bytes", vm.t_bytes }, { "bytearray", vm.t_bytearray },
        { "memoryview", memoryview_type() },
        { "tuple", vm.t_tuple },
        { "list", vm.t_list }, { "dict", vm.t_dict }, { "set", vm.t_set },
        { "frozenset", vm.t_frozenset }, { "range", vm.t_range }, { "slice", vm.t_slice },
        { "enumerate", vm.t_enumerate }, { "zip", vm.t_zip }, { "map", vm.t_map },
        { "filter", vm.t_filter }, { "reversed", vm.t_reversed },
        { "property", vm.t_property }, { "staticmethod", vm.t_staticmethod },
        { "classmethod", vm.t_classmethod }, { "super", vm.t_super },
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        dict_set_cstr(d, types[i].name, (Object *)types[i].t);
#define X(name, base) dict_set_cstr(d, #name, (Object *)vm.e_##name);
    EXC_TYPES(X)
#undef X
    dict_set_cstr(d, "EnvironmentError", (Object *)vm.e_OSError);
    dict_set_cstr(d, "IOError", (Object *)vm.e_OSError);
    dict_set_cstr(d, "None", None);
    dict_set_cstr(d, "True", True_);
    dict_set_cstr(d, "False", False_);
    dict_set_cstr(d, "Ellipsis", vm.ellipsis);
    dict_set_cstr(d, "NotImplemented", NotImplemented);
    dict_set_cstr(d, "__debug__", True_);
    void number_builtins_init(Object *builtins_module);
    number_builtins_init(m);
    void builtins_site_init(Object *builtins);
    builtins_site_init(d);
}

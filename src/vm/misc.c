/*
** Small objects and helpers the interpreter loop needs: slices, the index
** protocol, unpacking, complex numbers' constructor, unhashable types.
*/
#include <stdlib.h>
#include <string.h>

#include "vm/eval.h"
#include "vm/runtime.h"

int64_t hash_not_implemented(Object *self)
{
    raise(vm.e_TypeError, "unhashable type: '%s'", type_name(type_of(self)));
    return -1;
}

Object *slice_new(Object *start, Object *stop, Object *step)
{
    Slice *s = (Slice *)vm_alloc(sizeof(struct Slice), L_SLICE, vm.t_slice);
    if (s) {
        s->start = start;
        s->stop = stop;
        s->step = step;
    }
    return (Object *)s;
}

Object *number_index(Object *v)
{
    if (is_small(v) || is_int(v))
        return v;
    UnaryFn *f = type_of(v)->unary[UN_INDEX];
    if (!f)
        return raise(vm.e_TypeError, "'%s' object cannot be interpreted as an integer",
                     type_name(type_of(v)));
    Object *r = f(v);
    if (r && !is_int(r))
        return raise(vm.e_TypeError, "__index__ returned non-int (type %s)", type_name(type_of(r)));
    return r;
}

int index_to_ssize(Object *v, intptr_t *out, bool clip)
{
    Object *i = number_index(v);
    if (!i)
        return -1;
    int64_t x;
    if (int_to_i64(i, &x) < 0) {
        if (!clip) {
            exc_clear();
            char b[100];
            raise(vm.e_IndexError, "cannot fit '%s' into an index-sized integer",
                  str_cstr(type_of(v)->name, b, sizeof b));
            return -1;
        }
        exc_clear();
        Object *neg = obj_richcompare(i, make_small(0), CMP_LT);
        x = neg == True_ ? INTPTR_MIN : INTPTR_MAX;
    }
    *out = (intptr_t)x;
    return 0;
}

int repeat_count(Object *n, size_t copy_bytes, intptr_t *out)
{
    Object *i = number_index(n);
    if (!i)
        return -1;
    int64_t x;
    if (int_to_i64(i, &x) < 0) {
        exc_clear();
        raise(vm.e_OverflowError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    *out = x < 0 || copy_bytes == 0 ? 0 : (intptr_t)x;
    if (copy_bytes && (size_t)*out > (SIZE_MAX / 16) / copy_bytes) {
        raise_no_memory();
        return -1;
    }
    return 0;
}

/* CPython's PySlice_GetIndicesEx: clip to the sequence and count. */
static int slice_index(Object *v, intptr_t *out)
{
    if (!is_small(v) && !type_lookup(type_of(v), intern_cstr("__index__"))) {
        raise(vm.e_TypeError, "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    return index_to_ssize(v, out, true);
}

int slice_indices(Object *slice, intptr_t length, intptr_t *start, intptr_t *stop,
                  intptr_t *step, intptr_t *count)
{
    Slice *s = (Slice *)slice;
    *step = 1;
    if (s->step != None) {
        if (slice_index(s->step, step) < 0)
            return -1;
        if (*step == 0) {
            raise(vm.e_ValueError, "slice step cannot be zero");
            return -1;
        }
        if (*step < -INTPTR_MAX)
            *step = -INTPTR_MAX;
    }
    intptr_t lower = *step < 0 ? -1 : 0, upper = *step < 0 ? length - 1 : length;
    if (s->start == None) {
        *start = *step < 0 ? upper : lower;
    } else {
        if (slice_index(s->start, start) < 0)
            return -1;
        if (*start < 0) {
            *start += length;
            if (*start < lower)
                *start = lower;
        } else if (*start > upper) {
            *start = upper;
        }
    }
    if (s->stop == None) {
        *stop = *step < 0 ? lower : upper;
    } else {
        if (slice_index(s->stop, stop) < 0)
            return -1;
        if (*stop < 0) {
            *stop += length;
            if (*stop < lower)
                *stop = lower;
        } else if (*stop > upper) {
            *stop = upper;
        }
    }
    if (*step < 0)
        *count = *stop < *start ? (*start - *stop - 1) / (-*step) + 1 : 0;
    else
        *count = *start < *stop ? (*stop - *start - 1) / *step + 1 : 0;
    return 0;
}

/* UNPACK_SEQUENCE (after == -1) and UNPACK_EX: items pushed so that the
   first ends on top. */
Object *unpack_iterable(Object *v, size_t before, size_t after, Object *STM_SEG *dest)
{
    Object *items = list_from_iterable(v);
    if (!items) {
        if (exc_matches(vm.e_TypeError) && !type_of(v)->iter && !type_of(v)->getitem) {
            exc_clear();
            return raise(vm.e_TypeError, "cannot unpack non-iterable %s object",
                         type_name(type_of(v)));
        }
        return NULL;
    }
    size_t n = list_size(items);
    if (after == (size_t)(uint32_t)-1) {
        if (n < before)
            return raise(vm.e_ValueError, "not enough values to unpack (expected %zu, got %zu)",
                         before, n);
        if (n > before)
            return raise(vm.e_ValueError, "too many values to unpack (expected %zu)", before);
        for (size_t i = 0; i < n; i++)
            dest[i] = list_get(items, n - 1 - i);
        return None;
    }
    if (n < before + after)
        return raise(vm.e_ValueError, "not enough values to unpack (expected at least %zu, got %zu)",
                     before + after, n);
    Object *middle = list_new(0);
    if (!middle)
        return NULL;
    for (size_t i = before; i < n - after; i++)
        if (list_append(middle, list_get(items, i)) < 0)
            return NULL;
    size_t k = 0;
    for (size_t i = 0; i < after; i++)
        dest[k++] = list_get(items, n - 1 - i);
    dest[k++] = middle;
    for (size_t i = 0; i < before; i++)
        dest[k++] = list_get(items, before - 1 - i);
    return None;
}

Object *complex_new(double re, double im)
{
    Complex *c = (Complex *)vm_alloc(sizeof(struct Complex), L_COMPLEX, vm.t_complex);
    if (c) {
        c->real = re;
        c->imag = im;
    }
    return (Object *)c;
}

Object *module_new(Object *name)
{
    ModuleObj *m = (ModuleObj *)vm_alloc(sizeof(struct ModuleObj), L_MODULE, vm.t_module);
    if (!m)
        return NULL;
    m->name = name;
    m->dict = dict_new();
    /* The attributes every module has, as in CPython: importlib reads
       __spec__ and __loader__ without a default. */
    if (!m->dict || dict_set_cstr(m->dict, "__name__", name) < 0
        || dict_set_cstr(m->dict, "__doc__", None) < 0
        || dict_set_cstr(m->dict, "__package__", None) < 0
        || dict_set_cstr(m->dict, "__loader__", None) < 0
        || dict_set_cstr(m->dict, "__spec__", None) < 0)
        return NULL;
    return (Object *)m;
}

static Object *module_repr(Object *m)
{
    char b[200];
    return str_format("<module '%s'>", str_cstr(((ModuleObj *)m)->name, b, sizeof b));
}

static Object *module_getattr(Object *m, Object *name)
{
    Object *v = generic_getattr(m, name);
    if (v || exc_occurred())
        return v;
    Object *ga = dict_get_cstr(((ModuleObj *)m)->dict, "__getattr__");
    return ga ? obj_call1(ga, name) : NULL;
}

/* module(name, doc=None): also the base of module subclasses. */
static Object *module_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    ModuleObj *m = (ModuleObj *)vm_alloc(sizeof(struct ModuleObj), L_MODULE, (Type *)cls);
    if (!m || !(m->dict = dict_new()))
        return NULL;
    m->name = vm.empty_str;
    return (Object *)m;
}

static int module_init(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    static const char *const names[] = { "name", "doc", NULL };
    Object *a[2];
    if (args_parse("module", args, nargs, kw, names, 1, 2, a) < 0)
        return -1;
    if (!is_str(a[0])) {
        raise(vm.e_TypeError, "module.__init__() argument 'name' must be str, not %s",
              type_name(type_of(a[0])));
        return -1;
    }
    ModuleObj *m = (ModuleObj *)self;
    obj_write(self);
    m->name = a[0];
    if (dict_set_cstr(m->dict, "__name__", a[0]) < 0
        || dict_set_cstr(m->dict, "__doc__", a[1] ? a[1] : None) < 0
        || dict_set_cstr(m->dict, "__package__", None) < 0
        || dict_set_cstr(m->dict, "__loader__", None) < 0
        || dict_set_cstr(m->dict, "__spec__", None) < 0)
        return -1;
    return 0;
}

static Object *none_repr(Object *v) { return intern_cstr("None"); }
static Object *notimpl_repr(Object *v) { return intern_cstr("NotImplemented"); }
static Object *ellipsis_repr(Object *v) { return intern_cstr("Ellipsis"); }

/* The singletons pickle as the builtins' global names. */
static Object *singleton_reduce(Object *self, Object *const *args, size_t nargs, Object *kw)
{
    if (args_exact("__reduce__", kw, nargs, 0) < 0)
        return NULL;
    return intern_cstr(self == vm.ellipsis ? "Ellipsis" : "NotImplemented");
}
static int none_truth(Object *v) { return 0; }

static Object *slice_repr(Object *v)
{
    Slice *s = (Slice *)v;
    Object *a = obj_repr(s->start), *b = a ? obj_repr(s->stop) : NULL,
           *c = b ? obj_repr(s->step) : NULL;
    if (!c)
        return NULL;
    char x[100], y[100], z[100];
    return str_format("slice(%s, %s, %s)", str_cstr(a, x, sizeof x), str_cstr(b, y, sizeof y),
                      str_cstr(c, z, sizeof z));
}

static Object *cell_contents(Object *c)
{
    obj_read(c);
    Object *v = ((Cell *)c)->value;
    return v ? v : raise(vm.e_ValueError, "Cell is empty");
}

static int cell_set_contents(Object *c, Object *v)
{
    obj_write(c);
    ((Cell *)c)->value = v;
    return 0;
}

static Object *cell_tp_new(Object *cls, Object *const *args, size_t nargs, Object *kw)
{
    if (args_no_kw("cell", kw) < 0 || args_count("cell", nargs, 0, 1) < 0)
        return NULL;
    return cell_new(nargs ? args[0] : NULL);
}

Object *getset_new(Type *owner, const char *name, Object *(*get)(Object *),
                   int (*set)(Object *, Object *));

void misc_types_init(void)
{
    vm.t_module->repr = module_repr;
    vm.t_module->getattr = module_getattr;
    vm.t_module->setattr = generic_setattr;
    vm.t_module->tp_new = module_tp_new;
    vm.t_module->init = module_init;
    vm.t_NoneType->repr = none_repr;
    vm.t_NoneType->truth = none_truth;
    vm.t_NotImplementedType->repr = notimpl_repr;
    vm.t_ellipsis->repr = ellipsis_repr;
    static const MethodDef reduce[] = { { "__reduce__", singleton_reduce, 0 }, { NULL, NULL, 0 } };
    type_add_methods(vm.t_ellipsis, reduce);
    type_add_methods(vm.t_NotImplementedType, reduce);
    vm.t_slice->repr = slice_repr;
    vm.t_slice->hash = hash_not_implemented;
    getset_new(vm.t_cell, "cell_contents", cell_contents, cell_set_contents);
    vm.t_cell->tp_new = cell_tp_new;
    vm.t_list->hash = hash_not_implemented;
    vm.t_set->hash = hash_not_implemented;
}

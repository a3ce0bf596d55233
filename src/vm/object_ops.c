/*
** The generic object protocol: what the interpreter and the builtins call
** on any value.  Each operation dispatches on the type's slots with
** CPython's rules (reflected operands, subclass priority, fall-backs) and
** raises CPython's TypeError when nothing applies.
*/
#include <string.h>

#include "vm/runtime.h"

static const char *const binop_symbol[NB_INPLACE] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
};
static const char *const cmp_symbol[] = { "<", "<=", "==", "!=", ">", ">=" };
static const CmpOp cmp_swapped[] = { CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE };

/* repr and comparison recurse through nested containers in C: they count
   against the recursion limit as Python calls do, as in CPython. */
static bool enter_recursive_call(const char *where)
{
    ThreadState *ts = thread_state();
    if (ts->depth + 1 > ts->recursion_limit || stack_exhausted()) {
        raise(vm.e_RecursionError, "maximum recursion depth exceeded%s", where);
        return false;
    }
    obj_write((Object *)ts);
    ts->depth++;
    return true;
}

static void leave_recursive_call(void)
{
    ThreadState *ts = thread_state();
    obj_write((Object *)ts);
    ts->depth--;
}

Object *obj_repr(Object *v)
{
    Type *t = type_of(v);
    if (!t->repr)
        return str_format("<%s object at %#lx>", type_name(t), (unsigned long)(uintptr_t)v);
    if (!enter_recursive_call(" while getting the repr of an object"))
        return NULL;
    Object *r = t->repr(v);
    leave_recursive_call();
    if (r && !is_str(r))
        return raise(vm.e_TypeError, "__repr__ returned non-string (type %s)",
                     type_name(type_of(r)));
    return r;
}

Object *obj_str(Object *v)
{
    Type *t = type_of(v);
    if (t == vm.t_str)
        return v;
    if (!t->str)
        return obj_repr(v);
    Object *r = t->str(v);
    if (r && !is_str(r))
        return raise(vm.e_TypeError, "__str__ returned non-string (type %s)",
                     type_name(type_of(r)));
    return r;
}

int64_t obj_hash(Object *v)
{
    /* Below the modulus 2**61 - 1 an int is its own hash. */
    if (is_small(v) && small_value(v) < ((intptr_t)1 << 61) - 1
        && small_value(v) > -((intptr_t)1 << 61) + 1) {
        int64_t h = small_value(v);
        return h == -1 ? -2 : h;        /* hash(-1) == -2, as in CPython */
    }
    if (!is_small(v) && layout_of(v) == L_STR)
        return str_hash(v);
    Type *t = type_of(v);
    if (!t->hash) {
        raise(vm.e_TypeError, "unhashable type: '%s'", type_name(t));
        return -1;
    }
    return t->hash(v);
}

static Object *try_compare(Type *t, Object *a, Object *b, CmpOp op)
{
    if (!t->richcompare)
        return NotImplemented;
    return t->richcompare(a, b, op);
}

static Object *richcompare(Object *a, Object *b, CmpOp op);

Object *obj_richcompare(Object *a, Object *b, CmpOp op)
{
    /* Numbers and strings compare without recursing. */
    Type *t = type_of(a);
    if (t == type_of(b) && (t == vm.t_int || t == vm.t_float || t == vm.t_str))
        return richcompare(a, b, op);
    if (!enter_recursive_call(" in comparison"))
        return NULL;
    Object *r = richcompare(a, b, op);
    leave_recursive_call();
    return r;
}

static Object *richcompare(Object *a, Object *b, CmpOp op)
{
    Type *ta = type_of(a), *tb = type_of(b);
    bool reflected_first = ta != tb && type_is_subtype(tb, ta) && tb->richcompare;
    Object *r;
    if (reflected_first) {
        r = try_compare(tb, b, a, cmp_swapped[op]);
        if (r != NotImplemented)
            return r;
    }
    r = try_compare(ta, a, b, op);
    if (r != NotImplemented)
        return r;
    /* The reflected operation is tried even between instances of one
       type, as CPython does. */
    if (!reflected_first) {
        r = try_compare(tb, b, a, cmp_swapped[op]);
        if (r != NotImplemented)
            return r;
    }
    if (op == CMP_EQ)
        return bool_obj(a == b);
    if (op == CMP_NE)
        return bool_obj(a != b);
    return raise(vm.e_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                 cmp_symbol[op], type_name(ta), type_name(tb));
}

int obj_richcompare_bool(Object *a, Object *b, CmpOp op)
{
    if (a == b && (op == CMP_EQ || op == CMP_NE))
        return op == CMP_EQ;
    Object *r = obj_richcompare(a, b, op);
    if (!r)
        return -1;
    if (r == True_)
        return 1;
    if (r == False_)
        return 0;
    return obj_truth(r);
}

int obj_truth(Object *v)
{
    if (v == True_)
        return 1;
    if (v == False_ || v == None)
        return 0;
    if (is_small(v))
        return small_value(v) != 0;
    Type *t = type_of(v);
    if (t->truth)
        return t->truth(v);
    if (t->length) {
        intptr_t n = t->length(v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

static Object *no_attribute_message(Object *v, Object *name);

/* The AttributeError of a failed look-up carries the name and the
   object (its name and obj attributes). */
static Object *no_attribute(Object *v, Object *name)
{
    no_attribute_message(v, name);
    Object *e = exc_occurred();
    if (e && !is_small(e) && layout_of(e) == L_EXCEPTION) {
        obj_write(e);
        ((Exception *)e)->fields[0] = name;
        ((Exception *)e)->fields[1] = v;
    }
    return NULL;
}

static Object *no_attribute_message(Object *v, Object *name)
{
    char nb[200];
    str_cstr(name, nb, sizeof nb);
    Type *t = type_of(v);
    if (t == vm.t_module || type_is_subtype(t, vm.t_module)) {
        char mb[200];
        Object *mname = ((ModuleObj *)v)->name;
        if (mname && is_str(mname))
            return raise(vm.e_AttributeError, "module '%s' has no attribute '%s'",
                         str_cstr(mname, mb, sizeof mb), nb);
    }
    if (!is_small(v) && layout_of(v) == L_TYPE)
        return raise(vm.e_AttributeError, "type object '%s' has no attribute '%s'",
                     type_name((Type *)v), nb);
    return raise(vm.e_AttributeError, "'%s' object has no attribute '%s'", type_name(t), nb);
}

Object *obj_getattr(Object *v, Object *name)
{
    Type *t = type_of(v);
    Object *r = t->getattr ? t->getattr(v, name) : generic_getattr(v, name);
    if (!r && !exc_occurred())
        return no_attribute(v, name);
    return r;
}

Object *obj_getattr_cstr(Object *v, const char *name)
{
    Object *n = intern_cstr(name);
    return n ? obj_getattr(v, n) : NULL;
}

int obj_setattr(Object *v, Object *name, Object *value)
{
    Type *t = type_of(v);
    if (!t->setattr) {
        char nb[200];
        str_cstr(name, nb, sizeof nb);
        if (type_lookup(t, name))
            raise(vm.e_AttributeError, "'%s' object attribute '%s' is read-only",
                  type_name(t), nb);
        else
            raise(vm.e_AttributeError, "'%s' object has no attribute '%s'", type_name(t), nb);
        return -1;
    }
    return t->setattr(v, name, value);
}

Object *obj_call(Object *callable, Object *const *args, size_t nargs, Object *kwnames)
{
    Type *t = type_of(callable);
    if (!t->call)
        return raise(vm.e_TypeError, "'%s' object is not callable", type_name(t));
    return t->call(callable, args, nargs, kwnames);
}

Object *obj_call0(Object *callable) { return obj_call(callable, NULL, 0, NULL); }
Object *obj_call1(Object *callable, Object *arg) { return obj_call(callable, &arg, 1, NULL); }

static Object *binary_plain(Object *a, Object *b, BinOp op)
{
    Type *ta = type_of(a), *tb = type_of(b);
    BinaryFn *fa = ta->binary[op];
    BinaryFn *fb = tb != ta ? tb->binary[op] : NULL;
    if (fb == fa)
        fb = NULL;
    if (fa) {
        if (fb && type_is_subtype(tb, ta)) {
            Object *r = fb(a, b);
            if (r != NotImplemented)
                return r;
            fb = NULL;
        }
        Object *r = fa(a, b);
        if (r != NotImplemented)
            return r;
    }
    if (fb)
        return fb(a, b);
    return NotImplemented;
}

Object *obj_binary(Object *a, Object *b, BinOp op)
{
    BinOp base = op >= NB_INPLACE ? op - NB_INPLACE : op;
    if (op >= NB_INPLACE) {
        BinaryFn *f = type_of(a)->binary[op];
        if (f) {
            Object *r = f(a, b);
            if (r != NotImplemented)
                return r;
        }
    }
    Object *r = binary_plain(a, b, base);
    if (r != NotImplemented)
        return r;
    if (base == NB_POWER && op < NB_INPLACE)
        return raise(vm.e_TypeError, "unsupported operand type(s) for ** or pow(): '%s' and '%s'",
                     type_name(type_of(a)), type_name(type_of(b)));
    return raise(vm.e_TypeError, "unsupported operand type(s) for %s%s: '%s' and '%s'",
                 binop_symbol[base], op >= NB_INPLACE ? "=" : "",
                 type_name(type_of(a)), type_name(type_of(b)));
}

Object *obj_unary(Object *a, enum UnaryOp op)
{
    static const char *const names[UN_COUNT] = {
        "unary -", "unary +", "unary ~", "abs()", "int()", "float()", "index",
    };
    UnaryFn *f = type_of(a)->unary[op];
    if (!f)
        return raise(vm.e_TypeError, "bad operand type for %s: '%s'", names[op],
                     type_name(type_of(a)));
    return f(a);
}

Object *generic_alias_new(Object *origin, Object *args);

Object *obj_getitem(Object *v, Object *key)
{
    Type *t = type_of(v);
    if (t->getitem)
        return t->getitem(v, key);
    if (!is_small(v) && layout_of(v) == L_TYPE) {
        /* type[int]: type itself has no __class_getitem__, which every
           class would otherwise find through its metaclass. */
        if (v == (Object *)vm.t_type)
            return generic_alias_new(v, key);
        Object *cg = obj_getattr_cstr(v, "__class_getitem__");
        if (cg)
            return obj_call1(cg, key);
        exc_clear();
        return raise(vm.e_TypeError, "type '%s' is not subscriptable", type_name((Type *)v));
    }
    return raise(vm.e_TypeError, "'%s' object is not subscriptable", type_name(t));
}

int obj_setitem(Object *v, Object *key, Object *value)
{
    Type *t = type_of(v);
    if (t->setitem)
        return t->setitem(v, key, value);
    if (value)
        raise(vm.e_TypeError, "'%s' object does not support item assignment", type_name(t));
    else
        raise(vm.e_TypeError, "'%s' object doesn't support item deletion", type_name(t));
    return -1;
}

int obj_contains(Object *container, Object *item)
{
    Type *t = type_of(container);
    if (t->contains)
        return t->contains(container, item);
    Object *it = obj_iter(container);
    if (!it) {
        if (exc_matches(vm.e_TypeError)) {
            exc_clear();
            raise(vm.e_TypeError, "argument of type '%s' is not iterable", type_name(t));
        }
        return -1;
    }
    for (;;) {
        Object *x = obj_next(it);
        if (!x)
            return exc_occurred() ? -1 : 0;
        int r = obj_richcompare_bool(x, item, CMP_EQ);
        if (r != 0)
            return r;
    }
}

intptr_t obj_length(Object *v)
{
    Type *t = type_of(v);
    if (!t->length) {
        raise(vm.e_TypeError, "object of type '%s' has no len()", type_name(t));
        return -1;
    }
    return t->length(v);
}

Object *seq_iter_new(Object *seq);

Object *obj_iter(Object *v)
{
    Type *t = type_of(v);
    if (t->iter) {
        Object *it = t->iter(v);
        if (it && !type_of(it)->next)
            return raise(vm.e_TypeError, "iter() returned non-iterator of type '%s'",
                         type_name(type_of(it)));
        return it;
    }
    if (t->getitem && t != vm.t_dict)
        return seq_iter_new(v);
    return raise(vm.e_TypeError, "'%s' object is not iterable", type_name(t));
}

Object *obj_next(Object *it)
{
    Type *t = type_of(it);
    if (!t->next)
        return raise(vm.e_TypeError, "'%s' object is not an iterator", type_name(t));
    return t->next(it);
}

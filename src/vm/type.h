/*
** Type objects.  A type is a heap object like any other (classes are
** created at run time), with C slot functions that the interpreter calls
** directly.  A builtin type fills its slots with C code and exposes them in
** its dict as methods (int.__add__); a class written in Python gets slots
** that look its dunders up (slot_dunder.c), so both paths meet at the
** slots, as in CPython.
*/
#ifndef STMPY_TYPE_H
#define STMPY_TYPE_H

#include "compiler/opcodes.h"
#include "vm/object.h"

/* Binary operators and rich comparisons are numbered as the compiler's
   BINARY_OP and COMPARE_OP arguments (CPython's NB_* and Py_LT.. values);
   the in-place forms follow the plain ones, NB_INPLACE apart. */
#define NB_COUNT (2 * NB_INPLACE)
typedef int BinOp;
typedef int CmpOp;

enum UnaryOp { UN_NEG, UN_POS, UN_INVERT, UN_ABS, UN_INT, UN_FLOAT, UN_INDEX, UN_COUNT };

/* A call: positional arguments args[0..nargs), then one value per name of
   kwnames (a tuple of str, or NULL) in args[nargs..]. */
typedef Object *CallFn(Object *callable, Object *const *args, size_t nargs, Object *kwnames);
typedef Object *BinaryFn(Object *a, Object *b);     /* may return NotImplemented */
typedef Object *UnaryFn(Object *a);

enum TypeFlags {
    TF_HEAP = 1,            /* created by a class statement: attributes settable */
    TF_BASETYPE = 2,        /* may be subclassed */
    TF_HAS_DICT = 4,        /* instances have a __dict__ */
    TF_ABSTRACT = 8,
    TF_INT_SUBCLASS = 0x10, TF_STR_SUBCLASS = 0x20, TF_TUPLE_SUBCLASS = 0x40,
    TF_LIST_SUBCLASS = 0x80, TF_DICT_SUBCLASS = 0x100, TF_TYPE_SUBCLASS = 0x200,
    TF_EXC_SUBCLASS = 0x400,
    TF_FINALIZE = 0x800,    /* the MRO defines __del__: instances get a finalizer */
};

struct Type {
    OBJECT_HEAD;
    Object *name;            /* str */
    Object *qualname;        /* str */
    Type *base;              /* the "solid" base whose layout instances have */
    Object *bases;           /* tuple */
    Object *mro;             /* tuple */
    Object *dict;            /* dict */
    uint32_t flags;
    uint32_t instance_layout;
    size_t instance_size;    /* bytes, for fixed-size instances */

    /* Slots.  NULL means "not supported" (TypeError) unless said otherwise. */
    UnaryFn *repr, *str;
    int64_t (*hash)(Object *self);                       /* -1: error */
    Object *(*richcompare)(Object *a, Object *b, CmpOp op);
    CallFn *call;
    Object *(*getattr)(Object *self, Object *name);       /* NULL+no error: missing */
    int (*setattr)(Object *self, Object *name, Object *value);  /* value NULL: delete */
    UnaryFn *iter;
    Object *(*next)(Object *self);                       /* NULL, no error: exhausted */
    Object *(*descr_get)(Object *descr, Object *obj, Type *owner);
    int (*descr_set)(Object *descr, Object *obj, Object *value);
    CallFn *tp_new;          /* __new__: gets the class as its callable */
    int (*init)(Object *self, Object *const *args, size_t nargs, Object *kwnames);
    int (*truth)(Object *self);                          /* -1: error */
    intptr_t (*length)(Object *self);                    /* -1: error */
    Object *(*getitem)(Object *self, Object *key);
    int (*setitem)(Object *self, Object *key, Object *value);   /* value NULL: delete */
    int (*contains)(Object *self, Object *item);         /* -1: error */
    BinaryFn *binary[NB_COUNT];
    UnaryFn *unary[UN_COUNT];
    /* A C type's own finalizer, for what Python code never sees (a zlib
       stream's C memory); with TF_FINALIZE.  Classes written in Python
       and C types visible to them use __del__. */
    void (*finalize)(Object *self);
};

static inline Type *type_of(Object *v);

#endif

/*
** The VM's side of the collector: libstm set-up, allocation, and the trace
** callback that tells libstm where the references of each layout are.
*/
#include "vm/vm.h"
#include "vm/objects.h"
#include "vm/conflict_log.h"

/* Tagged ints and NULL are not references: visit only real ones. */
#define VISIT(field, visit, ctx)                                    \
    do {                                                            \
        if ((field) && !is_small((Object *)(field)))                            \
            visit((stm_obj **)&(field), ctx);                       \
    } while (0)

static void visit_range(Object **slots, size_t n, stm_visit_fn *visit, void *ctx)
{
    for (size_t i = 0; i < n; i++)
        VISIT(slots[i], visit, ctx);
}

/* Layouts whose references are `n` consecutive fields right after the
   type pointer: their structs are declared that way on purpose. */
static const uint8_t fixed_refs[L_COUNT] = {
    [L_PLAIN] = 0, [L_BIGINT] = 0, [L_FLOAT] = 0, [L_COMPLEX] = 0,
    [L_STR] = 0, [L_BYTES] = 0,
    [L_LIST] = LIST_REFS, [L_DICT] = DICT_REFS, [L_SETOBJ] = SET_REFS,
    [L_FUNCTION] = FUNCTION_REFS, [L_BUILTIN] = BUILTIN_REFS,
    [L_METHOD] = METHOD_REFS, [L_CELL] = CELL_REFS, [L_MODULE] = MODULE_REFS,
    [L_EXCEPTION] = EXCEPTION_REFS, [L_RANGE] = RANGE_REFS,
    [L_SLICE] = SLICE_REFS, [L_ITER] = ITER_REFS, [L_PROPERTY] = PROPERTY_REFS,
    [L_GENERATOR] = GENERATOR_REFS, [L_THREAD_STATE] = THREAD_STATE_REFS,
    [L_GETSET] = GETSET_REFS, [L_TRACEBACK] = TRACEBACK_REFS,
    [L_TYPE] = TYPE_REFS, [L_NATIVE] = NATIVE_REFS,
};

static void trace(struct stm_header *h, stm_visit_fn *visit, void *ctx)
{
    /* The collector hands us real addresses: use the plain struct types. */
    struct RefsObject *o = (struct RefsObject *)h;
    VISIT(o->type, visit, ctx);
    switch (h->stm_type) {
    case L_TUPLE: {
        struct Tuple *t = (struct Tuple *)h;
        visit_range(t->items, t->size, visit, ctx);
        break;
    }
    case L_ARRAY: {
        struct Array *a = (struct Array *)h;
        visit_range(a->items, a->capacity, visit, ctx);
        break;
    }
    case L_DICT_TABLE: {
        struct DictTable *t = (struct DictTable *)h;
        struct DictEntry *e = t->entries;
        for (uint32_t i = 0; i < t->used; i++) {
            VISIT(e[i].key, visit, ctx);
            VISIT(e[i].value, visit, ctx);
        }
        break;
    }
    case L_INSTANCE: {
        struct Instance *in = (struct Instance *)h;
        VISIT(in->dict, visit, ctx);
        VISIT(in->slots, visit, ctx);
        VISIT(in->base_value, visit, ctx);
        break;
    }
    case L_CODE: {
        struct Code *c = (struct Code *)h;
        visit_range(&c->consts, CODE_REFS, visit, ctx);
        break;
    }
    case L_FRAME: {
        struct Frame *f = (struct Frame *)h;
        visit_range(&f->back, FRAME_REFS, visit, ctx);
        /* Every slot: the loop keeps the stack depth in a register and
           saves it only at calls and breaks, so a collection in between
           must not trust stack_depth.  Slots above the top hold stale but
           valid references (they are traced too, so never dangle). */
        visit_range(f->slots, f->nslots, visit, ctx);
        break;
    }
    default:
        visit_range(o->refs, fixed_refs[h->stm_type], visit, ctx);
        break;
    }
}

/* Large item vectors are traced a card at a time: list items and the
   like, so that appending to a big list marks one card, not the vector. */
static void trace_items(struct stm_header *h, size_t from, size_t to,
                        stm_visit_fn *visit, void *ctx)
{
    if (h->stm_type == L_DICT_TABLE) {
        /* Dict tables are carded by word offset (dict.c): the entries
           that overlap words [from, to). */
        struct DictTable *t = (struct DictTable *)h;
        size_t first = offsetof(struct DictTable, entries) / sizeof(void *);
        size_t per = sizeof(struct DictEntry) / sizeof(void *);
        size_t lo = from > first ? (from - first) / per : 0;
        size_t hi = to > first ? (to - first + per - 1) / per : 0;
        for (size_t i = lo; i < hi && i < t->used; i++) {
            VISIT(t->entries[i].key, visit, ctx);
            VISIT(t->entries[i].value, visit, ctx);
        }
        return;
    }
    if (h->stm_type != L_ARRAY) {
        trace(h, visit, ctx);
        return;
    }
    struct Array *a = (struct Array *)h;
    if (to > a->capacity)
        to = a->capacity;
    if (from < to)
        visit_range(a->items + from, to - from, visit, ctx);
}

/* The references of one object as the collector sees them, for the gc
   module's get_referents() and its walks over the heap (mod_gc.c). */
void vm_trace_object(Object *o, stm_visit_fn *visit, void *ctx)
{
    trace((struct stm_header *)stm_real_address((stm_obj *)o), visit, ctx);
}

bool vm_heap_setup(void)
{
    struct stm_config cfg = {
        .trace = trace,
        .trace_items = trace_items,
        .on_finalizers_due = finalizers_notice,
    };
    conflict_log_configure(&cfg);
    if (!stm_setup(&cfg))
        return false;
    stm_add_static_root_range(&vm, sizeof vm);
    return true;
}

Object *vm_alloc(size_t size, enum Layout layout, Type *type)
{
    Object *o = (Object *)stm_allocate(size, layout);
    if (STM_UNLIKELY(!o))
        return raise_no_memory();
    o->type = type;
    if (STM_UNLIKELY(type && (type->flags & TF_FINALIZE)))
        stm_enable_finalizer((stm_obj *)o);
    return o;
}

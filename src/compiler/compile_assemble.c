/* Assembly: instruction list -> CodeUnit.
 *
 * A flow pass from the entry computes, for every reachable instruction,
 * the stack depth and the stack of active handlers (SETUP_* pushes one,
 * POP_BLOCK pops it, a jump carries the stack to its target, a handler
 * starts with the stack its SETUP saw), as CPython's label_exception_targets
 * and stackdepth do.  Unreachable instructions are dropped, pseudo
 * instructions vanish, then words are laid out (EXTENDED_ARG where an
 * argument needs more than 24 bits) until jump targets stop moving.
 */
#include <stdlib.h>
#include <string.h>

#include "compiler/compile_internal.h"

#define OPCODE_INFO(name, arg, cache, jump) {#name, arg, cache, jump},
const OpcodeInfo opcode_info[OP_COUNT] = {OPCODE_LIST(OPCODE_INFO)};
#undef OPCODE_INFO

/* Net stack effect of op, on the jump edge when jump is set. */
int opcode_stack_effect(int op, int arg, int jump)
{
    switch (op) {
    case OP_NOP: case OP_UNARY_POSITIVE: case OP_UNARY_NEGATIVE: case OP_UNARY_NOT: case OP_UNARY_INVERT:
    case OP_CHECK_EXC_MATCH: case OP_CHECK_EG_MATCH: case OP_GET_AITER: case OP_GET_ITER:
    case OP_GET_YIELD_FROM_ITER: case OP_LIST_TO_TUPLE: case OP_SETUP_ANNOTATIONS:
    case OP_YIELD_VALUE: case OP_ASYNC_GEN_WRAP: case OP_DELETE_NAME: case OP_DELETE_GLOBAL: case OP_SWAP:
    case OP_LOAD_ATTR: case OP_JUMP_FORWARD: case OP_JUMP_BACKWARD: case OP_JUMP_BACKWARD_NO_INTERRUPT:
    case OP_DELETE_FAST: case OP_GET_AWAITABLE: case OP_MAKE_CELL: case OP_DELETE_DEREF: case OP_COPY_FREE_VARS:
    case OP_EXTENDED_ARG: case OP_KW_NAMES:
    case PSEUDO_JUMP: case PSEUDO_JUMP_NO_INTERRUPT: case PSEUDO_POP_BLOCK:
        return 0;
    case OP_POP_TOP: case OP_BINARY_SUBSCR: case OP_PRINT_EXPR: case OP_RETURN_VALUE: case OP_IMPORT_STAR:
    case OP_PREP_RERAISE_STAR: case OP_POP_EXCEPT: case OP_STORE_NAME: case OP_DELETE_ATTR: case OP_STORE_GLOBAL:
    case OP_COMPARE_OP: case OP_IMPORT_NAME: case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE:
    case OP_POP_JUMP_IF_NONE: case OP_POP_JUMP_IF_NOT_NONE: case OP_IS_OP: case OP_CONTAINS_OP: case OP_RERAISE:
    case OP_BINARY_OP: case OP_STORE_FAST: case OP_STORE_DEREF: case OP_LIST_APPEND: case OP_SET_ADD:
    case OP_LIST_EXTEND: case OP_SET_UPDATE: case OP_DICT_MERGE: case OP_DICT_UPDATE:
        return -1;
    case OP_PUSH_NULL: case OP_GET_LEN: case OP_MATCH_MAPPING: case OP_MATCH_SEQUENCE: case OP_MATCH_KEYS:
    case OP_PUSH_EXC_INFO: case OP_WITH_EXCEPT_START: case OP_GET_ANEXT: case OP_BEFORE_ASYNC_WITH:
    case OP_BEFORE_WITH: case OP_LOAD_BUILD_CLASS: case OP_LOAD_ASSERTION_ERROR: case OP_LOAD_CONST:
    case OP_LOAD_NAME: case OP_IMPORT_FROM: case OP_COPY: case OP_LOAD_FAST: case OP_LOAD_CLOSURE:
    case OP_LOAD_DEREF: case OP_LOAD_CLASSDEREF: case OP_LOAD_METHOD:
    case OP_RETURN_GENERATOR:          /* resumed with the first sent value pushed */
        return 1;
    case OP_STORE_SUBSCR: return -3;
    case OP_DELETE_SUBSCR: case OP_END_ASYNC_FOR: case OP_STORE_ATTR: case OP_MAP_ADD: case OP_MATCH_CLASS:
        return -2;
    case OP_UNPACK_SEQUENCE: return arg - 1;
    case OP_UNPACK_EX: return (arg & 0xff) + (arg >> 8);
    case OP_FOR_ITER: return jump ? -1 : 1;
    case OP_SEND: return jump ? -1 : 0;
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_STRING: return 1 - arg;
    case OP_BUILD_MAP: return 1 - 2 * arg;
    case OP_BUILD_CONST_KEY_MAP: return -arg;
    case OP_LOAD_GLOBAL: return 1 + (arg & 1);
    case OP_RAISE_VARARGS: return -arg;
    case OP_MAKE_FUNCTION:
        return -((arg & MF_DEFAULTS) != 0) - ((arg & MF_KWDEFAULTS) != 0) - ((arg & MF_ANNOTATIONS) != 0) -
               ((arg & MF_CLOSURE) != 0);
    case OP_BUILD_SLICE: return arg == 3 ? -2 : -1;
    case OP_CALL_FUNCTION_EX: return -2 - (arg & 1);
    case OP_FORMAT_VALUE: return (arg & FVS_HAVE_SPEC) ? -1 : 0;
    case OP_CALL: return -1 - arg;
    case PSEUDO_SETUP_FINALLY: case PSEUDO_SETUP_WITH: return jump ? 1 : 0;
    case PSEUDO_SETUP_CLEANUP: return jump ? 2 : 0;
    }
    return 0;
}

static int is_setup(int op) { return op == PSEUDO_SETUP_FINALLY || op == PSEUDO_SETUP_CLEANUP || op == PSEUDO_SETUP_WITH; }
static int is_uncond_jump(int op)
{
    return op == PSEUDO_JUMP || op == PSEUDO_JUMP_NO_INTERRUPT || op == OP_JUMP_FORWARD || op == OP_JUMP_BACKWARD ||
           op == OP_JUMP_BACKWARD_NO_INTERRUPT;
}
static int has_target(int op) { return op >= OP_COUNT ? op != PSEUDO_POP_BLOCK : opcode_info[op].is_jump; }
static int is_terminal(int op) { return op == OP_RETURN_VALUE || op == OP_RAISE_VARARGS || op == OP_RERAISE; }
static int is_deref(int op)
{
    return op == OP_LOAD_DEREF || op == OP_STORE_DEREF || op == OP_DELETE_DEREF || op == OP_LOAD_CLASSDEREF ||
           op == OP_LOAD_CLOSURE || op == OP_MAKE_CELL;
}

typedef struct ExcNode {
    int setup;                       /* instruction index of the SETUP_* */
    struct ExcNode *parent;
} ExcNode;

typedef struct Flow {
    Instr *ins;
    int n;
    int *depth;                      /* -1: unreachable */
    ExcNode **exc;                   /* handler stack on entry */
    int *hdepth;                     /* per SETUP: depth when it ran */
    int *work;
    int nwork;
    int maxdepth;
    int bad;
} Flow;

static void flow_push(Flow *f, int i, int depth, ExcNode *exc)
{
    if (i >= f->n || depth < 0) {
        f->bad = 1;
        return;
    }
    if (f->depth[i] >= 0) {
        /* Every path into an instruction must agree on the stack. */
        if (f->depth[i] != depth || f->exc[i] != exc)
            f->bad = 1;
        return;
    }
    f->depth[i] = depth;
    f->exc[i] = exc;
    f->work[f->nwork++] = i;
    if (depth > f->maxdepth)
        f->maxdepth = depth;
}

static void flow_run(Compiler *c, Flow *f, const int *targets)
{
    flow_push(f, 0, 0, NULL);
    while (f->nwork && !f->bad) {
        int i = f->work[--f->nwork];
        for (;;) {
            Instr *in = &f->ins[i];
            int d = f->depth[i];
            ExcNode *x = f->exc[i];
            int next_d = d;
            ExcNode *next_x = x;
            if (is_setup(in->op)) {
                f->hdepth[i] = d;
                flow_push(f, targets[i], d + opcode_stack_effect(in->op, 0, 1), x);
                ExcNode *node = arena_alloc(c->arena, sizeof *node);
                node->setup = i;
                node->parent = x;
                next_x = node;
            } else if (in->op == PSEUDO_POP_BLOCK) {
                if (!x) {
                    f->bad = 1;
                    return;
                }
                next_x = x->parent;
            } else {
                if (has_target(in->op))
                    flow_push(f, targets[i], d + opcode_stack_effect(in->op, in->arg, 1), x);
                next_d = d + opcode_stack_effect(in->op, in->arg, 0);
                if (next_d > f->maxdepth)
                    f->maxdepth = next_d;
                if (is_uncond_jump(in->op) || is_terminal(in->op))
                    break;
            }
            if (i + 1 >= f->n || next_d < 0) {
                f->bad = 1;
                return;
            }
            if (f->depth[i + 1] >= 0) {
                if (f->depth[i + 1] != next_d || f->exc[i + 1] != next_x)
                    f->bad = 1;
                break;
            }
            f->depth[i + 1] = next_d;
            f->exc[i + 1] = next_x;
            i++;
        }
    }
}

static int ext_words(unsigned arg) { return arg > INSTR_ARG_MAX ? 1 : 0; }

CodeUnit *compile_assemble(Compiler *c, Unit *u, int flags)
{
    /* Prefix: free variables, cells, generator creation. */
    int nlocals = u->nvarnames;
    int *cell_slot = arena_alloc(c->arena, sizeof(int) * (u->ncellvars + 1));
    int nplus = nlocals;
    for (int i = 0; i < u->ncellvars; i++) {
        int k = -1;
        for (int j = 0; j < nlocals; j++)
            if (!strcmp(u->varnames[j], u->cellvars[i]))
                k = j;
        cell_slot[i] = k >= 0 ? k : nplus++;
    }
    int free_base = nplus;
    nplus += u->nfreevars;

    int npre = (u->nfreevars ? 1 : 0) + u->ncellvars +
               ((flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) ? 2 : 0);
    int n = npre + u->ninstrs;
    Instr *ins = arena_alloc(c->arena, sizeof(Instr) * (n + 1));
    /* Cell set-up has no line; generator creation has the def's line. */
    LineEntry preloc = {-1, -1, -1, -1}, genloc = {u->firstlineno, u->firstlineno, -1, -1};
    int k = 0;
    if (u->nfreevars)
        ins[k++] = (Instr){OP_COPY_FREE_VARS, u->nfreevars, -1, preloc};
    /* MAKE_CELL in localsplus order. */
    for (int slot = 0; slot < nplus; slot++)
        for (int i = 0; i < u->ncellvars; i++)
            if (cell_slot[i] == slot)
                ins[k++] = (Instr){OP_MAKE_CELL, i, -1, preloc};
    if (flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
        ins[k++] = (Instr){OP_RETURN_GENERATOR, 0, -1, genloc};
        ins[k++] = (Instr){OP_POP_TOP, 0, -1, genloc};
    }
    COPY_N(ins + k, u->instrs, sizeof(Instr) * u->ninstrs);

    int *targets = arena_alloc(c->arena, sizeof(int) * (n + 1));
    for (int i = 0; i < n; i++) {
        targets[i] = -1;
        if (ins[i].target >= 0) {
            int l = u->labels[ins[i].target];
            if (l < 0) {
                compiler_error(c, "internal compiler error: label never placed");
                return NULL;
            }
            targets[i] = l + npre;
        }
    }

    Flow f = {0};
    f.ins = ins;
    f.n = n;
    f.depth = malloc(sizeof(int) * (n + 1));
    f.exc = calloc(n + 1, sizeof(ExcNode *));
    f.hdepth = calloc(n + 1, sizeof(int));
    f.work = malloc(sizeof(int) * (n + 1));
    for (int i = 0; i < n; i++)
        f.depth[i] = -1;
    flow_run(c, &f, targets);
    if (f.bad) {
        free(f.depth);
        free(f.exc);
        free(f.hdepth);
        free(f.work);
        compiler_error(c, "internal compiler error: inconsistent stack in '%s'", u->name);
        return NULL;
    }

    /* Which instructions survive; nk[i]: first kept instruction >= i. */
    char *keep = arena_alloc(c->arena, n + 1);
    int *nk = arena_alloc(c->arena, sizeof(int) * (n + 1));
    nk[n] = n;
    for (int i = n - 1; i >= 0; i--) {
        int op = ins[i].op;
        keep[i] = f.depth[i] >= 0 && !is_setup(op) && op != PSEUDO_POP_BLOCK;
        if (keep[i] && (op == PSEUDO_JUMP || op == PSEUDO_JUMP_NO_INTERRUPT) && targets[i] > i &&
            nk[targets[i]] == nk[i + 1])
            keep[i] = 0;
        nk[i] = keep[i] ? i : nk[i + 1];
    }
    /* NOPs only carry a line number that no neighbour has. */
    int prev = -1;
    for (int i = 0; i < n; i++) {
        if (!keep[i])
            continue;
        if (ins[i].op == OP_NOP) {
            int next = nk[i + 1];
            if ((prev >= 0 && ins[prev].loc.lineno == ins[i].loc.lineno) ||
                (next < n && ins[next].loc.lineno == ins[i].loc.lineno)) {
                keep[i] = 0;
                continue;
            }
        }
        prev = i;
    }
    for (int i = n - 1; i >= 0; i--)
        nk[i] = keep[i] ? i : nk[i + 1];

    /* Drop constants no surviving instruction uses (consts[0], maybe the
       docstring, always stays), as CPython's remove_unused_consts does. */
    int *const_map = arena_alloc(c->arena, sizeof(int) * (u->nconsts + 1));
    for (int i = 0; i < u->nconsts; i++)
        const_map[i] = i == 0 ? 0 : -1;
    for (int i = 0; i < n; i++)
        if (keep[i] && (ins[i].op == OP_LOAD_CONST || ins[i].op == OP_KW_NAMES))
            const_map[ins[i].arg] = 0;
    int nconsts = 0;
    ConstVal **consts = arena_alloc(c->arena, sizeof(ConstVal *) * (u->nconsts + 1));
    for (int i = 0; i < u->nconsts; i++)
        if (const_map[i] == 0) {
            const_map[i] = nconsts;
            consts[nconsts++] = u->consts[i];
        }
    for (int i = 0; i < n; i++)
        if (keep[i] && (ins[i].op == OP_LOAD_CONST || ins[i].op == OP_KW_NAMES))
            ins[i].arg = const_map[ins[i].arg];

    /* Layout until stable. */
    int *offset = arena_alloc(c->arena, sizeof(int) * (n + 1));
    unsigned *arg = arena_alloc(c->arena, sizeof(unsigned) * (n + 1));
    int *size = arena_alloc(c->arena, sizeof(int) * (n + 1));
    for (int i = 0; i < n; i++) {
        int op = ins[i].op;
        arg[i] = ins[i].arg;
        if (is_deref(op))
            arg[i] = (arg[i] & DEREF_FREE_BIT) ? (unsigned)(free_base + (ins[i].arg & ~DEREF_FREE_BIT))
                                               : (unsigned)cell_slot[ins[i].arg];
        size[i] = 0;
    }
    int total;
    for (int changed = 1; changed;) {
        changed = 0;
        total = 0;
        for (int i = 0; i < n; i++) {
            offset[i] = total;
            if (!keep[i])
                continue;
            int op = ins[i].op;
            if (op >= OP_COUNT || opcode_info[op].is_jump)
                arg[i] = offset[nk[targets[i]]];
            int real = op == PSEUDO_JUMP ? (targets[i] > i ? OP_JUMP_FORWARD : OP_JUMP_BACKWARD)
                       : op == PSEUDO_JUMP_NO_INTERRUPT
                           ? (targets[i] > i ? OP_JUMP_FORWARD : OP_JUMP_BACKWARD_NO_INTERRUPT)
                           : op;
            ins[i].op = real;
            int s = 1 + ext_words(arg[i]) + opcode_info[real].has_cache;
            if (s != size[i])
                changed = 1;
            size[i] = s;
            total += s;
        }
        offset[n] = total;
        /* Forward targets were read before being laid out: recheck. */
        for (int i = 0; i < n; i++)
            if (keep[i] && opcode_info[ins[i].op].is_jump && arg[i] != (unsigned)offset[nk[targets[i]]])
                changed = 1;
    }

    CodeUnit *co = arena_alloc(c->arena, sizeof *co);
    co->code = arena_alloc(c->arena, sizeof(uint32_t) * (total + 1));
    co->lines = arena_alloc(c->arena, sizeof(LineEntry) * (total + 1));
    co->ncode = total;
    int w = 0, ncaches = 0;
    for (int i = 0; i < n; i++) {
        if (!keep[i])
            continue;
        LineEntry loc = ins[i].loc;
        if (ext_words(arg[i])) {
            co->lines[w] = loc;
            co->code[w++] = INSTR_MAKE(OP_EXTENDED_ARG, arg[i] >> 24);
        }
        co->lines[w] = loc;
        co->code[w++] = INSTR_MAKE(ins[i].op, arg[i] & INSTR_ARG_MAX);
        if (opcode_info[ins[i].op].has_cache) {
            co->lines[w] = loc;
            co->code[w++] = ncaches++;
        }
    }

    /* Exception table: runs of kept instructions with the same handler. */
    co->exctable = arena_alloc(c->arena, sizeof(ExcEntry) * (n + 1));
    int cur = -1;
    for (int i = 0; i <= n; i++) {
        if (i < n && !keep[i])
            continue;
        int h = i < n && f.exc[i] ? f.exc[i]->setup : -1;
        if (h == cur && i < n)
            continue;
        if (cur >= 0)
            co->exctable[co->nexc - 1].end = offset[i];
        cur = h;
        if (h >= 0) {
            int lasti = ins[h].op != PSEUDO_SETUP_FINALLY;
            int depth = f.hdepth[h] + opcode_stack_effect(ins[h].op, 0, 1) - 1 - lasti;
            co->exctable[co->nexc++] = (ExcEntry){offset[i], offset[i], offset[nk[targets[h]]], depth, lasti};
        }
    }
    free(f.depth);
    free(f.exc);
    free(f.hdepth);
    free(f.work);

    co->name = u->name;
    co->qualname = u->qualname;
    co->filename = c->src->filename;
    co->firstlineno = u->firstlineno;
    co->flags = flags;
    co->argcount = u->argcount + u->posonlyargcount;   /* includes positional-only, as co_argcount */
    co->posonlyargcount = u->posonlyargcount;
    co->kwonlyargcount = u->kwonlyargcount;
    co->stacksize = f.maxdepth;
    co->ncaches = ncaches;
    co->nconsts = nconsts;
    co->consts = consts;
    co->nnames = u->nnames;
    co->names = arena_alloc(c->arena, sizeof(char *) * (u->nnames + 1));
    COPY_N(co->names, u->names, sizeof(char *) * u->nnames);
    co->nlocalsplus = nplus;
    co->nlocals = nlocals;
    co->ncells = u->ncellvars;
    co->nfrees = u->nfreevars;
    co->localsplus = arena_alloc(c->arena, sizeof(char *) * (nplus + 1));
    co->kinds = arena_alloc(c->arena, nplus + 1);
    for (int i = 0; i < nlocals; i++) {
        co->localsplus[i] = u->varnames[i];
        co->kinds[i] = CO_FAST_LOCAL;
    }
    for (int i = 0; i < u->ncellvars; i++) {
        co->localsplus[cell_slot[i]] = u->cellvars[i];
        co->kinds[cell_slot[i]] |= CO_FAST_CELL;
    }
    for (int i = 0; i < u->nfreevars; i++) {
        co->localsplus[free_base + i] = u->freevars[i];
        co->kinds[free_base + i] = CO_FAST_FREE;
    }
    return co;
}

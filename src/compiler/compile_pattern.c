/* The match statement, compiled as CPython 3.11 compiles it: each pattern
 * leaves its captures on the stack (stored only once the whole case has
 * matched), and failure jumps to a ladder of POP_TOPs that removes exactly
 * what the failing point had pushed. */
#include <stdlib.h>
#include <string.h>

#include "compiler/compile_internal.h"

typedef struct PatternCtx {
    const char **stores;             /* names captured so far, in stack order */
    int nstores, capstores;
    int allow_irrefutable;
    int *fail_pop;                   /* labels: fail_pop[i] pops i items */
    int fail_pop_size;
    int on_top;                      /* items that stay above the captures */
} PatternCtx;

static int pattern(Compiler *c, Pattern *p, PatternCtx *pc);

static int is_wildcard(Pattern *p) { return p->kind == Pattern_MatchAs && !p->v.MatchAs.pattern && !p->v.MatchAs.name; }
static int is_star_wildcard(Pattern *p) { return p->kind == Pattern_MatchStar && !p->v.MatchStar.name; }

static void loc_pattern(Compiler *c, Pattern *p)
{
    c_loc_to(c, p->lineno, p->col_offset, p->end_lineno, p->end_col_offset);
}

static void ensure_fail_pop(Compiler *c, PatternCtx *pc, int n)
{
    if (n < pc->fail_pop_size)
        return;
    pc->fail_pop = realloc(pc->fail_pop, sizeof(int) * (n + 1));
    if (!pc->fail_pop)
        abort();
    while (pc->fail_pop_size <= n)
        pc->fail_pop[pc->fail_pop_size++] = c_new_label(c);
}

static void jump_to_fail_pop(Compiler *c, PatternCtx *pc, int op)
{
    int pops = pc->on_top + pc->nstores;
    ensure_fail_pop(c, pc, pops);
    c_emit_jump(c, op, pc->fail_pop[pops]);
}

static void emit_and_reset_fail_pop(Compiler *c, PatternCtx *pc)
{
    if (!pc->fail_pop_size)
        return;
    while (--pc->fail_pop_size) {
        c_use_label(c, pc->fail_pop[pc->fail_pop_size]);
        c_emit(c, OP_POP_TOP, 0);
    }
    c_use_label(c, pc->fail_pop[0]);
    free(pc->fail_pop);
    pc->fail_pop = NULL;
}

static int has_store(PatternCtx *pc, const char *name)
{
    for (int i = 0; i < pc->nstores; i++)
        if (!strcmp(pc->stores[i], name))
            return 1;
    return 0;
}

static void add_store(PatternCtx *pc, const char *name)
{
    if (pc->nstores == pc->capstores) {
        pc->capstores = pc->capstores ? pc->capstores * 2 : 8;
        pc->stores = realloc(pc->stores, sizeof(char *) * pc->capstores);
        if (!pc->stores)
            abort();
    }
    pc->stores[pc->nstores++] = name;
}

static void rotate(Compiler *c, int count)
{
    while (1 < count)
        c_emit(c, OP_SWAP, count--);
}

static int store_name(Compiler *c, const char *name, PatternCtx *pc)
{
    if (!name) {
        c_emit(c, OP_POP_TOP, 0);
        return 1;
    }
    if (!strcmp(name, "__debug__"))
        return compiler_error(c, "cannot assign to __debug__");
    if (has_store(pc, name))
        return compiler_error(c, "multiple assignments to name '%s' in pattern", name);
    rotate(c, pc->on_top + pc->nstores + 1);
    add_store(pc, name);
    return 1;
}

static int subpattern(Compiler *c, Pattern *p, PatternCtx *pc)
{
    int allow = pc->allow_irrefutable;
    pc->allow_irrefutable = 1;
    int ok = pattern(c, p, pc);
    pc->allow_irrefutable = allow;
    return ok;
}

static int unpack_helper(Compiler *c, AstSeq *elts)
{
    int n = SEQ_LEN(elts), seen_star = 0;
    SEQ_FOR(i, elts) {
        Pattern *e = SEQ_GET(elts, i);
        if (e->kind == Pattern_MatchStar && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (1 << 16))
                return compiler_error(c, "too many expressions in star-unpacking sequence pattern");
            c_emit(c, OP_UNPACK_EX, i + ((n - i - 1) << 8));
            seen_star = 1;
        } else if (e->kind == Pattern_MatchStar) {
            return compiler_error(c, "multiple starred expressions in sequence pattern");
        }
    }
    if (!seen_star)
        c_emit(c, OP_UNPACK_SEQUENCE, n);
    return 1;
}

static int sequence_unpack(Compiler *c, AstSeq *patterns, PatternCtx *pc)
{
    if (!unpack_helper(c, patterns))
        return 0;
    int size = SEQ_LEN(patterns);
    pc->on_top += size;
    for (int i = 0; i < size; i++) {
        pc->on_top--;
        if (!subpattern(c, SEQ_GET(patterns, i), pc))
            return 0;
    }
    return 1;
}

/* With a `*_` wildcard, index the subject instead of unpacking it all. */
static int sequence_subscr(Compiler *c, AstSeq *patterns, int star, PatternCtx *pc)
{
    pc->on_top++;
    int size = SEQ_LEN(patterns);
    for (int i = 0; i < size; i++) {
        Pattern *p = SEQ_GET(patterns, i);
        if (is_wildcard(p) || i == star)
            continue;
        c_emit(c, OP_COPY, 1);
        if (i < star) {
            c_emit_const(c, cv_int(c, i));
        } else {
            /* The subject may not support negative indexes. */
            c_emit(c, OP_GET_LEN, 0);
            c_emit_const(c, cv_int(c, size - i));
            c_emit(c, OP_BINARY_OP, NB_SUBTRACT);
        }
        c_emit(c, OP_BINARY_SUBSCR, 0);
        if (!subpattern(c, p, pc))
            return 0;
    }
    pc->on_top--;
    c_emit(c, OP_POP_TOP, 0);
    return 1;
}

static int pattern_as(Compiler *c, Pattern *p, PatternCtx *pc)
{
    if (!p->v.MatchAs.pattern) {
        if (!pc->allow_irrefutable) {
            if (p->v.MatchAs.name)
                return compiler_error(c, "name capture '%s' makes remaining patterns unreachable", p->v.MatchAs.name);
            return compiler_error(c, "wildcard makes remaining patterns unreachable");
        }
        return store_name(c, p->v.MatchAs.name, pc);
    }
    pc->on_top++;
    c_emit(c, OP_COPY, 1);
    if (!pattern(c, p->v.MatchAs.pattern, pc))
        return 0;
    pc->on_top--;
    return store_name(c, p->v.MatchAs.name, pc);
}

static int pattern_class(Compiler *c, Pattern *p, PatternCtx *pc)
{
    AstSeq *patterns = p->v.MatchClass.patterns, *attrs = p->v.MatchClass.kwd_attrs;
    AstSeq *kwd = p->v.MatchClass.kwd_patterns;
    int nargs = SEQ_LEN(patterns), nattrs = SEQ_LEN(attrs);
    if (nattrs != SEQ_LEN(kwd))
        return compiler_error(c, "kwd_attrs (%d) / kwd_patterns (%d) length mismatch in class pattern", nattrs,
                              SEQ_LEN(kwd));
    if (nattrs) {
        for (int i = 0; i < nattrs; i++) {
            const char *attr = SEQ_GET(attrs, i);
            loc_pattern(c, SEQ_GET(kwd, i));
            if (!strcmp(attr, "__debug__"))
                return compiler_error(c, "cannot assign to __debug__");
            for (int j = i + 1; j < nattrs; j++)
                if (!strcmp(attr, SEQ_GET(attrs, j))) {
                    loc_pattern(c, SEQ_GET(kwd, j));
                    return compiler_error(c, "attribute name repeated in class pattern: %s", attr);
                }
        }
        loc_pattern(c, p);
    }
    compile_expr(c, p->v.MatchClass.cls);
    ConstVal *names = cv_tuple(c, nattrs);
    for (int i = 0; i < nattrs; i++)
        names->v.tup.items[i] = cv_str(c, SEQ_GET(attrs, i));
    c_emit_const(c, names);
    c_emit(c, OP_MATCH_CLASS, nargs);
    c_emit(c, OP_COPY, 1);
    pc->on_top++;
    jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_NONE);
    c_emit(c, OP_UNPACK_SEQUENCE, nargs + nattrs);
    pc->on_top += nargs + nattrs - 1;
    for (int i = 0; i < nargs + nattrs; i++) {
        pc->on_top--;
        Pattern *sub = i < nargs ? SEQ_GET(patterns, i) : SEQ_GET(kwd, i - nargs);
        if (is_wildcard(sub)) {
            c_emit(c, OP_POP_TOP, 0);
            continue;
        }
        if (!subpattern(c, sub, pc))
            return 0;
    }
    return 1;
}

/* Python equality of two literal keys, as far as constants go. */
static int same_key(const ConstVal *a, const ConstVal *b)
{
    if (cv_equal(a, b))
        return 1;
    int ai = a->kind == CV_TRUE ? 1 : a->kind == CV_FALSE ? 0 : a->kind == CV_INT && !strcmp(a->v.i, "1") ? 1
           : a->kind == CV_INT && !strcmp(a->v.i, "0") ? 0 : -1;
    int bi = b->kind == CV_TRUE ? 1 : b->kind == CV_FALSE ? 0 : b->kind == CV_INT && !strcmp(b->v.i, "1") ? 1
           : b->kind == CV_INT && !strcmp(b->v.i, "0") ? 0 : -1;
    return ai >= 0 && ai == bi;
}

static int pattern_mapping(Compiler *c, Pattern *p, PatternCtx *pc)
{
    AstSeq *keys = p->v.MatchMapping.keys, *patterns = p->v.MatchMapping.patterns;
    int size = SEQ_LEN(keys);
    const char *star_target = p->v.MatchMapping.rest;
    if (size != SEQ_LEN(patterns))
        return compiler_error(c, "keys (%d) / patterns (%d) length mismatch in mapping pattern", size,
                              SEQ_LEN(patterns));
    pc->on_top++;
    c_emit(c, OP_MATCH_MAPPING, 0);
    jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
    if (!size && !star_target) {
        pc->on_top--;
        c_emit(c, OP_POP_TOP, 0);
        return 1;
    }
    if (size) {
        c_emit(c, OP_GET_LEN, 0);
        c_emit_const(c, cv_int(c, size));
        c_emit(c, OP_COMPARE_OP, CMP_GE);
        jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
    }
    ConstVal **seen = malloc(sizeof(ConstVal *) * (size + 1));
    int nseen = 0;
    for (int i = 0; i < size; i++) {
        Expr *key = SEQ_GET(keys, i);
        ConstVal *k = key->kind == Expr_Attribute ? NULL : const_fold_expr(c, key);
        if (k) {
            for (int j = 0; j < nseen; j++)
                if (same_key(seen[j], k)) {
                    char *buf;
                    size_t len;
                    FILE *m = open_memstream(&buf, &len);
                    dis_const_repr(m, k);
                    fclose(m);
                    compiler_error(c, "mapping pattern checks duplicate key (%s)", buf);
                    free(buf);
                    free(seen);
                    return 0;
                }
            seen[nseen++] = k;
        } else if (key->kind != Expr_Attribute) {
            free(seen);
            return compiler_error(c, "mapping pattern keys may only match literals and attribute lookups");
        }
        compile_expr(c, key);
    }
    free(seen);
    c_emit(c, OP_BUILD_TUPLE, size);
    c_emit(c, OP_MATCH_KEYS, 0);
    pc->on_top += 2;
    c_emit(c, OP_COPY, 1);
    jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_NONE);
    c_emit(c, OP_UNPACK_SEQUENCE, size);
    pc->on_top += size - 1;
    for (int i = 0; i < size; i++) {
        pc->on_top--;
        if (!subpattern(c, SEQ_GET(patterns, i), pc))
            return 0;
    }
    pc->on_top -= 2;
    if (star_target) {
        /* rest = dict(subject); del rest[k] for each matched key */
        c_emit(c, OP_BUILD_MAP, 0);
        c_emit(c, OP_SWAP, 3);
        c_emit(c, OP_DICT_UPDATE, 2);
        c_emit(c, OP_UNPACK_SEQUENCE, size);
        while (size) {
            c_emit(c, OP_COPY, 1 + size--);
            c_emit(c, OP_SWAP, 2);
            c_emit(c, OP_DELETE_SUBSCR, 0);
        }
        return store_name(c, star_target, pc);
    }
    c_emit(c, OP_POP_TOP, 0);
    c_emit(c, OP_POP_TOP, 0);
    return 1;
}

static int index_of(const char **v, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(v[i], name))
            return i;
    return -1;
}

static int pattern_or(Compiler *c, Pattern *p, PatternCtx *pc)
{
    int end = c_new_label(c);
    AstSeq *alts = p->v.MatchOr.patterns;
    int size = SEQ_LEN(alts);
    PatternCtx old = *pc;
    const char **control = NULL;
    int ncontrol = 0, ok = 0;
    pc->stores = NULL;
    pc->capstores = 0;
    for (int i = 0; i < size; i++) {
        Pattern *alt = SEQ_GET(alts, i);
        loc_pattern(c, alt);
        free(pc->stores);
        pc->stores = NULL;
        pc->nstores = pc->capstores = 0;
        pc->allow_irrefutable = i == size - 1 && old.allow_irrefutable;
        pc->fail_pop = NULL;
        pc->fail_pop_size = 0;
        pc->on_top = 0;
        c_emit(c, OP_COPY, 1);
        if (!pattern(c, alt, pc))
            goto done;
        int nstores = pc->nstores;
        if (!i) {
            control = malloc(sizeof(char *) * (nstores + 1));
            COPY_N(control, pc->stores, sizeof(char *) * nstores);
            ncontrol = nstores;
        } else if (nstores != ncontrol) {
            goto diff;
        } else if (nstores) {
            for (int icontrol = nstores - 1; icontrol >= 0; icontrol--) {
                int istores = index_of(pc->stores, pc->nstores, control[icontrol]);
                if (istores < 0)
                    goto diff;
                if (icontrol != istores) {
                    /* Reorder this alternative's captures to control's order. */
                    int rotations = istores + 1;
                    const char **rotated = malloc(sizeof(char *) * rotations);
                    memcpy(rotated, pc->stores, sizeof(char *) * rotations);
                    memmove(pc->stores, pc->stores + rotations, sizeof(char *) * (pc->nstores - rotations));
                    int at = icontrol - istores;
                    memmove(pc->stores + at + rotations, pc->stores + at,
                            sizeof(char *) * (pc->nstores - rotations - at));
                    memcpy(pc->stores + at, rotated, sizeof(char *) * rotations);
                    free(rotated);
                    while (rotations--)
                        rotate(c, icontrol + 1);
                }
            }
        }
        c_emit_jump(c, PSEUDO_JUMP, end);
        emit_and_reset_fail_pop(c, pc);
    }
    free(pc->stores);
    free(pc->fail_pop);
    *pc = old;
    c_emit(c, OP_POP_TOP, 0);
    jump_to_fail_pop(c, pc, PSEUDO_JUMP);
    c_use_label(c, end);
    int nrots = ncontrol + 1 + pc->on_top + pc->nstores;
    for (int i = 0; i < ncontrol; i++) {
        rotate(c, nrots);
        if (has_store(pc, control[i])) {
            compiler_error(c, "multiple assignments to name '%s' in pattern", control[i]);
            free(control);
            return 0;
        }
        add_store(pc, control[i]);
    }
    free(control);
    c_emit(c, OP_POP_TOP, 0);
    return 1;
diff:
    compiler_error(c, "alternative patterns bind different names");
done:
    free(pc->stores);
    free(pc->fail_pop);
    free(control);
    *pc = old;
    return ok;
}

static int pattern_sequence(Compiler *c, Pattern *p, PatternCtx *pc)
{
    AstSeq *patterns = p->v.MatchSequence.patterns;
    int size = SEQ_LEN(patterns), star = -1, only_wildcard = 1, star_wildcard = 0;
    for (int i = 0; i < size; i++) {
        Pattern *sub = SEQ_GET(patterns, i);
        if (sub->kind == Pattern_MatchStar) {
            if (star >= 0)
                return compiler_error(c, "multiple starred names in sequence pattern");
            star_wildcard = is_star_wildcard(sub);
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= is_wildcard(sub);
    }
    pc->on_top++;
    c_emit(c, OP_MATCH_SEQUENCE, 0);
    jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
    if (star < 0) {
        c_emit(c, OP_GET_LEN, 0);
        c_emit_const(c, cv_int(c, size));
        c_emit(c, OP_COMPARE_OP, CMP_EQ);
        jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
    } else if (size > 1) {
        c_emit(c, OP_GET_LEN, 0);
        c_emit_const(c, cv_int(c, size - 1));
        c_emit(c, OP_COMPARE_OP, CMP_GE);
        jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
    }
    pc->on_top--;
    if (only_wildcard) {
        c_emit(c, OP_POP_TOP, 0);
        return 1;
    }
    if (star_wildcard)
        return sequence_subscr(c, patterns, star, pc);
    return sequence_unpack(c, patterns, pc);
}

static int pattern(Compiler *c, Pattern *p, PatternCtx *pc)
{
    if (c->failed)
        return 0;
    loc_pattern(c, p);
    switch (p->kind) {
    case Pattern_MatchValue: {
        Expr *v = p->v.MatchValue.value;
        if (v->kind != Expr_Attribute && !const_fold_expr(c, v))
            return compiler_error(c, "patterns may only match literals and attribute lookups");
        compile_expr(c, v);
        c_emit(c, OP_COMPARE_OP, CMP_EQ);
        jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
        return 1;
    }
    case Pattern_MatchSingleton:
        if (p->v.MatchSingleton.value.kind == CONST_NONE) {
            jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_NOT_NONE);
            return 1;
        }
        c_emit_const(c, cv_from_ast(c, &p->v.MatchSingleton.value));
        c_emit(c, OP_IS_OP, 0);
        jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
        return 1;
    case Pattern_MatchSequence:
        return pattern_sequence(c, p, pc);
    case Pattern_MatchMapping:
        return pattern_mapping(c, p, pc);
    case Pattern_MatchClass:
        return pattern_class(c, p, pc);
    case Pattern_MatchStar:
        return store_name(c, p->v.MatchStar.name, pc);
    case Pattern_MatchAs:
        return pattern_as(c, p, pc);
    case Pattern_MatchOr:
        return pattern_or(c, p, pc);
    }
    return compiler_error(c, "invalid match pattern node");
}

void compile_match(Compiler *c, Stmt *s)
{
    compile_expr(c, s->v.Match.subject);
    int end = c_new_label(c);
    AstSeq *cases = s->v.Match.cases;
    int n = SEQ_LEN(cases);
    MatchCase *m = SEQ_GET(cases, n - 1);
    int has_default = is_wildcard(m->pattern) && 1 < n;
    PatternCtx pc = {0};
    for (int i = 0; i < n - has_default && !c->failed; i++) {
        m = SEQ_GET(cases, i);
        loc_pattern(c, m->pattern);
        if (i != n - has_default - 1)
            c_emit(c, OP_COPY, 1);
        pc.nstores = 0;
        pc.allow_irrefutable = m->guard != NULL || i == n - 1;
        pc.fail_pop = NULL;
        pc.fail_pop_size = 0;
        pc.on_top = 0;
        if (!pattern(c, m->pattern, &pc))
            break;
        for (int k = 0; k < pc.nstores; k++)
            compile_nameop(c, pc.stores[k], ExprContext_Store);
        if (m->guard) {
            ensure_fail_pop(c, &pc, 0);
            compile_jump_if(c, m->guard, pc.fail_pop[0], 0);
        }
        if (i != n - has_default - 1)
            c_emit(c, OP_POP_TOP, 0);
        compile_stmts(c, m->body);
        c_emit_jump(c, PSEUDO_JUMP, end);
        loc_pattern(c, m->pattern);
        emit_and_reset_fail_pop(c, &pc);
    }
    free(pc.stores);
    free(pc.fail_pop);
    if (c->failed)
        return;
    if (has_default) {
        m = SEQ_GET(cases, n - 1);
        loc_pattern(c, m->pattern);
        c_emit(c, OP_NOP, 0);
        if (m->guard)
            compile_jump_if(c, m->guard, end, 0);
        compile_stmts(c, m->body);
    }
    c_use_label(c, end);
}

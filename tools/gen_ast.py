#!/usr/bin/python3
"""Generate src/compiler/ast_nodes.h and src/compiler/ast_nodes.c.

The node list below is Python 3.11's abstract grammar: same node names,
field names and field order as CPython's `ast` module, so that the AST can
later be exposed as that module and `ast.dump` can be reproduced exactly.

Field types: expr stmt pattern excepthandler arguments arg keyword alias
withitem match_case comprehension (nodes), identifier string constant int,
and the enums expr_context boolop operator unaryop cmpop.  A trailing `*`
is a sequence (AstSeq), `?` optional (NULL / absent).
"""

SPEC = """
stmt: FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
stmt: AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
stmt: ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)
stmt: Return(expr? value)
stmt: Delete(expr* targets)
stmt: Assign(expr* targets, expr value, string? type_comment)
stmt: AugAssign(expr target, operator op, expr value)
stmt: AnnAssign(expr target, expr annotation, expr? value, int simple)
stmt: For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
stmt: AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
stmt: While(expr test, stmt* body, stmt* orelse)
stmt: If(expr test, stmt* body, stmt* orelse)
stmt: With(withitem* items, stmt* body, string? type_comment)
stmt: AsyncWith(withitem* items, stmt* body, string? type_comment)
stmt: Match(expr subject, match_case* cases)
stmt: Raise(expr? exc, expr? cause)
stmt: Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
stmt: TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
stmt: Assert(expr test, expr? msg)
stmt: Import(alias* names)
stmt: ImportFrom(identifier? module, alias* names, int level)
stmt: Global(identifier* names)
stmt: Nonlocal(identifier* names)
stmt: Expr(expr value)
stmt: Pass()
stmt: Break()
stmt: Continue()
expr: BoolOp(boolop op, expr* values)
expr: NamedExpr(expr target, expr value)
expr: BinOp(expr left, operator op, expr right)
expr: UnaryOp(unaryop op, expr operand)
expr: Lambda(arguments args, expr body)
expr: IfExp(expr test, expr body, expr orelse)
expr: Dict(expr* keys, expr* values)
expr: Set(expr* elts)
expr: ListComp(expr elt, comprehension* generators)
expr: SetComp(expr elt, comprehension* generators)
expr: DictComp(expr key, expr value, comprehension* generators)
expr: GeneratorExp(expr elt, comprehension* generators)
expr: Await(expr value)
expr: Yield(expr? value)
expr: YieldFrom(expr value)
expr: Compare(expr left, cmpop* ops, expr* comparators)
expr: Call(expr func, expr* args, keyword* keywords)
expr: FormattedValue(expr value, int conversion, expr? format_spec)
expr: JoinedStr(expr* values)
expr: Constant(constant value, string? kind)
expr: Attribute(expr value, identifier attr, expr_context ctx)
expr: Subscript(expr value, expr slice, expr_context ctx)
expr: Starred(expr value, expr_context ctx)
expr: Name(identifier id, expr_context ctx)
expr: List(expr* elts, expr_context ctx)
expr: Tuple(expr* elts, expr_context ctx)
expr: Slice(expr? lower, expr? upper, expr? step)
pattern: MatchValue(expr value)
pattern: MatchSingleton(constant value)
pattern: MatchSequence(pattern* patterns)
pattern: MatchMapping(expr* keys, pattern* patterns, identifier? rest)
pattern: MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)
pattern: MatchStar(identifier? name)
pattern: MatchAs(pattern? pattern, identifier? name)
pattern: MatchOr(pattern* patterns)
excepthandler: ExceptHandler(expr? type, identifier? name, stmt* body)
comprehension = (expr target, expr iter, expr* ifs, int is_async)
arguments = (arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults)
arg = (identifier arg, expr? annotation, string? type_comment) @
keyword = (identifier? arg, expr value) @
alias = (identifier name, identifier? asname) @
withitem = (expr context_expr, expr? optional_vars)
match_case = (pattern pattern, expr? guard, stmt* body)
"""

ENUMS = {
    "expr_context": ["Load", "Store", "Del"],
    "boolop": ["And", "Or"],
    "operator": ["Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift",
                 "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"],
    "unaryop": ["Invert", "Not", "UAdd", "USub"],
    "cmpop": ["Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"],
}

CTYPE = {
    "expr": "Expr *", "stmt": "Stmt *", "pattern": "Pattern *",
    "excepthandler": "ExceptHandler *", "arguments": "Arguments *", "arg": "Arg *",
    "keyword": "Keyword *", "alias": "Alias *", "withitem": "WithItem *",
    "match_case": "MatchCase *", "comprehension": "Comprehension *",
    "identifier": "const char *", "string": "const char *", "constant": "Constant ",
    "int": "int ", "expr_context": "ExprContext ", "boolop": "BoolOpKind ",
    "operator": "OperatorKind ", "unaryop": "UnaryOpKind ", "cmpop": "CmpOpKind ",
}
STRUCT = {"expr": "Expr", "stmt": "Stmt", "pattern": "Pattern", "excepthandler": "ExceptHandler",
          "comprehension": "Comprehension", "arguments": "Arguments", "arg": "Arg",
          "keyword": "Keyword", "alias": "Alias", "withitem": "WithItem", "match_case": "MatchCase"}
KINDCODE = {t: "AST_F_" + t.upper() for t in list(CTYPE)}


def parse_fields(text):
    fields = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        typ, name = part.split()
        seq = typ.endswith("*")
        opt = typ.endswith("?")
        fields.append((typ.rstrip("*?"), name, seq, opt))
    return fields


def main():
    sums = {}
    products = {}
    for line in SPEC.strip().splitlines():
        if ": " in line.split("(")[0]:
            typ, rest = line.split(": ", 1)
            name, fields = rest.split("(", 1)
            sums.setdefault(typ, []).append((name, parse_fields(fields.rstrip(")"))))
        else:
            typ, rest = line.split(" = ", 1)
            attrs = rest.endswith("@")
            rest = rest.rstrip(" @")
            products[typ] = (parse_fields(rest[1:-1]), attrs)

    h = []
    w = h.append
    w("/* Generated by tools/gen_ast.py.  Do not edit. */\n")
    w("#ifndef STMPY_AST_NODES_H\n#define STMPY_AST_NODES_H\n\n")
    for t in STRUCT.values():
        w("typedef struct %s %s;\n" % (t, t))
    w("\n")
    for name, values in ENUMS.items():
        cname = {"expr_context": "ExprContext", "boolop": "BoolOpKind", "operator": "OperatorKind",
                 "unaryop": "UnaryOpKind", "cmpop": "CmpOpKind"}[name]
        w("typedef enum {\n" + "".join("    %s_%s,\n" % (cname.replace("Kind", ""), v) for v in values) + "} %s;\n" % cname)
        w("extern const char *const ast_%s_names[];\n\n" % name)
    w("typedef enum {\n" + "".join("    %s,\n" % KINDCODE[t] for t in CTYPE) + "} AstFieldType;\n\n")

    def field_decl(typ, name, seq):
        if seq:
            return "AstSeq *%s;" % name
        return "%s%s;" % (CTYPE[typ], name)

    for typ, ctors in sums.items():
        st = STRUCT[typ]
        w("typedef enum {\n" + "".join("    %s_%s,\n" % (st, c) for c, _ in ctors) + "} %sKind;\n\n" % st)
        w("struct %s {\n    %sKind kind;\n    int lineno, col_offset, end_lineno, end_col_offset;\n    union {\n" % (st, st))
        for c, fields in ctors:
            if fields:
                w("        struct {\n")
                for ft, fn, seq, opt in fields:
                    w("            %s\n" % field_decl(ft, fn, seq))
                w("        } %s;\n" % c)
        w("    } v;\n};\n\n")
    for typ, (fields, attrs) in products.items():
        st = STRUCT[typ]
        w("struct %s {\n" % st)
        for ft, fn, seq, opt in fields:
            w("    %s\n" % field_decl(ft, fn, seq))
        if attrs:
            w("    int lineno, col_offset, end_lineno, end_col_offset;\n")
        w("};\n\n")
    w("""/* A description of each node kind, for code that walks any node
   generically (ast.dump, later the ast module). */
typedef struct AstField {
    const char *name;
    AstFieldType type;
    unsigned char seq, opt;
    unsigned short offset;
} AstField;

typedef struct AstNodeInfo {
    const char *name;
    int nfields;
    const AstField *fields;
    int has_attributes;
} AstNodeInfo;

""")
    for typ in sums:
        w("extern const AstNodeInfo ast_%s_info[];\n" % typ)
    for typ in products:
        w("extern const AstNodeInfo ast_%s_info;\n" % typ)
    w("\n#endif\n")

    c = []
    w = c.append
    w("/* Generated by tools/gen_ast.py.  Do not edit. */\n#include <stddef.h>\n\n#include \"compiler/ast.h\"\n\n")
    for name, values in ENUMS.items():
        w("const char *const ast_%s_names[] = {%s};\n" % (name, ", ".join('"%s"' % v for v in values)))
    w("\n")

    def fields_table(sym, st, prefix, fields):
        if not fields:
            return "NULL"
        w("static const AstField %s[] = {\n" % sym)
        for ft, fn, seq, opt in fields:
            w('    {"%s", %s, %d, %d, offsetof(%s, %s%s)},\n' % (fn, KINDCODE[ft], seq, opt, st, prefix, fn))
        w("};\n")
        return sym

    for typ, ctors in sums.items():
        st = STRUCT[typ]
        syms = []
        for cname, fields in ctors:
            syms.append((cname, len(fields), fields_table("f_%s_%s" % (typ, cname), st, "v.%s." % cname, fields)))
        w("const AstNodeInfo ast_%s_info[] = {\n" % typ)
        for cname, n, sym in syms:
            w('    {"%s", %d, %s, 1},\n' % (cname, n, sym))
        w("};\n\n")
    for typ, (fields, attrs) in products.items():
        st = STRUCT[typ]
        sym = fields_table("f_%s" % typ, st, "", fields)
        w('const AstNodeInfo ast_%s_info = {"%s", %d, %s, %d};\n\n' % (typ, typ, len(fields), sym, int(attrs)))

    with open("src/compiler/ast_nodes.h", "w") as f:
        f.write("".join(h))
    with open("src/compiler/ast_nodes.c", "w") as f:
        f.write("".join(c))


if __name__ == "__main__":
    main()

/* The instruction set: CPython 3.11's, minus CACHE, PRECALL, RESUME and the
 * adaptive/specialised forms (see docs/bytecode.md for the differences).
 *
 * OPCODE(name, has_arg, has_cache, is_jump):
 *   has_arg    the oparg means something (others are emitted with oparg 0);
 *   has_cache  the instruction word is followed by one word holding an
 *              inline-cache slot number (0..ncaches-1);
 *   is_jump    the oparg is an absolute target (word index).
 * The VM and the disassembler both expand this list, so the numbering is
 * the order below.
 */
#ifndef STMPY_OPCODES_H
#define STMPY_OPCODES_H

#define OPCODE_LIST(OPCODE) \
    OPCODE(NOP, 0, 0, 0) \
    OPCODE(POP_TOP, 0, 0, 0) \
    OPCODE(PUSH_NULL, 0, 0, 0) \
    OPCODE(UNARY_POSITIVE, 0, 0, 0) \
    OPCODE(UNARY_NEGATIVE, 0, 0, 0) \
    OPCODE(UNARY_NOT, 0, 0, 0) \
    OPCODE(UNARY_INVERT, 0, 0, 0) \
    OPCODE(BINARY_SUBSCR, 0, 1, 0) \
    OPCODE(STORE_SUBSCR, 0, 0, 0) \
    OPCODE(DELETE_SUBSCR, 0, 0, 0) \
    OPCODE(GET_LEN, 0, 0, 0) \
    OPCODE(MATCH_MAPPING, 0, 0, 0) \
    OPCODE(MATCH_SEQUENCE, 0, 0, 0) \
    OPCODE(MATCH_KEYS, 0, 0, 0) \
    OPCODE(PUSH_EXC_INFO, 0, 0, 0) \
    OPCODE(CHECK_EXC_MATCH, 0, 0, 0) \
    OPCODE(CHECK_EG_MATCH, 0, 0, 0) \
    OPCODE(WITH_EXCEPT_START, 0, 0, 0) \
    OPCODE(GET_AITER, 0, 0, 0) \
    OPCODE(GET_ANEXT, 0, 0, 0) \
    OPCODE(BEFORE_ASYNC_WITH, 0, 0, 0) \
    OPCODE(BEFORE_WITH, 0, 0, 0) \
    OPCODE(END_ASYNC_FOR, 0, 0, 0) \
    OPCODE(GET_ITER, 0, 0, 0) \
    OPCODE(GET_YIELD_FROM_ITER, 0, 0, 0) \
    OPCODE(PRINT_EXPR, 0, 0, 0) \
    OPCODE(LOAD_BUILD_CLASS, 0, 0, 0) \
    OPCODE(LOAD_ASSERTION_ERROR, 0, 0, 0) \
    OPCODE(RETURN_GENERATOR, 0, 0, 0) \
    OPCODE(LIST_TO_TUPLE, 0, 0, 0) \
    OPCODE(RETURN_VALUE, 0, 0, 0) \
    OPCODE(IMPORT_STAR, 0, 0, 0) \
    OPCODE(SETUP_ANNOTATIONS, 0, 0, 0) \
    OPCODE(YIELD_VALUE, 0, 0, 0) \
    OPCODE(ASYNC_GEN_WRAP, 0, 0, 0) \
    OPCODE(PREP_RERAISE_STAR, 0, 0, 0) \
    OPCODE(POP_EXCEPT, 0, 0, 0) \
    OPCODE(STORE_NAME, 1, 0, 0) \
    OPCODE(DELETE_NAME, 1, 0, 0) \
    OPCODE(UNPACK_SEQUENCE, 1, 0, 0) \
    OPCODE(FOR_ITER, 1, 0, 1) \
    OPCODE(UNPACK_EX, 1, 0, 0) \
    OPCODE(STORE_ATTR, 1, 1, 0) \
    OPCODE(DELETE_ATTR, 1, 0, 0) \
    OPCODE(STORE_GLOBAL, 1, 0, 0) \
    OPCODE(DELETE_GLOBAL, 1, 0, 0) \
    OPCODE(SWAP, 1, 0, 0) \
    OPCODE(LOAD_CONST, 1, 0, 0) \
    OPCODE(LOAD_NAME, 1, 0, 0) \
    OPCODE(BUILD_TUPLE, 1, 0, 0) \
    OPCODE(BUILD_LIST, 1, 0, 0) \
    OPCODE(BUILD_SET, 1, 0, 0) \
    OPCODE(BUILD_MAP, 1, 0, 0) \
    OPCODE(LOAD_ATTR, 1, 1, 0) \
    OPCODE(COMPARE_OP, 1, 0, 0) \
    OPCODE(IMPORT_NAME, 1, 0, 0) \
    OPCODE(IMPORT_FROM, 1, 0, 0) \
    OPCODE(JUMP_FORWARD, 1, 0, 1) \
    OPCODE(JUMP_BACKWARD, 1, 0, 1) \
    OPCODE(JUMP_BACKWARD_NO_INTERRUPT, 1, 0, 1) \
    OPCODE(JUMP_IF_FALSE_OR_POP, 1, 0, 1) \
    OPCODE(JUMP_IF_TRUE_OR_POP, 1, 0, 1) \
    OPCODE(POP_JUMP_IF_FALSE, 1, 0, 1) \
    OPCODE(POP_JUMP_IF_TRUE, 1, 0, 1) \
    OPCODE(POP_JUMP_IF_NONE, 1, 0, 1) \
    OPCODE(POP_JUMP_IF_NOT_NONE, 1, 0, 1) \
    OPCODE(SEND, 1, 0, 1) \
    OPCODE(LOAD_GLOBAL, 1, 1, 0) \
    OPCODE(IS_OP, 1, 0, 0) \
    OPCODE(CONTAINS_OP, 1, 0, 0) \
    OPCODE(RERAISE, 1, 0, 0) \
    OPCODE(COPY, 1, 0, 0) \
    OPCODE(BINARY_OP, 1, 0, 0) \
    OPCODE(LOAD_FAST, 1, 0, 0) \
    OPCODE(STORE_FAST, 1, 0, 0) \
    OPCODE(DELETE_FAST, 1, 0, 0) \
    OPCODE(RAISE_VARARGS, 1, 0, 0) \
    OPCODE(GET_AWAITABLE, 1, 0, 0) \
    OPCODE(MAKE_FUNCTION, 1, 0, 0) \
    OPCODE(BUILD_SLICE, 1, 0, 0) \
    OPCODE(MAKE_CELL, 1, 0, 0) \
    OPCODE(LOAD_CLOSURE, 1, 0, 0) \
    OPCODE(LOAD_DEREF, 1, 0, 0) \
    OPCODE(STORE_DEREF, 1, 0, 0) \
    OPCODE(DELETE_DEREF, 1, 0, 0) \
    OPCODE(LOAD_CLASSDEREF, 1, 0, 0) \
    OPCODE(COPY_FREE_VARS, 1, 0, 0) \
    OPCODE(CALL_FUNCTION_EX, 1, 0, 0) \
    OPCODE(EXTENDED_ARG, 1, 0, 0) \
    OPCODE(LIST_APPEND, 1, 0, 0) \
    OPCODE(SET_ADD, 1, 0, 0) \
    OPCODE(MAP_ADD, 1, 0, 0) \
    OPCODE(MATCH_CLASS, 1, 0, 0) \
    OPCODE(FORMAT_VALUE, 1, 0, 0) \
    OPCODE(BUILD_CONST_KEY_MAP, 1, 0, 0) \
    OPCODE(BUILD_STRING, 1, 0, 0) \
    OPCODE(LOAD_METHOD, 1, 1, 0) \
    OPCODE(LIST_EXTEND, 1, 0, 0) \
    OPCODE(SET_UPDATE, 1, 0, 0) \
    OPCODE(DICT_MERGE, 1, 0, 0) \
    OPCODE(DICT_UPDATE, 1, 0, 0) \
    OPCODE(CALL, 1, 1, 0) \
    OPCODE(KW_NAMES, 1, 0, 0)

typedef enum {
#define OPCODE_ENUM(name, arg, cache, jump) OP_##name,
    OPCODE_LIST(OPCODE_ENUM)
#undef OPCODE_ENUM
    OP_COUNT
} Opcode;

typedef struct OpcodeInfo {
    const char *name;
    unsigned char has_arg, has_cache, is_jump;
} OpcodeInfo;

extern const OpcodeInfo opcode_info[OP_COUNT];

/* Instruction word layout. */
#define INSTR_OP(w) ((w) & 0xff)
#define INSTR_ARG(w) ((w) >> 8)
#define INSTR_MAKE(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define INSTR_ARG_MAX 0xffffffu

/* Operands, with CPython 3.11's values. */
enum { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE };
enum {                                   /* BINARY_OP; += forms add NB_INPLACE */
    NB_ADD, NB_AND, NB_FLOOR_DIVIDE, NB_LSHIFT, NB_MATRIX_MULTIPLY, NB_MULTIPLY,
    NB_REMAINDER, NB_OR, NB_POWER, NB_RSHIFT, NB_SUBTRACT, NB_TRUE_DIVIDE, NB_XOR,
    NB_INPLACE = 13,
};
enum { FVC_MASK = 3, FVC_NONE = 0, FVC_STR = 1, FVC_REPR = 2, FVC_ASCII = 3, FVS_HAVE_SPEC = 4 };
enum {                                   /* MAKE_FUNCTION flags */
    MF_DEFAULTS = 1, MF_KWDEFAULTS = 2, MF_ANNOTATIONS = 4, MF_CLOSURE = 8,
};

#endif

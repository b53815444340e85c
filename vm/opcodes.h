// The opcode enum, names and stack effects, expanded from vm/opcodes.def.
#ifndef CS_VM_OPCODES_H
#define CS_VM_OPCODES_H

#include <stdbool.h>
#include <stdint.h>

enum {
    OPF_NONE = 0,
    OPF_JUMP = 1,
    OPF_CONST = 2,
    OPF_NAME = 4,
    OPF_LOCAL = 8,
    OPF_DEREF = 16,
};

typedef enum {
#define OP(name, effect, jeffect, flags) OP_##name,
#include "vm/opcodes.def"
#undef OP
    OP_COUNT
} Opcode;

#define INSTR(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define INSTR_OP(ins)  ((ins) & 0xFFu)
#define INSTR_ARG(ins) ((ins) >> 8)
#define INSTR_ARG_MAX  0xFFFFFFu

extern const char *const opcode_names[OP_COUNT];
extern const uint8_t opcode_flags[OP_COUNT];
// Net stack effect of (op, arg): falling through, or when jumping.
int opcode_stack_effect(int op, uint32_t arg, bool jump);

#endif

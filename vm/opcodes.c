// Tables expanded from vm/opcodes.def: names for the disassembler, operand
// kinds, and stack effects for the compiler's stack-depth computation.
#include "vm/opcodes.h"

const char *const opcode_names[OP_COUNT] = {
#define OP(name, effect, jeffect, flags) #name,
#include "vm/opcodes.def"
#undef OP
};

const uint8_t opcode_flags[OP_COUNT] = {
#define OP(name, effect, jeffect, flags) flags,
#include "vm/opcodes.def"
#undef OP
};

int opcode_stack_effect(int op, uint32_t arg, bool jump) {
    switch (op) {
#define OP(name, effect, jeffect, flags)                                                           \
    case OP_##name:                                                                                \
        return jump ? (int)(jeffect) : (int)(effect);
#include "vm/opcodes.def"
#undef OP
    default:
        return 0;
    }
}

// The object model: the header every heap object starts with, type objects
// and their slots, and the generic protocols (attribute access, calls,
// operators, iteration, hashing, repr) that dispatch through those slots.
//
// Conventions (STYLE.md): a function that can raise returns CS_ERR (Value),
// NULL (pointer) or -1 (int) with the exception set in ts->exc; success
// leaves ts->exc clear. Any function taking ThreadState *ts may allocate and
// so run the GC: see vm/gc.h for how C code keeps values alive (every fresh
// allocation is rooted automatically until the enclosing instruction ends).
// Built-in types live in vm/<type>.c; user classes are created by
// vm/typeobj.c, which fills the slots of a class from its dunder methods.
#ifndef CS_VM_OBJECT_H
#define CS_VM_OBJECT_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <sys/types.h>

#include "vm/value.h"

typedef struct ThreadState ThreadState;
typedef struct Interp Interp;
typedef struct TypeObj TypeObj;
typedef struct StrObj StrObj;
typedef struct TupleObj TupleObj;
typedef struct DictObj DictObj;
typedef struct GcState GcState;

// ---------------------------------------------------------------------------
// The object header

enum {
    GC_MARKED = 1u << 0,    // reached in the current mark phase
    GC_PERMANENT = 1u << 1, // static object (built-in type, singleton): never swept
    GC_FINALIZED = 1u << 2, // finalize slot already ran
    GC_WATCHED = 1u << 3,   // has an entry in the death-watch list (vm/gc.h gc_watch)
    GC_UNWATCHED = 1u << 4, // that entry is cancelled (gc_unwatch): dropped, never fired
};

typedef struct Obj {
    TypeObj *type;
    struct Obj *gc_next; // every heap object is on its interpreter's list
    uint32_t gc_flags;
    uint32_t aux; // per-type spare bits (e.g. str: is_ascii, interned)
} Obj;

// Static objects (built-in types, singletons) are declared with this header.
#define OBJ_HEADER_INIT(typeptr) {.type = (typeptr), .gc_next = NULL, .gc_flags = GC_PERMANENT, .aux = 0}

// ---------------------------------------------------------------------------
// Slots. A NULL slot means "not supported" and the protocol function raises
// CPython's TypeError. Binary-operator slots return CS_NOTIMPL_VAL when they
// do not handle the operand types, exactly like CPython's NotImplemented.

typedef enum {
    BINOP_ADD,
    BINOP_SUB,
    BINOP_MUL,
    BINOP_MATMUL,
    BINOP_TRUEDIV,
    BINOP_FLOORDIV,
    BINOP_MOD,
    BINOP_POW,
    BINOP_LSHIFT,
    BINOP_RSHIFT,
    BINOP_AND,
    BINOP_OR,
    BINOP_XOR,
    BINOP_COUNT,
    // In-place variants: BINOP_INPLACE + op. They use the inplace slot when
    // the type has one and fall back to the plain operator.
    BINOP_INPLACE = 16,
} BinOp;

typedef enum { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE } CmpOp;

typedef enum { UNOP_NEG, UNOP_POS, UNOP_INVERT, UNOP_COUNT } UnOp;

// Calling convention ("vectorcall"): positional arguments first, then the
// values of keyword arguments whose names are in kwnames (a tuple of str, or
// NULL when there are none). nargs counts the positional ones only. The args
// array is owned by the caller and stays alive for the call.
typedef Value (*CallFn)(ThreadState *ts, Value callable, const Value *args, size_t nargs,
                        TupleObj *kwnames);

// How a resumed generator frame (or a send slot) stopped.
typedef enum { RESUME_YIELD, RESUME_RETURN, RESUME_ERROR } ResumeStatus;
// The send slot (CPython's am_send): *out receives the yielded or returned
// value; RESUME_ERROR means raised.
typedef ResumeStatus (*SendFn)(ThreadState *ts, Value self, Value v, Value *out);

typedef void (*TraceFn)(Obj *o, GcState *gc);
typedef void (*FinalizeFn)(Obj *o);
typedef Value (*UnaryFn)(ThreadState *ts, Value a);
typedef Value (*BinaryFn)(ThreadState *ts, Value a, Value b);
typedef Value (*CompareFn)(ThreadState *ts, Value a, Value b, CmpOp op);
typedef int64_t (*HashFn)(ThreadState *ts, Value a); // -1 = raised
typedef ssize_t (*LenFn)(ThreadState *ts, Value a);  // -1 = raised
typedef int (*InquiryFn)(ThreadState *ts, Value a);  // 0/1, -1 = raised
typedef int (*ContainsFn)(ThreadState *ts, Value container, Value item);
typedef Value (*GetAttrFn)(ThreadState *ts, Value obj, StrObj *name);
// value == CS_UNBOUND deletes the attribute.
typedef int (*SetAttrFn)(ThreadState *ts, Value obj, StrObj *name, Value value);
// value == CS_UNBOUND deletes the item.
typedef int (*SetItemFn)(ThreadState *ts, Value obj, Value key, Value value);
// Descriptor get: obj is CS_UNBOUND when looked up on the class (CPython's
// NULL instance), type is the owner class.
typedef Value (*DescrGetFn)(ThreadState *ts, Value descr, Value obj, TypeObj *type);
typedef int (*DescrSetFn)(ThreadState *ts, Value descr, Value obj, Value value);
// __new__: called with the class as first argument already stripped.
typedef Value (*NewFn)(ThreadState *ts, TypeObj *type, const Value *args, size_t nargs,
                       TupleObj *kwnames);
// __init__: returns 0, or -1 when raised.
typedef int (*InitFn)(ThreadState *ts, Value self, const Value *args, size_t nargs,
                      TupleObj *kwnames);

// A C function exposed to cs as a method or module function. self is the
// bound object for methods (the module for module functions, CS_NONE for
// plain built-ins).
typedef Value (*CFunction)(ThreadState *ts, Value self, const Value *args, size_t nargs,
                           TupleObj *kwnames);

enum {
    METH_KEYWORDS = 1u << 0, // accepts keyword arguments (else the caller rejects them)
    METH_STATIC = 1u << 1,   // in a type: staticmethod (self is CS_NONE)
    METH_CLASS = 1u << 2,    // in a type: classmethod (self is the class)
};

typedef struct MethodDef {
    const char *name;
    CFunction fn;
    uint32_t flags;
    const char *doc;
} MethodDef;

// A computed attribute of a built-in type (CPython's getset descriptor).
typedef struct GetSetDef {
    const char *name;
    Value (*get)(ThreadState *ts, Value self);
    int (*set)(ThreadState *ts, Value self, Value value); // NULL = read-only; CS_UNBOUND = delete
} GetSetDef;

enum {
    TYPE_HEAP = 1u << 0,         // a class created by a class statement or type()
    TYPE_BASETYPE = 1u << 1,     // may be subclassed
    TYPE_HAS_DICT = 1u << 2,     // instances carry a __dict__ at dict_offset
    TYPE_EXCEPTION = 1u << 3,    // subclass of BaseException
    TYPE_READY = 1u << 4,        // type_ready() has run
    TYPE_ABSTRACT_NEW = 1u << 5, // cannot be instantiated ("cannot create 'X' instances")
    // Subclass flags make isinstance checks for core types one bit test.
    TYPE_INT_SUBCLASS = 1u << 8,
    TYPE_STR_SUBCLASS = 1u << 9,
    TYPE_TUPLE_SUBCLASS = 1u << 10,
    TYPE_LIST_SUBCLASS = 1u << 11,
    TYPE_DICT_SUBCLASS = 1u << 12,
    TYPE_TYPE_SUBCLASS = 1u << 13,
    TYPE_BYTES_SUBCLASS = 1u << 14,
    TYPE_VARSIZE = 1u << 15, // instances have a variable size (tuple, str, bytes):
                             // subclasses get no instance __dict__
};

struct TypeObj {
    Obj hdr;
    const char *name; // tp_name of a built-in type ("int", "dict_keys")
    StrObj *name_str; // __name__ (set by type_ready for built-ins)
    StrObj *qualname;
    TypeObj *base;   // the solid base (layout); NULL only for object
    TupleObj *bases; // __bases__
    TupleObj *mro;   // __mro__, C3 linearisation
    DictObj *dict;   // __dict__: methods and class attributes
    size_t basicsize;
    size_t dict_offset; // byte offset of the instance DictObj * (0: none)
    uint32_t flags;
    uint32_t version; // bumped when the class or any base changes (attribute caches)
    const char *doc;

    // Tables a built-in type provides; type_ready turns them into dict entries.
    const MethodDef *methods;
    const GetSetDef *getsets;

    // Memory
    TraceFn trace;       // mark every Value/Obj the object references (NULL: none)
    FinalizeFn finalize; // free malloc'd memory the object owns (never allocates)

    // Construction
    NewFn tp_new;
    InitFn tp_init;
    CallFn call; // calling an instance (type objects: construct)

    // Basic protocols
    UnaryFn repr;
    UnaryFn str;
    HashFn hash;
    CompareFn richcompare;
    InquiryFn truthy;
    GetAttrFn getattr; // NULL: generic attribute lookup (obj_generic_getattr)
    SetAttrFn setattr; // NULL: generic (obj_generic_setattr)
    DescrGetFn descr_get;
    DescrSetFn descr_set;

    // Iteration: iternext returns CS_STOP when exhausted (no exception set).
    UnaryFn iter;
    UnaryFn iternext;

    // Containers
    LenFn len;
    BinaryFn getitem;
    SetItemFn setitem;
    ContainsFn contains;

    // Numbers: binop[op](a, b) is tried for both operand orders (the right
    // operand's slot gets the same (a, b) argument order, as CPython's
    // nb_* slots do); inplace[op] for augmented assignment.
    BinaryFn binop[BINOP_COUNT];
    BinaryFn inplace[BINOP_COUNT];
    UnaryFn unop[UNOP_COUNT];
    UnaryFn index; // __index__ (returns an int)
    UnaryFn to_int;   // __int__
    UnaryFn to_float; // __float__

    // Coroutines
    UnaryFn await; // __await__
    UnaryFn aiter; // __aiter__
    UnaryFn anext; // __anext__
    SendFn send;   // fast path for SEND/await on a non-generator iterator: yield or
                   // return without a StopIteration (never inherited)
};

// ---------------------------------------------------------------------------
// Built-in types and singletons (defined in their own vm/*.c files).

extern TypeObj type_object, type_type, type_int, type_bool, type_float, type_str, type_bytes,
    type_bytearray, type_list, type_tuple, type_dict, type_set, type_frozenset, type_range,
    type_slice, type_NoneType, type_NotImplementedType, type_ellipsis, type_function,
    type_builtin_function, type_method, type_method_descriptor, type_code, type_cell,
    type_module, type_property, type_staticmethod, type_classmethod, type_super,
    type_generator, type_coroutine, type_async_generator;

extern Obj cs_notimplemented_obj, cs_ellipsis_obj;
#define CS_NOTIMPL_VAL (obj_val(&cs_notimplemented_obj))
#define CS_ELLIPSIS_VAL (obj_val(&cs_ellipsis_obj))

static inline TypeObj *type_of(Value v) {
    if (is_obj(v)) {
        return as_obj(v)->type;
    }
    if (is_small_int(v)) {
        return &type_int;
    }
    if (is_float(v)) {
        return &type_float;
    }
    return v == CS_NONE ? &type_NoneType : &type_bool;
}

static inline bool is_type_exact(Value v, const TypeObj *t) {
    return is_obj(v) && as_obj(v)->type == t;
}

// True when v's type has the given TYPE_*_SUBCLASS flag (or is that type).
static inline bool has_type_flag(Value v, uint32_t flag) {
    return (type_of(v)->flags & flag) != 0;
}

static inline const char *type_name(const TypeObj *t) {
    return t->name;
}

// ---------------------------------------------------------------------------
// Generic protocols (vm/object.c). All may raise and allocate.

// repr(v) / str(v): always a str on success.
Value obj_repr(ThreadState *ts, Value v);
Value obj_str(ThreadState *ts, Value v);
Value obj_ascii(ThreadState *ts, Value v);
// hash(v): -1 raised ("unhashable type: 'list'"). Never returns -1 as a hash.
int64_t obj_hash(ThreadState *ts, Value v);
// Rich comparison with reflection and the identity shortcut of ==/!= as CPython.
Value obj_compare(ThreadState *ts, Value a, Value b, CmpOp op);
// a == b as a C truth value: 1/0, -1 raised. Identity implies equality.
int obj_eq(ThreadState *ts, Value a, Value b);
// a < b as a C truth value (used by sort, min, max, heapq): 1/0, -1 raised.
int obj_lt(ThreadState *ts, Value a, Value b);
// bool(v): 1/0, -1 raised.
int obj_truthy(ThreadState *ts, Value v);
// len(v): -1 raised ("object of type 'int' has no len()").
ssize_t obj_len(ThreadState *ts, Value v);

Value obj_getattr(ThreadState *ts, Value obj, StrObj *name);
Value obj_getattr_cstr(ThreadState *ts, Value obj, const char *name);
// Like obj_getattr but an AttributeError is swallowed: returns CS_UNBOUND.
Value obj_lookup_attr(ThreadState *ts, Value obj, StrObj *name);
int obj_setattr(ThreadState *ts, Value obj, StrObj *name, Value value);
int obj_delattr(ThreadState *ts, Value obj, StrObj *name);
// The default machinery behind getattr/setattr (descriptors, instance dict).
Value obj_generic_getattr(ThreadState *ts, Value obj, StrObj *name);
int obj_generic_setattr(ThreadState *ts, Value obj, StrObj *name, Value value);

Value obj_getitem(ThreadState *ts, Value obj, Value key);
int obj_setitem(ThreadState *ts, Value obj, Value key, Value value);
int obj_delitem(ThreadState *ts, Value obj, Value key);
// `item in container`: 1/0, -1 raised. Falls back to iteration as CPython.
int obj_contains(ThreadState *ts, Value container, Value item);

// iter(v); next: returns CS_STOP when exhausted without an exception.
Value obj_iter(ThreadState *ts, Value v);
Value obj_next(ThreadState *ts, Value iter);

Value obj_call(ThreadState *ts, Value callable, const Value *args, size_t nargs,
               TupleObj *kwnames);
Value obj_call0(ThreadState *ts, Value callable);
Value obj_call1(ThreadState *ts, Value callable, Value a);
Value obj_call2(ThreadState *ts, Value callable, Value a, Value b);
// Call a method by name: obj.name(*args).
Value obj_call_method(ThreadState *ts, Value obj, StrObj *name, const Value *args, size_t nargs);
bool obj_callable(Value v);

// Operators with CPython's dispatch (reflected operands, subclass priority,
// "unsupported operand type(s) for +: 'int' and 'str'").
Value obj_binop(ThreadState *ts, Value a, Value b, int op); // op: BinOp, maybe | BINOP_INPLACE
Value obj_unop(ThreadState *ts, Value a, UnOp op);
Value obj_pow3(ThreadState *ts, Value base, Value exp, Value mod); // pow(b, e, m)
// __index__: an int, or TypeError "'float' object cannot be interpreted as an integer".
Value obj_index(ThreadState *ts, Value v);
// __index__ converted to ssize_t, clamping never: OverflowError
// "cannot fit 'int' into an index-sized integer". Returns -1 with ts->exc set
// on error (check ts_has_exc, since -1 is also a valid index).
ssize_t obj_as_index(ThreadState *ts, Value v);

bool obj_isinstance_type(Value v, const TypeObj *t); // no __instancecheck__: pure MRO test
int obj_isinstance(ThreadState *ts, Value v, Value cls); // cls may be a tuple
int obj_issubclass(ThreadState *ts, Value cls, Value classinfo);
bool type_is_subtype(const TypeObj *a, const TypeObj *b);

// Iterate any iterable into a new list / tuple.
Value obj_to_list(ThreadState *ts, Value iterable);
Value obj_to_tuple(ThreadState *ts, Value iterable);

// The hash slot of unhashable types (list, dict, set): raises TypeError.
int64_t obj_unhashable(ThreadState *ts, Value v);
// Fills a type's dict from its method/getset tables, inherits NULL slots
// from its base, computes the MRO. Built-in types are readied at start-up.
int type_ready(ThreadState *ts, TypeObj *t);

// Name of v's type for messages ("int", "MyClass").
const char *obj_type_name(Value v);

#endif

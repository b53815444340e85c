// Types and classes: readying built-in types, creating classes (MRO, layout,
// slots from dunder methods), attribute lookup along the MRO, and the
// `type`, `object` and `super` types.
#ifndef CS_VM_TYPEOBJ_H
#define CS_VM_TYPEOBJ_H

#include "vm/object.h"

// The attribute `name` found along t's MRO (no descriptor binding), or
// CS_UNBOUND. Never raises.
Value type_lookup(TypeObj *t, StrObj *name);
Value type_lookup_cstr(TypeObj *t, const char *name);

// type(name, bases, dict): creates a class. Raises TypeError for bad bases
// and MRO conflicts.
// kwvals/kwnames: class keywords passed on to __init_subclass__ (kwnames may be NULL).
Value type_new_class(ThreadState *ts, TypeObj *meta, Value name, Value bases, Value dict,
                     const Value *kwvals, TupleObj *kwnames);

// Re-derives the slots of a heap type after one of its dunders changed.
void type_fixup_slots(ThreadState *ts, TypeObj *t);

// The __dict__ pointer slot of an instance, or NULL when it has none.
DictObj **obj_dict_ptr(Value obj);
// The instance dict, created on first use; NULL (raised) when the object has none.
DictObj *obj_get_dict(ThreadState *ts, Value obj);

// The Python-visible __name__ / __qualname__ of a type (as C strings).
const char *type_qualname(TypeObj *t);

// `__build_class__(func, name, *bases, **kwds)` for LOAD_BUILD_CLASS.
Value type_build_class(ThreadState *ts, Value self, const Value *args, size_t nargs,
                       TupleObj *kwnames);

// True when calling class t means: allocate a plain instance, then run a
// cs function `__init__` (*init) — the eval loop then runs __init__ on its
// own frame stack instead of re-entering through type.__call__.
bool type_plain_init(ThreadState *ts, TypeObj *t, Value *init);

// Instantiates type t with no user-visible __init__ (object.__new__ for heap
// types): allocates basicsize bytes and the instance dict slot.
Value type_generic_alloc(ThreadState *ts, TypeObj *t);

// types.GenericAlias for `list[int]` in annotations.
extern TypeObj type_generic_alias;
Value generic_alias_new(ThreadState *ts, Value origin, Value args);

// Descriptor types defined here and in vm/func.c.
extern TypeObj type_slot_wrapper, type_method_wrapper, type_classmethod_descriptor,
    type_getset_descriptor;

#endif

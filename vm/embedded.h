// The table of cs modules embedded into the binary (generated from
// stdlib/lib/**/*.cs by tools/embed.cmake).
#ifndef CS_VM_EMBEDDED_H
#define CS_VM_EMBEDDED_H

#include <stddef.h>

typedef struct EmbeddedModule {
    const char *name; // dotted module name ("collections", "json.decoder")
    const char *source;
    size_t len;
    int is_package; // came from a __init__.cs
} EmbeddedModule;

extern const EmbeddedModule embedded_modules[]; // terminated by a NULL name

#endif

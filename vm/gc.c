// The garbage collector: allocation, the root set, mark and sweep.
//
// Invariants (see vm/gc.h for the rooting rule C code follows):
// - Every heap object is on heap->objects exactly once; static objects
//   (GC_PERMANENT) never are.
// - Outside a collection no object has GC_MARKED set.
// - Every Value slot the collector reads (frame slots, container items,
//   temps) holds a live value or a sentinel: frames are filled with
//   CS_UNBOUND when pushed, so the whole slot area of a frame can be marked
//   without knowing the exact stack pointer of a running frame.
// - Sweeping finalizes every dead object before freeing any, so a
//   finalizer may still read its (possibly dead) type.
// - Collections run only on the thread holding the GIL, never re-entrantly.
#include "vm/gc.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/frame.h"
#include "vm/state.h"

#define TYPE(t) extern TypeObj t;
#include "vm/builtin_types.def"
#undef TYPE

// Small objects come from per-size-class free lists carved out of 64 KiB
// blocks (class k holds objects of (k + 1) * 16 bytes); larger ones from
// calloc. The class is kept in bits 8..15 of gc_flags (0: calloc'd). Under
// AddressSanitizer every object is calloc'd so use-after-free is caught.
#define POOL_CLASSES 16
#define POOL_GRAIN 16
#define POOL_BLOCK (64u * 1024u)
#define GC_CLASS_SHIFT 8
#define GC_CLASS_MASK (0xFFu << GC_CLASS_SHIFT)
#if defined(__SANITIZE_ADDRESS__)
#define USE_POOLS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define USE_POOLS 0
#endif
#endif
#ifndef USE_POOLS
#define USE_POOLS 1
#endif

// A free cell overlays an Obj whose type is NULL (that is how the block
// sweep tells free cells from objects); `next` sits where gc_next would.
typedef struct FreeCell {
    void *null_type;
    struct FreeCell *next;
} FreeCell;

// Cells are carved from a block lazily (a bump pointer): only the first
// `carved` cells have ever been handed out, so untouched memory is never
// read by the sweep nor faulted in.
typedef struct PoolBlock {
    struct PoolBlock *next;
    uint32_t cls;    // the size class of every cell in the block
    uint32_t carved; // cells handed out so far
} PoolBlock;

typedef struct GcHeap {
    Obj *objects;
    size_t allocated_since; // bytes allocated since the last collection
    size_t threshold;       // collect when allocated_since passes this
    size_t live_bytes;      // after the last collection
    size_t live_objects;
    bool stress;      // CS_GC_STRESS: collect at every allocation
    bool log;         // CS_GC_LOG: one line per collection on stderr
    bool collecting;
    int disabled;     // > 0 while start-up builds the core tables
    Value **roots;
    size_t nroots, cap_roots;
    struct Watch *watched; // gc_watch registrations
    size_t nwatched, cap_watched;
    struct Watch *dying; // found dead, waiting for gc_run_reports (rooted)
    size_t ndying, cap_dying;
    size_t dying_head; // dying[dying_head..ndying) are still to report
    bool reporting;    // gc_run_reports is running
    GcStats stats;
    FreeCell *free_lists[POOL_CLASSES];
    PoolBlock *blocks;
    PoolBlock *carving[POOL_CLASSES]; // block each class carves new cells from
} GcHeap;

typedef struct Watch {
    Obj *obj;
    DeathFn on_death;
} Watch;

struct GcState {
    Obj **gray;
    size_t ngray, cap_gray;
    Obj **statics; // permanent objects marked this cycle (marks cleared after)
    size_t nstatics, cap_statics;
};

#define GC_MIN_THRESHOLD (8u << 20)


static void fatal_oom(void) {
    fputs("cs: fatal error: out of memory\n", stderr);
    abort();
}

static void *grow_array(void *p, size_t *cap, size_t elem, size_t need) {
    if (need <= *cap) {
        return p;
    }
    size_t ncap = *cap ? *cap * 2 : 64;
    while (ncap < need) {
        ncap *= 2;
    }
    void *np = realloc(p, ncap * elem);
    if (!np) {
        fatal_oom();
    }
    *cap = ncap;
    return np;
}

// ---------------------------------------------------------------------------
// Heap set-up

static GcHeap *heap_of(Interp *interp) {
    if (!interp->heap) {
        GcHeap *h = calloc(1, sizeof *h);
        if (!h) {
            fatal_oom();
        }
        const char *s = getenv("CS_GC_STRESS");
        h->stress = s && *s && *s != '0';
        const char *l = getenv("CS_GC_LOG");
        h->log = l && *l && *l != '0';
        h->threshold = GC_MIN_THRESHOLD;
        interp->heap = h;
    }
    return interp->heap;
}

void gc_add_root(Interp *interp, Value *slot) {
    GcHeap *h = heap_of(interp);
    h->roots = grow_array(h->roots, &h->cap_roots, sizeof(Value *), h->nroots + 1);
    h->roots[h->nroots++] = slot;
}

void gc_disable(Interp *interp) {
    heap_of(interp)->disabled++;
}

void gc_enable(Interp *interp) {
    heap_of(interp)->disabled--;
}

// ---------------------------------------------------------------------------
// Allocation

static void maybe_collect(ThreadState *ts, size_t size) {
    GcHeap *h = heap_of(ts->interp);
    h->allocated_since += size;
    if (h->collecting || h->disabled > 0) {
        return;
    }
    if (h->stress || h->allocated_since >= h->threshold) {
        gc_collect(ts);
    }
}

// Refills a size class's free list from a new block.
static size_t cells_per_block(size_t cls) {
    return (POOL_BLOCK - POOL_GRAIN) / ((cls + 1) * POOL_GRAIN);
}

// A fresh cell of class cls: from the carving block, or a new block.
static FreeCell *pool_carve(GcHeap *h, size_t cls) {
    PoolBlock *b = h->carving[cls];
    if (!b || b->carved == cells_per_block(cls)) {
        b = malloc(POOL_BLOCK);
        if (!b) {
            fatal_oom();
        }
        b->next = h->blocks;
        b->cls = (uint32_t)cls;
        b->carved = 0;
        h->blocks = b;
        h->carving[cls] = b;
    }
    char *first = (char *)b + POOL_GRAIN; // the block header takes the first grain
    return (FreeCell *)(first + (size_t)b->carved++ * (cls + 1) * POOL_GRAIN);
}

static Obj *raw_alloc(GcHeap *h, size_t size, uint32_t *cls_bits) {
    if (USE_POOLS && size <= POOL_CLASSES * POOL_GRAIN) {
        size_t cls = (size - 1) / POOL_GRAIN;
        FreeCell *c = h->free_lists[cls];
        if (c) {
            h->free_lists[cls] = c->next;
        } else {
            c = pool_carve(h, cls);
        }
        memset(c, 0, (cls + 1) * POOL_GRAIN);
        *cls_bits = (uint32_t)(cls + 1) << GC_CLASS_SHIFT;
        return (Obj *)c;
    }
    *cls_bits = 0;
    return calloc(1, size);
}

static size_t obj_size(Obj *o) {
    uint32_t cls = (o->gc_flags & GC_CLASS_MASK) >> GC_CLASS_SHIFT;
    return cls ? cls * POOL_GRAIN : malloc_usable_size(o);
}

static void raw_free(GcHeap *h, Obj *o) {
    uint32_t cls = (o->gc_flags & GC_CLASS_MASK) >> GC_CLASS_SHIFT;
    if (cls) {
        FreeCell *c = (FreeCell *)o;
        c->null_type = NULL;
        c->next = h->free_lists[cls - 1];
        h->free_lists[cls - 1] = c;
    } else {
        free(o);
    }
}

void *gc_alloc(ThreadState *ts, TypeObj *type, size_t size) {
    maybe_collect(ts, size);
    GcHeap *h = ts->interp->heap;
    uint32_t cls_bits;
    Obj *o = raw_alloc(h, size, &cls_bits);
    if (!o) {
        gc_collect(ts);
        o = raw_alloc(h, size, &cls_bits);
        if (!o) {
            fatal_oom();
        }
    }
    o->gc_flags = cls_bits;
    o->type = type;
    if (!cls_bits) {
        // Pooled objects are found by walking the blocks; the rest are listed.
        o->gc_next = h->objects;
        h->objects = o;
    }
    h->stats.total_allocated++;
    gc_temp_push(ts, obj_val(o));
    return o;
}

int gc_check_size(ThreadState *ts, size_t size) {
    // Reject what no machine here can hold; calloc decides the rest.
    if (size > ((size_t)1 << 40)) {
        exc_no_memory(ts);
        return -1;
    }
    return 0;
}

void *gc_xmalloc(ThreadState *ts, size_t size) {
    maybe_collect(ts, size);
    void *p = malloc(size ? size : 1);
    if (!p) {
        exc_no_memory(ts);
    }
    return p;
}

void *gc_xrealloc(ThreadState *ts, void *p, size_t old_size, size_t new_size) {
    if (new_size > old_size) {
        maybe_collect(ts, new_size - old_size);
    }
    void *np = realloc(p, new_size ? new_size : 1);
    if (!np) {
        exc_no_memory(ts);
    }
    return np;
}

void gc_xfree(Interp *interp, void *p, size_t size) {
    (void)interp;
    (void)size;
    free(p);
}

// ---------------------------------------------------------------------------
// Temporary roots

void gc_temp_push(ThreadState *ts, Value v) {
    if (ts->ntemps == ts->cap_temps) {
        ts->temps = grow_array(ts->temps, &ts->cap_temps, sizeof(Value), ts->ntemps + 1);
    }
    ts->temps[ts->ntemps++] = v;
}

size_t gc_temp_mark(ThreadState *ts) {
    return ts->ntemps;
}

void gc_temp_reset(ThreadState *ts, size_t mark) {
    if (mark < ts->ntemps) {
        ts->ntemps = mark;
    }
}

// ---------------------------------------------------------------------------
// Marking

void gc_mark_obj(GcState *gc, Obj *o) {
    if (!o || (o->gc_flags & GC_MARKED)) {
        return;
    }
    o->gc_flags |= GC_MARKED;
    if (o->gc_flags & GC_PERMANENT) {
        gc->statics = grow_array(gc->statics, &gc->cap_statics, sizeof(Obj *), gc->nstatics + 1);
        gc->statics[gc->nstatics++] = o;
    }
    gc->gray = grow_array(gc->gray, &gc->cap_gray, sizeof(Obj *), gc->ngray + 1);
    gc->gray[gc->ngray++] = o;
}

void gc_mark_value(GcState *gc, Value v) {
    if (is_obj(v)) {
        gc_mark_obj(gc, as_obj(v));
    }
}

void gc_mark_array(GcState *gc, const Value *vals, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (is_obj(vals[i])) {
            gc_mark_obj(gc, as_obj(vals[i]));
        }
    }
}

// Blackens gray objects until none is left. Tracing never recurses in C:
// deep structures (long linked lists) only grow the gray stack.
static void drain(GcState *gc) {
    while (gc->ngray > 0) {
        Obj *o = gc->gray[--gc->ngray];
        TypeObj *t = o->type;
        gc_mark_obj(gc, &t->hdr);
        if (t->trace) {
            t->trace(o, gc);
        }
        if (t->dict_offset && !(o->gc_flags & GC_PERMANENT)) {
            gc_mark_obj(gc, *(Obj **)((char *)o + t->dict_offset));
        }
    }
}

static void mark_thread(GcState *gc, ThreadState *ts) {
    for (Frame *f = ts->frame; f; f = f->prev) {
        frame_trace(f, gc);
    }
    gc_mark_value(gc, ts->exc);
    gc_mark_value(gc, ts->handled);
    gc_mark_array(gc, ts->temps, ts->ntemps);
    gc_mark_value(gc, ts->thread_obj);
    gc_mark_value(gc, ts->async_exc);
    gc_mark_value(gc, ts->running_loop);
}

static void mark_roots(GcState *gc, Interp *interp) {
    GcHeap *h = interp->heap;
#define TYPE(t) gc_mark_obj(gc, &t.hdr);
#include "vm/builtin_types.def"
#undef TYPE
    exc_trace_types(gc);
    gc_mark_obj(gc, &interp->modules->hdr);
    gc_mark_obj(gc, interp->builtins ? &interp->builtins->hdr : NULL);
    gc_mark_obj(gc, interp->builtins_module ? &((Obj *)interp->builtins_module)[0] : NULL);
    gc_mark_obj(gc, interp->sys_module ? &((Obj *)interp->sys_module)[0] : NULL);
    gc_mark_obj(gc, interp->interned ? &interp->interned->hdr : NULL);
    gc_mark_value(gc, interp->sys_path);
    gc_mark_value(gc, interp->main_file);
    gc_mark_value(gc, interp->asyncio_cancelled_error);
    gc_mark_value(gc, interp->asyncio_invalid_state_error);
    for (size_t i = 0; i < h->nroots; i++) {
        gc_mark_value(gc, *h->roots[i]);
    }
    for (ThreadState *t = interp->threads; t; t = t->next) {
        mark_thread(gc, t);
    }
    for (size_t i = h->dying_head; i < h->ndying; i++) {
        gc_mark_obj(gc, h->dying[i].obj);
    }
}

// Moves the watched objects the mark phase did not reach to the dying queue
// and marks them (and everything they reference) so they survive this cycle.
static void resurrect_watched(GcState *gc, Interp *interp) {
    GcHeap *h = interp->heap;
    size_t keep = 0;
    bool any = false;
    for (size_t i = 0; i < h->nwatched; i++) {
        Watch w = h->watched[i];
        if (w.obj->gc_flags & GC_UNWATCHED) {
            w.obj->gc_flags &= ~(uint32_t)(GC_WATCHED | GC_UNWATCHED);
            continue;
        }
        if (w.obj->gc_flags & GC_MARKED) {
            h->watched[keep++] = w;
            continue;
        }
        w.obj->gc_flags &= ~(uint32_t)GC_WATCHED;
        h->dying = grow_array(h->dying, &h->cap_dying, sizeof(Watch), h->ndying + 1);
        h->dying[h->ndying++] = w;
        gc_mark_obj(gc, w.obj);
        any = true;
    }
    h->nwatched = keep;
    if (any) {
        drain(gc);
        atomic_fetch_or(&interp->eval_breaker, BREAK_FINALIZE);
    }
}

void gc_watch(ThreadState *ts, Obj *o, DeathFn on_death) {
    if (o->gc_flags & GC_WATCHED) {
        o->gc_flags &= ~(uint32_t)GC_UNWATCHED; // its entry is still listed: re-arm it
        return;
    }
    GcHeap *h = heap_of(ts->interp);
    h->watched = grow_array(h->watched, &h->cap_watched, sizeof(Watch), h->nwatched + 1);
    h->watched[h->nwatched++] = (Watch){o, on_death};
    o->gc_flags |= GC_WATCHED;
}

void gc_unwatch(Obj *o) {
    if (o->gc_flags & GC_WATCHED) {
        o->gc_flags |= GC_UNWATCHED;
    }
}

size_t gc_run_reports(ThreadState *ts) {
    GcHeap *h = heap_of(ts->interp);
    size_t ran = 0;
    // Never nested: a callback's own safe points (a generator's finally
    // closing, an import) leave the queue to this loop, so reports run in
    // order and each sees the effects of the one before.
    if (h->reporting) {
        return 0;
    }
    h->reporting = true;
    // Callbacks may allocate (and so collect, appending to the queue): take
    // one entry at a time from the front, keeping the rest rooted.
    while (h->dying_head < h->ndying) {
        Watch w = h->dying[h->dying_head++];
        if (h->dying_head == h->ndying) {
            h->dying_head = h->ndying = 0;
        }
        size_t mark = gc_temp_mark(ts);
        gc_temp_push(ts, obj_val(w.obj));
        Value saved = exc_fetch(ts);
        gc_temp_push(ts, saved);
        w.on_death(ts, w.obj);
        if (ts_has_exc(ts)) {
            Value e = exc_fetch(ts);
            gc_temp_push(ts, e);
            exc_print(ts, e);
        }
        exc_restore(ts, saved);
        gc_temp_reset(ts, mark);
        ran++;
    }
    h->reporting = false;
    return ran;
}

// ---------------------------------------------------------------------------
// Sweeping

static void finalize_dead(Obj *o) {
    if (!(o->gc_flags & GC_MARKED) && !(o->gc_flags & GC_FINALIZED)) {
        o->gc_flags |= GC_FINALIZED;
        if (o->type->finalize) {
            o->type->finalize(o);
        }
    }
}

// Sweeps the pool blocks in address order (sequential memory access) and
// rebuilds the free lists so that allocation hands out ascending addresses.
static size_t sweep_blocks(GcHeap *h, size_t *live, size_t *bytes) {
    size_t freed = 0;
    for (size_t k = 0; k < POOL_CLASSES; k++) {
        h->free_lists[k] = NULL;
    }
    for (PoolBlock *b = h->blocks; b; b = b->next) {
        size_t cell = (b->cls + 1) * POOL_GRAIN;
        char *first = (char *)b + POOL_GRAIN;
        size_t n = b->carved;
        FreeCell **list = &h->free_lists[b->cls];
        for (size_t i = n; i > 0; i--) {
            Obj *o = (Obj *)(first + (i - 1) * cell);
            if (o->type && (o->gc_flags & GC_MARKED)) {
                o->gc_flags &= ~(uint32_t)GC_MARKED;
                (*live)++;
                *bytes += cell;
                continue;
            }
            if (o->type) {
                freed++;
            }
            FreeCell *c = (FreeCell *)o;
            c->null_type = NULL;
            c->next = *list;
            *list = c;
        }
    }
    return freed;
}

static size_t sweep(GcHeap *h) {
    // Pass 1: finalize the dead while every type is still intact.
    for (PoolBlock *b = h->blocks; b; b = b->next) {
        size_t cell = (b->cls + 1) * POOL_GRAIN;
        char *first = (char *)b + POOL_GRAIN;
        char *end = first + (size_t)b->carved * cell;
        for (char *p = first; p < end; p += cell) {
            if (((Obj *)p)->type) {
                finalize_dead((Obj *)p);
            }
        }
    }
    for (Obj *o = h->objects; o; o = o->gc_next) {
        finalize_dead(o);
    }
    // Pass 2: free them; clear the marks of the living.
    size_t live = 0, bytes = 0;
    size_t freed = sweep_blocks(h, &live, &bytes);
    Obj **link = &h->objects;
    while (*link) {
        Obj *o = *link;
        if (o->gc_flags & GC_MARKED) {
            o->gc_flags &= ~(uint32_t)GC_MARKED;
            live++;
            bytes += obj_size(o);
            link = &o->gc_next;
        } else {
            *link = o->gc_next;
            raw_free(h, o);
            freed++;
        }
    }
    h->live_objects = live;
    h->live_bytes = bytes;
    return freed;
}

size_t gc_collect(ThreadState *ts) {
    Interp *interp = ts->interp;
    GcHeap *h = heap_of(interp);
    if (h->collecting || !interp->modules) {
        return 0;
    }
    h->collecting = true;
    GcState gc = {0};
    mark_roots(&gc, interp);
    drain(&gc);
    resurrect_watched(&gc, interp);
    size_t freed = sweep(h);
    for (size_t i = 0; i < gc.nstatics; i++) {
        gc.statics[i]->gc_flags &= ~(uint32_t)GC_MARKED;
    }
    free(gc.gray);
    free(gc.statics);
    interp->type_epoch++; // attribute caches may name freed objects
    h->allocated_since = 0;
    // Collect again after allocating twice what survived: the work of a
    // collection is paid for by as many bytes of new allocation.
    size_t grow = 2 * h->live_bytes;
    h->threshold = grow > GC_MIN_THRESHOLD ? grow : GC_MIN_THRESHOLD;
    h->stats.collections++;
    if (h->log) {
        fprintf(stderr, "[gc] freed %zu objects, %zu live (%zu bytes)\n", freed, h->live_objects,
                h->live_bytes);
    }
    h->collecting = false;
    return freed;
}

void gc_report_all(ThreadState *ts) {
    GcHeap *h = heap_of(ts->interp);
    // A callback may watch new objects (a generator's finally creating a
    // coroutine): their turn comes next, a bounded number of rounds.
    for (int round = 0; round < 16 && (h->nwatched > 0 || h->ndying > h->dying_head); round++) {
        h->dying = grow_array(h->dying, &h->cap_dying, sizeof(Watch), h->ndying + h->nwatched);
        for (size_t i = 0; i < h->nwatched; i++) {
            Watch w = h->watched[i];
            bool cancelled = w.obj->gc_flags & GC_UNWATCHED;
            w.obj->gc_flags &= ~(uint32_t)(GC_WATCHED | GC_UNWATCHED);
            if (!cancelled) {
                h->dying[h->ndying++] = w;
            }
        }
        h->nwatched = 0;
        gc_run_reports(ts);
    }
}

GcStats gc_stats(Interp *interp) {
    GcHeap *h = heap_of(interp);
    GcStats s = h->stats;
    s.live_objects = h->live_objects;
    s.live_bytes = h->live_bytes;
    return s;
}

// Frees every object at interpreter shutdown (finalizers first).
void gc_free_all(Interp *interp) {
    GcHeap *h = interp->heap;
    if (!h) {
        return;
    }
    for (Obj *o = h->objects; o; o = o->gc_next) {
        o->gc_flags &= ~(uint32_t)GC_MARKED;
    }
    for (PoolBlock *b = h->blocks; b; b = b->next) {
        size_t cell = (b->cls + 1) * POOL_GRAIN;
        char *first = (char *)b + POOL_GRAIN;
        char *end = first + (size_t)b->carved * cell;
        for (char *p = first; p < end; p += cell) {
            ((Obj *)p)->gc_flags &= ~(uint32_t)GC_MARKED;
        }
    }
    sweep(h);
    while (h->blocks) {
        PoolBlock *b = h->blocks;
        h->blocks = b->next;
        free(b);
    }
    free(h->roots);
    free(h->watched);
    free(h->dying);
    free(h);
    interp->heap = NULL;
}

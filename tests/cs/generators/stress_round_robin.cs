# 10 000 generators alive at once, advanced round-robin; all results checked; the heap returns to its baseline after each round.
import gc
import os

# Under CS_GC_STRESS (a collection at every allocation) a smaller run keeps
# the test within its time limit; the output does not depend on N.
N = 200 if os.environ.get('CS_GC_STRESS') else 10_000
STEPS = 5


def worker(i):
    # Each keeps some state of its own and receives a value at every step.
    total = i
    history = []
    try:
        for step in range(STEPS):
            got = yield total
            total += got
            history.append(got)
    finally:
        history.append('closed')
    return total, len(history)


def one_round(finish):
    gens = [worker(i) for i in range(N)]
    firsts = [next(g) for g in gens]
    ok = firsts == list(range(N))
    for step in range(1, STEPS):
        for i, g in enumerate(gens):
            if g.send(step) != i + step * (step + 1) // 2:
                ok = False
    results = []
    for i, g in enumerate(gens):
        if finish:
            try:
                g.send(STEPS)
                ok = False
            except StopIteration as e:
                results.append(e.value)
        else:
            g.close()  # the finally block runs
    if finish:
        ok = ok and results == [(i + STEPS * (STEPS + 1) // 2, STEPS + 1) for i in range(N)]
    return ok


def live_bytes():
    gc.collect()
    stats = getattr(gc, 'stats', None)
    return stats()['live_bytes'] if stats else 0


print(one_round(True), one_round(False))
base = live_bytes()
for r in range(4):
    print('round', r, one_round(r % 2 == 0))
after = live_bytes()
# CPython has no gc.stats: both are 0 there.
print('back to baseline:', after <= base + 256 * 1024)


# Generators abandoned while suspended in try/finally are closed by the
# collector, and their memory goes too.
def abandoned_round():
    gens = [worker(i) for i in range(N)]
    for g in gens:
        next(g)


for r in range(3):
    abandoned_round()
after = live_bytes()
print('abandoned back to baseline:', after <= base + 256 * 1024)

# gc: collect returns what it freed, enable/disable switch automatic collection, stats and thresholds.
import gc

class Node:
    def __init__(self):
        self.other = None

print(gc.isenabled())
gc.collect()
gc.disable()  # no automatic collection may take the cycles before collect() below
for i in range(1000):
    a, b = Node(), Node()
    a.other, b.other = b, a
del a, b
freed = gc.collect()
print(type(freed).__name__, freed >= 2000, gc.collect() < 2000)
gc.enable()
print(gc.collect() >= 0, gc.collect(0) >= 0, gc.collect(generation=2) >= 0)

gc.disable()
print(gc.isenabled())
gc.disable()
gc.enable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(len(gc.get_count()), all(isinstance(c, int) for c in gc.get_count()))
print(gc.is_tracked(5), gc.is_tracked(None), gc.is_tracked([]), gc.garbage, gc.callbacks)
print(gc.get_debug())
for bad in [3, -1, 'x']:
    try:
        gc.collect(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
try:
    gc.enable(1)
except TypeError as e:
    print('TypeError:', e)

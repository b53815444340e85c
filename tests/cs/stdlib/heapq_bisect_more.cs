# heapq and bisect: heap invariants, nlargest/nsmallest ties and keys, merge, bisect with key.
import heapq
import bisect
from heapq import *

CASES = [
    ('heapq.heappop([])', lambda: heapq.heappop([])),
    ('heapq.heapreplace([], 1)', lambda: heapq.heapreplace([], 1)),
    ('heapq.heappush((), 1)', lambda: heapq.heappush((), 1)),
    ('heapq.heapify(())', lambda: heapq.heapify(())),
    ('heapq.heappushpop([], 3)', lambda: heapq.heappushpop([], 3)),
    ('bisect.bisect([], 1, -1)', lambda: bisect.bisect([], 1, -1)),
]
for expr, fn in CASES:
    try:
        print(fn())
    except Exception as e:
        print(expr, type(e).__name__, e)
data = [(i * 37 + 11) % 50 for i in range(200)]
h = []
for x in data:
    heappush(h, x)
print([heappop(h) for _ in range(len(h))] == sorted(data))
h = data[:]
heapify(h)
print(h[:10], heapreplace(h, 100), heappushpop(h, -1), heappushpop(h, 1000), h[:5])
for n in [0, 1, 2, 5, 300]:
    print(n, nlargest(n, data)[:8], nsmallest(n, data)[:8],
          nlargest(n, iter(data), key=lambda v: v % 7)[:8],
          nsmallest(n, iter(data), key=lambda v: -(v % 5))[:8])
pairs = [((i * 7) % 5, i) for i in range(100)]
print(nlargest(10, pairs, key=lambda p: p[0]), nsmallest(10, iter(pairs), key=lambda p: p[0]))
print(list(merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])),
      list(merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len)))
print(list(merge([7, 5, 3], [8, 4, 0], reverse=True)), list(merge()), list(merge([1])),
      list(merge([(1, 'b')], [(1, 'a')], key=lambda p: p[0])))
tasks = []
for prio, name in [(3, 'low'), (1, 'urgent'), (2, 'mid'), (1, 'also urgent')]:
    heappush(tasks, (prio, name))
print([heappop(tasks)[1] for _ in range(len(tasks))])
a = [1, 2, 2, 2, 3, 5]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 4), bisect.bisect_left(a, 2, 2),
      bisect.bisect_right(a, 2, 0, 2), bisect.bisect_left(a, 0), bisect.bisect(a, 9))
bisect.insort(a, 4)
bisect.insort_left(a, 2)
print(a)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('x', 4), key=lambda r: r[1])
bisect.insort_left(recs, ('y', 4), key=lambda r: r[1])
print(recs)
grades = [bisect.bisect([60, 70, 80, 90], s) for s in [33, 99, 77, 70, 89, 90, 100]]
print(['FDCBA'[g] for g in grades])

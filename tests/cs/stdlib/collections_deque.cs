# collections.deque: both ends, maxlen, rotate, indexing, errors, mutation during iteration.
from collections import deque

d = deque([1, 2, 3])
CASES = [
    ('d.remove(9)', lambda: d.remove(9)),
    ('d.index(9)', lambda: d.index(9)),
    ('deque().pop()', lambda: deque().pop()),
    ('deque().popleft()', lambda: deque().popleft()),
    ('d[5]', lambda: d[5]),
    ('d[-9]', lambda: d[-9]),
    ('d["a"]', lambda: d["a"]),
    ('d[1:2]', lambda: d[1:2]),
    ('deque([1], maxlen=-1)', lambda: deque([1], maxlen=-1)),
    ('deque(1)', lambda: deque(1)),
    ('d + [1]', lambda: d + [1]),
    ('deque([1], maxlen="a")', lambda: deque([1], maxlen="a")),
    ('deque([1], 1).insert(0, 5)', lambda: deque([1], 1).insert(0, 5)),
    ('d * "a"', lambda: d * "a"),
    ('d.rotate("a")', lambda: d.rotate("a")),
]
for expr, fn in CASES:
    try:
        print(expr, '->', fn())
    except Exception as e:
        print(expr, type(e).__name__, e)
d = deque(range(5))
it = iter(d)
d.append(1)
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError', e)
d = deque()
d.append(d)
print(d)
print(repr(deque(maxlen=2)), deque([1, 2, 3], 2), d.maxlen, deque('ab') == deque('ab'),
      deque('ab') == 'ab', deque([1, 2]) < deque([1, 3]))
print(deque([1, 2]) * 2, 2 * deque([1]), deque([1]) + deque([2]))
d = deque()
for i in range(100):
    d.appendleft(i)
    d.append(-i)
for i in range(150):
    d.popleft() if i % 3 else d.pop()
print(d, len(d), d[0], d[-1], list(reversed(d)))
d.rotate(3)
print(d)
d.rotate(-5)
print(d)
d = deque(range(10), maxlen=5)
print(d)
d.appendleft(-1)
print(d)
d.extendleft([7, 8])
print(d)
d.extend(d)
print(d, d.count(7), d.index(8), 3 in d, 99 in d)
d.clear()
print(d, bool(d), len(d))
d = deque('abcde')
del d[1]
d[0] = 'z'
d.insert(-1, 'q')
d.reverse()
print(d, d.copy(), list(d), d.index('q'))
d += 'xy'
d *= 2
print(d)
window = deque(maxlen=3)
for x in range(6):
    window.append(x)
    print(list(window), sum(window) / len(window))

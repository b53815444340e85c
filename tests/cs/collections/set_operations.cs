# set and frozenset algebra: | & - ^ (and in-place), comparisons, iteration order of int sets as CPython
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [7]), a.intersection(b, {4}), a.difference(b, {1}), a.symmetric_difference([4, 5]))
print(a <= a, a < a, {1} < a, a >= {1, 2}, a > a, a == {4, 3, 2, 1}, a != b, {1, 2}.issubset([1, 2, 3]))
print(a.issuperset(range(3)), a.isdisjoint({9}), a.isdisjoint([1]))
print(set([10, 5, 100]), set(range(20, 0, -3)), {x * 8 for x in range(12)}, set([-1, -2, 7]))
print(set(range(0, 1000, 37)) & set(range(0, 1000, 5)))
print(set(range(50)) ^ set(range(25, 75)))
s = set(range(100))
for i in range(0, 100, 3):
    s.discard(i)
s.update([1000, 2000, 77777])
print(s)
c = set(a)
c |= {9}
c &= {1, 2, 9, 10}
print(c)
c -= {1}
c ^= {2, 3}
print(c)
f = frozenset([3, 1, 2])
print(f, f | {9}, type(f | {9}).__name__, type({9} | f).__name__, f & {1}, frozenset(), set())
f2 = f
f2 |= {4}
print(f, f2, f2 is f)
print(f == {1, 2, 3}, {1, 2, 3} == f, hash(f) == hash(frozenset({1, 2, 3})), {f: 'ok'}[frozenset([1, 2, 3])])
print(sorted({frozenset({1}), frozenset({1}), frozenset({2})}, key=sorted))
for bad in [lambda: a | [1], lambda: a + a, lambda: a < [1], lambda: frozenset() - 1]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
print({1, 2} - {2}, {(1, 2), (1, 3), (3, 4), (5, 6)}, set('aaa'), set({'k': 1}))
print({True, 1, 1.0}, {0, False}, len({1, 2, 2, 3, 3, 3}))

# set methods: add/remove/discard/pop/clear/copy with their errors, sets of tuples and frozensets, iteration errors
s = set()
s.add(3)
s.add(1)
s.add(3)
s.add((1, 2))
print(len(s), 3 in s, (1, 2) in s, 2 in s)
s.discard(99)
s.remove(3)
print(sorted(s, key=str))
for bad in [lambda: s.remove(42), lambda: set().pop(), lambda: s.add([]), lambda: {[1]},
            lambda: set(1), lambda: set([1], [2]), lambda: s.remove((9, 9))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
p = {1, 2, 3, 4, 5, 6, 7}
print(p.pop(), p.pop(), p.pop(), p)
p.add(1)
print(p.pop(), p)
c = p.copy()
c.clear()
print(c, p, len(c))
fs = {frozenset([1, 2]), frozenset([2, 1]), frozenset()}
print(len(fs), frozenset([2, 1]) in fs, {1, 2} in fs)
t = {1, 2}
t.discard({3})
print({1, 2} in {frozenset({1, 2})})
try:
    for x in t:
        t.add(x + 10)
except RuntimeError as e:
    print('RuntimeError', e)
u = {1}
u.update([2], (3,), {4: 0})
u.intersection_update([1, 2, 3], {2, 3})
print(u)
u.difference_update({3})
u.symmetric_difference_update([5, 2])
print(u, u.copy() == u, u.copy() is u)
big = set()
for i in range(5000):
    big.add(i * 1000003 % 7919)
print(len(big), min(big), max(big), sum(big))
while len(big) > 5:
    big.pop()
print(len(big))
r = set()
r.add(r.__class__.__name__)
print(r, repr(set()), repr(frozenset()), repr(frozenset({1})))
class S(set):
    pass
print(S([1, 2]), S(), type(S([1]) | {2}).__name__, S([3]) == {3})

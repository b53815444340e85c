# tuples: construction, repr (1,), indexing/slicing, count/index, comparison, hashing as dict keys, errors
t = (1, 2, 3)
print(t, (1,), (), tuple(), tuple([4, 5]), tuple('ab'), tuple(range(3)), tuple(t) is t)
print(t[0], t[-1], t[1:], t[::-1], t[5:], len(t), 2 in t, t + (4,), t * 2, 2 * (0,))
print(t.count(2), t.index(3), (1, 2, 1, 2).index(2, 2), (1, 2) < (1, 3), (1, 2) < (1, 2, 3), (2,) > (1, 5))
print(((1, 2), [3]), ((),), (((1,),),))
d = {(1, 2): 'a', (1, (2, 3)): 'b'}
print(d[(1, 2)], d[1, (2, 3)], (1, 2) in d, hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((2, 1)))
print(hash(()) == hash(()), hash((1.0, 2)) == hash((1, 2)), {(1, 2), (1.0, 2.0)})
a, b, *rest = (1, 2, 3, 4)
print(a, b, rest)
for f in [lambda: t[3], lambda: t['a'], lambda: t + [1], lambda: t * 1.5, lambda: t.index(9),
          lambda: hash((1, [2])), lambda: (1, 2) < (1, 'a')]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
try:
    t[0] = 5
except TypeError as e:
    print('TypeError', e)
l = [1]
nt = (l, 2)
l.append(nt)
print(nt)
print(tuple(x * x for x in range(5)), sorted((3, 1, 2)), max((1, 9, 3)), (1, 2) == (1, 2), () == ())
class P(tuple):
    pass
p = P([1, 2])
print(p, type(p).__name__, p + (3,), p[0], isinstance(p, tuple), len(p))

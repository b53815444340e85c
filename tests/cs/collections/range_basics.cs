# range: construction, len, indexing, slicing into ranges, in, count/index, reversed, equality, repr, big ranges, errors
r = range(10)
print(r, range(1, 10, 2), range(5, -5, -3), list(range(5, -5, -3)), len(range(5, -5, -3)), list(range(0)))
print(r[3], r[-1], r[2:8:2], r[::-1], r[::-1][0], r[8:2:-3], list(r[8:2:-3]), range(1, 10, 3)[1:8:3])
print(5 in r, 10 in r, -1 in range(5, -5, -1), 3.0 in r, 'a' in r, r.index(4), r.count(4), r.count(11))
print(list(reversed(range(1, 10, 3))), list(reversed(range(0))), sum(range(101)), range(3) == range(0, 3, 1))
print(range(0) == range(5, 2), range(1, 2, 5) == range(1, 3, 7), range(3) != range(4), hash(range(3)) == hash(range(0, 3)))
print(r.start, r.stop, r.step, range(-3).stop, bool(range(0)), bool(range(2)))
big = range(10 ** 20)
print(big[-1], big[10 ** 19], 10 ** 19 in big, big[::10 ** 19], range(0, 10 ** 30, 7)[5], bool(big))
print(big.index(12345), range(-10 ** 25, 10 ** 25, 10 ** 24).index(0), len(range(2 ** 40)))
for bad in [lambda: range(1, 2, 0), lambda: range(), lambda: range(1.5), lambda: r[10], lambda: r['a'],
            lambda: len(big), lambda: r.index(11), lambda: range(1, 2, 3, 4), lambda: range(3)[1:2:0],
            lambda: r < r]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
for i in range(3, 0, -1):
    print(i, end=' ')
print()
it = iter(range(3))
print(next(it), list(it), list(it))
print(list(range(True, 4)), range(10)[True], [x for x in range(2, 20, 7)])

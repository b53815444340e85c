# list methods: append/extend/insert/remove/pop/index/count/reverse/copy/clear and their errors
l = [3, 1, 2]
l.append(4)
l.extend((5, 6))
l.extend(x * 10 for x in range(2))
l.insert(0, -1)
l.insert(100, 99)
l.insert(-100, -99)
l.insert(-1, 98)
print(l)
l.remove(99)
print(l, l.pop(), l.pop(0), l.pop(-2), l)
print(l.index(2), l.index(5, 2), l.index(5, -3, 100), l.count(1), l.count(42))
r = l.copy()
r.reverse()
print(r, l, r is l)
l.clear()
print(l, len(l))
nested = [[1], [2]]
c = nested.copy()
c[0].append(9)
print(nested)
for call in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1, 2].remove(3),
             lambda: [1, 2].index(3), lambda: ['a'].index('b'), lambda: [1].pop('x'),
             lambda: [1, 2, 3].index(1, 1), lambda: [].insert('a', 1)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
big = []
for i in range(10000):
    big.append(i * i)
print(len(big), big[-1], sum(big[::1000]))
while len(big) > 3:
    big.pop()
print(big)
print(list(), list('abc'), list(range(4)), list({'x': 1, 'y': 2}), list((1, 2)))

# Assignment targets: chained, nested, starred unpacking, attribute and subscript targets, augmented assignment.
a = b = c = [1]
print(a is b is c)
x, (y, z), *rest = 1, (2, 3), 4, 5
print(x, y, z, rest)
*init, last = 'abcd'
print(init, last)
first, *mid, end = range(6)
print(first, mid, end)
[p, q] = {'k': 1, 'j': 2}
print(p, q)
try:
    m, n = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    m, *n, o = [1]
except ValueError as e:
    print(e)

class Obj:
    pass
o = Obj()
o.v, lst = 5, [0, 0]
lst[1], o.w = 'sub', 'attr'
print(o.v, o.w, lst)

calls = []
def key(k):
    calls.append(k)
    return k
d = {'a': 1}
d[key('a')] += 10
print(d, calls)
o.v += 1
o.v **= 2
print(o.v)
s = 'x'
s *= 3
print(s)
li = [1]
li2 = li
li += [2]
print(li is li2, li)
t = (1,)
t2 = t
t += (2,)
print(t is t2, t)
i = 7
i //= 2; i <<= 3; i %= 5; i |= 8; i ^= 3; i &= 14; i >>= 1; i -= 1; i /= 2; i @ 1 if False else None
print(i)
for k, (v1, v2) in [('x', (1, 2)), ('y', (3, 4))]:
    print(k, v1 + v2)
a, b = b, a = 1, 2
print(a, b)

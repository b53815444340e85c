# dict iteration errors, popitem LIFO order, reversed views and update from itself
d = {1: 1, 2: 2, 3: 3}
try:
    for k in d:
        del d[k]
        d[k + 10] = 1
except RuntimeError as e:
    print('RuntimeError', e)
print(d)
d = {i: i for i in range(10)}
for i in range(5):
    print(d.popitem(), end=' ')
print(d)
d[100] = 1
d[3] = 'x'
print(d, list(reversed(d)), d.popitem())
e = {}
for i in range(20):
    e[i] = i
    e.popitem()
    e[-i] = i
print(e)
r = iter(reversed({1: 2, 3: 4}))
print(next(r))
x = {1: 2, 3: 4}
ri = reversed(x)
x[5] = 6
try:
    next(ri)
except RuntimeError as e:
    print('RuntimeError', e)
it = iter(x.items())
print(it.__length_hint__(), next(it), it.__length_hint__())
v = {'a': 1}
v.update(v)
v.update(v.items())
print(v, v == v.copy(), {} == {}, {1: [1]} == {1: [1]})

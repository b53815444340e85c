# dict views: live keys/values/items, set operations on keys and items views, reversed, mutation during iteration
d = {'a': 1, 'b': 2, 'c': 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), 'a' in k, 2 in v, ('a', 1) in it, ('a', 2) in it)
d['d'] = 4
print(list(k), list(v), list(it))
print(sorted(k & {'a', 'z'}), sorted(k | {'z'}), sorted(k - {'a'}), sorted(k ^ {'a', 'q'}))
print(sorted({'a', 'z'} & k), sorted(['b', 'x'] - k) if False else sorted({'b', 'x'} - k))
print(k == {'a', 'b', 'c', 'd'}, k == ['a', 'b', 'c', 'd'], k < {'a', 'b', 'c', 'd', 'e'}, k >= {'a'})
print(sorted(it & {('a', 1), ('b', 5)}), it == {('a', 1), ('b', 2), ('c', 3), ('d', 4)})
print(k.isdisjoint(['x', 'y']), k.isdisjoint('abc'), d.keys() == d.keys())
print(list(reversed(d)), list(reversed(k)), list(reversed(v)), list(reversed(it)))
e = {1: 'x', 2: 'y'}
print({1, 2} == e.keys(), e.keys() & e.keys(), sorted(e.keys() | [3]))
for bad in [lambda: {}.keys() & 1, lambda: hash({}.keys())]:
    try:
        bad()
    except TypeError as ex:
        print('TypeError', ex)
try:
    for key in d:
        d['new' + key] = 0
except RuntimeError as ex:
    print('RuntimeError', ex)
try:
    for key in d.values():
        del d['a']
except RuntimeError as ex:
    print('RuntimeError', ex)
for key in d:
    d[key] = 0
print(d)
it2 = iter({1: 2})
print(next(it2), next(it2, 'done'))
x = {}
x[1] = x.values()
print(x)
print(type(k).__name__, type(iter(k)).__name__, type(iter(it)).__name__, type(reversed(v)).__name__)

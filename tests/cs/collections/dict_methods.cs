# dict: construction forms, methods, errors with CPython's messages, order, equality, | and |=
d = dict(a=1, b=2)
print(d, dict([('x', 1), ['y', 2]]), dict({'k': 'v'}, z=0), dict(), dict(zip('ab', range(2))))
d['c'] = 3
d['a'] = 10
del d['b']
d['b'] = 20
print(d, len(d), list(d), 'a' in d, 'q' in d, 'q' not in d)
print(d.get('a'), d.get('q'), d.get('q', 0), d.setdefault('a', 5), d.setdefault('n', []), d)
print(d.pop('n'), d.pop('zz', 'dflt'), d)
print(d.popitem(), d)
d.update({'p': 1}, q=2)
d.update([('r', 3)])
d.update(s=4)
print(d)
e = d.copy()
e['p'] = 100
print(d['p'], e['p'], e == d, dict(a=1, b=2) == dict(b=2, a=1), {1: 'a'} != {1: 'b'})
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), {1: 1, True: 2, 1.0: 3})
print({'a': 1} | {'b': 2, 'a': 3})
f = {'x': 1}
f |= [('y', 2)]
f |= {'z': 3}
print(f)
for bad in [lambda: d['nope'], lambda: {}.popitem(), lambda: d.pop('nope'), lambda: dict([(1, 2, 3)]),
            lambda: dict([1, 2]), lambda: dict(1, 2), lambda: {[]: 1}, lambda: {}[[1]],
            lambda: d.update(1, 2), lambda: {} | [], lambda: {(1, 2): 0}[(1, 3)], lambda: {} < {}]:
    try:
        bad()
    except Exception as ex:
        print(type(ex).__name__, ex)
g = {}
for i in range(1000):
    g[i] = i * i
for i in range(0, 1000, 2):
    del g[i]
print(len(g), list(g)[:5], g[999], sum(g.values()))
g.clear()
print(g, len(g))
n = {1: {2: {3: 'deep'}}}
print(n[1][2][3], n)
r = {}
r['self'] = r
print(r)
print({1: 'a', 'b': [1, 2], (1, 2): None, 2.5: True})
counts = {}
for ch in 'mississippi':
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

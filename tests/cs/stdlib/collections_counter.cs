# collections.Counter, defaultdict and OrderedDict: counting, arithmetic, reprs, ordering.
from collections import Counter, defaultdict, OrderedDict

c = Counter('abracadabra')
print(c, c.most_common(2), Counter(), c['z'], 'z' in c)
print(c + Counter('zz'), c - Counter('aaaaaaaa'), c & Counter('aab'), c | Counter('zzz'))
print(-Counter(a=-1), +Counter(a=-1, b=1))
print(sorted(c.elements()), c.total(), list(c))
c.subtract('aaz')
print(c)
c.update({'a': 10})
c.update(['q', 'q'])
print(c, c.most_common()[-1])
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2), Counter(a=3) > Counter(a=2))
del c['nope']
c2 = c.copy()
c2['a'] = 0
print(c2['a'], c['a'], isinstance(c, dict))
words = 'the cat and the hat and the bat'.split()
print(Counter(words).most_common(3))
try:
    Counter.fromkeys('ab')
except NotImplementedError as e:
    print('NotImplementedError', e)

d = defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]:
    d[k].append(v)
print(d, repr(defaultdict()), defaultdict(int, a=1), d.default_factory)
try:
    defaultdict(3)
except TypeError as e:
    print('TypeError', e)
try:
    defaultdict()['k']
except KeyError as e:
    print('KeyError', e)
dd = defaultdict(int)
dd['x'] += 1
print(dd, dd.copy(), dd | {'y': 2}, dict(dd), 'y' in dd, dd.get('q'), 'q' in dd)
nested = defaultdict(lambda: defaultdict(int))
nested['a']['b'] += 2
print(nested['a']['b'], list(nested))

o = OrderedDict(a=1, b=2)
print(o, OrderedDict(), o.keys(), o.items(), o.values())
o.move_to_end('a')
print(o)
o.move_to_end('a', last=False)
print(o)
try:
    o.move_to_end('z')
except KeyError as e:
    print('KeyError', e)
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)
o['c'] = 3
print(o.popitem(last=False), o.popitem(), o)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1),
      list(reversed(OrderedDict(a=1, b=2))), OrderedDict.fromkeys('xy', 0))

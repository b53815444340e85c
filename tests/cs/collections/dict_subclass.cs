# dict subclasses: __missing__ (defaultdict/Counter in cs), overridden __setitem__, equality with dicts
class Default(dict):
    def __init__(self, factory, *args, **kw):
        super().__init__(*args, **kw)
        self.factory = factory
    def __missing__(self, key):
        v = self[key] = self.factory()
        return v
dd = Default(list)
dd['a'].append(1)
dd['a'].append(2)
dd['b'].append(3)
print(dd, len(dd), isinstance(dd, dict), dd == {'a': [1, 2], 'b': [3]})
print(dd.get('zz'), 'zz' in dd)
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for w in 'the cat the hat the end'.split():
    c[w] += 1
print(sorted(c.items()), c['nothing'], len(c))
class Loud(dict):
    def __setitem__(self, k, v):
        print('set', k, v)
        super().__setitem__(k, v * 2)
l = Loud(x=1)
l['y'] = 5
print(l, l.get('y'))
class NoMissing(dict):
    pass
try:
    NoMissing()['q']
except KeyError as e:
    print('KeyError', e)
print(dict.__getitem__({'a': 1}, 'a'), NoMissing(a=1) | {'b': 2}, type(NoMissing(a=1).copy()).__name__)
class Ordered(dict):
    def keys(self):
        return sorted(super().keys())
print(dict(Ordered(b=1, a=2)), {**Ordered(b=1, a=2)})
class Pairs:
    def keys(self):
        return ['k1', 'k2']
    def __getitem__(self, key):
        return key.upper()
print(dict(Pairs()), {**Pairs()})

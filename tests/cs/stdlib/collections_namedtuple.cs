# collections.namedtuple: construction, defaults, rename, _make/_replace/_asdict, errors.
from collections import namedtuple

P = namedtuple('P', 'x y', defaults=[0])
for args, kwargs in [((), {}), ((1, 2, 3), {}), ((1,), {'z': 3}), ((1,), {'x': 2})]:
    try:
        P(*args, **kwargs)
    except TypeError as e:
        print('TypeError', e)
p = P(1, y=5)
print(p, p.x, p.y, p[0], p._asdict(), p._replace(x=9), P._make([3, 4]), P._fields,
      P._field_defaults, P(7))
print(P.__doc__, P.x.__doc__, isinstance(p, tuple), p == (1, 5), hash(p) == hash((1, 5)))
x, y = p
print(x, y, len(p), p + (3,), p * 2, p[::-1], max(p))
try:
    p.z = 1
except AttributeError:
    print('AttributeError')
try:
    p._replace(q=1)
except ValueError as e:
    print('ValueError', e)
try:
    P._make([1])
except TypeError as e:
    print('TypeError', e)
print(namedtuple('R', 'a, def, _b, a', rename=True)._fields)
for bad in [('1x', 'a'), ('X', 'a def'), ('X', '_a'), ('X', 'a a'), ('class', 'a')]:
    try:
        namedtuple(*bad)
    except ValueError as e:
        print('ValueError', e)
Pt = namedtuple('Pt', ['x', 'y'])


class Vec(Pt):
    def norm1(self):
        return abs(self.x) + abs(self.y)


print(Vec(1, -2), Vec(1, -2).norm1(), sorted([Pt(2, 1), Pt(1, 5), Pt(1, 2)]))
Card = namedtuple('Card', 'rank suit')
hand = [Card(r, s) for r, s in [('A', 'spades'), ('10', 'hearts')]]
print(hand, [c.rank for c in hand], dict(Card('K', 'clubs')._asdict()))

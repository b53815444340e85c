# str.format and format_map: auto/manual numbering, keywords, attributes, indexes, conversions, nested specs, errors.
print('{} + {} = {}'.format(1, 2, 3), '{0} {1} {0}'.format('a', 'b'), '{1}{0}'.format('x', 'y'))
print('{name} is {age}'.format(name='Bo', age=9), '{0[1]} {0[0]}'.format(['p', 'q']), '{00}'.format('z'))
print('{d[key]} {d[other]} {0[x]}'.format({'x': 'str key'}, d={'key': 'K', 'other': 'O'}))
class P:
    x, y = 3, 4
    items = {'k': [10, 20]}
print('({p.x}, {p.y}) {p.items[k][1]} {0.x}'.format(P(), p=P()))
print('{!r} {!s} {!r:>6} {!a} {!r:^9}'.format('hi', 'hi', 'ü', 'ü', 'hi'))
print('[{:>8}] [{:<8}] [{:^8}] [{:_^8}] [{:é>4}] [{:08}]'.format('r', 'l', 'c', 'u', 'x', 'z'))
print('{:08.3f} {:+.1e} {:,} {:.0%} {:x} {:#b}'.format(3.14159, 12345.6789, 9876543210, 0.256, 255, 10))
print('{:{w}.{p}f}|'.format(2.71828, w=10, p=2), '{:{}}|'.format('ab', 5), '{:{}{}}|'.format(1, '>', 5))
print('{{}} {{{}}}'.format('in braces'), '{{{0}}}'.format(1), '{0:>{1}}'.format('pad', 6), '{0[}]}'.format({'}': 'br'}))
print('{:.3}|{:10.3}|{:.0}|'.format('truncate', 'trunc', 'gone'), '{0:}'.format('x'), '{0!r:}'.format('y'))
print('{a}-{b}'.format_map({'a': 1, 'b': 2}), '{x.real}'.format_map({'x': 5}), '{ a }'.format_map({' a ': 'sp'}))
data = {'host': 'localhost', 'port': 8080}
print('{host}:{port}'.format(**data), '{}-{}'.format(*'xy'), 'fmt'.format(), '{0}{0}{0}'.format('ha'))
class Missing(dict):
    def __missing__(self, key):
        return '<' + key + '>'
print('{known} {unknown}'.format_map(Missing(known='yes')))
class Custom:
    def __format__(self, spec):
        return 'Custom(' + spec + ')'
print('{}|{:abc}|{:>{}}'.format(Custom(), Custom(), Custom(), 3))
errors = [lambda: '{'.format(1), lambda: '}'.format(1), lambda: 'a{0'.format(1), lambda: '{0!'.format(1),
          lambda: '{0!}'.format(1), lambda: '{0!x}'.format(1), lambda: '{0!rr}'.format(1),
          lambda: '{0[}'.format(1), lambda: '{0[0]x}'.format([1]), lambda: '{0.}'.format(1),
          lambda: '{0}{}'.format(1), lambda: '{}{0}'.format(1), lambda: '{2}'.format(1), lambda: '{}'.format(),
          lambda: '{a}'.format(), lambda: '{0[0]}'.format({'0': 5}), lambda: '{0.nope}'.format(5),
          lambda: '{:{:{}}}'.format(1, 2, 3), lambda: '{0:}}'.format(1), lambda: '{a{b}'.format(1),
          lambda: '{:d}'.format('s'), lambda: '{:>5}'.format(None), lambda: '{0}'.format_map({0: 1}),
          lambda: '{}'.format_map({}), lambda: '{a}'.format_map(1), lambda: '{0 }'.format(1),
          lambda: '{:s}'.format(1), lambda: '{:=5}'.format('a')]
for bad in errors:
    try:
        print(bad())
    except (ValueError, IndexError, KeyError, AttributeError, TypeError) as e:
        print(type(e).__name__ + ':', e)
template = '{:<10}{:>6}{:>10}'
print(template.format('item', 'qty', 'price'))
for item, qty, price in [('pen', 3, 1.2), ('notebook', 10, 3.75)]:
    print(template.format(item, qty, '{:.2f}'.format(price)))

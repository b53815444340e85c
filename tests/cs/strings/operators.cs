# str operators: + * % comparisons, in, identity of results, hashing as dict keys, min/max/sorted.
s = 'immutable'
t = s
s += '!'
print(s, t, s is t, 'a' * 3, 'ab' * 0, -1 * 'x', 'é' * 3, True * 'x', 'abc' + 'def', '' + '', 'x' * 1)
print('x' < 'y', 'apple' < 'apricot', 'abc' < 'abcd', 'B' < 'a', 'a' == 'a', 'é' > 'e', 'Z' >= 'Z', 'a' != 'b')
print(sorted(['b', 'ä', 'a', 'z', 'É', 'B']), min('hello'), max('hello'), sorted('cab'), 'ä' > 'z')
d = {}
for w in 'the quick the lazy the end'.split():
    d[w] = d.get(w, 0) + 1
print(d, d['the'], 'qu' + 'ick' in d, hash('abc') == hash('ab' + 'c'), len({'é', 'é', 'e'}))
print(str.upper('direct'), str.join(',', ['x', 'y']), 'x'.__len__(), 'abc'.__contains__('b'), 'ab'.__add__('c'))
print('ab'.__mul__(2), 'ab'.__rmul__(2), 'a%sc'.__mod__('b'), 'x'.__eq__(1), 'x'.__lt__(1), 'abc'.__getitem__(1))
big = 'x' * 100000
print(len(big), len(big * 3), big.count('x'), len(big.replace('x', 'yz')))
for bad in [lambda: 'a' + 1, lambda: 1 + 'a', lambda: 'a' * 2.0, lambda: 2.0 * 'a', lambda: 'a' * 'b',
            lambda: 'a' < 1, lambda: 1 in 'a', lambda: 'a' - 'b', lambda: -'a', lambda: 'ab' * (2 ** 62),
            lambda: 'x' * (2 ** 63)]:
    try:
        print(bad())
    except (TypeError, OverflowError, MemoryError) as e:
        print(type(e).__name__ + ':', e)
class Rep:
    def __rmul__(self, other):
        return 'Rep.__rmul__'
    def __radd__(self, other):
        return 'Rep.__radd__'
print('ab' * Rep(), 'ab' + Rep())
class Idx:
    def __index__(self):
        return 2
print('ab' * Idx(), Idx() * 'cd', 'hello'[Idx()], b'xy' * Idx())

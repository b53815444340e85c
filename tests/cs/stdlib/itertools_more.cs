# itertools: every generator, reprs of count/repeat, argument errors, islice consumption.
import itertools as it
from itertools import *

print(it.count(), it.count(5), it.count(5, 2), it.count(1.5), it.count(1, 1.0), it.repeat(3),
      it.repeat('a', 3), it.repeat(1, -2))
r = it.repeat(1, 2)
next(r)
print(r, r.__length_hint__())
c = it.count(3)
next(c)
print(c)
CASES = [
    ('it.count("a")', lambda: it.count("a")),
    ('it.islice([], -1)', lambda: it.islice([], -1)),
    ('it.islice([], 1, -1)', lambda: it.islice([], 1, -1)),
    ('it.islice([], 0, 1, 0)', lambda: it.islice([], 0, 1, 0)),
    ('it.islice([], "a")', lambda: it.islice([], "a")),
    ('it.combinations([1], -1)', lambda: it.combinations([1], -1)),
    ('it.permutations([1], -1)', lambda: it.permutations([1], -1)),
    ('it.product([1], repeat=-1)', lambda: it.product([1], repeat=-1)),
    ('it.tee([], -1)', lambda: it.tee([], -1)),
    ('it.cycle(1)', lambda: it.cycle(1)),
]
for bad, fn in CASES:
    try:
        print(list(fn()))
    except Exception as e:
        print(bad, type(e).__name__, e)
print(list(islice(count(), 5)), list(islice('abcdefg', 2, None)), list(islice('abcdefg', 0, 6, 2)),
      list(islice('abcdefg', 5, 2)))
i = iter(range(10))
print(list(islice(i, 0, 5, 3)), next(i))
i = iter(range(10))
print(list(islice(i, 5, 2)), next(i))
print(list(islice(cycle('ab'), 5)), list(cycle([])))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b)),
      list(accumulate([], initial=1)), list(accumulate([])), list(accumulate([1, 2], initial=5)))
print(list(chain('ab', [1], ())), list(chain.from_iterable(['xy', 'z'])))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])),
      list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a'])),
      list(starmap(pow, [(2, 5), (3, 2)])))
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')], [k for k, g in groupby('AAAABBBCCD')])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 6], key=lambda x: x // 3)])
gs = list(groupby('aabbc'))
print([(k, list(g)) for k, g in gs])
print(list(pairwise('ABCDE')), list(pairwise('A')))
print(list(product('AB', 'xy')), list(product(range(2), repeat=3)), list(product()),
      list(product('ab', [])))
print(list(permutations('ABC', 2)), list(permutations(range(3))), list(permutations([], 0)),
      list(permutations('ab', 3)))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations('a', 0)),
      list(combinations('a', 2)))
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement('', 0)),
      list(combinations_with_replacement('', 1)))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest()),
      list(zip_longest([1], [2, 3], [])))
a, b = tee(iter([1, 2, 3]))
print(next(a), list(b), list(a), tee('x', 0))
print(len(list(permutations(range(6)))), len(list(combinations(range(10), 4))))
print(list(zip(count(1.5, 0.5), 'abc')), list(repeat(None, 2)), list(map(pow, range(4), repeat(2))))

# zip/map/filter/enumerate/reversed: results, laziness, strict zip, subclassing and errors.
print(list(enumerate('abc')), list(enumerate('ab', start=5)), list(enumerate([], 3)))
print(list(enumerate(iterable='xy', start=-1)), list(enumerate('z', 2 ** 70)))
print(list(zip('abc', [1, 2, 3], (True, False, None))), list(zip('ab')), list(zip()))
print(list(zip([1, 2, 3], 'ab')), list(zip(range(3), range(10), strict=False)))
print(list(zip([1, 2], 'ab', strict=True)))
for args in [([1], [1, 2]), ([1, 2], [1]), ([1, 2], [1, 2], [1]), ([1], [1], [1, 2]), ([], [0])]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print('ValueError:', e)
print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(map(str, range(3))), list(map(max, [1, 9], [5, 2], [3, 3])))
print(list(filter(None, [0, 1, '', 'a', None, [], [0], False, True])))
print(list(filter(lambda x: x % 3 == 0, range(10))), list(filter(bool, [0, 2])))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed('abc')))
print(list(reversed(range(0, 10, 3))), list(reversed({'a': 1, 'b': 2})), list(reversed([])))

class Seq:
    def __len__(self):
        return 4
    def __getitem__(self, i):
        return i * 10

class Rev:
    def __reversed__(self):
        return iter(['custom'])

print(list(reversed(Seq())), list(reversed(Rev())), type(reversed(Seq())).__name__)
calls = []
def noisy(x):
    calls.append(x)
    return x * 2
m = map(noisy, [1, 2, 3])
print(calls, next(m), calls, list(m), calls)
e = enumerate('ab')
print(iter(e) is e, next(e), list(e), list(e))
z = zip('ab', 'cd')
print(next(z), next(z), next(z, 'end'))
print(type(enumerate('')).__name__, type(zip()).__name__, type(map(len, '')).__name__,
      type(filter(None, '')).__name__, type(reversed('')).__name__)

class MyEnum(enumerate):
    pass
print(list(MyEnum('xy', 1)), isinstance(MyEnum(''), enumerate))
tests = [('reversed(5)', lambda: reversed(5)),
         ('reversed({1})', lambda: reversed({1})),
         ('reversed()', lambda: reversed()),
         ('reversed([], [])', lambda: reversed([], [])),
         ('zip(1)', lambda: zip(1)),
         ('zip([], foo=1)', lambda: zip([], foo=1)),
         ('map(len)', lambda: map(len)),
         ('map()', lambda: map()),
         ('map(len, 5)', lambda: map(len, 5)),
         ('filter(None)', lambda: filter(None)),
         ('filter(None, 1)', lambda: filter(None, 1)),
         ('enumerate()', lambda: enumerate()),
         ('enumerate([], "a")', lambda: enumerate([], "a")),
         ('enumerate(5)', lambda: enumerate(5)),
         ('enumerate([], 1, 2)', lambda: enumerate([], 1, 2)),
         ('enumerate([], start=1, x=2)', lambda: enumerate([], start=1, x=2)),
         ('reversed(seq=[])', lambda: reversed(seq=[])),
         ('map(len, [], x=1)', lambda: map(len, [], x=1))]
for t, fn in tests:
    try:
        fn()
        print(t, 'ok')
    except TypeError as e:
        print(t, 'TypeError:', e)

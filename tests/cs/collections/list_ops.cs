# list operators: + * += *= comparisons, in, equality with nested lists, repr recursion guard, errors
a = [1, 2]
b = a + [3]
print(b, a * 3, 2 * a, a * 0, a * -1, [] * 5)
c = a
c += (4, 5)
print(a, c is a)
c *= 2
print(a)
a += 'xy'
print(a)
print([1, 2] == [1, 2], [1, 2] != [1, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [] <= [])
print([1, [2, 3]] == [1, [2, 3]], [1, 2] == (1, 2), 3 in [1, 2, 3], 4 not in [1, 2, 3])
nan = float('nan')
print([nan] == [nan], nan == nan, nan in [nan], [1.0] == [1], [True] == [1])
for f in [lambda: [1] + (2,), lambda: [1] + 'a', lambda: [1] * 2.0, lambda: [1] * [1],
          lambda: 'a' + [1], lambda: [1] - [1], lambda: [1] < 3, lambda: [1, 'a'] < [1, 2]]:
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
r = [1, 2]
r.append(r)
print(r, repr(r), str([r, r]))
d = {'k': r}
print(d)
x = []
y = [x]
x.append(y)
print(x, y)
print(len([0] * 1000), [[0] * 2] * 2)
class Rev:
    def __radd__(self, other):
        return 'radd ' + repr(other)
    def __rmul__(self, other):
        return 'rmul ' + repr(other)
print([1] + Rev(), [1] * Rev())
print(bool([]), bool([0]), [] or 'empty')
print(list.__name__, type([]).__name__, isinstance([], list), [].__class__ is list)

# sum(): ints (small and big), floats, mixed, start=, lists, and the refused str/bytes starts.
print(sum([]), sum([], 10), sum(range(101)), sum([1, 2, 3], start=4))
print(sum([2 ** 62, 2 ** 62, 2 ** 62]), sum([-2 ** 63, -1]), sum([10 ** 30, 1]))
print(sum([0.1] * 10), sum([1, 0.5, 2]), sum([0.5, 1, 2 ** 70]), sum([1.5], 1))
print(sum([True, True, False]), sum([[1], [2, 3]], []), sum([(1,), (2,)], ()))
print(sum(x * x for x in range(10)), sum(iter([1, 2]), 0.0), sum(range(3), 2 ** 80))
print(sum([1, 2 ** 100, -2 ** 100]), sum([float('inf'), 1]), sum([1e308, 1e308]))

class Money:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return Money(self.v + (other.v if isinstance(other, Money) else other))
    def __radd__(self, other):
        return Money(other + self.v)
print(sum([Money(1), Money(2)]).v, sum([Money(5)], Money(1)).v)
for t, fn in [("sum(['a', 'b'], '')", lambda: sum(['a', 'b'], '')),
          ("sum([b'a'], b'')", lambda: sum([b'a'], b'')),
          ('sum([], bytearray())', lambda: sum([], bytearray())),
          ("sum([1, 'a'])", lambda: sum([1, 'a'])),
          ("sum(['a'])", lambda: sum(['a'])),
          ('sum(5)', lambda: sum(5)),
          ('sum()', lambda: sum()),
          ('sum([1], 2, 3)', lambda: sum([1], 2, 3)),
          ('sum([[1]])', lambda: sum([[1]]))]:
    try:
        print(fn())
    except TypeError as e:
        print(t, '->', e)

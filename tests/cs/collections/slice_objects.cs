# slice objects: repr, attributes, indices(), equality, unhashability, use by custom __getitem__
s = slice(1, 10, 2)
print(s, slice(5), slice(None, None, -1), s.start, s.stop, s.step, slice(3).start)
print(s.indices(5), slice(None, None, -1).indices(4), slice(-100, 100).indices(7), slice(2, -2).indices(10))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2) < slice(1, 3))
for bad in [lambda: hash(slice(1)), lambda: slice(None, None, 0).indices(3), lambda: slice(1).indices(-1),
            lambda: [1, 2]['a':], lambda: slice(), lambda: [1, 2, 3][::0]]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
class Seq:
    def __getitem__(self, key):
        return key
q = Seq()
print(q[1:2], q[::3], q[1:2, 3], q[...], q[:])
data = list(range(10))
print(data[slice(2, 7, 2)], 'abcdef'[slice(None, None, 2)], (1, 2, 3)[slice(-2, None)])
class Idx:
    def __index__(self):
        return 2
print(data[Idx()], data[Idx():], data[:Idx()], range(10)[Idx()])

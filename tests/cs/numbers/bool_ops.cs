# bool: a subclass of int with two values; arithmetic gives ints, & | ^ of bools stay bools.
print(True + 1, True + True, True * 3, -True, ~True, ~False, +True, True / 2, True // 1, True ** 2, True % 2)
print(True & False, True | False, True ^ True, True & 1, True | 2, False ^ 5, type(True & False).__name__, type(True & 1).__name__)
print(repr(True), str(False), int(True), float(True), bool(), bool(0), bool(7), bool(0.0), bool(-0.1), bool(2 ** 100))
print(isinstance(True, int), issubclass(bool, int), type(True).__name__, True == 1, False == 0, True == 1.0, True is True)
print(hash(True) == hash(1) == hash(1.0), {1: 'a', True: 'b', 1.0: 'c'}, {0: 'x', False: 'y'})
print(sum([True, True, False, True]), max(True, 0), sorted([True, False, 2, -1]), [1, 2, 3][True])
print(True < 2, False > -1, True >= 1.0, abs(True), abs(False), divmod(True, 2), round(True), True.__round__())
print(f'{True}', f'{True:d}', f'{True:>5}', f'{False:03}', format(True), format(True, ''), '%d %s %r' % (True, True, False))
try:
    bool(1, 2)
except TypeError as e:
    print('TypeError:', e)
try:
    bool(x=1)
except TypeError as e:
    print('TypeError:', e)

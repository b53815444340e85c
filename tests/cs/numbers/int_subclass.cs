# Subclasses of int and float: instances are numbers everywhere, results are plain ints/floats, methods can be overridden.
class MyInt(int):
    def double(self):
        return self * 2
class Named(int):
    def __repr__(self):
        return 'Named(%d)' % int(self)
class Meters(float):
    def __str__(self):
        return '%sm' % float(self)
a = MyInt(21)
b = MyInt('ff', 16)
n = Named(7)
m = Meters(2.5)
print(a, b, a + 1, a * b, -a, a // 4, a % 4, a ** 2, a << 2, a & 6, a.double(), type(a + 1).__name__, type(-a).__name__)
print(repr(n), str(n), n + 0, n == 7, hash(n) == hash(7), n < 8, isinstance(n, int), type(n).__name__, f'{n:>5}', format(n))
print(m, repr(m), m * 2, m + 1, m == 2.5, m > 2, int(m), round(m), type(m * 2).__name__, isinstance(m, float), f'{m:.2f}')
print(MyInt(), MyInt(2 ** 100) + 1, MyInt(-5).bit_length(), abs(MyInt(-5)), MyInt(10) / 4, divmod(MyInt(17), 5), [1, 2, 3][MyInt(1)])
print(float(m), int(a), float(a), str(MyInt(3)), hex(MyInt(255)), sorted([MyInt(3), 1, Meters(2.0)]), sum([MyInt(1), MyInt(2)]))
print(MyInt(5).real, type(MyInt(5).real).__name__, MyInt(5).numerator, Meters(1.5).is_integer(), Meters(2.0).as_integer_ratio())
d = {MyInt(1): 'one', 2: 'two'}
print(d[1], d[MyInt(2)], 1 in d, MyInt(2) in {2.0})
class Big(int):
    pass
x = Big(10 ** 30)
print(x, x + 1, x // 10 ** 29, x == 10 ** 30, type(x).__name__, x.bit_length(), Big(3) == Big(3), Big(True))

# abs, round, divmod and pow on ints, floats, bools and user classes.
print(abs(-3), abs(3), abs(-2.5), abs(True), abs(-2 ** 80), abs(-0.0), abs(False))
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.4999), round(-0.0))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(-1.25, 1), round(12345.678, -2))
print(round(1.5, 0), round(2.5, None), round(5e-324, 400), round(1e300, -301), round(-4e-5, 3))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(7, 3), round(True))
print(round(10 ** 30 + 5 * 10 ** 9, -10), round(15, -1), round(25, -1), round(5, -1), round(4, -5))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(7, -1)).__name__)
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2), divmod(0, 5))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7, 2.5), divmod(-0.0, 1), divmod(1, -0.5))
print(divmod(2 ** 100, 3), divmod(-2 ** 100, 7), divmod(True, 2))
print(pow(2, 10), pow(2, -2), pow(2.0, 0.5), pow(-2, 3), pow(3, 4, 5), pow(3, -1, 7))
print(pow(base=2, exp=5), pow(2, 5, None), pow(10, 20, 7))

class Num:
    def __init__(self, v):
        self.v = v
    def __abs__(self):
        return Num(-self.v if self.v < 0 else self.v)
    def __round__(self, n=None):
        return ('round', n)
    def __divmod__(self, other):
        return ('divmod', self.v, other)
    def __rdivmod__(self, other):
        return ('rdivmod', other, self.v)
    def __repr__(self):
        return f'Num({self.v})'
print(abs(Num(-4)), round(Num(1)), round(Num(1), 3), divmod(Num(1), 2), divmod(2, Num(1)))
for t, fn in [("abs('x')", lambda: abs('x')),
          ("round('x')", lambda: round('x')),
          ("round(1.5, 'a')", lambda: round(1.5, 'a')),
          ("round(float('inf'))", lambda: round(float('inf'))),
          ("round(float('nan'))", lambda: round(float('nan'))),
          ('divmod(1, 0)', lambda: divmod(1, 0)),
          ('divmod(1.0, 0)', lambda: divmod(1.0, 0)),
          ('divmod(1, 0.0)', lambda: divmod(1, 0.0)),
          ("divmod('a', 1)", lambda: divmod('a', 1)),
          ('divmod(1)', lambda: divmod(1)),
          ('pow(2)', lambda: pow(2)),
          ('pow(2, 3, 0)', lambda: pow(2, 3, 0)),
          ('pow(2.0, 3, 4)', lambda: pow(2.0, 3, 4)),
          ('round(1.7e308, -308)', lambda: round(1.7e308, -308)),
          ('pow(0, -1)', lambda: pow(0, -1))]:
    try:
        print(fn())
    except (TypeError, ValueError, ZeroDivisionError, OverflowError) as e:
        print(t, '->', type(e).__name__ + ':', e)

# float methods and construction: is_integer, as_integer_ratio, hex/fromhex, real/imag, float() parsing and errors.
for v in [0.5, -0.75, 0.1, 3.0, -0.0, 1e300, 5e-324, 2.5, 1e16]:
    print(v, v.is_integer(), v.as_integer_ratio(), v.hex(), float.fromhex(v.hex()) == v, v.real, v.imag, v.conjugate())
print(float('inf').hex(), float('nan').hex(), (-0.0).hex(), (1.7976931348623157e308).hex(), (2.2250738585072014e-308).hex())
print(float.fromhex('0x1.8p1'), float.fromhex('-0X1P-1074'), float.fromhex('  0x.8p0 '), float.fromhex('inf'), float.fromhex('0x1.fffffffffffff7p1023'))
print(float.fromhex('1'), float.fromhex('0x10'), float.fromhex('0x1.00000000000008p0'), float.fromhex('0x1.00000000000018p0'), float.fromhex('-nan'))
print(float(), float('3.25'), float('  -1.5e3 '), float('inf'), float('-Infinity'), float('NaN'), float('1_000.5'), float('.5'), float('5.'))
print(float(7), float(True), float(2 ** 53 + 1), float(10 ** 22), float(b'1.5'), float(bytearray(b'2')), float('\u0661.\u0665'), float(' \u2003 7 '))
print(float(-0.0), float('-0'), float('1e500'), float('-1e500'), float('1e-400'), float('+.5e1'))
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)
for s in ['', 'abc', '1.2.3', '1e', '1__0', '_1', '1_', '1._5', '0x10', 'nan(1)', '++1', '- 1', 'in', ' x ']:
    show(lambda: float(s))
show(lambda: float(b'x'))
show(lambda: float([]))
show(lambda: float(None))
show(lambda: float(x=1))
show(lambda: float(1, 2))
show(lambda: float(10 ** 400))
show(lambda: float.fromhex('xyz'))
show(lambda: float.fromhex('0x1p5000'))
show(lambda: float.fromhex('0x1.fffffffffffff8p1023'))
show(lambda: float('inf').as_integer_ratio())
show(lambda: float('nan').as_integer_ratio())
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 3
print(float(F()), float(I()), 1.5 + F().__float__(), float.__name__, type(1.5) is float, isinstance(1.5, float))
print((2.5).__floor__(), (-2.5).__floor__(), (2.5).__ceil__(), (-2.5).__trunc__(), (2.5).__abs__(), (-2.5).__neg__(), (2.5).__int__())
print((2.5).__divmod__(2), (2.5).__rdivmod__(7), (2.5).__add__(1), (2.5).__radd__(1), (2.5).__add__('a'), (2.5).__eq__(2.5), (2.5).__hash__())

# int methods and attributes: bit_length, bit_count, as_integer_ratio, conjugate, real/imag/numerator/denominator, dunders.
for v in [0, 1, -1, 5, -5, 255, -256, 2 ** 47, -(2 ** 47) - 1, 10 ** 30]:
    print(v, v.bit_length(), v.bit_count(), v.as_integer_ratio(), v.conjugate(), v.real, v.imag, v.numerator, v.denominator)
print((7).__abs__(), (-7).__abs__(), (7).__neg__(), (7).__pos__(), (7).__invert__(), (7).__bool__(), (0).__bool__())
print((7).__add__(3), (7).__sub__(3), (7).__mul__(3), (7).__floordiv__(3), (7).__mod__(3), (7).__pow__(2), (7).__truediv__(2))
print((7).__radd__(3), (7).__rsub__(3), (7).__add__(1.5), (7).__lt__(8), (7).__eq__(7.0), (7).__divmod__(3), (7).__rdivmod__(30))
print((7).__round__(), (7).__round__(-1), (75).__round__(-1), (7).__trunc__(), (7).__floor__(), (7).__ceil__(), (7).__index__())
print((7).__int__(), (7).__float__(), (7).__hash__(), (-1).__hash__(), (7).__format__('>4'), (7).__repr__(), (7).__str__())
print(hasattr(1, 'is_integer'), int.__name__, type(5) is int, type(2 ** 100) is int, isinstance(2 ** 100, int))
print(True.bit_length(), True.real, True.numerator, True.as_integer_ratio(), type(True.real).__name__)
try:
    (5).bit_length(1)
except TypeError as e:
    print('TypeError:', e)
try:
    (5).__round__(1, 2)
except TypeError as e:
    print('TypeError:', e)

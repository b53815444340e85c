# format() with built-in and user types, repr() and ascii() of nested values.
print(format(3.14159, '.2f'), format(42, '08b'), format('ab', '>5'), format(1234567, ','))
print(format(True), format(True, 'd'), format(1.5), format('x'), format(None), format([1]))
print(format(0.25, '%'), format(-12, '+'), format(255, '#x'), format(1e20, 'e'))

class Temp:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        if spec == 'F':
            return f'{self.c * 9 / 5 + 32:.1f}F'
        return f'{self.c}C'
print(format(Temp(100), 'F'), format(Temp(20)), f'{Temp(0):F}')

class Plain:
    pass
print(format(Plain(), '')[:7])
print(repr('it\'s'), repr("say \"hi\""), repr('tab\t\n'), repr(b'\x00\xff'), repr([1, ('a', None)]))
print(ascii('héllo ☃ 😀'), ascii(['ü']), ascii(1), repr('héllo'))

class R:
    def __repr__(self):
        return 'R<ü>'
print(repr(R()), ascii(R()), str([R()]))
for t, fn in [('format(1, 2)', lambda: format(1, 2)),
          ("format(Plain(), 'x')", lambda: format(Plain(), 'x')),
          ("format('a', 'd')", lambda: format('a', 'd'))]:
    try:
        print(fn())
    except (TypeError, ValueError) as e:
        print(t, '->', type(e).__name__ + ':', e)

class BadFormat:
    def __format__(self, spec):
        return 5
try:
    format(BadFormat())
except TypeError as e:
    print('TypeError:', e)

# format(str, spec) and f-strings: fill, alignment, width, precision truncation, nesting, conversions.
print(format('x', '>3'), format('abc', ''), format('abc', '.1s'), format('é', '*^5'), format('ab', '^6'))
print(format('a', '05'), format('a', '<05'), format('a', ' <05'), format('a', '0>5'), format('日本', '~>6'))
for spec in ['=5', '+5', ' 5', '#5', ',5', '5d', '_', 'z', 'abc', '1.', '10.5.3s', '%']:
    try:
        print(repr(format('a', spec)))
    except ValueError as e:
        print('ValueError:', e)
name, width, prec = 'value', 12, 3
print(f'{name}|{name!r}|{name:>{width}}|{name:.{prec}}|{name!r:^{width}}|{"lit"}|{name.upper()}')
print(f'{"日本":>6}|{"é":^5}|{"😀":<3}|{3.14159:.2f}|{42:05d}|{255:#x}|{1e6:,.0f}')
print(f'{{escaped}} {name!s} {name!a} {len(name)} {"é"!a}')
items = ['a', 'bb', 'ccc']
print(' '.join(f'{w:>4}' for w in items), f'{items[1]:*<5}', f'{dict(k=1)["k"]}')
class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        return '$' + format(self.v, spec or '.2f')
    def __str__(self):
        return 'Money'
print(f'{Money(3)}|{Money(2.5):08.3f}|{Money(1)!s}', format(Money(7)), '{:>4}'.format(Money(1)))
class Bad:
    def __format__(self, spec):
        return 42
try:
    format(Bad(), '')
except TypeError as e:
    print('TypeError:', e)
try:
    format('a', 5)
except TypeError as e:
    print('TypeError:', e)
try:
    f'{object():>5}'
except TypeError as e:
    print('TypeError:', e)
print(str.__format__('abc', '>5'), 'abc'.__format__(''), 'x'.__format__('^3'))

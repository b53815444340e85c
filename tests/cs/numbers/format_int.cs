# format() and f-strings of ints: d b o x X n c, fill/align/sign/#/0/width, ',' and '_' grouping, and the errors.
specs = ['', 'd', '5', '<5', '^7', '>7', '=+7', '+', '-', ' ', '05', '#x', '#06x', '#X', 'X', '#o', 'o', '#b', 'b', '08b',
         ',', '_', '_b', '#_x', '015,', '*^12,', '010_', 'n', 'e', '.2f', '%', '.1%', 'g', '0=8', '0<8', '0>8', 'c']
for v in [0, 7, -7, 255, -255, 1234567, -1234567, 2 ** 64, -(10 ** 25), True]:
    print(v, [format(v, s) for s in specs if not (s == 'c' and (v < 0 or v > 0x10ffff))])
n = 48879
print(f'{n}|{n:x}|{n:#X}|{n:,}|{n:_}|{n:>10}|{n:<10}|{n:^10}|{n:010}|{n:+}|{n: }|{-n:=10}|{n:e}|{n:.3e}')
w, p = 12, 3
print(f'{n:{w}}|{n:>{w},}|{3.14159:{w}.{p}f}|{n!r:>8}|{n!s:*^9}|{"x":>{w}}')
print(format(65, 'c'), format(0x1F600, 'c'), format(97, '^5c'), format(1000000, '_d'), format(255, 'X'), f'{-42:X}')
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)
for s in ['abc', '.2', 'z', 'q', ',b', ',_', '_,', '+c', '#c', ',c', '.', ',x', ',o', 's', '10.2n', ',n', '=']:
    show(lambda: format(5, s))
show(lambda: format(-1, 'c'))
show(lambda: format(0x110000, 'c'))
show(lambda: (5).__format__(5))

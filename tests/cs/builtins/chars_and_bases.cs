# chr, ord (str and bytes), hex, oct, bin, with __index__ and the error messages.
print(chr(65), chr(0x263A), chr(0x1F600), repr(chr(0)), repr(chr(10)), chr(0x10FFFF) == '\U0010ffff')
print(ord('A'), ord('é'), ord('☃'), ord('😀'), ord(b'A'), ord(bytearray(b'z')), ord('\n'))
print(hex(255), hex(-255), hex(0), oct(8), oct(-8), bin(5), bin(-5), bin(0))
print(hex(2 ** 64), oct(2 ** 40), bin(2 ** 33), hex(True))

class Idx:
    def __index__(self):
        return 42
print(hex(Idx()), oct(Idx()), bin(Idx()), chr(Idx()))
print(''.join(chr(ord(c) ^ 32) for c in 'Hello'))
for t, fn in [('chr(-1)', lambda: chr(-1)),
          ('chr(0x110000)', lambda: chr(0x110000)),
          ('chr(2 ** 100)', lambda: chr(2 ** 100)),
          ("chr('a')", lambda: chr('a')),
          ('chr(1.5)', lambda: chr(1.5)),
          ("ord('ab')", lambda: ord('ab')),
          ("ord('')", lambda: ord('')),
          ('ord(1)', lambda: ord(1)),
          ("ord(b'ab')", lambda: ord(b'ab')),
          ('hex(1.5)', lambda: hex(1.5)),
          ("bin('1')", lambda: bin('1')),
          ('oct([])', lambda: oct([])),
          ('ord()', lambda: ord()),
          ('chr()', lambda: chr())]:
    try:
        print(fn())
    except (TypeError, ValueError, OverflowError) as e:
        print(t, '->', type(e).__name__ + ':', e)

# int() from text, bytes, floats and objects with __index__/__int__/__trunc__; hex/oct/bin; to_bytes/from_bytes.
print(int(), int('42'), int(' -17 '), int('+3'), int('1_000'), int('0x_1f', 0), int('000', 0), int('\u0661\u0662'))
print(int('ff', 16), int('0xFF', 16), int('777', 8), int('0o777', 0), int('0b1010', 0), int('z', 36), int('10', base=3))
print(int(3.99), int(-3.99), int(True), int(1e20), int(-0.5), int(2 ** 0.5 * 1000), int(b'12'), int(bytearray(b' 7 ')))
print(int('123456789012345678901234567890'), int('-' + '9' * 40))
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)
for s in ['', '4.5', '12abc', '0x10', '1 0', '--1', '1__0', '_10', '10_', '0777', 'x' * 250]:
    show(lambda: int(s))
show(lambda: int('9', 8))
show(lambda: int('0x__1f', 0))
show(lambda: int(b'1x2'))
show(lambda: int(5, 16))
show(lambda: int('5', 1))
show(lambda: int('5', 37))
show(lambda: int(base=16))
show(lambda: int(1, 2, 3))
show(lambda: int([]))
show(lambda: int(None))
show(lambda: int('10', 2.5))
show(lambda: int(float('inf')))
show(lambda: int(float('nan')))
class Idx:
    def __index__(self):
        return 7
class Conv:
    def __int__(self):
        return 42
class Tr:
    def __trunc__(self):
        return 9
print(int(Idx()), int(Conv()), int(Tr()), hex(Idx()), [10, 20, 30, 40, 50, 60, 70, 80][Idx()])
print(hex(255), oct(255), bin(255), hex(-255), oct(-8), bin(-5), bin(0), hex(0), hex(2 ** 70), oct(2 ** 70), bin(2 ** 64))
print((1234).to_bytes(2, 'big'), (1234).to_bytes(2, 'little'), (5).to_bytes(), (-1).to_bytes(2, 'big', signed=True))
print((255).to_bytes(1, 'big'), (-128).to_bytes(1, 'big', signed=True), (2 ** 64).to_bytes(9, 'little'), (0).to_bytes(0, 'big'))
print(int.from_bytes(b'\x04\xd2', 'big'), int.from_bytes(b'\xd2\x04', 'little'), int.from_bytes(b'\xff', 'big', signed=True))
print(int.from_bytes(b'\xff\xff', byteorder='little', signed=True), int.from_bytes([1, 2], 'big'), int.from_bytes(b''), int.from_bytes(b'\x01' * 10))
show(lambda: (500).to_bytes(1, 'big'))
show(lambda: (-1).to_bytes(1, 'big'))
show(lambda: (128).to_bytes(1, 'big', signed=True))
show(lambda: (5).to_bytes(1, 'middle'))
show(lambda: (5).to_bytes(-1, 'big'))
show(lambda: (5).to_bytes(1, 5))
show(lambda: int.from_bytes('ab', 'big'))
n = 0b1011_0110
print(n, 0o17, 0xdead_beef, 1_000_000, 0b1, 0x0, 00, 1_0.5)
print(str(-0), str(10 ** 20), repr(-12345), str(True + 0))

# bytearray in-place changes: item and slice assignment, del, append/extend/insert/pop/remove, +=, *=.
ba = bytearray(b'mutable')
ba[0] = ord('M')
ba.append(33)
ba.extend(b'??')
ba.extend([65, 66])
ba.extend(x for x in b'yz')
print(ba, len(ba), bytes(ba), ba.decode())
del ba[-2:]
ba[1:3] = b'UT'
print(ba, ba.pop(), ba.pop(0), ba)
ba[1:1] = b'xyz'
ba[-1:] = [48, 49]
print(ba)
del ba[::2]
print(ba)
ba2 = bytearray(4)
ba2[::2] = b'\x01\x02'
print(ba2, bytearray(b'abc') == b'abc', bytearray('xyz', 'ascii'), bytearray(3), bytearray([1, 2]))
ba3 = bytearray(b'abcdef')
ba3[::-1] = b'ABCDEF'
ba3.insert(0, 95)
ba3.insert(100, 95)
ba3.insert(-1, 45)
ba3.remove(ord('C'))
print(ba3, ba3.copy() == ba3, ba3.copy() is ba3)
ba3.reverse()
print(ba3)
ba3.clear()
print(ba3, len(ba3))
acc = bytearray()
for i in range(5):
    acc += bytes([65 + i])
acc *= 2
print(acc, acc.upper(), acc.lower().split(b'c'), acc.find(b'E'), acc[2], acc[-3:])
same = bytearray(b'self')
same[:] = same
same[1:] = same
print(same)
errors = [lambda: bytearray(b'abc').append(256), lambda: bytearray(b'abc').append('a'),
          lambda: bytearray(b'abc').extend(5), lambda: bytearray(b'abc').extend('ab'),
          lambda: bytearray(b'abc').extend([1, 300]), lambda: bytearray().pop(),
          lambda: bytearray(b'a').pop(5), lambda: bytearray(b'a').remove(9), lambda: bytearray(1.5)]
for bad in errors:
    try:
        print(bad())
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__ + ':', e)
def setitem(obj, key, value):
    obj[key] = value
def delitem(obj, key):
    del obj[key]
for key, value in [(5, 1), (0, 300), ('a', 1), (slice(0, 1), 5), (slice(0, 1), 'x'), (slice(None, None, 2), b'x')]:
    try:
        setitem(bytearray(b'abc'), key, value)
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__ + ':', e)
try:
    delitem(bytearray(b'abc'), 5)
except IndexError as e:
    print('IndexError:', e)
try:
    setitem(b'abc', 0, 1)
except TypeError as e:
    print('TypeError:', e)
x = bytearray(b'abc')
try:
    x += 'de'
except TypeError as e:
    print('TypeError:', e)

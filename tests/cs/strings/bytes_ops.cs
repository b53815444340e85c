# bytes and bytearray: construction, repr, operators, indexing, methods, codecs, % formatting.
b = b'Hello, bytes!'
print(b, len(b), b[0], b[-1], b[:5], b[::-2], type(b[0]).__name__, type(b[:1]).__name__)
print(list(b'abc'), bytes([72, 105]), bytes(3), bytes(range(65, 70)), bytes(), bytes(b'copy'), bytes(bytearray(b'ba')))
print(bytes('text', 'utf-8'), bytes('é', 'latin-1'), bytes('é', encoding='utf-8'), bytes(source=b'kw'))
print(repr(b'\t\n\r\x00\x7f\x80\\ \' "'), repr(b"it's"), repr(b'"q"'), str(b'x'), bytearray(b'x'), bytearray())
print(b.upper(), b.lower(), b.title(), b.swapcase(), b'hello'.capitalize(), b.split(b', '), b.replace(b'bytes', b'world'))
print(b.find(b'l'), b.find(108), b.rfind(b'l'), b.index(b'e'), b.count(b'l'), b.count(108), b'abc'.count(b''))
print(b.startswith(b'Hell'), b.endswith((b'x', b'!')), b'ell' in b, 108 in b, 300 in [] or 0 in b)
print(b'a' + b'b', b'ab' * 3, 2 * b'ab', b'-'.join([b'x', bytearray(b'y')]), b'  pad  '.strip(), b'xxhixx'.strip(b'x'))
print(b'\x00\x01\xff'.hex(), b'\x00\xff\x10'.hex(':', 2), b'abcdef'.hex('-', -2), bytes.fromhex('de ad be ef'), bytearray.fromhex('0a'))
print(b'abc' < b'abd', b'abc' == bytearray(b'abc'), b'a' == 'a', b'b' > b'abc', hash(b'abc') == hash(b'ab' + b'c'))
print(b'a b  c'.split(), b'a b  c'.split(None, 1), b'  a b  c '.rsplit(None, 1), b'a,b,c'.rsplit(b',', 1))
print(b'a\nb\r\nc'.splitlines(), b'a\nb\r\nc'.splitlines(True), b'k=v'.partition(b'='), b'k=v'.rpartition(b'#'))
print(b'ab'.center(6, b'*'), b'ab'.ljust(4), b'ab'.rjust(4, b'.'), b'ab'.zfill(5), b'-5'.zfill(4), b'a\tb'.expandtabs())
print(b'12'.isdigit(), b''.isdigit(), b'ab'.isalpha(), b'a1'.isalnum(), b' \t'.isspace(), b'AB'.isupper(), b'ab'.islower(), b'Ab Cd'.istitle(), b'\x80'.isascii())
print(b'abc'.removeprefix(b'a'), b'abc'.removesuffix(b'bc'), b'abc'.translate(None, b'b'), b'abc'.translate(bytes.maketrans(b'abc', b'xyz')))
s = 'naïve café ☕'
enc = s.encode('utf-8')
print(enc, len(s), len(enc), enc.decode('utf-8') == s, enc.decode('latin-1'), 'é'.encode('latin-1'), b'caf\xc3\xa9'.decode())
print(b'\xff'.decode('utf-8', errors='replace'), b'a\xffb'.decode('ascii', 'ignore'), b'a\xffb'.decode('utf-8', 'backslashreplace'))
print('é☕'.encode('ascii', errors='ignore'), 'é☕'.encode('ascii', 'replace'), 'é☕'.encode('ascii', 'backslashreplace'))
print(b'%s=%d' % (b'key', 5), b'%5s|%-5s|%c%c' % (b'ab', b'cd', 65, b'z'), b'%r %a %x' % ('é', 'é', 255), bytearray(b'%d') % 5)
for it in [b'ab', bytearray(b'cd')]:
    print(type(iter(it)).__name__, [x for x in it])
errors = [lambda: bytes(-1), lambda: bytes('abc'), lambda: bytes(1, 'ascii'), lambda: bytes([1, 'a']),
          lambda: bytes([300]), lambda: bytes(1.5), lambda: bytes(None), lambda: b'a' + 'b', lambda: b'a' + 1,
          lambda: 'b' + b'a', lambda: b'ab' * 2.0, lambda: b'ab'[5], lambda: bytearray(b'ab')[5],
          lambda: 'a' in b'abc', lambda: 300 in b'abc', lambda: b'a' < 'a', lambda: b'abc'.find('b'),
          lambda: b'abc'.index(b'z'), lambda: b'abc'.split(b''), lambda: b'abc'.join([b'x', 'y']),
          lambda: b'abc'.strip('a'), lambda: b'abc'.startswith('a'), lambda: b'abc'.decode('bogus'),
          lambda: b'\xff'.decode(), lambda: b'\xe4\xb8'.decode(), lambda: bytes.fromhex('zz'),
          lambda: b'ab'.center(3, b'xx'), lambda: b'abc'.translate(b'x'), lambda: bytes.maketrans(b'ab', b'c'),
          lambda: b'%s' % 'x', lambda: b'%c' % 256, lambda: b'%s' % (b'a', b'b'), lambda: hash(bytearray(b'x')),
          lambda: b'abc'.hex('::'), lambda: 'é'.encode('ascii'), lambda: 'aéé'.encode('ascii'), lambda: '€'.encode('latin-1'),
          lambda: 'x'.encode('bogus'), lambda: b'x'.decode('utf-8', 'bogus'), lambda: b'\x80'.decode('ascii')]
for bad in errors:
    try:
        print(bad())
    except (TypeError, ValueError, IndexError, LookupError, OverflowError) as e:
        print(type(e).__name__ + ':', e)

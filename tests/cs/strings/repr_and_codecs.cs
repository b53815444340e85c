# repr/ascii quoting and escapes, str() of objects and bytes, utf-8/ascii/latin-1 codecs with error handlers.
for s in ["'", '"', '\'"', '\\n', 'tab\there', 'ünïcödé', '\x00é\U0001F600', '\x7f\x80\xa0\xad\u2028\U000e0001',
          'line\r\n', '\x1b[0m', 'ß→∞', '\u200b\ufeff', '\ud800']:
    print(repr(s), ascii(s), len(repr(s)))
print(['naïve', 'Ω'], ('é',), {'k': 'ü'}, str(['é']))
print(str(12) + str(3.5) + str(True) + str(None), str(), str(b'ab'), str(b'caf\xc3\xa9', 'utf-8'), str(bytearray(b'x'), 'ascii'))
print(str(b'\xff', 'utf-8', 'replace'), str(b'a\xffb', errors='ignore', encoding='utf-8'), str(object='obj'))
for data in [b'\xe4\xb8', b'\xe4\x41', b'a\xed\xa0\x80', b'\xf0\x90\x80', b'\xf0\x90\x80x', b'\xc0\x80', b'\xf5', b'\xe4\xb8a']:
    try:
        print(data.decode())
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError:', e)
    print(repr(data.decode('utf-8', 'replace')), repr(data.decode('utf-8', 'ignore')), repr(data.decode('latin-1')))
for text in ['é', 'aéé', 'a€b', '\ud800']:
    for enc in ['utf-8', 'ascii', 'latin-1']:
        try:
            print(enc, text.encode(enc))
        except UnicodeEncodeError as e:
            print('UnicodeEncodeError:', e)
print('€'.encode('latin-1', 'replace'), '€x'.encode('ASCII', 'ignore'), 'ä'.encode('UTF8'), 'ä'.encode('Latin_1'))
for bad in [lambda: str(1, 'utf-8'), lambda: str('a', 'utf-8'), lambda: str(b'a', 1), lambda: str(1, 2, 3, 4),
            lambda: str(b'\xff', 'utf-8', 'bogus'), lambda: str(b'a', 'bogus'), lambda: 'x'.encode(1),
            lambda: 'x'.encode(errors=1)]:
    try:
        print(repr(bad()))
    except (TypeError, LookupError) as e:
        print(type(e).__name__ + ':', e)
try:
    b'\xff'.decode()
except ValueError as e:
    print('a decoding error is a ValueError:', type(e).__name__)

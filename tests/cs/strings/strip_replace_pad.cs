# strip family, replace (count, empty old), removeprefix/suffix, translate, expandtabs, padding.
s = '   padded text   '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr('\t\n x \r\n'.strip()), repr('\u3000x\xa0'.strip()))
print('xxhixx'.strip('x'), '<<tag>>'.strip('<>'), 'abcHELLOcba'.strip('abc'), 'éxé'.strip('é'), 'abc'.strip(None))
print('0001200'.lstrip('0'), '1.5000'.rstrip('0'), ''.strip(), 'abc'.strip(''))
print('banana'.replace('a', 'o'), 'banana'.replace('a', 'o', 2), 'banana'.replace('na', ''), 'banana'.replace('a', 'A', -1))
print('aaa'.replace('a', 'aa'), 'abc'.replace('', '-'), 'abc'.replace('', '-', 2), ''.replace('', 'x'), 'éaé'.replace('é', 'e'))
print('test_file.py'.removesuffix('.py'), 'test_file.py'.removeprefix('test_'), 'x'.removeprefix('y'), 'x'.removesuffix(''))
print('a-b_c d'.translate(str.maketrans('-_', '  ')), 'hello'.translate(str.maketrans('', '', 'l')))
print('abc'.translate({97: 'xy', 98: None, 99: 0x1F600}), 'abc'.translate([None] * 98), str.maketrans('ab', 'cd', 'e'))
print(str.maketrans({'a': 1, 5: 'x'}), 'tab\tseparated'.expandtabs(4), len('a\tb'.expandtabs()), 'a\tb\nc\td'.expandtabs(3))
print('[' + 'mid'.center(9) + ']', '[' + 'mid'.center(10, '*') + ']', '[' + 'toolong'.center(3) + ']', '[' + 'ab'.center(5) + ']')
print('[' + 'left'.ljust(8) + ']', '[' + 'right'.rjust(8) + ']', '[' + 'dots'.ljust(8, '.') + ']', 'x'.center(6, 'é'))
print('42'.zfill(5), '-42'.zfill(5), '+7'.zfill(4), 'abc'.zfill(6), '12345'.zfill(3), ''.zfill(2), '-'.zfill(3))
for bad in [lambda: 'abc'.strip(1),
            lambda: 'abc'.replace(1, 'x'),
            lambda: 'abc'.replace('a'),
            lambda: 'abc'.center(5, 'ab'),
            lambda: 'abc'.center(5, 1),
            lambda: 'abc'.ljust('a'),
            lambda: 'x'.removeprefix(1),
            lambda: 'abc'.translate({97: -1}),
            lambda: 'abc'.translate({97: 1.5}),
            lambda: str.maketrans('ab', 'c'),
            lambda: str.maketrans({'ab': 1}),
            lambda: str.maketrans(1),
            lambda: str.maketrans(1, 'b'),
            lambda: 'abc'.zfill(),
            lambda: 'abc'.upper(1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)

# split/rsplit (separator and whitespace, maxsplit), splitlines, partition and join.
line = 'alpha, beta,gamma ,  delta'
print(line.split(','), [p.strip() for p in line.split(',')])
print('a  b\t c\n d '.split(), '  leading and trailing  '.split(' '))
print('a,b,c,d'.split(',', 2), 'a,b,c,d'.rsplit(',', 2), 'a,b,c,d'.rsplit(',', 1), 'a,b'.split(',', 0))
print('  a  b  c  '.split(None, 1), '  a  b  c  '.rsplit(None, 1), '  a b '.split(None, 0), '  a b '.rsplit(maxsplit=0))
print('one two three'.split(maxsplit=1), 'x'.split(','), ''.split(','), ''.split(), '   '.split())
print('a::b::c'.split('::'), '::a::'.split('::'), 'a\u2028b\x85c\u3000d'.split())
text = 'first line\nsecond line\r\nthird\n\nfifth\rsixth\x0bseventh\x0ceighth\x1cninth\u2028tenth'
print(text.splitlines())
print(text.splitlines(keepends=True))
print('no newline at end\n'.splitlines(), 'x\n'.split('\n'), ''.splitlines(), '\n'.splitlines(True))
url = 'https://example.com/path/to/page?x=1&y=2'
print(url.partition('://'), url.rpartition('/'), url.partition('#'), url.rpartition('#'))
print('-'.join(['2024', '01', '31']), ''.join(['a', 'b']), ', '.join('xyz'), '→'.join(['a', 'b']))
print(' | '.join(str(n) for n in range(4)), '+'.join(['solo']), ''.join([]), '-'.join(('é', 'ü')))
for bad in [lambda: ', '.join([1, 2]),
            lambda: '-'.join(['a', b'b']),
            lambda: '-'.join(5),
            lambda: 'abc'.split(''),
            lambda: 'abc'.partition(''),
            lambda: 'abc'.rsplit(''),
            lambda: 'abc'.split(1),
            lambda: 'a'.split(None, 'x'),
            lambda: 'abc'.partition(1),
            lambda: 'abc'.split(x=1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
csv = 'name,age,city\nann,30,paris\nbob,25,rome'
rows = [r.split(',') for r in csv.splitlines()]
header, *records = rows
for rec in records:
    print(dict(zip(header, rec)))
words = 'the rain in spain stays mainly in the plain'.split()
print(len(words), ' '.join(reversed(words)), 'path/to/file.txt'.rsplit('/', 1)[-1])

# find/rfind/index/rindex/count/startswith/endswith/in with ranges, also past non-ASCII text.
t = 'the cat sat on the mat'
print(t.find('at'), t.find('at', 6), t.find('dog'), t.rfind('at'), t.rfind('the'))
print(t.index('sat'), t.rindex('t'), t.find('the', 1, 10), t.find(''), t.find('', 30), t.rfind(''))
print('banana'.count('a'), 'banana'.count('an'), 'banana'.count('ana'), 'aaaa'.count('aa'))
print('banana'.count('a', 2), 'banana'.count('a', 2, 4), 'abc'.count(''), ''.count(''), 'abc'.count('', 1, 2))
print('banana'.find('a', -3), 'banana'.find('a', None, -3), 'banana'.find('a', 10), 'banana'.find('', 10))
u = 'naïve café, naïve café'
print(u.find('é'), u.rfind('é'), u.index('caf', 5), u.count('ï'), u.find('a', 3, 9), u.rindex('na'))
print(u.startswith('naï'), u.endswith('é'), u.startswith('ïve', 2), u.endswith('caf', 0, -1))
print('abc'.startswith(('x', 'a')), 'abc'.endswith(('b', 'c')), 'abc'.startswith('', 3), 'abc'.startswith('', 4))
print('com' in 'example.com', 'org' not in 'example.com', '' in 'abc', 'é' in u, 'ïc' in u)
for bad in [lambda: 'abc'.index('z'),
            lambda: 'abc'.rindex('z'),
            lambda: 'abc'.find(1),
            lambda: 'abc'.find(),
            lambda: 'abc'.find('a', 'x'),
            lambda: 'abc'.startswith(1),
            lambda: 'abc'.endswith((1,)),
            lambda: 1 in 'abc',
            lambda: 'abc'.count(None)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
positions = []
i = t.find('at')
while i != -1:
    positions.append(i)
    i = t.find('at', i + 1)
print(positions)

# Indexing and slicing by code point (ASCII and not), negative indices, steps, iteration.
s = 'hello'
print(s[0], s[-1], s[1:3], s[::-1], s[::2], s[-2:], s[10:], s[:], s[3:1], s[-100:2], s[1::-1])
u = 'héllo wörld 😀!'
print(len(u), u[1], u[-2], u[7], u[1:8], u[::-1], u[::3], u[-5:-1], u[12:], u[2:12:4], u[::-4])
print([c for c in u], list(reversed(u))[:3])
print('日本語'[1], '日本語'[::-1], '日本' + '語', '語' in '日本語', len('😀👍'), '😀👍'[1])
acc = []
for i in range(len(u)):
    acc.append(u[i])
print(''.join(acc) == u, ''.join(u[i] for i in range(len(u) - 1, -1, -1)) == u[::-1])
it = iter('aé')
print(type(iter('abc')).__name__, type(it).__name__, next(it), next(it), next(it, 'done'))
for bad in [lambda: 'hello'[5],
            lambda: 'hello'[-6],
            lambda: 'hello'[chr(97)],
            lambda: 'hello'[1:2:0],
            lambda: 'abc'[[None][0]]]:
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__ + ':', e)
try:
    s[0] = 'H'
except TypeError as e:
    print('TypeError:', e)
print(s[True], s[slice(1, None)], s[slice(None, None, -2)])

# set iteration order after random add/discard/pop and set algebra matches CPython's table algorithm (ints only)
x = 12345
def rnd(n):
    global x
    x = (x * 1103515245 + 12345) % 2147483648
    return x % n
for trial in range(30):
    s = set()
    f = set()
    for step in range(rnd(300)):
        op = rnd(10)
        v = rnd(1000) - 300 if trial % 3 else rnd(50) * (2 ** rnd(40))
        if op < 6:
            s.add(v)
        elif op < 8:
            s.discard(v)
        elif op < 9 and s:
            s.pop()
        else:
            f.add(v)
    print(list(s)[:15], len(s))
    print(list(s | f)[:10], list(s & f)[:10], list(s - f)[:10], list(s ^ f)[:10], list(f - s)[:5])
    t = set(s)
    t.update(f)
    u = s.copy()
    u.intersection_update(f)
    w = s.copy()
    w.difference_update(f)
    z = s.copy()
    z.symmetric_difference_update(f)
    print(list(t)[:10], list(u)[:10], list(w)[:10], list(z)[:10])
    print(list(frozenset(s))[:10], list(set(list(s)))[:10], list({k: 1 for k in s}.keys() & f)[:10])
    print(hash(frozenset(s)) == hash(frozenset(list(s))), hash(frozenset(s)))

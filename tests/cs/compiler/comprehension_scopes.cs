# Comprehension scoping: iteration variables stay local, the first iterable is evaluated outside, walrus binds outside.
x = 'module x'
print([x for x in range(3)], x)

class C:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    pairs = {k: v for k, v in zip('ab', items)}
    try:
        bad = [items for _ in range(1)]
    except NameError as e:
        error = str(e)
print(C.doubled, C.pairs, C.error)

def walrus():
    data = [1, 5, 2, 8]
    if any((big := v) > 4 for v in data):
        print('first big', big)
    total = 0
    sums = [total := total + v for v in data]
    return sums, total
print(walrus())

print([last := n for n in range(4)], last)

def nested():
    return [[j for j in range(i)] for i in range(4)]
print(nested())

def closure_comp():
    base = 100
    return [(lambda: base + i)() for i in range(3)]
print(closure_comp())

print({c for c in 'hello' if c != 'l'} == set('heo'))
print(sorted({n % 3: n for n in range(10)}.items()))
print(list(zip(*[(i, i * i) for i in range(4)])))
print([(a, b) for a in range(3) if a for b in 'xy' if b != 'y'])

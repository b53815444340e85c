# sorted/min/max with key=, reverse=, default=, ties, and their error messages.
words = ['pear', 'Fig', 'apple', 'kiwi', 'banana', 'date']
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted((3, 1, 2)), sorted('cab'), sorted({3: 'x', 1: 'y'}), sorted([]))
print(sorted([2, 1], reverse=1), sorted([1, 2], reverse=False))
print(min(words), max(words), min(words, key=len), max(words, key=len))
print(min(4, 2, 8), max(4, 2, 8), min([1.5, -2, 3]), max(x % 7 for x in range(20)))
print(min([], default='none'), max((), default=0), max([5], default=9))
print(min('b', 'a', key=None), max([(1, 'b'), (1, 'a')]))
print(max([1, 3, 3.0, 2]), min([2, 1.0, 1]), max(True, 1), min(0, False))
print(max({'a': 3, 'b': 9}.items(), key=lambda kv: kv[1]))
original = [5, 3, 9]
result = sorted(original)
print(original, result, result is original)
for call in [lambda: max([]), lambda: min(()), lambda: max(), lambda: min(1, 2, default=0),
             lambda: max(1, 'a'), lambda: min(1, 'a'), lambda: max(3), lambda: sorted(),
             lambda: sorted([1], 2), lambda: sorted([], foo=1), lambda: sorted([1, 'a']),
             lambda: max([1], bar=2), lambda: sorted([], reverse=None)]:
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)

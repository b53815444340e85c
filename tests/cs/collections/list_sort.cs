# list.sort and sorted: key, reverse, stability (also with reverse), mixed types error, modification during sort
data = [(3, 'c'), (1, 'a'), (2, 'b'), (1, 'z'), (3, 'a'), (2, 'a')]
print(sorted(data))
print(sorted(data, key=lambda p: p[0]))
print(sorted(data, key=lambda p: p[0], reverse=True))
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana', 'date']
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)
nums = [5.5, 2, -1, 3.25, 0, 2.0, -7]
print(sorted(nums), sorted(nums, reverse=True))
big = [(i * 7919) % 1000 for i in range(3000)]
s = sorted(big)
print(s[:5], s[-5:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
pairs = [(i % 10, i) for i in range(500)]
st = sorted(pairs, key=lambda p: p[0])
print(all(st[i][1] < st[i + 1][1] for i in range(len(st) - 1) if st[i][0] == st[i + 1][0]))
rv = sorted(pairs, key=lambda p: p[0], reverse=True)
print(rv[:3], rv[-3:])
try:
    [1, 'a', 2].sort()
except TypeError as e:
    print('TypeError', e)
try:
    [].sort(1)
except TypeError as e:
    print('TypeError', e)
lst = [3, 2, 1]
def key(x):
    lst.append(x)
    return x
try:
    lst.sort(key=key)
except ValueError as e:
    print('ValueError', e)
print(lst)
print([].sort(), sorted([]), sorted('hello'), sorted({3: 1, 1: 2}))
calls = []
def k2(x):
    calls.append(x)
    return -x
print(sorted([1, 2, 3], key=k2), calls)
print(sorted([[2, 1], [1, 2], [1, 1], [2]]))

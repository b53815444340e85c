# range slicing yields ranges equal to list slicing; big ranges index, slice and search in O(1)
vals = [None, -25, -7, -1, 0, 1, 3, 9, 40]
steps = [None, 1, 2, -1, -3, 7]
out = []
for r in [range(10), range(3, 30, 4), range(20, -5, -3), range(0), range(5, 5), range(-10, 10, 7)]:
    for a in vals:
        for b in vals:
            for c in steps:
                s = r[a:b:c]
                out.append((s.start, s.stop, s.step, len(s), list(s) == list(r)[a:b:c]))
print(len(out), all(x[4] for x in out), hash(tuple(x[:4] for x in out)) == hash(tuple(x[:4] for x in out)))
print(out[:20])
big = range(-10**30, 10**30, 3 * 10**25)
print(len(big), big[7], big[-1], big[2:9:3], list(big[2:9:3]), (10**25 * 3) * 5 - 10**30 in big)
print(list(reversed(range(2**50, 2**50 + 10, 3))), list(range(2**60, 2**60 + 3)), range(2**60)[-1])
print(range(0, 10, 3).index(9), range(0, -10, -3).count(-9), range(5)[-5], range(3).__reversed__().__length_hint__())

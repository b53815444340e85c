# list slicing, del and slice assignment for every start/stop/step combination against CPython
vals = [None, -12, -5, -1, 0, 1, 2, 4, 11]
steps = [None, 1, 2, -1, -2, 3]
for a in vals:
    for b in vals:
        for c in steps:
            d = list(range(8)); del d[a:b:c]
            e = list(range(8))
            try:
                e[a:b:c] = ['x'] * len(range(8)[a:b:c])
            except ValueError as ex:
                e = str(ex)
            g = list(range(8))
            if c in (None, 1):
                g[a:b:c] = 'PQ'
            print(a, b, c, d, e, g)

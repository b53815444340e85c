# two starred targets.
a, *b, *c = range(5)

# a walrus cannot rebind a comprehension iteration variable.
[i := 0 for i in range(3)]

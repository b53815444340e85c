# a walrus in a comprehension in a class body.
class C:
    [y := 1 for x in range(2)]

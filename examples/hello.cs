# The first program: greetings, a loop, a function and an f-string.
def greet(name, punctuation="!"):
    return f"Hello, {name}{punctuation}"


for who in ["world", "cs", "Python"]:
    print(greet(who))

squares = [n * n for n in range(1, 6)]
print("squares:", squares, "sum:", sum(squares))

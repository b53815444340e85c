# A generator pipeline: each stage pulls from the one before, lazily.
def numbers(limit):
    n = 0
    while n < limit:
        yield n
        n += 1


def evens(source):
    for n in source:
        if n % 2 == 0:
            yield n


def squared(source):
    for n in source:
        yield n * n


def running_total(source):
    total = 0
    for n in source:
        total += n
        yield total


stages = running_total(squared(evens(numbers(20))))
print(list(stages))
print(sum(x for x in range(1000) if x % 7 == 3))

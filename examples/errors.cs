# Exceptions: custom classes, chaining, finally, and what an uncaught one looks like.
class InsufficientFunds(Exception):
    def __init__(self, wanted, available):
        super().__init__(f"wanted {wanted}, only {available} available")
        self.wanted = wanted


def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFunds(amount, balance)
    return balance - amount


try:
    withdraw(10, 25)
except InsufficientFunds as e:
    print("caught:", e, "| wanted", e.wanted)

try:
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("lookup failed") from e
except ValueError as e:
    print(type(e).__name__, e, "caused by", repr(e.__cause__))
finally:
    print("finally runs")

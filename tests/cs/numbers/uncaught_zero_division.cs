# An uncaught ZeroDivisionError from float division ends the program with a traceback.
def ratio(a, b):
    return a / b
print(ratio(1.0, 4))
print(ratio(1.5, 0))
print('not reached')

# the same keyword twice in a call.
print(sep=' ', sep='-')

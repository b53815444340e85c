# an uncaught KeyError from a dict lookup ends the program with CPython's message
d = {'present': 1}
print(d['present'])
print(d['missing'])

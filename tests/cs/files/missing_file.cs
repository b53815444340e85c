# An uncaught FileNotFoundError from open() ends the program with CPython's message.
print('before')
open('missing_file_for_cs_test.txt')
print('not reached')

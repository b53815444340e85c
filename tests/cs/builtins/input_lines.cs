# input(): prompts go to stdout, lines come from stdin without their newline, EOFError at the end.
import sys
name = input('name? ')
print('hello', name)
print(repr(input()), repr(input('> ')))
print(repr(sys.stdin.readline()))
for line in sys.stdin:
    print('rest:', repr(line))
try:
    input('more? ')
except EOFError as e:
    print('EOFError:', e)

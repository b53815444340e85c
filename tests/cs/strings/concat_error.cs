# An uncaught TypeError from str + int ends the script with CPython's message.
print('before')
total = 'count: ' + 3
print('never printed')

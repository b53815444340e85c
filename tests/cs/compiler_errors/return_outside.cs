# 'return' at module level is a SyntaxError and nothing runs.
print('never printed')
return 5

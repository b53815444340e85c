# continue outside a loop.
print('never')
continue

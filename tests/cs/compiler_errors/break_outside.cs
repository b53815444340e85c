# break outside a loop; a loop around the def does not count.
for i in range(3):
    def f():
        break

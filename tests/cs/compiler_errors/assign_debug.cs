# __debug__ cannot be assigned.
__debug__ = False

# a bare except must be the last handler.
try:
    pass
except:
    pass
except ValueError:
    pass

# An uncaught ExceptionGroup ends the program with the boxed report, whose
# last line closes the last box (the full format: group_traceback.cs).
def task(n):
    if n == 2:
        raise KeyError(n)
    raise ValueError(n)


errors = []
for n in range(3):
    try:
        task(n)
    except Exception as e:
        errors.append(e)
print(len(errors), "errors")
raise ExceptionGroup("unhandled errors in a TaskGroup", errors)

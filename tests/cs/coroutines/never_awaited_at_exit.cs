# A coroutine never awaited and still referenced at exit is reported at shutdown, after the program's own output.
async def job():
    pass


pending = job()
print('done')
raise SystemExit(3)

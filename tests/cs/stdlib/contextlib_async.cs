# contextlib async managers: asynccontextmanager, async nullcontext, AsyncExitStack callbacks.
import asyncio
from contextlib import *


@asynccontextmanager
async def acm(n):
    print('aenter', n)
    try:
        yield n * 10
    finally:
        print('aexit', n)


async def main():
    async with acm(1) as v:
        print('v', v)
    try:
        async with acm(2):
            raise ValueError('inner')
    except ValueError as e:
        print('caught', e)
    async with nullcontext(3) as v:
        print(v)
    async with AsyncExitStack() as st:
        v = await st.enter_async_context(acm(4))
        st.callback(print, 'sync cb')

        async def acb():
            print('async cb')
        st.push_async_callback(acb)
        print('in astack', v)


asyncio.run(main())

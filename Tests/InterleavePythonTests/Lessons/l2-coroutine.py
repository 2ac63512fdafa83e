import asyncio
async def my_coroutine():
    print("Coroutine is running")
    await asyncio.sleep(2)
    print("Coroutine is done")
# Running the coroutine
asyncio.run(my_coroutine())

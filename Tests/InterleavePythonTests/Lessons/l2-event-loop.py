import asyncio
async def my_coroutine():
    print("Coroutine is running")
    await asyncio.sleep(2)
    print("Coroutine is done")
# Create an event loop and run the coroutine
loop = asyncio.get_event_loop()
loop.run_until_complete(my_coroutine())
loop.close()

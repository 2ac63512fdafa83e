import asyncio
async def my_coroutine():
    try:
        print("Coroutine is running")
        await asyncio.sleep(2)
        raise ValueError("Something went wrong")
    except ValueError as e:
        print(f"Caught an exception: {e}")
asyncio.run(my_coroutine())

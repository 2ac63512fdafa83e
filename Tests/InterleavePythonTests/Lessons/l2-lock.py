import asyncio
async def my_coroutine(lock):
    async with lock:
        print("Locked section")
        await asyncio.sleep(2)
    print("Unlocked section")
async def main():
    lock = asyncio.Lock()
    await asyncio.gather(my_coroutine(lock), my_coroutine(lock))
asyncio.run(main())

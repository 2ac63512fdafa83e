import asyncio
async def task1():
    await asyncio.sleep(2)
    print("Task 1 is done")
async def task2():
    await asyncio.sleep(1)
    print("Task 2 is done")
# Run tasks concurrently using asyncio.gather()
async def main():
    await asyncio.gather(task1(), task2())
asyncio.run(main())

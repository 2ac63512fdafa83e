import asyncio
async def task1():
    await asyncio.sleep(2)
    print("Task 1 is done")
async def task2():
    await asyncio.sleep(1)
    print("Task 2 is done")
# Create tasks and run them concurrently
task1 = asyncio.create_task(task1())
task2 = asyncio.create_task(task2())
asyncio.run(task1)
asyncio.run(task2)

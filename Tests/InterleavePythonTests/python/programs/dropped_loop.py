# A loop run until one coroutine completes, then dropped, leaves a task ready that never steps
# again; the next asyncio.run goes on without it. (Run by test_ahead.py and PythonOrderTests.)
import asyncio


async def spin():
    while True:
        await asyncio.sleep(0)


async def quick():
    await asyncio.sleep(0)
    return "quick"


loop = asyncio.new_event_loop()
loop.create_task(spin())
print(loop.run_until_complete(quick()))


async def main():
    async def echo(n):
        await asyncio.sleep(0)
        print("echo", n)
    await asyncio.gather(echo(1), echo(2))

asyncio.run(main())

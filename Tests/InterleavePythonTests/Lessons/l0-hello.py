import asyncio

async def say_hello():
    print("Hello")
    await asyncio.sleep(1)
    print("World")

if __name__ == "__main__":
    # Execute asynchronous task
    asyncio.run(say_hello())

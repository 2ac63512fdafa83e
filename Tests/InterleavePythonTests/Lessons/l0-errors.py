import asyncio

async def faulty_task():
    raise Exception("An error occurred")

async def main():
    try:
        await faulty_task()
    except Exception as e:
        print(f"Caught an error: {e}")

if __name__ == "__main__":
    asyncio.run(main())

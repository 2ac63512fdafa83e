import asyncio
async def read_file(file_path):
    async with asyncio.open(file_path, 'r') as file:
        content = await file.read()
        print(content)
asyncio.run(read_file('example.txt'))

"""The ping-pong `interleave bench python` runs under plain CPython and under `interleave run`
(and Tests/InterleavePythonTests/python/bench_pingpong.py through its stand-in driver): two
players pass a ball through two asyncio.Queues, ROUNDS times each way."""
import asyncio, sys

async def player(inbox, outbox, rounds):
    for _ in range(rounds):
        ball = await inbox.get()
        await outbox.put(ball + 1)

async def main(rounds):
    ping, pong = asyncio.Queue(), asyncio.Queue()
    await ping.put(0)
    await asyncio.gather(player(ping, pong, rounds), player(pong, ping, rounds))
    print("rallies", ping.get_nowait())

asyncio.run(main(int(sys.argv[1])))

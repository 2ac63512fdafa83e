"""The primitives the program makes: their resource and op events, and for each task that
waits on one, the wait event with the right op and resource."""

import sys
import unittest

from support import ProgramTestCase


class PrimitivesTest(ProgramTestCase):
    def resource(self, run, kind, index=0):
        return run.of("resource", kind=kind)[index]["id"]

    def waits(self, run, name):
        tid = run.of("task", name=name)[0]["id"]
        return [(e["op"], e["resource"]) for e in run.of("wait", id=tid)]

    def test_queue(self):
        run = self.run_source('''
            import asyncio
            async def producer(q):
                for i in range(2):
                    await q.put(i)
            async def consumer(q):
                for _ in range(2):
                    print("got", await q.get())
                    q.task_done()
            async def main():
                q = asyncio.Queue(maxsize=1)
                await asyncio.gather(consumer(q), producer(q))
                await q.join()
            asyncio.run(main())
        ''')
        self.assertEqual(run.status, 0, run.error)
        queue = run.of("resource", kind="queue")[0]
        self.assertEqual((queue["name"], queue["capacity"], queue["line"]), ("Queue", 1, 10))
        self.assertIn(("get", queue["id"]), self.waits(run, "consumer"))
        self.assertIn(("put", queue["id"]), self.waits(run, "producer"))
        ops = [(e["op"], e["value"]) for e in run.of("op", resource=queue["id"])]
        # The consumer waits first; the producer's second put waits until the first get.
        self.assertEqual(ops, [("put", 1), ("got", 0), ("task_done", 0), ("put", 1),
                               ("got", 0), ("task_done", 0)])

    def test_priority_and_lifo_queues_and_subclasses(self):
        run = self.run_source('''
            import asyncio
            class Jobs(asyncio.PriorityQueue):
                pass
            async def main():
                for q in (Jobs(), asyncio.LifoQueue()):
                    for item in (2, 1, 3):
                        q.put_nowait(item)
                    print([q.get_nowait() for _ in range(3)], isinstance(q, asyncio.Queue))
            asyncio.run(main())
        ''')
        self.assertLines(run, [(0, "main", "[1, 2, 3] True"), (0, "main", "[3, 1, 2] True")])
        self.assertEqual([e["name"] for e in run.of("resource")], ["Jobs", "LifoQueue"])

    def test_condition_and_its_own_lock(self):
        run = self.run_source('''
            import asyncio
            async def waiter(cond):
                async with cond:
                    await cond.wait()
            async def notifier(cond):
                await asyncio.sleep(1)
                async with cond:
                    cond.notify_all()
            async def main():
                cond = asyncio.Condition()
                await asyncio.gather(waiter(cond), notifier(cond))
            asyncio.run(main())
        ''')
        self.assertEqual(run.status, 0, run.error)
        cond = self.resource(run, "condition")
        self.assertEqual(len(run.of("resource")), 2)       # the condition and the gather
        self.assertEqual(self.waits(run, "waiter"), [("wait", cond)])
        self.assertEqual(run.of("op", resource=cond, op="notified")[0]["value"], 1)

    def test_condition_reacquiring_its_lock(self):
        run = self.run_source('''
            import asyncio
            async def waiter(cond):
                async with cond:
                    await cond.wait()
            async def holder(cond):
                async with cond:
                    cond.notify()
                    await asyncio.sleep(1)
            async def main():
                cond = asyncio.Condition(asyncio.Lock())
                w = asyncio.create_task(waiter(cond))
                await asyncio.sleep(0)
                await holder(cond)
                await w
            asyncio.run(main())
        ''')
        self.assertEqual(run.status, 0, run.error)
        lock, cond = self.resource(run, "lock"), self.resource(run, "condition")
        self.assertEqual(self.waits(run, "waiter"), [("wait", cond), ("acquire", lock)])

    def test_semaphore_permits_in_use(self):
        run = self.run_source('''
            import asyncio
            async def limited(sem):
                async with sem:
                    await asyncio.sleep(1)
            async def main():
                sem = asyncio.BoundedSemaphore(2)
                await asyncio.gather(*(limited(sem) for _ in range(3)))
            asyncio.run(main())
        ''')
        self.assertEqual(run.status, 0, run.error)
        sem = run.of("resource", kind="semaphore")[0]
        self.assertEqual((sem["name"], sem["capacity"]), ("BoundedSemaphore", 2))
        ops = [(e["op"], e["value"]) for e in run.of("op", resource=sem["id"])]
        # From 3.11.x a release hands its permit straight to the woken waiter (still 2 in
        # use); 3.10 frees it and the waiter takes it again: only these agree.
        self.assertEqual(ops[:2], [("acquired", 1), ("acquired", 2)])
        self.assertEqual(ops[-1], ("released", 0))
        self.assertEqual([op for op, _ in ops].count("acquired"), 3)
        third = run.of("task", name="limited")[2]["id"]
        self.assertEqual([e["op"] for e in run.of("wait", id=third)], ["acquire"])

    def test_program_future_join_and_yield(self):
        run = self.run_source('''
            import asyncio
            async def child():
                await asyncio.sleep(0)
                return 7
            async def main():
                loop = asyncio.get_running_loop()
                fut = loop.create_future()
                loop.call_later(1, fut.set_result, 42)
                print(await fut, await asyncio.create_task(child(), name="kid"))
            asyncio.run(main())
        ''')
        self.assertLines(run, [(1, "main", "42 7")])
        fut = run.of("resource", kind="future", name="Future")[0]
        self.assertEqual(fut["line"], 7)
        main, kid = run.of("task", name="main")[0]["id"], run.of("task", name="kid")[0]["id"]
        waits = [(e["op"], e["resource"], e.get("awaiting")) for e in run.of("wait", id=main)]
        self.assertEqual(waits, [("result", fut["id"], None), ("join", None, kid)])
        self.assertEqual(len(run.of("yield", id=kid)), 1)
        self.assertEqual(run.of("op", resource=fut["id"])[0]["op"], "resolved")

    def test_wait_for_and_timeout(self):
        run = self.run_source('''
            import asyncio
            async def slow():
                await asyncio.sleep(5)
            async def main():
                try:
                    await asyncio.wait_for(slow(), 1)
                except asyncio.TimeoutError:
                    print("wait_for timed out")
                try:
                    await asyncio.wait_for(asyncio.Event().wait(), 1)
                except asyncio.TimeoutError:
                    print("again")
            asyncio.run(main())
        ''')
        self.assertEqual(run.status, 0, run.error)
        self.assertLines(run, [(1, "main", "wait_for timed out"), (2, "main", "again")])

    @unittest.skipIf(sys.version_info < (3, 11), "TaskGroup and timeout are 3.11+")
    def test_task_group_and_timeout(self):
        run = self.run_source('''
            import asyncio
            async def work(n):
                await asyncio.sleep(n)
            async def main():
                async with asyncio.TaskGroup() as tg:
                    tg.create_task(work(1), name="one")
                    tg.create_task(work(2), name="two")
                try:
                    async with asyncio.timeout(1):
                        await asyncio.sleep(3)
                except TimeoutError:
                    print("timeout")
            asyncio.run(main())
        ''')
        self.assertEqual(run.status, 0, run.error)
        self.assertLines(run, [(3, "main", "timeout")])
        group = run.of("resource", name="TaskGroup")[0]["id"]
        self.assertIn(("gather", group), self.waits(run, "main"))
        self.assertEqual({e["name"] for e in run.of("task")}, {"main", "one", "two"})


if __name__ == "__main__":
    unittest.main()

"""Programs beyond the lessons: how they end, what they print, and what the visualizer is
told about their tasks and primitives. Every sleep is virtual: nothing waits in real time."""

import os
import sys
import time
import unittest

from support import ProgramTestCase, steering


class EndingsTest(ProgramTestCase):
    def test_program_without_asyncio(self):
        run = self.run_source('''
            import sys
            print("plain", sys.argv[1:])
        ''', args=["a", "b"])
        self.assertEqual((run.status, run.error), (0, None))
        self.assertLines(run, [(0, "-", "plain ['a', 'b']")])
        self.assertEqual(run.of("task"), [])
        self.assertEqual(run.commands, 1)          # start, and nothing else

    def test_syntax_error(self):
        run = self.run_source('''
            x = 1
            def broken(:
                pass
        ''')
        self.assertEqual(run.status, 1)
        self.assertTrue(run.error.startswith('  File "%s", line 2' % os.path.join(self.dir, "prog.py")),
                        run.error)
        self.assertEqual(run.error.splitlines()[-1], "SyntaxError: invalid syntax")

    def test_sys_exit_status(self):
        run = self.run_source('''
            import asyncio, sys
            async def main():
                await asyncio.sleep(1)
                sys.exit(4)
            asyncio.run(main())
        ''')
        self.assertEqual((run.status, run.error), (4, None))

    def test_sys_exit_with_a_message(self):
        run = self.run_source('import sys\nsys.exit("giving up")\n')
        self.assertEqual(run.status, 1)
        self.assertEqual(run.lines[-1][2:], ("giving up", "stderr"))

    def test_uncaught_exception_in_main_task(self):
        run = self.run_source('''
            import asyncio
            async def main():
                await asyncio.sleep(2)
                raise ValueError("bad")
            asyncio.run(main())
        ''')
        self.assertEqual(run.status, 1)
        self.assertTrue(run.error.startswith("Traceback (most recent call last):"))
        self.assertIn('line 4, in main', run.error)
        self.assertNotIn("interleave_asyncio", run.error)
        self.assertNotIn("__step", run.error)
        self.assertEqual(run.error.splitlines()[-1], "ValueError: bad")
        self.assertEqual(run.of("failed")[0]["error"], "ValueError: bad")

    def test_keyboard_interrupt_as_cpython(self):
        run = self.run_source('raise KeyboardInterrupt\n')
        self.assertEqual(run.status, 130)
        self.assertEqual(run.error.splitlines()[-1], "KeyboardInterrupt")

    def test_nothing_on_descriptors_1_and_2(self):
        from fifo_driver import FifoDriver
        path = self.write('''
            import asyncio, sys
            print("out"); print("err", file=sys.stderr)
            async def main():
                print("in task")
                raise RuntimeError("x")
            asyncio.run(main())
        ''')
        run = FifoDriver(path, capture_fds=True).run()
        self.assertEqual(run.status, 1)
        self.assertEqual(run.fd_output, b"")
        self.assertEqual(run.process_status, 1)


class OutputTest(ProgramTestCase):
    def test_lines_attributed_to_tasks_and_module(self):
        run = self.run_source('''
            import asyncio, sys
            print("before")
            async def worker():
                print("partial", end="")
                await asyncio.sleep(1)
                print(" line")
                print("oops", file=sys.stderr)
            asyncio.run(worker())
            print("tail without newline", end="")
        ''')
        self.assertLines(run, [(0, "-", "before"), (1, "worker", "partial line"),
                               (1, "worker", "oops"), (1, "-", "tail without newline")])
        self.assertEqual([line[3] for line in run.lines], ["stdout", "stdout", "stderr", "stdout"])

    def test_no_real_sleeping(self):
        started = time.monotonic()
        run = self.run_source('''
            import asyncio
            async def main():
                loop = asyncio.get_running_loop()
                await asyncio.sleep(3600)
                print(loop.time())
            asyncio.run(main())
        ''')
        self.assertLess(time.monotonic() - started, 10)
        self.assertLines(run, [(3600, "main", "3600.0")])

    def test_two_asyncio_runs_and_threads(self):
        run = self.run_source('''
            import asyncio, time
            async def main(n):
                await asyncio.to_thread(time.sleep, 0.01)
                await asyncio.sleep(n)
                print("run", n)
            asyncio.run(main(1))
            asyncio.run(main(2))
        ''')
        self.assertEqual(run.status, 0, run.error)
        self.assertLines(run, [(1, "main", "run 1"), (3, "main", "run 2")])
        self.assertEqual([e["id"] for e in run.of("task")], [1, 2])

    def test_program_directory_is_importable(self):
        self.write("VALUE = 42\n", name="helper.py")
        run = self.run_source('import helper\nprint(helper.VALUE)\n')
        self.assertLines(run, [(0, "-", "42")])


def _first(batch, event, **fields):
    return next((e for e in batch if e["e"] == event
                 and all(e.get(k) == v for k, v in fields.items())), None)


class FaultsTest(ProgramTestCase):
    def test_throw_into_a_task_waiting_on_an_event(self):
        def throw_at_event_wait(driver, run, batch):
            wait = _first(batch, "wait", op="wait")
            if wait:
                return {"c": "throw", "id": wait["id"], "now": driver.now, "error": "boom"}

        run = self.run_source('''
            import asyncio
            async def main():
                event = asyncio.Event()
                await event.wait()
            asyncio.run(main())
        ''', driver=steering(throw_at_event_wait))
        self.assertEqual(run.status, 1)
        self.assertEqual(run.error.splitlines()[-1], "InterleaveFault: boom")
        self.assertIn("line 4, in main\n    await event.wait()", run.error)
        self.assertEqual(run.of("failed")[0]["error"], "InterleaveFault: boom")

    def test_throw_into_a_ready_task_and_a_gather_waiter(self):
        def throw_when_worker_wakes(driver, run, batch):
            # The worker slept; the advance made it ready: the fault replaces its wake-up.
            ready = _first(batch, "ready")
            if ready and run.names[ready["id"]] == "worker" and run.of("sleep", id=ready["id"]):
                return {"c": "throw", "id": ready["id"], "now": driver.now, "error": "early"}

        run = self.run_source('''
            import asyncio
            async def worker():
                try:
                    await asyncio.sleep(1)
                except Exception as e:
                    print("worker got", type(e).__name__, e)
            async def main():
                await asyncio.gather(worker())
                print("main goes on")
            asyncio.run(main())
        ''', driver=steering(throw_when_worker_wakes))
        self.assertEqual(run.status, 0, run.error)
        self.assertLines(run, [(1, "worker", "worker got InterleaveFault early"),
                               (1, "main", "main goes on")])
        worker = run.of("task", name="worker")[0]["id"]
        self.assertEqual(len(run.of("ready", id=worker)), 2)   # the throw queued no new step

    def test_cancel_a_sleeping_task(self):
        def cancel_sleeper(driver, run, batch):
            sleep = _first(batch, "sleep")
            if sleep and run.names[sleep["id"]] == "sleeper":
                return {"c": "cancel", "id": sleep["id"], "now": driver.now}

        run = self.run_source('''
            import asyncio
            async def sleeper():
                try:
                    await asyncio.sleep(100)
                except asyncio.CancelledError:
                    print("cancelled")
                    raise
            async def main():
                try:
                    await asyncio.create_task(sleeper())
                except asyncio.CancelledError:
                    print("main saw it")
            asyncio.run(main())
        ''', driver=steering(cancel_sleeper))
        self.assertEqual(run.status, 0, run.error)
        self.assertLines(run, [(0, "sleeper", "cancelled"), (0, "main", "main saw it")])
        self.assertEqual(len(run.of("cancelled")), 1)


if __name__ == "__main__":
    unittest.main()

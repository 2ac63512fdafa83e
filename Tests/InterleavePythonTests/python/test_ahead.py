"""Running ahead (command `run`): the Python side chooses the commands the Swift side's
FIFO schedule would send, and the events are the same as when every command is sent
(the driver checks each block's `ran` against its own choice)."""

import glob
import os
import select
import unittest

import test_programs
from fifo_driver import FifoDriver
from support import HERE, LESSONS, ProgramTestCase
from test_protocol import HELLO_PROGRAM, Session


def without_ran(events):
    return [e for e in events if e["e"] != "ran"]


class SameEventsMixin:
    """Runs each program of a test class twice, command by command and running ahead,
    checks that both give the same events, and hands the run-ahead's run to the test.
    Steered drivers (throw, cancel) choose their own commands: they run as before."""

    def run_source(self, source, driver=FifoDriver, args=()):
        if driver is not FifoDriver:
            return super().run_source(source, driver, args)
        path = self.write(source)
        stepped = FifoDriver(path, args).run()
        ahead = FifoDriver(path, args, ahead=True).run()
        self.assertEqual(without_ran(ahead.events), stepped.events)
        self.assertEqual((ahead.status, ahead.deadlock), (stepped.status, stepped.deadlock))
        return ahead


class AheadEndingsTest(SameEventsMixin, test_programs.EndingsTest):
    pass


class AheadOutputTest(SameEventsMixin, test_programs.OutputTest):
    pass


class AheadProgramsTest(ProgramTestCase):
    def test_every_lesson_program_gives_the_same_events(self):
        programs = sorted(glob.glob(os.path.join(LESSONS, "*.py")))
        if not programs:
            self.skipTest("no lessons at %s (set INTERLEAVE_LESSONS_DIR)" % LESSONS)
        for program in programs:
            with self.subTest(program=os.path.basename(program)):
                stepped = FifoDriver(program).run()
                ahead = FifoDriver(program, ahead=True).run()
                self.assertEqual(without_ran(ahead.events), stepped.events)
                self.assertEqual(ahead.status, stepped.status)
                self.assertEqual(ahead.commands, 2 if stepped.commands > 1 else 1)

    def test_as_completed_makes_its_tasks_in_the_order_given(self):
        # CPython makes them from a set (object ids: the order varies between runs); here in
        # the order given, so every run, and every re-run of a step back, is the same.
        for _ in range(5):
            run = self.run_both('''
                import asyncio
                async def job(n):
                    print("start", n)
                    await asyncio.sleep(0.1 * (6 - n))
                    return n
                async def main():
                    for done in asyncio.as_completed([job(n) for n in range(1, 6)]):
                        print("done", await done)
                asyncio.run(main())
            ''')
            self.assertEqual([line[2] for line in run.lines],
                             ["start %d" % n for n in range(1, 6)] + ["done %d" % n for n in range(5, 0, -1)])

    def test_a_task_left_ready_on_a_stopped_loop_waits_until_it_runs_again(self):
        with open(os.path.join(HERE, "programs", "dropped_loop.py")) as program:
            run = self.run_both(program.read())
        self.assertEqual([line[2] for line in run.lines], ["quick", "echo 1", "echo 2"])
        self.assertIn({"e": "wait", "id": 1, "resource": None, "op": "suspended", "file": None, "line": None},
                      run.events)

    def test_deadlock_stops_running_ahead(self):
        run = self.run_both('''
            import asyncio
            async def main():
                print("waiting forever")
                await asyncio.Event().wait()
            asyncio.run(main())
        ''')
        self.assertTrue(run.deadlock)
        self.assertEqual(run.lines[0][2], "waiting forever")
        self.assertEqual(run.process_status, 0)           # the driver's quit

    def test_a_timer_left_alone_is_advanced_to(self):
        run = self.run_both('''
            import asyncio
            async def main():
                loop = asyncio.get_running_loop()
                done = loop.create_future()
                loop.call_later(5, done.set_result, "late")
                print(await done, loop.time())
            asyncio.run(main())
        ''')
        self.assertEqual(run.status, 0, run.error)
        self.assertLines(run, [(5, "main", "late 5.0")])
        self.assertIn({"e": "ran", "c": "advance", "now": 5 * 10**9}, run.events)

    def test_many_steps_in_big_batches(self):
        run = self.run_both('''
            import asyncio
            async def tick(n):
                for i in range(n):
                    await asyncio.sleep(0)
            async def main():
                await asyncio.gather(tick(3000), tick(3000))
                print("ticked")
            asyncio.run(main())
        ''')
        self.assertEqual(run.status, 0, run.error)
        self.assertGreater(len(run.of("ran")), 6000)

    def run_both(self, source):
        path = self.write(source)
        stepped = FifoDriver(path).run()
        ahead = FifoDriver(path, ahead=True).run()
        self.assertEqual(without_ran(ahead.events), stepped.events)
        return ahead


# Sleeps a second at a time, forever: running ahead, it never stops by itself.
ENDLESS_PROGRAM = '''
import asyncio
async def main():
    while True:
        await asyncio.sleep(1)
asyncio.run(main())
'''


class RunCommandTest(ProgramTestCase):
    def running_ahead(self, source):
        """A session of `source`, started and told to run ahead."""
        s = Session(self.write(source))
        s.line()
        s.send({"c": "start"})
        s.answer()
        s.send({"c": "run"})
        return s

    def test_run_announces_each_command_and_answers_it(self):
        s = Session(self.write(HELLO_PROGRAM))
        s.line()
        s.send({"c": "start"})
        s.answer()
        s.send({"c": "run"})
        blocks = [s.answer(), s.answer(), s.answer()]
        self.assertEqual(blocks[0][0], {"e": "ran", "c": "step", "id": 1, "now": 0})
        self.assertEqual([e["e"] for e in blocks[0]], ["ran", "sleep", "timer", "end"])
        self.assertEqual(blocks[1], [{"e": "ran", "c": "advance", "now": 10**9},
                                     {"e": "ready", "id": 1},
                                     {"e": "timer", "at": None}, {"e": "end"}])
        self.assertEqual(blocks[2][0], {"e": "ran", "c": "step", "id": 1, "now": 10**9})
        self.assertEqual([e["e"] for e in blocks[2]], ["ran", "print", "done", "exit", "end"])
        self.assertEqual(s.finish(), (0, b""))

    def test_run_with_nothing_to_run_waits_for_commands(self):
        s = Session(self.write('''
import asyncio
async def main():
    await asyncio.Event().wait()
asyncio.run(main())
'''))
        s.line()
        s.send({"c": "start"})
        s.answer()
        s.send({"c": "step", "id": 1, "now": 0})
        s.answer()
        s.send({"c": "run"})           # nothing ready, no timer: only `held` is written
        s.send({"c": "quit"})
        self.assertEqual(s.events.read(), b'{"e":"held"}\n')
        self.assertEqual(s.finish(close_commands=False), (0, b""))

    def test_closing_the_commands_stops_a_run_ahead(self):
        s = self.running_ahead(ENDLESS_PROGRAM)
        self.assertEqual(s.answer()[0]["e"], "ran")
        s.commands.close()              # the endless program stops at its next batch
        s.events.read()                 # (read on: the pipe's backpressure would hold it)
        self.assertEqual(s.finish(close_commands=False), (0, b""))

    def test_a_slow_program_is_seen_going_on(self):
        # Steps that block in real time: batches go out after 20 ms, not at 64 KiB.
        s = self.running_ahead('''
import asyncio, time
async def main():
    for i in range(100):
        print("step", i)
        time.sleep(0.05)
        await asyncio.sleep(0)
asyncio.run(main())
''')
        readable, _, _ = select.select([s.events], [], [], 2.0)
        self.assertTrue(readable, "nothing written for 2 s while running ahead")
        self.assertEqual(s.answer()[0]["e"], "ran")
        s.proc.kill()
        s.finish(close_commands=False)

    def test_a_command_while_running_ahead_is_an_error(self):
        s = self.running_ahead(ENDLESS_PROGRAM)
        s.send({"c": "advance", "now": 0})
        while True:
            event = s.line()
            if event["e"] == "exit":
                break
        self.assertEqual(event["status"], 2)
        self.assertIn("'advance' while running ahead", event["error"])
        self.assertEqual(s.finish()[0], 2)

    def test_run_is_not_a_first_command(self):
        s = Session(self.write(HELLO_PROGRAM))
        s.line()
        s.send({"c": "run"})
        answer = s.answer()
        self.assertIn("first command must be start", answer[0]["error"])
        self.assertEqual(s.finish()[0], 2)


if __name__ == "__main__":
    unittest.main()

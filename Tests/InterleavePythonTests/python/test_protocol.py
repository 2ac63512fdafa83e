"""The protocol itself, talked to by hand: the first line, the answers, and bad input
(a clear one-line error and a non-zero exit, never a hang)."""

import fcntl
import glob
import json
import os
import subprocess
import sys
import unittest

from fifo_driver import LAUNCHER
from support import ProgramTestCase

HELLO_PROGRAM = '''
import asyncio
async def main():
    await asyncio.sleep(1)
    print("done")
asyncio.run(main())
'''


def _old_pythons():
    """Interpreters older than 3.10 on this machine (pyenv's, if any)."""
    found = glob.glob(os.path.expanduser("~/.pyenv/versions/3.[6-9]*/bin/python3"))
    return sorted(found)[:1]


class Session:
    """The launcher on pipes: send commands, read answers up to `end`."""

    def __init__(self, program, env_extra=None):
        events_r, events_w = os.pipe()
        commands_r, commands_w = os.pipe()
        env = dict(os.environ, INTERLEAVE_EVENTS_FD=str(events_w),
                   INTERLEAVE_COMMANDS_FD=str(commands_r), **(env_extra or {}))
        self.proc = subprocess.Popen([sys.executable, LAUNCHER, program],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env,
                                     pass_fds=(events_w, commands_r))
        os.close(events_w)
        os.close(commands_r)
        self.events = os.fdopen(events_r, "rb")
        self.commands = os.fdopen(commands_w, "wb", buffering=0)

    def line(self):
        return json.loads(self.events.readline())

    def send(self, command):
        self.commands.write((command if isinstance(command, str) else json.dumps(command))
                            .encode() + b"\n")

    def answer(self):
        batch = []
        while True:
            event = self.line()
            batch.append(event)
            if event["e"] == "end":
                return batch

    def finish(self, close_commands=True):
        if close_commands:
            self.commands.close()
        out, err = self.proc.communicate(timeout=20)
        self.commands.close()
        self.events.close()
        return self.proc.returncode, out + err


class ProtocolTest(ProgramTestCase):
    def test_hello_then_answers_end_with_timer_and_end(self):
        s = Session(self.write(HELLO_PROGRAM))
        hello = s.line()
        self.assertEqual((hello["e"], hello["protocol"]), ("hello", 1))
        self.assertEqual(hello["version"].split(".")[:2], [str(v) for v in sys.version_info[:2]])
        s.send({"c": "start"})
        self.assertEqual([e["e"] for e in s.answer()], ["task", "ready", "timer", "end"])
        s.send({"c": "step", "id": 1, "now": 0})
        answer = s.answer()
        self.assertEqual([e["e"] for e in answer], ["sleep", "timer", "end"])
        self.assertEqual(answer[1]["at"], 10**9)
        s.send({"c": "advance", "now": 10**9})
        self.assertEqual([e["e"] for e in s.answer()], ["ready", "timer", "end"])
        s.send({"c": "step", "id": 1, "now": 10**9})
        self.assertEqual([e["e"] for e in s.answer()], ["print", "done", "exit", "end"])
        self.assertEqual(s.finish(), (0, b""))

    def test_the_events_pipe_holds_several_batches(self):
        # Running ahead, a batch is bigger than the default 64 KiB pipe: with the default, the
        # Python side blocked in each batch's write until the Swift side had read most of the last.
        get_size = getattr(fcntl, "F_GETPIPE_SZ", None)
        if get_size is None:
            self.skipTest("this system cannot size pipes")
        with open("/proc/sys/fs/pipe-max-size") as limit:
            expected = min(1 << 20, int(limit.read()))
        s = Session(self.write(HELLO_PROGRAM))
        s.line()
        self.assertEqual(fcntl.fcntl(s.events.fileno(), get_size), expected)
        s.send({"c": "quit"})
        self.assertEqual(s.finish(close_commands=False), (0, b""))

    def test_eof_on_commands_exits_quietly(self):
        s = Session(self.write(HELLO_PROGRAM))
        s.line()
        s.send({"c": "start"})
        s.answer()
        self.assertEqual(s.finish(), (0, b""))

    def test_quit(self):
        s = Session(self.write(HELLO_PROGRAM))
        s.line()
        s.send({"c": "start"})
        s.answer()
        s.send({"c": "quit"})
        self.assertEqual(s.finish(close_commands=False), (0, b""))

    def _fatal(self, commands, fragment):
        s = Session(self.write(HELLO_PROGRAM))
        s.line()
        for command in commands[:-1]:
            s.send(command)
            s.answer()
        s.send(commands[-1])
        answer = s.answer()
        self.assertEqual(answer[-2]["e"], "exit")
        self.assertEqual(answer[-2]["status"], 2)
        self.assertIn(fragment, answer[-2]["error"])
        self.assertEqual(len(answer[-2]["error"].splitlines()), 1)
        self.assertEqual(s.finish(), (2, b""))

    def test_bad_commands_are_fatal_with_one_line(self):
        start = {"c": "start"}
        self._fatal(["{not json"], "not JSON")
        self._fatal([{"c": "step", "id": 1, "now": 0}], "first command must be start")
        self._fatal([start, {"c": "jump"}], "unknown command")
        self._fatal([start, {"c": "step", "id": 1}], "needs 'now'")
        self._fatal([start, {"c": "step", "id": 7, "now": 0}], "task 7 is not ready")
        self._fatal([start, {"c": "advance", "now": 5}, {"c": "advance", "now": 4}],
                    "cannot go back")
        self._fatal([start, {"c": "cancel", "id": 9, "now": 0}], "no task 9")

    def test_missing_program(self):
        s = Session(os.path.join(self.dir, "nowhere.py"))
        s.line()
        s.send({"c": "start"})
        answer = s.answer()
        self.assertEqual(answer[0]["status"], 2)
        self.assertIn("can't open file", answer[0]["error"])
        self.assertEqual(s.finish()[0], 2)

    def test_missing_descriptors(self):
        env = {k: v for k, v in os.environ.items() if not k.startswith("INTERLEAVE_")}
        proc = subprocess.run([sys.executable, LAUNCHER, self.write("print(1)\n")], env=env,
                              capture_output=True, timeout=20)
        self.assertEqual(proc.returncode, 2)
        self.assertEqual(len(proc.stderr.splitlines()), 1)
        self.assertIn(b"INTERLEAVE_EVENTS_FD", proc.stderr)

    @unittest.skipUnless(_old_pythons(), "no python3 older than 3.10 here")
    def test_old_python_is_refused(self):
        python = _old_pythons()[0]
        version = subprocess.check_output(
            [python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"]).decode().strip()
        proc = subprocess.run([python, LAUNCHER, self.write("print(1)\n")],
                              capture_output=True, timeout=20)
        self.assertEqual(proc.returncode, 3)
        self.assertEqual(proc.stderr.decode("utf-8"),
                         "interleave run needs python3 \u2265 3.10 (this is %s)\n" % version)


if __name__ == "__main__":
    unittest.main()

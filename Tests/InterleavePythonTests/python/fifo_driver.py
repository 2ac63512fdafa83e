"""A stand-in for the Swift side of `interleave run FILE.py`: spawns the launcher with the
protocol's two descriptors, steps ready tasks first in, first out, advances the virtual
clock to the earliest timer when nothing is ready, and prints each `print` event as
`%.3f<TAB>task-name<TAB>text` (virtual seconds; `-` for module level).

    python3 fifo_driver.py [--events] [--ahead] FILE.py [ARGS...]

Exit status: the program's. As a library: `FifoDriver(path).run()` returns a `Run`;
subclass and override `choose` to send other commands (throw, cancel).
`FifoDriver(path, ahead=True)` sends `run` after `start` instead, lets the Python side
choose the commands, and checks each block's `ran` against its own FIFO choice (`choose`
is not asked then)."""

import collections
import json
import os
import subprocess
import sys

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
LAUNCHER = os.path.join(REPO, "Sources", "InterleavePython", "Resources", "python",
                        "interleave_asyncio", "launcher.py")
DEADLOCK = 124


class ProtocolError(Exception):
    pass


class Run:
    """What a run produced: every event, the printed lines, the exit."""

    def __init__(self):
        self.events = []
        self.lines = []            # (seconds, task name, text, stream)
        self.names = {}            # task id -> name
        self.status = None
        self.error = None
        self.deadlock = False
        self.commands = 0

    def text(self):
        return "\n".join("%.3f\t%s\t%s" % line[:3] for line in self.lines)

    def of(self, _event, **fields):
        """The events named `_event` whose fields have the given values."""
        return [e for e in self.events if e["e"] == _event
                and all(e.get(k) == v for k, v in fields.items())]


class FifoDriver:
    def __init__(self, program, args=(), python=None, timeout=30, capture_fds=False,
                 ahead=False):
        self.program = program
        self.ahead = ahead
        self.capture_fds = capture_fds     # keep what the child writes on its fds 1 and 2
        self.args = list(args)
        self.python = python or os.environ.get("INTERLEAVE_PYTHON") or sys.executable
        self.timeout = timeout
        self.now = 0
        self.ready = collections.deque()
        self.stepping = None             # the task whose step the current command runs
        self.timer = None
        self.run_result = Run()

    # Override to steer: return a command dict, or None for the FIFO default.
    def choose(self, run, events):
        return None

    def default_command(self):
        if self.ready:
            return {"c": "step", "id": self.ready.popleft(), "now": self.now}
        if self.timer is not None:
            self.now = max(self.now, self.timer)
            return {"c": "advance", "now": self.now}
        return None

    def run(self):
        events_r, events_w = os.pipe()
        commands_r, commands_w = os.pipe()
        env = dict(os.environ, INTERLEAVE_EVENTS_FD=str(events_w),
                   INTERLEAVE_COMMANDS_FD=str(commands_r))
        pipe = subprocess.PIPE if self.capture_fds else None
        proc = subprocess.Popen([self.python, LAUNCHER, self.program] + self.args,
                                stdin=subprocess.DEVNULL, stdout=pipe, stderr=pipe, env=env,
                                pass_fds=(events_w, commands_r))
        os.close(events_w)
        os.close(commands_r)
        self.events_in = os.fdopen(events_r, "rb")
        self.commands_out = os.fdopen(commands_w, "wb", buffering=0)
        try:
            self._drive()
        finally:
            self.commands_out.close()
            self.events_in.close()
            try:
                out, err = proc.communicate(timeout=self.timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                out, err = proc.communicate()
        self.run_result.process_status = proc.returncode
        self.run_result.fd_output = (out or b"") + (err or b"")
        return self.run_result

    def send(self, command):
        self.run_result.commands += 1
        self.commands_out.write((json.dumps(command) + "\n").encode())

    def _read_answer(self, expected=None):
        """One block of events up to `end`; running ahead, it starts with the `ran` of the
        command `expected`."""
        if expected is not None:
            line = self.events_in.readline()
            ran = json.loads(line) if line else None
            if ran is None or ran.get("e") != "ran" or \
                    {k: v for k, v in ran.items() if k != "e"} != expected:
                raise ProtocolError("ran %r, but FIFO says %r" % (ran, expected))
            self.run_result.events.append(ran)
        batch = []
        while True:
            line = self.events_in.readline()
            if not line:
                raise ProtocolError("events closed without end (after %r)" % batch[-3:])
            event = json.loads(line)
            self.run_result.events.append(event)
            if event["e"] == "end":
                return batch
            batch.append(event)
            self._note(event)

    def _note(self, event):
        run, kind = self.run_result, event["e"]
        if kind == "task":
            run.names[event["id"]] = event["name"]
        elif kind == "ready":
            self.ready.append(event["id"])
        elif kind == "wait" and event["id"] != self.stepping and event["id"] in self.ready:
            # A ready task whose loop stopped: not ready until that loop runs again.
            self.ready = collections.deque(tid for tid in self.ready if tid != event["id"])
        elif kind == "timer":
            self.timer = event["at"]
        elif kind == "print":
            name = run.names.get(event["task"], "-")
            run.lines.append((self.now / 1e9, name, event["text"], event.get("stream", "stdout")))
        elif kind == "exit":
            run.status, run.error = event["status"], event.get("error")

    def _drive(self):
        hello = json.loads(self.events_in.readline())
        if hello.get("e") != "hello":
            raise ProtocolError("expected hello, got %r" % hello)
        self.run_result.events.append(hello)
        self.send({"c": "start"})
        batch = self._read_answer()
        if self.ahead and self.run_result.status is None:
            self.send({"c": "run"})
        while self.run_result.status is None:
            if self.ahead:
                command = self.default_command()
            else:
                command = self.choose(self.run_result, batch) or self.default_command()
            if command is None:
                # The Python side, running ahead or not, now waits for a command.
                self.run_result.deadlock = True
                self.send({"c": "quit"})
                return
            self.stepping = command["id"] if command["c"] == "step" else None
            if not self.ahead:
                self.send(command)
            batch = self._read_answer(command if self.ahead else None)


def main(argv):
    options = set()
    while argv[:1] in (["--events"], ["--ahead"]):
        options.add(argv.pop(0))
    if not argv:
        sys.stderr.write("usage: fifo_driver.py [--events] [--ahead] FILE.py [ARGS...]\n")
        return 2
    show_events = "--events" in options
    run = FifoDriver(argv[0], argv[1:], ahead="--ahead" in options).run()
    for line in run.lines:
        stream = sys.stderr if line[3] == "stderr" else sys.stdout
        stream.write("%.3f\t%s\t%s\n" % line[:3])
    if show_events:
        for event in run.events:
            sys.stderr.write(json.dumps(event) + "\n")
    if run.deadlock:
        sys.stderr.write("deadlock: no task ready and no timer\n")
        return DEADLOCK
    if run.error:
        sys.stderr.write(run.error + "\n")
    return run.status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

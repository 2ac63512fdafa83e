"""Runs the program as `python3 FILE.py` would, under the protocol: `hello`, wait for
`start`, install the loop, the primitives and the output capture, run the module, and
report its end (`exit`) with the status CPython would give."""

import atexit
import gc
import os
import runpy
import sys
import threading
import warnings

from . import capture, loop, ordering, primitives
from . import session as _session
from .faults import format_uncaught
from .protocol import BadCommand, Channel


def _descriptor(name):
    value = os.environ.get(name)
    try:
        return int(value)
    except (TypeError, ValueError):
        os.write(2, ("interleave_asyncio: %s must be a descriptor number (got %r)\n"
                     % (name, value)).encode())
        os._exit(2)


def _system_exit_status(exc, writers):
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    # CPython prints any other exit value to stderr and exits with 1.
    writers[1].write("%s\n" % (code,))
    return 1


def _install_warning_origin():
    """A warning raised while this package's code is on top of the stack (a coroutine
    collected after the program ended: "was never awaited") is shown as CPython shows it
    at shutdown, `sys:1:` (`<sys>:0:` from 3.13), not with this package's file."""
    package_dir = os.path.dirname(os.path.abspath(__file__)) + os.sep
    origin = ("<sys>", 0) if sys.version_info >= (3, 13) else ("sys", 1)
    show = getattr(warnings, "_showwarnmsg", None)
    if show is None:
        return

    def show_from_origin(msg):
        if str(msg.filename).startswith(package_dir):
            msg.filename, msg.lineno = origin
            msg.line, msg.source = None, None
        show(msg)

    warnings._showwarnmsg = show_from_origin


def _run(program, writers):
    """The program's exit status and, after an uncaught exception, its traceback."""
    try:
        runpy.run_path(program, run_name="__main__")
    except SystemExit as exc:
        return _system_exit_status(exc, writers), None
    except KeyboardInterrupt as exc:
        # CPython ends by SIGINT after printing the traceback: status 128 + 2.
        return 130, format_uncaught(exc, program)
    except BaseException as exc:
        return 1, format_uncaught(exc, program)
    return 0, None


def _shutdown(writers):
    """What CPython does after the main module: join threads, run atexit functions, and
    (here) collect garbage so that warnings such as "coroutine … was never awaited" are
    printed while the output is still captured."""
    shutdown_threads = getattr(threading, "_shutdown", None)
    if shutdown_threads is not None:
        _session.current.channel.flush()
        shutdown_threads()
    atexit._run_exitfuncs()
    gc.collect()
    for writer in writers:
        writer.finish()


def main(program_as_given):
    channel = Channel(_descriptor("INTERLEAVE_EVENTS_FD"), _descriptor("INTERLEAVE_COMMANDS_FD"))
    program = os.path.abspath(program_as_given)
    session = _session.current = _session.Session(channel, program)
    session.hello()
    try:
        first = channel.read_command()
    except BadCommand as exc:
        session.fatal("bad command: %s" % exc)
    if first["c"] == "quit":
        os._exit(0)
    if first["c"] != "start":
        session.fatal("the first command must be start, not %r" % first["c"])
    if not os.path.exists(program):
        session.exit(2, "%s: can't open file %r: [Errno 2] No such file or directory"
                     % (os.path.basename(sys.executable), program_as_given))
    primitives.install()
    ordering.install()
    loop.install()
    writers = capture.install()
    _install_warning_origin()
    status, error = _run(program, writers)
    _shutdown(writers)
    session.exit(status, error)

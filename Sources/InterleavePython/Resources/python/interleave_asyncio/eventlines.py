"""The events sent at every task step, formatted as JSON lines directly: the json module's
encoder costs several microseconds per event, most of a step's budget. The keys and their
order are those of docs/python-protocol.md; rarer events go through `json` (Channel.send).

Strings that come from outside this package (file paths, texts) are escaped by
`json.dumps`; op names and event names are this package's own constants."""

import json

_dumps = json.JSONEncoder(ensure_ascii=False).encode

# A file path's JSON form, by path: paths repeat at nearly every step.
_quoted_files = {None: "null"}


def quoted_file(path):
    text = _quoted_files.get(path)
    if text is None:
        text = _quoted_files[path] = _dumps(path)
    return text


def number(value):
    """An id, a count or a time: an int (not a bool) or None, else whatever JSON says."""
    if value is None:
        return "null"
    if value.__class__ is int:
        return "%d" % value
    return _dumps(value)


# The formatters below take ids, counts, times and lines as ints or None (this package
# computes them all): an f-string writes an int as JSON does, and None is spelled "null".
# f-strings, inline: each extra Python call would cost as much as the formatting.

def ready(tid):
    return f'{{"e":"ready","id":{tid}}}'


# Lines that name only a task (and the clock): by task id.
ready_lines = {}
_ran_step_lines = {}


def ready_line(tid):
    """`ready(tid)`, cached (the loop reads `ready_lines` first)."""
    if len(ready_lines) >= _CACHE_LIMIT:
        ready_lines.clear()
    text = ready_lines[tid] = ready(tid)
    return text


def ran_step(tid, now):
    """The `ran` line of a step: kept per task with the clock it names (steps of a task
    at one time follow one another, at another time the line is made again)."""
    known = _ran_step_lines.get(tid)
    if known is not None and known[0] == now:
        return known[1]
    if len(_ran_step_lines) >= _CACHE_LIMIT:
        _ran_step_lines.clear()
    text = f'{{"e":"ran","c":"step","id":{tid},"now":{now}}}'
    _ran_step_lines[tid] = (now, text)
    return text


# The text of small ints (ids, counts): an f-string formats an int in several hundred
# instructions, a tuple hands it out in a few.
_INT_TEXT = tuple(str(i) for i in range(4096))
# `{"e":"op","resource":R,"task":T,"op":"name","value":` by (R, T, name).
_op_heads = {}


def op_tail(resource, task, op_name, value, tail, text=None):
    """An op event whose `"file":F,"line":L` is given (SourceLocator.site)."""
    key = (resource, task, op_name)
    head = _op_heads.get(key)
    if head is None:
        if len(_op_heads) >= _CACHE_LIMIT:
            _op_heads.clear()
        head = _op_heads[key] = (
            f'{{"e":"op","resource":{"null" if resource is None else resource},'
            f'"task":{"null" if task is None else task},"op":"{op_name}","value":')
    if value is None:
        value = "null"
    elif value.__class__ is int and 0 <= value < 4096:
        value = _INT_TEXT[value]
    else:
        value = number(value)
    if text is None:
        return f'{head}{value},{tail}}}'
    return f'{head}{value},{tail},"text":{_dumps(text)}}}'


# Whole wait lines by (task, resource, op, awaiting, tail): a task waits at the same few
# places over and over. Emptied when it grows large (many short-lived tasks).
_wait_lines = {}
_CACHE_LIMIT = 1 << 14


def wait_tail(tid, resource, op_name, awaiting, tail):
    key = (tid, resource, op_name, awaiting, tail)
    text = _wait_lines.get(key)
    if text is None:
        if len(_wait_lines) >= _CACHE_LIMIT:
            _wait_lines.clear()
        awaits = "" if awaiting is None else f',"awaiting":{awaiting}'
        text = _wait_lines[key] = (
            f'{{"e":"wait","id":{tid},"resource":{"null" if resource is None else resource},'
            f'"op":"{op_name}"{awaits},{tail}}}')
    return text


def yielded_tail(tid, tail):
    return f'{{"e":"yield","id":{_INT_TEXT[tid] if tid < 4096 else tid},{tail}}}'


def sleep_tail(tid, until, tail):
    return f'{{"e":"sleep","id":{tid},"until":{"null" if until is None else until},{tail}}}'


def op(resource, task, op_name, value, file, line, text=None):
    if value is not None and value.__class__ is not int:
        value = number(value)
    quoted = _quoted_files.get(file) or quoted_file(file)
    head = (f'{{"e":"op","resource":{"null" if resource is None else resource},'
            f'"task":{"null" if task is None else task},"op":"{op_name}",'
            f'"value":{"null" if value is None else value},"file":{quoted},'
            f'"line":{"null" if line is None else line}')
    if text is None:
        return head + "}"
    return f'{head},"text":{_dumps(text)}}}'


def sleep(tid, until, file, line):
    quoted = _quoted_files.get(file) or quoted_file(file)
    return (f'{{"e":"sleep","id":{tid},"until":{"null" if until is None else until},'
            f'"file":{quoted},"line":{"null" if line is None else line}}}')


def yielded(tid, file, line):
    quoted = _quoted_files.get(file) or quoted_file(file)
    return f'{{"e":"yield","id":{tid},"file":{quoted},"line":{"null" if line is None else line}}}'


def wait(tid, resource, op_name, awaiting, file, line):
    quoted = _quoted_files.get(file) or quoted_file(file)
    awaits = "" if awaiting is None else f',"awaiting":{awaiting}'
    return (f'{{"e":"wait","id":{tid},"resource":{"null" if resource is None else resource},'
            f'"op":"{op_name}"{awaits},"file":{quoted},"line":{"null" if line is None else line}}}')


def ended(kind, tid):
    """`done` or `cancelled`."""
    return f'{{"e":"{kind}","id":{tid}}}'


def printed(task, text, stderr):
    stream = ',"stream":"stderr"' if stderr else ""
    return f'{{"e":"print","task":{"null" if task is None else task},"text":{_dumps(text)}{stream}}}'

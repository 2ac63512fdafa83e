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


def ready(tid):
    return '{"e":"ready","id":%d}' % tid


def op(resource, task, op_name, value, file, line, text=None):
    return '{"e":"op","resource":%s,"task":%s,"op":"%s","value":%s,"file":%s,"line":%s%s}' % (
        number(resource), "null" if task is None else "%d" % task, op_name, number(value),
        quoted_file(file), "null" if line is None else "%d" % line,
        "" if text is None else ',"text":' + _dumps(text))


def sleep(tid, until, file, line):
    return '{"e":"sleep","id":%d,"until":%s,"file":%s,"line":%s}' % (
        tid, number(until), quoted_file(file), "null" if line is None else "%d" % line)


def yielded(tid, file, line):
    return '{"e":"yield","id":%d,"file":%s,"line":%s}' % (
        tid, quoted_file(file), "null" if line is None else "%d" % line)


def wait(tid, resource, op_name, awaiting, file, line):
    return '{"e":"wait","id":%d,"resource":%s,"op":"%s"%s,"file":%s,"line":%s}' % (
        tid, number(resource), op_name,
        "" if awaiting is None else ',"awaiting":%d' % awaiting,
        quoted_file(file), "null" if line is None else "%d" % line)


def ended(kind, tid):
    """`done` or `cancelled`."""
    return '{"e":"%s","id":%d}' % (kind, tid)


def printed(task, text, stderr):
    return '{"e":"print","task":%s,"text":%s%s}' % (
        "null" if task is None else "%d" % task, _dumps(text),
        ',"stream":"stderr"' if stderr else "")

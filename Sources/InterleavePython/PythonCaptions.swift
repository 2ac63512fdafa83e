import Interleave
import InterleaveTrace

/// Captions for a Python program, made from its events (a program brings no captions of its
/// own): what a first contended wait means, a task's failure, and how the program ended, with a
/// word on the classic mistakes the lessons show.
struct PythonCaptions {
    /// Resources whose first contended wait has been explained.
    private var explained: Set<Int> = []
    /// The explained waits not ended yet, by resource: the waiting task (its Python id, as names
    /// may repeat, and its name), what it waits for, and the holder it waits on. Their end is told
    /// too, or the caption would go on saying the task waits after it has gone on.
    private var openWaits: [Int: (id: Int, task: String, op: String, holder: String?)] = [:]

    /// Task `id`, named `task`, began to wait on a resource: the first time per resource, say why.
    mutating func wait(of task: String, id: Int, op: String?, on resource: Int?, named name: String?, holder: String?) -> String? {
        guard let resource, let name, explained.insert(resource).inserted else { return nil }
        if let op { openWaits[resource] = (id, task, op, holder) }
        switch op {
        case "acquire":
            return holder.map { "\(task) waits: \(name) is held by \($0), and only one task may hold it" }
                ?? "\(task) waits for \(name)"
        case "wait": return "\(task) waits until someone sets \(name)"
        case "get": return "\(task) waits for an item: \(name) is empty"
        case "put": return "\(task) waits for room: \(name) is full"
        default: return nil
        }
    }

    /// An operation on a resource (`acquired`, `set`, `got`, `put`) by task `actor` (its Python
    /// id, nil outside tasks), named `actorName`: when it ends the explained wait on it, say how.
    mutating func operation(_ op: String, by actor: Int?, named actorName: String?, on resource: Int, named name: String) -> String? {
        guard let wait = openWaits[resource] else { return nil }
        let byWaiter = actor == wait.id
        let text: String? = switch (wait.op, op) {
        case ("acquire", "acquired") where byWaiter:
            wait.holder.map { "\(wait.task) got \(name) once \($0) released it" } ?? "\(wait.task) got \(name)"
        case ("wait", "set"): "\(actorName ?? "the program") set \(name): \(wait.task) goes on"
        case ("get", "got") where byWaiter: "\(wait.task) got an item from \(name)"
        case ("put", "put") where byWaiter: "\(wait.task) found room in \(name)"
        default: nil
        }
        if text != nil { openWaits[resource] = nil }
        return text
    }

    /// A task ended with an exception.
    func failure(of task: String, error: String) -> String {
        "\(task) raised \(error): whoever awaits it gets the exception"
    }

    /// The program ended with status `status`; `error` is the last line of its traceback.
    func exit(status: Int32, error: String?, ranALoop: Bool) -> String? {
        guard status != 0 else {
            // Said either way: the last caption must not stay on a wait the run got past.
            return ranALoop ? "The program ended normally (exit status 0)"
                : "This program never started an event loop: there was nothing to schedule"
        }
        guard let error else { return "The program exited with status \(status)" }
        if error.contains("no running event loop") {
            return "\(error): asyncio.create_task needs a running loop. Create tasks inside a coroutine that asyncio.run runs"
        }
        if error.hasPrefix("AttributeError: module 'asyncio' has no attribute 'open'") {
            return "\(error): asyncio has no file API. Read files in a thread (asyncio.to_thread) or with a library such as aiofiles"
        }
        if error.hasPrefix("ModuleNotFoundError") {
            return "\(error): install it (python3 -m pip install …) to run this program"
        }
        return "The program stopped with \(error)"
    }
}

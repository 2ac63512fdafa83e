import Interleave
import InterleaveTrace

/// Captions for a Python program, made from its events (a program brings no captions of its
/// own): what a first contended wait means, a task's failure, and how the program ended, with a
/// word on the classic mistakes the lessons show.
struct PythonCaptions {
    /// Resources whose first contended wait has been explained.
    private var explained: Set<Int> = []

    /// A task began to wait on a resource: the first time per resource, say why.
    mutating func wait(of task: String, op: String?, on resource: Int?, named name: String?, holder: String?) -> String? {
        guard let resource, let name, explained.insert(resource).inserted else { return nil }
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

import Interleave

extension Catalogue {
    static let future = Demo(
        name: "future",
        title: "A Future: a result that arrives later",
        summary: "main awaits a future another task resolves after 1 s; then a future that fails",
        concept: "A future is a placeholder for a result someone else provides: awaiting it waits "
            + "until a value or an error is set, and an error set on it is thrown to the awaiter."
    ) { _ in
        let answer = Future<Int>("answer")
        spawn("solver") { try await solve(answer) }
        print("Waiting for the answer...")
        caption("main awaits the future; nothing has set it yet")
        let value = try await answer.value()
        print("The answer is \(value)")

        let page = Future<String>("page")
        spawn("downloader") { try await download(page) }
        do {
            print("Waiting for the page...")
            caption("main now awaits a second future, page; nothing has set it yet")
            _ = try await page.value()
        } catch {
            print("Caught an error: \(error)")
            caption("The downloader set an error on the future: awaiting it threw that error")
        }
    }
}

private func solve(_ answer: Future<Int>) async throws {
    try await sleep(for: .seconds(1))
    print("Setting the result")
    answer.setResult(42)
    caption("solver set the result: every task awaiting the future wakes up")
}

private func download(_ page: Future<String>) async throws {
    try await sleep(for: .seconds(1))
    print("Setting an error")
    page.setError(Exception("Connection reset"))
}

import Interleave

extension Catalogue {
    /// The aiohttp lesson on a real socket: fetch three pages with gather, then one by one.
    public static let fetch = Demo(
        name: "fetch",
        title: "Fetching web pages concurrently with gather",
        summary: "GET three pages from a local server (1.2 s, 0.8 s, 0.5 s): 1.2 s together, 2.5 s one by one",
        concept: "A task awaiting a network response leaves the loop free: gathered fetches overlap their "
            + "waits, so the total is the slowest response; awaiting them one by one adds the latencies up.",
        paced: false
    ) { _ in
        try await withLoopbackSite { client in
            caption("main started a web server on 127.0.0.1: /example answers in 1.2 s, "
                + "/python in 0.8 s, /swift in 0.5 s")
            try await fetchConcurrently(FetchSite.paths, with: client)
            try await fetchSequentially(FetchSite.paths, with: client)
        }
    }
}

/// Lets a test see the server and client a fetch run starts, without global state; a test
/// hook, so not public (tests reach it with `@testable import Demos`).
///
/// ```swift
/// FetchDemoProbe.$started.withValue({ server, client in ... }) {
///     Catalogue.fetch.start(on: loop, options: DemoOptions())   // the main task inherits it
/// }
/// ```
enum FetchDemoProbe {
    @TaskLocal static var started: (@Sendable (LoopbackServer, LoopbackHTTPClient) -> Void)?
}

/// The pages the local server plays, in the order the lesson fetches them.
enum FetchSite {
    static let pages: [LoopbackServer.Page] = [
        .init(path: "/example", latency: .milliseconds(1200), body: """
            <html><title>Example Domain</title><body><p>This domain is for use in documentation \
            examples.</p></body></html>
            """),
        .init(path: "/python", latency: .milliseconds(800), body: """
            <html><title>Welcome to Python.org</title><body><p>asyncio: write concurrent code with \
            async and await.</p></body></html>
            """),
        .init(path: "/swift", latency: .milliseconds(500), body: """
            <html><title>Swift.org</title><body><p>Swift concurrency: async/await, tasks and \
            actors.</p></body></html>
            """),
    ]
    static let paths = pages.map(\.path)
}

/// Runs `body` with a client of a freshly started local server, and stops both on every way out.
private func withLoopbackSite(_ body: (LoopbackHTTPClient) async throws -> Void) async throws {
    guard let loop = Loop.current else { preconditionFailure("the fetch demo runs on an Interleave loop") }
    let server = LoopbackServer(pages: FetchSite.pages)
    try server.start(loop: loop)
    guard let port = server.port else {
        server.shutdown()
        throw LoopbackServerError.noBoundPort
    }
    let client = LoopbackHTTPClient(port: port)
    FetchDemoProbe.started?(server, client)
    do {
        try await body(client)
    } catch {
        client.shutdown()
        server.shutdown()
        throw error
    }
    // The client first: its open requests fail at once rather than wait on a closing server.
    client.shutdown()
    server.shutdown()
}

/// The lesson's `gather`: one task per page, all waiting on the network at the same time.
private func fetchConcurrently(_ paths: [String], with client: LoopbackHTTPClient) async throws {
    let start = virtualNow()
    caption("Three fetch_url tasks send their requests at once; while they wait, the loop is free")
    let tasks = paths.map { path in
        spawn("fetch_url(\(path))") { try await client.text(path) }
    }
    // returnExceptions: a failed fetch is reported beside the others instead of cancelling them.
    let pages = try await gather(tasks, returnExceptions: true)
    for (path, page) in zip(paths, pages) { report(path, page) }
    print("Fetched \(paths.count) pages concurrently in \(formatSeconds(virtualNow() - start))")
    caption("Together they took as long as the slowest page (1.2 s): the three waits overlapped")
}

/// The same pages awaited one after another: each request starts when the previous one ends.
private func fetchSequentially(_ paths: [String], with client: LoopbackHTTPClient) async throws {
    let start = virtualNow()
    caption("Now main awaits each fetch before sending the next request")
    for path in paths {
        do {
            report(path, .success(try await client.text(path)))
        } catch let error where error is CancellationError || error is InjectedFault {
            throw error     // main itself was stopped: that is not a failed fetch
        } catch {
            report(path, .failure(error))
        }
    }
    print("Fetched \(paths.count) pages sequentially in \(formatSeconds(virtualNow() - start))")
    caption("One by one the latencies add up (1.2 + 0.8 + 0.5 = 2.5 s): nothing overlapped")
}

private func report(_ path: String, _ page: Result<String, any Error>) {
    switch page {
    case .success(let text): print("Content from \(path): \(text.prefix(40))...")
    case .failure(let error): print("Error fetching \(path): \(error)")
    }
}

/// The loop's virtual time, in nanoseconds.
private func virtualNow() -> Int64 {
    let (seconds, attoseconds) = (Loop.current?.now ?? .zero).components
    return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
}

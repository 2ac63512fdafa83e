import Foundation
@testable import Demos
import Interleave
import InterleaveUI
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The fetch demo over a real loopback socket: its times, its bytes, and the listener it must not leave.
///
/// Serialized: a port checked for "nothing listens here" must not be re-bound by a parallel run.
@Suite(.serialized) struct FetchDemoTests {
    @Test func gatherTakesTheSlowestPageAndOneByOneTheSum() {
        let run = FetchRun()
        #expect(run.line("Fetched 3 pages concurrently in 1.200s")?.time == 1.2)
        #expect(run.line("Fetched 3 pages sequentially in 2.500s")?.time == 3.7)
        #expect(run.lines.filter { $0.text.hasPrefix("Content from ") }.map(\.text) == Array(repeating: [
            "Content from /example: <html><title>Example Domain</title><body...",
            "Content from /python: <html><title>Welcome to Python.org</titl...",
            "Content from /swift: <html><title>Swift.org</title><body><p>S...",
        ], count: 2).flatMap { $0 })
        // Each gathered task ended when its own page arrived.
        #expect(run.ends(of: ["fetch_url(/swift)", "fetch_url(/python)", "fetch_url(/example)"]) == [0.5, 0.8, 1.2])
        #expect(run.events(.ioStarted).count == 6)
        #expect(run.loop.isFinished)
    }

    @Test func bytesCrossedARealSocket() throws {
        let run = FetchRun()
        let (server, client) = try #require(run.network)
        #expect(server.requestsServed == 6)
        #expect(client.bytesReceived > 0)
    }

    @Test func noListenerIsLeftAfterTheRun() throws {
        let run = FetchRun()
        let port = try #require(run.network?.0.port)
        #expect(run.listenedDuringRun)
        #expect(!listensInThisProcess(port: port))
    }

    @Test func plainOutputIsTheSameEveryRun() {
        let first = PlainReport(store: FetchRun().loop.store).render()
        let second = PlainReport(store: FetchRun().loop.store).render()
        #expect(first == second)
        #expect(first.contains("Fetched 3 pages concurrently in 1.200s"))
    }

    @Test func anInjectedIOFailureInMainIsReportedAndTheDemoGoesOn() throws {
        // main's first I/O of its own is the sequential GET /example.
        let run = FetchRun { loop, main in loop.inject(.ioFailure, into: main.id) }
        #expect(run.line("Error fetching /example: injected I/O failure")?.time == 1.2)
        #expect(run.line("Fetched 3 pages sequentially in 1.300s")?.time == 2.5)
        #expect(run.mainTask.result.map { (try? $0.get()) != nil } == true)
        #expect(run.network?.0.requestsServed == 5)
        #expect(!listensInThisProcess(port: try #require(run.network?.0.port)))
    }

    @Test func anInjectedIOFailureInAGatheredFetchLeavesTheOthers() {
        let run = FetchRun { loop, _ in
            // Step until the fetch tasks exist, then fail /python's request before it is sent.
            var python: Int?
            while python == nil, loop.step() {
                python = loop.store.tasks.snapshot().firstIndex { $0.name == "fetch_url(/python)" }
            }
            loop.inject(.ioFailure, into: TaskID(python ?? 0))
        }
        #expect(run.line("Error fetching /python: injected I/O failure")?.time == 1.2)
        #expect(run.line("Fetched 3 pages concurrently in 1.200s") != nil)
        #expect(run.line("Fetched 3 pages sequentially in 2.500s") != nil)
        #expect(run.mainTask.isFinished)
    }

    @Test(arguments: [1.0, 3.0])
    func cancellingMainMidFetchStopsTheServer(at seconds: Double) throws {
        let run = FetchRun { loop, main in
            loop.run(until: .milliseconds(seconds * 1000))
            loop.inject(.cancel, into: main.id)
        }
        #expect(run.loop.isFinished)
        #expect(run.mainTask.result.map { (try? $0.get()) == nil } == true)
        let port = try #require(run.network?.0.port)
        #expect(!listensInThisProcess(port: port))
    }

    @Test func theServerRefusesOverlongRequestsAndExtraConnections() throws {
        var limits = LoopbackServer.Limits()
        limits.maxConnections = 2
        let server = LoopbackServer(pages: [], limits: limits)
        try server.start(loop: Loop())
        defer { server.shutdown() }
        let port = try #require(server.port)
        let long = "GET /\(String(repeating: "x", count: 2000)) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        #expect(exchange(long, port: port).hasPrefix("HTTP/1.1 414"))
        let held = [connectedSocket(port: port), connectedSocket(port: port)]
        defer { held.forEach { close($0) } }
        // The third connection is accepted by the kernel, then closed by the server unanswered.
        #expect(exchange("GET /python HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", port: port).isEmpty)
    }
}

/// One headless fetch run, with the server and client it used.
private struct FetchRun {
    let loop: Loop
    let mainTask: LoopTask<Void>
    let network: (LoopbackServer, LoopbackHTTPClient)?
    let listenedDuringRun: Bool

    init(prepare: (Loop, LoopTask<Void>) -> Void = { _, _ in }) {
        let loop = Loop()
        let seen = Seen()
        self.loop = loop
        mainTask = FetchDemoProbe.$started.withValue({ server, client in
            seen.network.withLock { $0 = (server, client) }
            // Both ways, so the after-the-run check is known to see this server's listener.
            let port = server.port ?? 0
            seen.listened.store(acceptsConnections(port: port) && listensInThisProcess(port: port), ordering: .relaxed)
        }) {
            Catalogue.fetch.start(on: loop, options: DemoOptions())
        }
        prepare(loop, mainTask)
        loop.runUntilIdle()
        network = seen.network.withLock { $0 }
        listenedDuringRun = seen.listened.load(ordering: .relaxed)
    }

    struct Line { var time: Double, task: String, text: String }

    var lines: [Line] {
        events(.output).map {
            Line(time: Double($0.time) / 1e9, task: loop.store.taskName($0.task), text: text($0.arg))
        }
    }

    func line(_ text: String) -> Line? { lines.first { $0.text == text } }
    func events(_ kind: EventKind) -> [TraceEvent] { loop.store.events.snapshot().filter { $0.kind == kind } }
    func text(_ arg: Int64) -> String { loop.store.string(StringID(rawValue: UInt32(truncatingIfNeeded: arg))) }

    /// When each named task returned, in seconds.
    func ends(of names: [String]) -> [Double] {
        let returned = events(.taskReturned)
        return names.compactMap { name in
            returned.first { loop.store.taskName($0.task) == name }.map { Double($0.time) / 1e9 }
        }
    }
}

private final class Seen: Sendable {
    let network = Mutex<(LoopbackServer, LoopbackHTTPClient)?>(nil)
    let listened = Atomic<Bool>(false)
}

/// A TCP socket connected to 127.0.0.1:port, or -1.
private func connectedSocket(port: Int) -> Int32 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port)).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    if connected != 0 { close(fd); return -1 }
    return fd
}

/// True when something accepts TCP connections on 127.0.0.1:port.
private func acceptsConnections(port: Int) -> Bool {
    let fd = connectedSocket(port: port)
    if fd >= 0 { close(fd) }
    return fd >= 0
}

/// Sends `request` and reads until the server closes (at most 5 s per read), returning the reply.
private func exchange(_ request: String, port: Int) -> String {
    let fd = connectedSocket(port: port)
    guard fd >= 0 else { return "" }
    defer { close(fd) }
    var timeout = timeval(tv_sec: 5, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    _ = Array(request.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    var reply: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count <= 0 { break }
        reply += chunk[..<count]
    }
    return String(decoding: reply, as: UTF8.self)
}

/// Ports with a listening TCP socket on any IPv4 address, from /proc/net/tcp.
/// True if a socket of this process listens on `port`.
///
/// Asked of this process's own descriptors, not by connecting: tests that run at the same time
/// start other servers (the CLI's present and cast tests run the fetch demo), and one of them may
/// be given the ephemeral port this server just gave back.
private func listensInThisProcess(port: Int) -> Bool {
    let inodes = listeningSocketInodes(port: port)
    guard !inodes.isEmpty, let descriptors = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else {
        return false
    }
    return descriptors.contains { descriptor in
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(descriptor)") else {
            return false
        }
        return inodes.contains(target)
    }
}

/// The `socket:[inode]` names of sockets listening on `port`, from /proc/net/tcp.
private func listeningSocketInodes(port: Int) -> Set<String> {
    guard let table = try? String(contentsOfFile: "/proc/net/tcp", encoding: .utf8) else { return [] }
    var inodes = Set<String>()
    for line in table.split(separator: "\n").dropFirst() {
        // Fields: index, local "ADDR:PORT" in hex, remote, state ("0A" is LISTEN), …, inode (10th).
        let fields = line.split(separator: " ")
        guard fields.count > 9, fields[3] == "0A", let hex = fields[1].split(separator: ":").last,
              Int(hex, radix: 16) == port else { continue }
        inodes.insert("socket:[\(fields[9])]")
    }
    return inodes
}

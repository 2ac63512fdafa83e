import Interleave
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A minimal HTTP/1.1 client for a `LoopbackServer`, whose requests are awaited as loop I/O.
///
/// `get` wraps each request in `awaitIO`, so the calling task shows as waiting on the network
/// and virtual time waits while the request is on its way. One connection per request, closed
/// after the response, like `Connection: close`.
/// ```swift
/// let client = LoopbackHTTPClient(port: server.port!)
/// defer { client.shutdown() }
/// let response = try await client.get("/python")   // inside a loop task
/// ```
public final class LoopbackHTTPClient: Sendable {
    /// A response's status code and body text.
    public struct Response: Sendable, Equatable {
        public var status: Int
        public var body: String
    }

    public let port: Int
    /// Bodies longer than this fail the request rather than fill memory.
    public let maxBodyBytes: Int
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let stopped = Mutex(false)
    private let received = Atomic<Int>(0)

    public init(port: Int, maxBodyBytes: Int = 64 * 1024) {
        self.port = port
        self.maxBodyBytes = maxBodyBytes
    }

    /// Bytes read from the server's sockets so far: proof that requests crossed a real socket.
    public var bytesReceived: Int { received.load(ordering: .acquiring) }

    /// Sends `GET path` and awaits the whole response, as I/O of the calling loop task.
    public func get(_ path: String, file: StaticString = #fileID, line: UInt = #line) async throws -> Response {
        try await awaitIO("GET \(path)", file: file, line: line) { completion in send(path, completion) }
    }

    /// Fetches `path` and returns its body, or throws when the status is not 200.
    public func text(_ path: String, file: StaticString = #fileID, line: UInt = #line) async throws -> String {
        let response = try await get(path, file: file, line: line)
        guard response.status == 200 else { throw LoopbackHTTPError.status(response.status, path: path) }
        return response.body
    }

    /// Closes every connection and stops the client's thread; waits for it. Safe to repeat.
    public func shutdown() {
        let wasStopped = stopped.withLock { stopped in
            defer { stopped = true }
            return stopped
        }
        guard !wasStopped else { return }
        // A failed graceful shutdown leaves nothing we could close by other means.
        try? group.syncShutdownGracefully()
    }

    /// Starts the request; `completion` is resumed exactly once, whatever happens to the connection.
    private func send(_ path: String, _ completion: IOCompletion<Response>) {
        let port = port, maxBodyBytes = maxBodyBytes
        let bootstrap = ClientBootstrap(group: group).channelInitializer { [self] channel in
            channel.eventLoop.makeCompletedFuture {
                let operations = channel.pipeline.syncOperations
                try operations.addHandler(ByteCounter(client: self))
                try operations.addHTTPClientHandlers()
                try operations.addHandler(
                    ResponseCollector(path: path, port: port, maxBodyBytes: maxBodyBytes, completion: completion))
            }
        }
        // Connecting on a stopped group would be refused by NIO: fail the request instead.
        stopped.withLock { stopped in
            guard !stopped else { return completion.resume(throwing: LoopbackHTTPError.clientStopped) }
            bootstrap.connect(host: "127.0.0.1", port: port).whenFailure { completion.resume(throwing: $0) }
        }
    }

    fileprivate func noteReceived(_ count: Int) { received.add(count, ordering: .releasing) }
}

/// Why a loopback request failed.
public enum LoopbackHTTPError: Error, CustomStringConvertible, Equatable {
    case status(Int, path: String)
    case closedBeforeResponse(path: String)
    case bodyTooLarge(path: String)
    case clientStopped

    public var description: String {
        switch self {
        case .status(let code, let path): "GET \(path) answered HTTP \(code)"
        case .closedBeforeResponse(let path): "GET \(path): the connection closed before the response"
        case .bodyTooLarge(let path): "GET \(path): the response body is too large"
        case .clientStopped: "the HTTP client was shut down"
        }
    }
}

/// Counts the raw bytes a connection reads, before HTTP decoding.
private final class ByteCounter: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    private let client: LoopbackHTTPClient

    init(client: LoopbackHTTPClient) { self.client = client }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        client.noteReceived(unwrapInboundIn(data).readableBytes)
        context.fireChannelRead(data)
    }
}

/// Sends one GET when the connection opens and completes the awaiting I/O with the response.
private final class ResponseCollector: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private let path: String
    private let port: Int
    private let maxBodyBytes: Int
    private let completion: IOCompletion<LoopbackHTTPClient.Response>
    private var status = 0
    private var body: [UInt8] = []

    init(path: String, port: Int, maxBodyBytes: Int, completion: IOCompletion<LoopbackHTTPClient.Response>) {
        self.path = path
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.completion = completion
    }

    func channelActive(context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: "127.0.0.1:\(port)")
        headers.add(name: "Connection", value: "close")
        // Lets the server tell the loop which awaitIO this request belongs to.
        headers.add(name: LoopbackServer.ioTokenHeader, value: String(completion.token))
        let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: path, headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            status = Int(head.status.code)
        case .body(let buffer):
            guard body.count + buffer.readableBytes <= maxBodyBytes else {
                completion.resume(throwing: LoopbackHTTPError.bodyTooLarge(path: path))
                context.close(promise: nil)
                return
            }
            body.append(contentsOf: buffer.readableBytesView)
        case .end:
            completion.resume(returning: .init(status: status, body: String(decoding: body, as: UTF8.self)))
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        completion.resume(throwing: error)
        context.close(promise: nil)
    }

    /// The last word on every connection: if nothing completed the request yet, it failed.
    func channelInactive(context: ChannelHandlerContext) {
        completion.resume(throwing: LoopbackHTTPError.closedBeforeResponse(path: path))
        context.fireChannelInactive()
    }
}

import Interleave
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A small HTTP/1.1 server on 127.0.0.1 whose pages answer after latencies in a loop's virtual time.
///
/// It stands in for the websites of the aiohttp lesson. Each request for a page is handed to
/// `loop.respond(to:after:)`, so the response leaves when the loop's clock says so: pausing or slowing
/// the demo holds it. It listens on an ephemeral port of the loopback interface only, and refuses
/// connections and requests beyond small limits, so it can never become a real service.
/// ```swift
/// let server = LoopbackServer(pages: [.init(path: "/slow", latency: .seconds(1), body: "<p>slow</p>")])
/// try server.start(loop: loop)          // server.port is now the bound port
/// defer { server.shutdown() }
/// ```
public final class LoopbackServer: Sendable {
    /// The request header that carries the client's `IOCompletion.token`.
    static let ioTokenHeader = "X-Interleave-IO"

    /// A path the server answers, after its latency, with a fixed body.
    public struct Page: Sendable {
        public var path: String
        public var latency: Duration
        public var body: String
        public init(path: String, latency: Duration, body: String) {
            self.path = path
            self.latency = latency
            self.body = body
        }
    }

    /// Bounds on what a client may ask of the server.
    public struct Limits: Sendable {
        public var maxConnections = 64
        public var maxURIBytes = 1024
        public var maxHeaderBytes = 4096
        public var maxBodyBytes = 4096
        public init() {}
    }

    let pages: [String: Page]
    let limits: Limits
    private let state = Mutex(State())
    private let openConnections = Atomic<Int>(0)
    private let served = Atomic<Int>(0)

    private struct State {
        var group: MultiThreadedEventLoopGroup?
        var port: Int?
        var stopped = false
    }

    public init(pages: [Page], limits: Limits = Limits()) {
        self.pages = Dictionary(pages.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        self.limits = limits
    }

    /// The port the server listens on, once started (it stays known after shutdown).
    public var port: Int? { state.withLock { $0.port } }

    /// Page responses written so far.
    public var requestsServed: Int { served.load(ordering: .acquiring) }

    /// Binds 127.0.0.1 on an ephemeral port and serves until `shutdown()`.
    ///
    /// Requests for pages are answered through `loop.respond(to:after:)`, so each must come from an
    /// `awaitIO` on that loop (the loop counts them). On failure nothing is left open.
    public func start(loop: Loop) throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: Int32(limits.maxConnections))
            .childChannelInitializer { [self] channel in admit(channel, loop: loop) }
        do {
            let listener = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
            guard let port = listener.localAddress?.port else { throw LoopbackServerError.noBoundPort }
            try state.withLock { state in
                guard state.group == nil, !state.stopped else { throw LoopbackServerError.alreadyStarted }
                state.group = group
                state.port = port
            }
        } catch {
            // Nothing else references the group yet: closing it closes the listener too.
            try? group.syncShutdownGracefully()
            throw error
        }
    }

    /// Closes the listener and every connection and stops the server's thread; waits for it.
    ///
    /// Safe to call more than once and from any thread that is not the server's own.
    public func shutdown() {
        let group = state.withLock { state -> MultiThreadedEventLoopGroup? in
            state.stopped = true
            defer { state.group = nil }
            return state.group
        }
        // A failed graceful shutdown leaves nothing we could close by other means.
        try? group?.syncShutdownGracefully()
    }

    /// Runs `work` on `eventLoop` unless the server has stopped (a stopped loop refuses tasks).
    func execute(on eventLoop: any EventLoop, _ work: @escaping @Sendable () -> Void) {
        state.withLock { state in
            if !state.stopped { eventLoop.execute(work) }
        }
    }

    func noteServed() { served.add(1, ordering: .releasing) }

    /// Sets up a connection, or refuses it when too many are open.
    private func admit(_ channel: any Channel, loop: Loop) -> EventLoopFuture<Void> {
        let open = openConnections.add(1, ordering: .acquiringAndReleasing).newValue
        guard open <= limits.maxConnections else {
            openConnections.subtract(1, ordering: .acquiringAndReleasing)
            // A failed initializer makes the bootstrap close the accepted connection.
            return channel.eventLoop.makeFailedFuture(LoopbackServerError.tooManyConnections)
        }
        channel.closeFuture.whenComplete { [self] _ in
            openConnections.subtract(1, ordering: .acquiringAndReleasing)
        }
        var decoderLimits = NIOHTTPDecoderLimitConfiguration()
        decoderLimits.maxHeaderFieldSize = limits.maxHeaderBytes
        decoderLimits.maxHeaderListSize = limits.maxHeaderBytes
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                withEncoderConfiguration: .init(), withDecoderLimitConfiguration: decoderLimits)
            try channel.pipeline.syncOperations.addHandler(PageRequestHandler(server: self, loop: loop))
        }
    }
}

/// Why the server did not start or refused a connection.
public enum LoopbackServerError: Error, CustomStringConvertible {
    case noBoundPort
    case alreadyStarted
    case tooManyConnections

    public var description: String {
        switch self {
        case .noBoundPort: "the loopback server could not read back its bound port"
        case .alreadyStarted: "the loopback server was already started"
        case .tooManyConnections: "the loopback server refused a connection: too many are open"
        }
    }
}

/// Answers one connection's requests: pages after their latency, anything else at once.
final class PageRequestHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let server: LoopbackServer
    private let loop: Loop
    private var request: HTTPRequestHead?
    private var bodyBytes = 0
    private var refused = false

    init(server: LoopbackServer, loop: Loop) {
        self.server = server
        self.loop = loop
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            request = head
            bodyBytes = 0
            if head.uri.utf8.count > server.limits.maxURIBytes { refuse(.uriTooLong, context: context) }
        case .body(let buffer):
            bodyBytes += buffer.readableBytes
            if bodyBytes > server.limits.maxBodyBytes { refuse(.payloadTooLarge, context: context) }
        case .end:
            guard let head = request else { return }
            request = nil
            answer(head, context: context)
        }
    }

    private func answer(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        guard head.method == .GET else { return refuse(.methodNotAllowed, context: context) }
        guard let page = server.pages[head.uri] else {
            return Self.writeResponse(.notFound, "not found\n", context: context)
        }
        // The loop releases the response after the page's latency of its virtual time; then the
        // write must hop back to this connection's thread.
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        let eventLoop = context.eventLoop
        let token = head.headers.first(name: LoopbackServer.ioTokenHeader).flatMap { UInt64($0) }
        loop.respond(to: token, after: page.latency) { [server] in
            server.execute(on: eventLoop) {
                Self.writeResponse(.ok, page.body, context: bound.value)
                server.noteServed()
            }
        }
    }

    /// Answers with an error status and stops reading this connection.
    private func refuse(_ status: HTTPResponseStatus, context: ChannelHandlerContext) {
        refused = true
        Self.writeResponse(status, "\(status.reasonPhrase)\n", context: context)
    }

    /// Writes a whole response and closes the connection once it is sent.
    private static func writeResponse(_ status: HTTPResponseStatus, _ body: String, context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/html; charset=utf-8")
        headers.add(name: "Content-Length", value: String(body.utf8.count))
        headers.add(name: "Connection", value: "close")
        let head = HTTPResponseHead(version: .http1_1, status: status, headers: headers)
        context.write(NIOAny(HTTPServerResponsePart.head(head)), promise: nil)
        let buffer = context.channel.allocator.buffer(string: body)
        context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(buffer))), promise: nil)
        context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}

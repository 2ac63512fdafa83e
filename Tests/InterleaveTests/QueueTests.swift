import Testing
@testable import Interleave

/// Queue: capacity, FIFO order, no loss or duplication, taskDone and join.
@Suite struct QueueTests {
    @Test func oneProducerOneConsumerKeepsFIFOOrderWithinCapacity() throws {
        let loop = Loop()
        let queue = Queue<Int>("q", capacity: 2, on: loop)
        let maxSeen = Box(0)
        let got = try loop.run("main") {
            let producer = spawn("producer") {
                for item in 0..<20 {
                    try await queue.put(item)
                    maxSeen.value = max(maxSeen.value, queue.count)
                }
            }
            let consumer = spawn("consumer") {
                var got: [Int] = []
                for _ in 0..<20 {
                    got.append(try await queue.get())
                    try await sleep(for: .milliseconds(100))
                }
                return got
            }
            try await producer.value
            return try await consumer.value
        }
        #expect(got == Array(0..<20))
        #expect(maxSeen.value <= 2)
        #expect(loop.store.events(.queuePut).allSatisfy { $0.arg <= 2 })
        #expect(loop.now == .seconds(2))
    }

    @Test(arguments: [UInt64(21), 22, 23, 24, 25])
    func manyProducersAndConsumersLoseAndDuplicateNothing(seed: UInt64) throws {
        let loop = Loop(policy: .random(seed: seed))
        let queue = Queue<Int>("q", capacity: 3, on: loop)
        let got = Box<[Int]>([])
        try loop.run("main") {
            let producers = (0..<3).map { p in
                spawn("p\(p)") {
                    for k in 0..<10 {
                        try await queue.put(p * 100 + k)
                        #expect(queue.count <= 3)
                        if k % 3 == p { try await yield() }
                    }
                }
            }
            let consumers = (0..<2).map { c in
                spawn("c\(c)") {
                    while true {
                        let item = try await queue.get()
                        if item < 0 { return }
                        got.value.append(item)
                        try queue.taskDone()
                        if item % 2 == c { try await sleep(for: .milliseconds(10)) }
                    }
                }
            }
            _ = try await gather(producers)
            try await queue.join()
            for _ in consumers { try await queue.put(-1) }
            _ = try await gather(consumers)
        }
        #expect(got.value.sorted() == (0..<3).flatMap { p in (0..<10).map { p * 100 + $0 } })
        for p in 0..<3 {
            let mine = got.value.filter { $0 / 100 == p }
            #expect(mine == mine.sorted(), "items of one producer come out in the order it put them")
        }
        #expect(queue.isEmpty)
    }

    @Test func joinWaitsUntilEveryItemIsMarkedDone() throws {
        let loop = Loop()
        try loop.run("main") {
            let queue = Queue<String>("jobs")
            for job in ["a", "b", "c"] { try queue.putNowait(job) }
            spawn("worker") {
                while true {
                    _ = try await queue.get()
                    try await sleep(for: .seconds(1))
                    try queue.taskDone()
                }
            }
            try await queue.join()
            #expect(loop.now == .seconds(3))
            try await queue.join()   // nothing unfinished: returns at once
            #expect(loop.now == .seconds(3))
        }
        let world = Transcript.fold(loop.store)
        #expect(world.resources[loop.store.resourceID("jobs")!.index].aux == 0)
        // The worker still waits on the empty queue: a stuck task, reported when idle.
        #expect(world.deadlocked)
        #expect(Transcript.lints(loop.store) == [
            "main ended while 1 task(s) were still pending: worker",
            "worker waits forever on queue jobs, which nothing will change",
        ])
    }

    @Test func nonWaitingOperationsReportFullEmptyAndTooManyTaskDone() throws {
        let loop = Loop()
        try loop.run("main") {
            let queue = Queue<Int>("q", capacity: 1)
            #expect(throws: QueueError.empty) { try queue.getNowait() }
            try queue.putNowait(1)
            #expect(queue.isFull)
            #expect(throws: QueueError.full) { try queue.putNowait(2) }
            #expect(try queue.getNowait() == 1)
            try queue.taskDone()
            #expect(throws: QueueError.taskDoneTooOften) { try queue.taskDone() }
        }
    }

    @Test func anUnboundedQueueNeverBlocksPut() throws {
        let loop = Loop()
        try loop.run("main") {
            let queue = Queue<Int>("q", capacity: 0)
            for i in 0..<1000 { try await queue.put(i) }
            #expect(queue.count == 1000 && !queue.isFull)
            #expect(loop.now == .zero)
        }
        #expect(loop.store.events(.taskWaiting).isEmpty)
    }

    @Test func aBlockedPutterResumesWhenASlotFrees() throws {
        let loop = Loop()
        try loop.run("main") {
            let queue = Queue<Int>("q", capacity: 1)
            try await queue.put(1)
            let putter = spawn("putter") { try await queue.put(2); return loop.now }
            try await sleep(for: .seconds(2))
            #expect(try await queue.get() == 1)
            #expect(try await putter.value == .seconds(2))
            #expect(try await queue.get() == 2)
        }
        #expect(Transcript.events(loop.store, only: [.taskWaiting]) == ["0.000s putter waits to put into q (full)",
                                                                          "2.000s main awaits putter"])
    }

    @Test func aCancelledGetterDoesNotSwallowTheNextItem() throws {
        let loop = Loop()
        try loop.run("main") {
            let queue = Queue<Int>("q")
            let first = spawn("first") { try await queue.get() }
            let second = spawn("second") { try await queue.get() }
            try await sleep(for: .seconds(1))
            first.cancel()
            try await sleep(for: .seconds(1))
            try await queue.put(7)
            #expect(try await second.value == 7)
            await #expect(throws: CancellationError.self) { try await first.value }
            #expect(queue.isEmpty)
        }
    }
}

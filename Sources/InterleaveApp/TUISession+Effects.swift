import Foundation
import Interleave
import InterleaveUI

/// What each effect of the reducer does to the run, the cursor or the recording.
extension TUISession {
    func perform(_ effect: Effect) -> Outcome? {
        switch effect {
        case .pause:
            live?.runner.pause()
            player.playing = false
        case .resume:
            resume()
        case .step(let count):
            stepForward(count)
        case .stepBack(let count):
            cursor.seek(toStep: max(0, cursor.world.step - count))
            refreshFacts()
        case .runUntilTaskEvent(let task):
            if let live {
                resumeFromView()
                live.runner.runUntilNextEvent(of: task)
            } else {
                seekToNextEvent(of: task)
            }
        case .setSpeed(let speed):
            live?.runner.setSpeed(speed)
            player.speed = speed
            player.restartTicking()
        case .inject(let kind, let task):
            guard let live else { return nil }
            resumeFromView()
            live.runner.inject(Fault(kind, stall: live.stallDuration), into: task)
        case .restart:
            if let live {
                live.restart(paused: false, speed: state.speed)
                cursor = TraceCursor(store: live.store)
            } else {
                cursor.seek(toStep: 0)
                player.playing = true
            }
            stopRecordingIfStoreChanged()
            refreshFacts()
        case .quit:
            return .quit
        case .backToPicker:
            return closeRunForPicker()
        case .openDemo(let name):
            openDemo(named: name)
        case .toggleRecording:
            toggleRecording()
        case .seek(let step):
            cursor.seek(toStep: step)
            refreshFacts()
        case .seekCaption(let forward):
            seekCaption(forward: forward)
        case .loadPresentationItem(let index, let atEnd):
            loadPresentationItem(index, atEnd: atEnd)
        case .seekToEvent(let count):
            cursor.seek(toEvent: count)
            refreshFacts()
        case .explore(let step): startExploring(from: step)
        case .cancelExplore: cancelExploring()
        case .followExploreOffer: followExploreOffer()
        case .choose(let index): choose(index)
        case .undoChoice: undoChoice()
        case .setManualSchedule(let manual): setManualSchedule(manual)
        case .challengeSolved(let name, let choices): challengeSolved(name: name, choices: choices)
        }
        return nil
    }

    private func resume() {
        if let live {
            resumeFromView()
            live.runner.resume()
        } else {
            player.playing = true
            player.restartTicking()
        }
    }

    /// If the view was moved back, travel there: re-execute the run up to the viewed step.
    func resumeFromView() {
        guard let live, cursor.world.step < cursor.totalSteps else { return }
        let step = cursor.world.step
        live.rewind(to: step, events: cursor.world.eventCount, speed: state.speed)
        cursor = TraceCursor(store: live.store)
        cursor.catchUp()
        stopRecordingIfStoreChanged()
        refreshFacts()
        state.status = .rewound(toStep: step)
    }

    private func stepForward(_ count: Int) {
        if cursor.world.step + count <= cursor.totalSteps, cursor.world.step < cursor.totalSteps {
            cursor.seek(toStep: cursor.world.step + count)
            refreshFacts()
        } else if let live {
            live.runner.step(count)
        }
    }

    private func seekToNextEvent(of task: TaskID) {
        let events = store.events
        var index = cursor.world.eventCount
        while index < events.count {
            if events[index].task == task, events[index].kind != .taskResumed { break }
            index += 1
        }
        cursor.seek(toEvent: min(events.count, index + 1))
        refreshFacts()
    }

    private func seekCaption(forward: Bool) {
        let events = store.events
        let here = cursor.world.eventCount
        var target: Int?
        if forward {
            var index = here
            while index < events.count { if events[index].kind == .caption { target = index + 1; break }; index += 1 }
        } else {
            var index = max(0, here - 2)
            while index >= 0 { if events[index].kind == .caption { target = index + 1; break }; index -= 1 }
        }
        guard let target else {
            state.status = .message(forward ? "no later caption" : "no earlier caption")
            return
        }
        cursor.seek(toEvent: target)
        refreshFacts()
    }

    private func toggleRecording() {
        if let recorder {
            let path = recorder.path
            do {
                try recorder.finish()
                state.status = .message("recorded to \(path)")
            } catch {
                state.status = .message("\(error)")
            }
            self.recorder = nil
            return
        }
        let path = RecordingFileName.unused(demo: store.header.demoName, at: Date())
        do {
            let file = try TraceFileRecorder(path: path, store: store, exclusive: true)
            file.start()
            recorder = file
            state.status = .message("recording to \(path) (R stops)")
        } catch {
            if state.recording { _ = state.reduce(.toggleRecording) }
            state.status = .message("cannot record: \(error)")
        }
    }

    /// A restart or rewind makes a new trace; a recording follows the run it started on.
    func stopRecordingIfStoreChanged() {
        guard let recorder, recorder.storeIdentity != ObjectIdentifier(store) else { return }
        try? recorder.finish()
        self.recorder = nil
        if state.recording { _ = state.reduce(.toggleRecording) }
        state.status = .message("recording stopped: the run restarted")
    }
}

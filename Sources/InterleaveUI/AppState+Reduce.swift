import InterleaveTrace

/// The reducer: every key, click and trace update goes through here.
extension AppState {
    /// Applies one action and returns what the driver must do; never touches the runtime or the trace.
    ///
    /// Moving through time (step, seek, captions) pauses first, as a debugger does, so that what
    /// the user asked to see stays on screen.
    /// ```swift
    /// var state = AppState()
    /// state.reduce(.faster)   // [.setSpeed(2)]
    /// ```
    public mutating func reduce(_ action: Action) -> [Effect] {
        // Enter takes explore's offer while it shows, before the note goes.
        if action == .toggleDetail, let effects = takeExploreOffer() { return effects }
        // Enter on an offered lane chooses it, when the run waits for a choice.
        if action == .toggleDetail, mode != .picker, let effects = chooseSelected() { return effects }
        // A note answers the last command; the next command replaces it.
        if action.isCommand { status = nil }
        // A number is typed digit by digit; any other key ends it.
        if action.isCommand, !action.isPresentDigit { typedItemNumber = nil }
        if mode == .picker { return reduceInPicker(action) }
        // A question on screen takes the keys that would answer it or step past it.
        if let effects = reduceWhilePredicting(action) { return effects }
        switch action {
        case .togglePause:
            // Held at a stop, resuming means going on to the next one.
            if deck?.waiting == true { return presentNext() }
            if mode == .paused {
                mode = runningMode
                rewoundTo = nil
                return [.resume]
            }
            mode = .paused
            return [.pause]
        case .stepForward:
            if awaitingChoice, step >= latestStep {
                status = .message("your choice first: press 1-\(choiceOffer.count) for the task to run")
                return pausing([])
            }
            if ended, step >= latestStep, !isReplay { status = .runEnded; return pausing([]) }
            if deadlocked, step >= latestStep, !isReplay { status = .deadlocked; return pausing([]) }
            if isReplay, step >= latestStep { status = .atEnd; return pausing([]) }
            return pausing([.step(1)])
        case .stepBack:
            guard step > 0 else { status = .atStart; return pausing([]) }
            return pausing([.stepBack(1)])
        case .runUntilSelectedTaskEvent:
            guard let task = selected else { status = .needsSelection; return [] }
            return pausing([.runUntilTaskEvent(task)])
        case .faster, .slower:
            let next = speedExponent + (action == .faster ? 1 : -1)
            guard Self.speedExponents.contains(next) else {
                status = .message(action == .faster ? "already at the fastest speed" : "already at the slowest speed")
                return []
            }
            speedExponent = next
            status = .speed(speedLabel())
            return [.setSpeed(speed)]
        case .selectNext, .selectPrevious:
            // Arrows act on the focused pane: lanes in the timeline, lines elsewhere.
            let delta = action == .selectNext ? 1 : -1
            if focus == .timeline { moveSelection(by: delta) } else { scrollPane(focus, by: delta) }
        case .toggleDetail:
            if selected == nil {
                guard let first = taskOrder.first else { status = .needsSelection; return [] }
                selected = first
            }
            showDetail.toggle()
        case .injectFail: return inject(.fail)
        case .injectCancel: return inject(.cancel)
        case .injectStall: return inject(.stall)
        case .restart:
            mode = runningMode
            rewoundTo = nil
            timeAxisSpan = 0
            showDetail = false
            deadlocked = false
            ended = false
            scroll = ScrollOffsets()
            status = nil
            deck?.waiting = false
            deck?.finished = false
            prediction?.restart()
            // A search from the old run's state would offer a continuation of a run now gone.
            exploringFrom = nil
            if challenge != nil {
                challenge?.solvedWith = nil
                challenge?.showingSuccess = false
            }
            return [.restart]
        case .focusNext:
            let panes = layout.visiblePanes
            let index = panes.firstIndex(of: focus) ?? -1
            focus = panes.isEmpty ? .timeline : panes[(index + 1) % panes.count]
        case .toggleHelp:
            showHelp.toggle()
        case .quit:
            // A demo chosen in the picker closes back to it, as a dialog opened from a list does.
            if returnsToPicker, picker != nil { return leaveForPicker() }
            shouldQuit = true
            return [.quit]
        case .quitProgram:
            shouldQuit = true
            return [.quit]
        case .toggleRecording:
            recording.toggle()
            status = .recording(recording)
            return [.toggleRecording]
        case .seekStart:
            return pausing([.seek(toStep: 0)])
        case .seekEnd:
            guard step < latestStep else { status = .atEnd; return [] }
            return [.seek(toStep: latestStep)]
        case .previousCaption:
            return pausing([.seekCaption(forward: false)])
        case .nextCaption:
            return pausing([.seekCaption(forward: true)])
        case .backToPicker:
            // Esc closes the innermost overlay first, the way every dialog does.
            if showHelp { showHelp = false; return [] }
            if showDetail { showDetail = false; return [] }
            if challenge?.showingSuccess == true { challenge?.showingSuccess = false; return [] }
            if challenge?.hintOpen == true { challenge?.hintOpen = false; return [] }
            // A presentation has no picker to go back to.
            return deck == nil ? leaveForPicker() : []
        case .pickerMove, .pickerFirst, .pickerLast, .pickerOpen:
            // Bound only in the picker.
            break
        case .demoOpened(let speed):
            openRun(speed: speed)
        case .togglePresentation:
            presentation.toggle()
            keepFocusVisible()
            clampTimelineScroll()
        case .pageUp, .pageDown:
            scrollPage(down: action == .pageDown)
        case .click(let x, let y):
            click(x: x, y: y)
        case .scroll(let x, let y, let lines):
            if let pane = layout.pane(atX: x, y: y) { scrollPane(pane, by: lines) }
        case .resize(let newWidth, let newHeight):
            width = newWidth
            height = newHeight
            keepFocusVisible()
            keepSelectionVisible()
        case .worldChanged(let facts):
            let newlyDeadlocked = facts.deadlocked && !deadlocked
            apply(facts)
            // A live run stops at a deadlock, as a debugger stops at a fault: nothing can move
            // until the user breaks the cycle (f or c on a task in it).
            let challengeEffects = noteChallengeProgress(facts)
            if newlyDeadlocked, !isReplay, mode == .live, step >= latestStep {
                mode = .paused
                return [.pause] + challengeEffects + holdIfAtStop() + askIfAtQuestion()
            }
            return challengeEffects + holdIfAtStop() + askIfAtQuestion()
        case .clearStatus:
            status = nil
        case .explore:
            return explore()
        case .exploreFinished(let result):
            exploreFinished(result)
        case .presentNext:
            return presentNext()
        case .presentBack:
            return presentBack()
        case .presentDigit(let digit):
            return presentDigit(digit)
        case .presentationItemLoaded(let deck, let speed):
            return show(deck, speed: speed)
        case .chooseReady(let number):
            return chooseReady(number)
        case .toggleManualSchedule:
            return toggleManualSchedule()
        case .showHint:
            return showHint()
        case .undoChoice:
            guard manualSchedule, !isReplay else { status = .message("b undoes choices made by hand (m)"); return [] }
            return undoChoice()
        case .challengeOpened(let info):
            challengeOpened(info)
        case .predictAnswer, .predictContinue:
            // A question on screen took these above; without one there is nothing to answer.
            status = .message("no question to answer now")
        case .predictionsLoaded(let session):
            prediction = session
        }
        return []
    }

    /// Pauses first when something is running, then does `effects`.
    mutating func pausing(_ effects: [Effect]) -> [Effect] {
        guard mode != .paused else { return effects }
        mode = .paused
        return [.pause] + effects
    }

    private mutating func inject(_ fault: FaultKind) -> [Effect] {
        guard !isReplay else { status = .needsRuntime; return [] }
        guard let task = selected else { status = .needsSelection; return [] }
        if task.index < taskStates.count, taskStates[task.index].isFinished {
            // Nothing is injected, so nothing is logged: the task is past any fault.
            status = .alreadyFinished(task, taskStates[task.index])
            return []
        }
        status = .injected(fault, task)
        // Stopped at a deadlock, the fault is what the run waited for: go on at once.
        if deadlocked, mode == .paused, step >= latestStep {
            mode = runningMode
            return [.inject(fault, task), .resume]
        }
        return [.inject(fault, task)]
    }

    private mutating func apply(_ facts: WorldFacts) {
        if facts.step != step { scroll[.code] = 0 }
        step = facts.step
        latestStep = facts.latestStep
        taskOrder = facts.taskOrder
        deadlocked = facts.deadlocked
        ended = facts.ended
        // "running again from there" is no longer true of a run that has ended since.
        if ended, case .rewound = status { status = nil }
        eventCount = facts.eventCount
        resourceCount = facts.resourceCount
        taskStates = facts.taskStates
        choiceOffer = facts.choiceOffer
        choicesMade = facts.choicesMade
        timeAxisSpan = max(timeAxisSpan, facts.time)
        rewoundTo = !isReplay && step < latestStep ? step : nil
        if let task = selected, task.index >= taskOrder.count { selected = nil; showDetail = false }
        scroll[.log] = min(scroll[.log], max(0, eventCount - 1))
        scroll[.output] = min(scroll[.output], max(0, eventCount - 1))
        // A presented item's trace is whole, so its timeline is sized once for all its lanes;
        // a live run or a replay makes room as lanes appear (and never takes it back), so that a
        // replay lays out at each step as the live run did.
        laneBudget = max(deck?.laneCount ?? laneBudget, facts.taskOrder.count)
        scroll[.resources] = min(scroll[.resources], max(0, resourceCount * 2 - 1))
        clampTimelineScroll()
    }
}

extension Action {
    var isPresentDigit: Bool { if case .presentDigit = self { true } else { false } }

    /// True for what the user does (keys, clicks), false for what the driver reports.
    var isCommand: Bool {
        switch self {
        case .worldChanged, .resize, .clearStatus, .scroll, .presentationItemLoaded, .demoOpened, .exploreFinished,
            .challengeOpened, .predictionsLoaded: false
        default: true
        }
    }
}

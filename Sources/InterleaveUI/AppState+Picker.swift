/// The picker as a mode of the session: its keys, and the switches between it and a run.
extension AppState {
    /// Applies an action while the picker shows; run actions do nothing here.
    ///
    /// ```swift
    /// var state = AppState(picker: PickerState(entries: entries))
    /// state.reduce(.pickerMove(1))   // []
    /// state.reduce(.pickerOpen)      // [.openDemo(entries[1].name)]
    /// ```
    mutating func reduceInPicker(_ action: Action) -> [Effect] {
        switch action {
        case .pickerMove(let delta): picker?.move(by: delta)
        case .pickerFirst: picker?.moveToFirst()
        case .pickerLast: picker?.moveToLast()
        case .pageUp, .pageDown:
            let rows = max(1, PickerView.listRows(height: height) - 1)
            picker?.move(by: action == .pageDown ? rows : -rows)
        case .scroll(_, _, let lines):
            // One demo per wheel notch: the list is short and each row is a choice.
            picker?.move(by: lines.signum())
        case .click(_, let y):
            guard let picker, let row = PickerView.row(atY: y, height: height),
                  let index = picker.entry(atRow: row, visible: PickerView.listRows(height: height)) else { break }
            self.picker?.move(by: index - picker.selected)
        case .pickerOpen:
            guard let name = picker?.highlighted?.name else { break }
            return [.openDemo(name)]
        case .demoOpened(let speed):
            openRun(speed: speed)
        case .toggleManualSchedule:
            picker?.manualSchedule.toggle()
            status = .message(picker?.manualSchedule == true
                ? "demos open with a manual schedule: you choose which ready task runs"
                : "demos open with the FIFO schedule, asyncio's order")
        case .toggleHelp:
            showHelp.toggle()
        case .quit, .backToPicker:
            // Esc closes the help first, as it does over a run.
            if showHelp { showHelp = false; return [] }
            shouldQuit = true
            return [.quit]
        case .quitProgram:
            shouldQuit = true
            return [.quit]
        case .resize(let newWidth, let newHeight):
            width = newWidth
            height = newHeight
        default:
            break
        }
        return []
    }

    /// A fresh run's state for the demo the picker started, keeping the picker to return to.
    mutating func openRun(speed: Double) {
        var run = AppState(width: width, height: height, speed: speed, presentation: presentation)
        run.picker = picker
        run.returnsToPicker = true
        run.manualSchedule = picker?.manualSchedule ?? false
        self = run
    }

    /// Leaves the run for the picker, forgetting the run's state; a session with no picker
    /// ends instead (the driver's part).
    mutating func leaveForPicker() -> [Effect] {
        guard let picker else { return [.backToPicker] }
        self = AppState(picker: picker, width: width, height: height, presentation: presentation)
        return [.backToPicker]
    }
}

// Users of the runtime see trace ids and events without a second import.
@_exported import InterleaveTrace

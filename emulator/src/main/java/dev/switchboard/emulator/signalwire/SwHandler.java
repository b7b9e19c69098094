package dev.switchboard.emulator.signalwire;

import dev.switchboard.emulator.server.ApiResponse;

/** One SignalWire route. */
@FunctionalInterface
interface SwHandler {
    ApiResponse handle(SwCall call);
}

package dev.switchboard.emulator.daily;

import dev.switchboard.emulator.server.ApiResponse;

/** A Daily route's handler; runs while holding the provider's lock. */
@FunctionalInterface
interface DailyHandler {
    ApiResponse handle(DailyCall call);
}

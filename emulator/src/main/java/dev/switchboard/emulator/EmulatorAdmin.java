package dev.switchboard.emulator;

import dev.switchboard.emulator.daily.DailyAdmin;
import dev.switchboard.emulator.daily.DailyProvider;
import dev.switchboard.emulator.signalwire.SignalWireAdmin;
import dev.switchboard.emulator.signalwire.SignalWireProvider;
import dev.switchboard.emulator.server.EmulatorCore;
import dev.switchboard.emulator.server.FaultRule;
import dev.switchboard.emulator.server.Json;
import dev.switchboard.emulator.server.RateLimits;
import dev.switchboard.emulator.server.RequestLogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The Java side of the admin API ({@code /__admin/}), plus per-provider set-up helpers. Thread-safe. */
public final class EmulatorAdmin {
    private final EmulatorCore core;
    private final DailyAdmin daily;
    private final SignalWireAdmin signalwire;

    EmulatorAdmin(EmulatorCore core, DailyProvider dailyProvider, SignalWireProvider signalwireProvider) {
        this.core = core;
        this.daily = new DailyAdmin(dailyProvider);
        this.signalwire = new SignalWireAdmin(signalwireProvider);
    }

    /** Back to the start: initial state, clock, fault rules and rate limits; the request log is emptied. */
    public void reset() {
        core.reset();
    }

    /** Replaces all state with a state document (see docs/emulator.md); invalid input changes nothing. */
    public void loadState(String json) {
        core.loadState(Json.parse(json));
    }

    /** The whole state as a state document; {@link #loadState(String)} takes it back. */
    public String dumpState() {
        return Json.pretty(core.dumpState());
    }

    public Instant now() {
        return core.clock().now();
    }

    public void advanceClock(Duration duration) {
        core.clock().advance(duration);
    }

    public void setClock(Instant instant) {
        core.clock().set(instant);
    }

    public void addFault(FaultRule rule) {
        core.faults().add(rule);
    }

    /** Removes every fault rule and re-seeds the fault RNG. */
    public void clearFaults() {
        core.faults().clear();
    }

    /** The active rules; count rules show their remaining count. */
    public List<FaultRule> faults() {
        return core.faults().rules();
    }

    public List<RequestLogEntry> requests() {
        return core.requestLog().entries();
    }

    public void clearRequests() {
        core.requestLog().clear();
    }

    public RateLimits rateLimits() {
        return core.rateLimiter().limits();
    }

    /** Replaces the rate limits and forgets the requests counted so far. */
    public void setRateLimits(RateLimits limits) {
        core.rateLimiter().configure(limits);
    }

    /** Daily set-up helpers: domains, numbers, dial-in configs, caller IDs, participants. */
    public DailyAdmin daily() {
        return daily;
    }

    /** SignalWire set-up helpers: projects, numbers, call and message records, verification codes. */
    public SignalWireAdmin signalwire() {
        return signalwire;
    }
}

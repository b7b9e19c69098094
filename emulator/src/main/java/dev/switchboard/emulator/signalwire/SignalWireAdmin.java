package dev.switchboard.emulator.signalwire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.Json;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Test and demo set-up of the SignalWire emulator's state, in Java. Rule violations are
 * {@link IllegalArgumentException}s. The emulated clock is moved through the emulator's main admin handle.
 */
public final class SignalWireAdmin {
    private final SignalWireProvider provider;

    /** A project as set up. Emulator tokens are fake, so they are plain strings here. */
    public record ProjectInfo(String projectId, List<String> apiTokens, int numberLimit, int releaseCooldownDays) {
    }

    public SignalWireAdmin(SignalWireProvider provider) {
        this.provider = provider;
    }

    public ProjectInfo createProject(String projectId, String apiToken) {
        return provider.withState(state -> info(state.addProject(projectId, List.of(apiToken))));
    }

    public List<ProjectInfo> projects() {
        return provider.withState(state -> state.projects().stream().map(SignalWireAdmin::info).toList());
    }

    /** Sets how many numbers the project may buy (SignalWire's default is 1000). */
    public void setNumberLimit(String projectId, int limit) {
        provider.withState(state -> project(state, projectId).numberLimit = limit);
    }

    /** Sets the release cooldown (14 days; 30 on trial accounts). */
    public void setReleaseCooldownDays(String projectId, int days) {
        provider.withState(state -> project(state, projectId).releaseCooldownDays = days);
    }

    /** How long the emulated carrier takes to activate or remove an E911 registration (default 5 minutes). */
    public void setE911Delay(Duration delay) {
        provider.withState(state -> state.e911Delay = delay);
    }

    /** Gives the project a number bought at {@code purchasedAt} (any E.164 number nobody owns); returns its id. */
    public String addNumber(String projectId, String number, Instant purchasedAt) {
        return provider.withState(state -> state.own(project(state, projectId), number, purchasedAt, null).id());
    }

    /** Makes the carrier reject E911 registrations that use this address (they end {@code failed}). */
    public void failE911For(String projectId, String addressId) {
        provider.withState(state -> project(state, projectId).failingE911Addresses.add(addressId));
    }

    /** The code the last verification call read out, as the person answering would hear it. */
    public String verificationCode(String projectId, String callerIdId) {
        return provider.withState(state -> {
            Verification verification = project(state, projectId).verifications.get(callerIdId);
            if (verification == null) {
                throw new IllegalArgumentException("no verified caller id " + callerIdId);
            }
            return verification.code;
        });
    }

    /** Records a call in the LaML call list; {@code startTime} null means now. Returns its sid. */
    public String addCall(String projectId, String from, String to, String direction, Instant startTime,
                          long durationSeconds) {
        ObjectNode input = Json.object().put("from", from).put("to", to).put("direction", direction)
                .put("start_time", startTime == null ? null : startTime.toString()).put("duration", durationSeconds);
        return provider.withState(state -> {
            SwProject project = project(state, projectId);
            SwRecord call = LamlRecords.call(state, project, input);
            project.calls.put(call.id(), call);
            return call.id();
        });
    }

    /** Records a message in the LaML message list; {@code sent} null means now. Returns its sid. */
    public String addMessage(String projectId, String from, String to, String direction, Instant sent) {
        ObjectNode input = Json.object().put("from", from).put("to", to).put("direction", direction)
                .put("date_sent", sent == null ? null : sent.toString());
        return provider.withState(state -> {
            SwProject project = project(state, projectId);
            SwRecord message = LamlRecords.message(state, project, input);
            project.messages.put(message.id(), message);
            return message.id();
        });
    }

    /** How many numbers the project owns. */
    public int numberCount(String projectId) {
        return provider.withState(state -> project(state, projectId).numbers.size());
    }

    private static SwProject project(SwState state, String projectId) {
        return state.project(projectId).orElseThrow(() -> new IllegalArgumentException("no project " + projectId));
    }

    private static ProjectInfo info(SwProject project) {
        return new ProjectInfo(project.projectId, List.copyOf(project.tokens), project.numberLimit,
                project.releaseCooldownDays);
    }
}

package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.emulator.server.ApiException;
import dev.switchboard.emulator.server.ApiRequest;
import dev.switchboard.emulator.server.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Test and demo set-up of the Daily emulator's state, in Java. Configs and caller IDs go through the same rules
 * as the API; a rule violation is an {@link IllegalArgumentException} with Daily's error info.
 */
public final class DailyAdmin {
    private final DailyProvider provider;

    /** A domain as set up. Emulator keys are fake, so they are plain strings here. */
    public record DomainInfo(String name, String id, List<String> apiKeys) {
    }

    /** A number as owned by a domain. */
    public record NumberInfo(String id, String number, long paginationId, Instant createdDate) {
    }

    public DailyAdmin(DailyProvider provider) {
        this.provider = provider;
    }

    public DomainInfo createDomain(String name, String apiKey) {
        return provider.withState(state -> info(state.addDomain(name, null, List.of(apiKey),
                DailyDomain.defaultSettings())));
    }

    public List<DomainInfo> domains() {
        return provider.withState(state -> state.domains().stream().map(DailyAdmin::info).toList());
    }

    /** Gives the domain a number purchased now (emulated clock). */
    public NumberInfo addNumber(String domainName, String number) {
        return provider.withState(state -> addNumber(state, domainName, number, state.now()));
    }

    /** Gives the domain a number purchased at {@code purchasedAt}, e.g. more than 14 days ago. */
    public NumberInfo addNumber(String domainName, String number, Instant purchasedAt) {
        return provider.withState(state -> addNumber(state, domainName, number, purchasedAt));
    }

    /** Creates a {@code /domain-dialin-config} entry; returns its id. {@code config} holds the flat fields. */
    public String addDialinConfig(String domainName, String type, Map<String, ?> config) {
        ObjectNode body = Json.MAPPER.valueToTree(config);
        body.put("type", type);
        return callRoute(domainName, body, call -> new DialinConfigRoutes().create(call)).path("id").asText();
    }

    public void addVerifiedCallerId(String domainName, String number, String name) {
        callRoute(domainName, Json.object().put("number", number).put("name", name), CallerIdRoutes::create);
    }

    /** Puts a simulated participant in a room (joined now); returns the participant's session id. */
    public String addParticipant(String domainName, String room, String userName, String userId) {
        return provider.withState(state -> {
            DailyDomain domain = state.domain(domainName);
            Participant participant = new Participant(state.newId(), room, userId, userName,
                    state.meetingSession(domain, room), state.now());
            domain.participants.add(participant);
            return participant.id();
        });
    }

    public boolean removeParticipant(String domainName, String participantId) {
        return provider.withState(state -> state.domain(domainName).participants
                .removeIf(p -> p.id().equals(participantId)));
    }

    private static NumberInfo addNumber(DailyState state, String domainName, String number, Instant purchasedAt) {
        if (!E164.valid(number)) {
            throw new IllegalArgumentException("not an E.164 number: " + number);
        }
        PhoneNumber added = state.purchase(state.domain(domainName), number, purchasedAt);
        return new NumberInfo(added.id(), added.number(), added.paginationId(), added.createdDate());
    }

    private ObjectNode callRoute(String domainName, ObjectNode body, DailyHandler handler) {
        return provider.withState(state -> {
            DailyDomain domain = state.domain(domainName);
            ApiRequest request = new ApiRequest("POST", DailyProvider.PREFIX, null, Map.of(), Map.of(),
                    Json.bytes(body));
            try {
                return (ObjectNode) handler.handle(new DailyCall(request, domain, Map.of(), state)).body();
            } catch (ApiException e) {
                throw new IllegalArgumentException(Json.text(e.response().body(), "info"), e);
            }
        });
    }

    private static DomainInfo info(DailyDomain domain) {
        return new DomainInfo(domain.name, domain.id, domain.apiKeys);
    }
}

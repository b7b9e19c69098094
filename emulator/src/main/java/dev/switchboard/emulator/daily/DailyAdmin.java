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

    /** A live simulated SIP/PSTN call. {@code dailyNumber} is the purchased number it uses, null for SIP. */
    public record CallInfo(String sessionId, String room, String direction, String remote, String dailyNumber) {
    }

    /** An inbound pinless call placed by {@link #placeInboundCall}: the webhook's ids and the receiver's status. */
    public record InboundCall(String callId, String callDomain, String roomCreationApi, int webhookStatus) {
    }

    /** One webhook delivery attempt; {@code status} 0 = unreachable, -1 = skipped (webhook FAILED). */
    public record WebhookDelivery(String webhookUuid, String eventType, String eventId, int status) {
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

    /**
     * Connects a caller straight into a room, as if the dial-in had been routed (participant.joined and
     * dialin.connected fire). {@code from} is {@code +E.164} (PSTN) or {@code sip:...}; {@code dailyNumber} is the
     * domain's purchased number that was dialled, or null for a SIP dial-in. Returns the session id.
     */
    public String dialIn(String domainName, String from, String room, String dailyNumber) {
        if (!E164.valid(from) && (from == null || !from.regionMatches(true, 0, "sip:", 0, 4))) {
            throw new IllegalArgumentException("from must be E.164 or a sip: URI");
        }
        return provider.withState(state -> {
            DailyDomain domain = state.domain(domainName);
            if (!domain.rooms.containsKey(room)) {
                throw new IllegalArgumentException("no room " + room + " in " + domainName);
            }
            if (dailyNumber != null && !state.owns(domain, dailyNumber)) {
                throw new IllegalArgumentException(dailyNumber + " is not owned by " + domainName);
            }
            return Telephony.join(state, domain, room, CallSession.Direction.DIALIN, from, dailyNumber, null, from,
                    null, null, true).sessionId();
        });
    }

    /**
     * Places a call from {@code from} to the purchased number {@code to}, routed by its pinless config (modern or
     * legacy): the call is held and the config's {@code room_creation_api} receives the signed pinless webhook
     * ({@code X-Pinless-Signature}, {@code X-Pinless-Timestamp} in milliseconds) with {@code To, From, callId,
     * callDomain}; {@code POST /dialin/pinlessCallUpdate} then connects it to a room. Sent before this returns.
     */
    public InboundCall placeInboundCall(String from, String to) {
        record Routed(HeldCall call, String domainId, String url, String hmac) {
        }
        Routed routed = provider.withState(state -> {
            DailyDomain owner = state.ownerOf(to).orElseThrow(() ->
                    new IllegalArgumentException(to + " is not a purchased number"));
            ObjectNode config = state.configUsing(to, null).map(DialinConfig::config)
                    .orElseGet(() -> legacyPinless(owner, to));
            if (config == null || Json.text(config, "room_creation_api") == null) {
                throw new IllegalArgumentException("no pinless dial-in config routes " + to);
            }
            HeldCall call = new HeldCall(state.newId(), from, to);
            owner.heldCalls.put(call.callId(), call);
            return new Routed(call, owner.id, Json.text(config, "room_creation_api"), Json.text(config, "hmac"));
        });
        ObjectNode body = Json.object().put("To", to).put("From", from).put("callId", routed.call().callId())
                .put("callDomain", routed.domainId());
        int status = provider.webhooks().sendSigned(routed.url(), routed.hmac(), "X-Pinless", true, null,
                Json.bytes(body));
        return new InboundCall(routed.call().callId(), routed.domainId(), routed.url(), status);
    }

    /**
     * The far end hangs up: a live session leaves its room (participant.left, dialin/dialout.stopped, and
     * calltransfer.completed if a transfer brought it there); for an anchored transfer to an external target, give
     * the transferred session id to end the external leg (calltransfer.completed). False when nothing was live.
     */
    public boolean hangUp(String domainName, String sessionId) {
        return provider.withState(state -> {
            DailyDomain domain = state.domain(domainName);
            CallSession session = domain.sessions.get(sessionId);
            if (session != null) {
                Telephony.leave(state, domain, session);
                return true;
            }
            ActiveTransfer transfer = domain.transfers.values().stream()
                    .filter(t -> t.sessionId().equals(sessionId) && t.landedSessionId() == null).findFirst().orElse(null);
            if (transfer != null) {
                Telephony.complete(state, domain, transfer);
                return true;
            }
            return false;
        });
    }

    public List<CallInfo> calls(String domainName) {
        return provider.withState(state -> state.domain(domainName).sessions.values().stream()
                .map(s -> new CallInfo(s.sessionId(), s.room(), s.direction().name().toLowerCase(java.util.Locale.ROOT),
                        s.remote(), s.dailyNumber())).toList());
    }

    /** The DTMF tone strings sent on a live session, in order. */
    public List<String> dtmfSent(String domainName, String sessionId) {
        return provider.withState(state -> {
            CallSession session = state.domain(domainName).sessions.get(sessionId);
            if (session == null) {
                throw new IllegalArgumentException("no live session " + sessionId);
            }
            return List.copyOf(session.dtmf());
        });
    }

    /** Waits until every queued webhook event has been delivered (or given up on); false on timeout. */
    public boolean awaitWebhookDeliveries(java.time.Duration timeout) throws InterruptedException {
        return provider.webhooks().awaitIdle(timeout);
    }

    /** Every webhook delivery attempt so far, oldest first. */
    public List<WebhookDelivery> webhookDeliveries() {
        return provider.webhooks().attempts().stream()
                .map(a -> new WebhookDelivery(a.webhookUuid(), a.eventType(), a.eventId(), a.status())).toList();
    }

    private static ObjectNode legacyPinless(DailyDomain domain, String number) {
        if (domain.pinless == null) {
            return null;
        }
        for (var entry : domain.pinless) {
            if (number.equals(Json.text(entry, "phone_number"))) {
                return (ObjectNode) entry;
            }
        }
        return null;
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

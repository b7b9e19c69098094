package dev.switchboard.emulator.signalwire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.emulator.server.ApiException;
import dev.switchboard.emulator.server.ApiRequest;
import dev.switchboard.emulator.server.ApiResponse;
import dev.switchboard.emulator.server.EmulatedClock;
import dev.switchboard.emulator.server.Provider;
import dev.switchboard.emulator.server.RateLimits;
import dev.switchboard.emulator.server.Router;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

/**
 * The SignalWire APIs of one space: Relay REST under {@code /api/relay/rest} (phone numbers, search,
 * E911, addresses, number groups, verified caller ids) and the compatibility (LaML) API under
 * {@code /api/laml} (numbers, available numbers, outgoing caller ids, call and message lists) over the same state. HTTP Basic auth with a project id and one of its tokens; each project sees only its
 * own resources. Writes (POST, PUT, PATCH) are in rate class {@code signalwire-write}, reads and deletes
 * in {@code signalwire-read}. All handlers run under one lock.
 */
public final class SignalWireProvider implements Provider {
    public static final String RELAY = "/api/relay/rest";
    public static final String LAML = "/api/laml";
    private static final String BASIC = "Basic ";

    private final EmulatedClock clock;
    private final NumberStock stock;
    private final Router<SwHandler> relay = new Router<>();
    private final Router<SwHandler> laml = new Router<>();
    private SwState state;

    public SignalWireProvider(EmulatedClock clock, long seed) {
        this.clock = clock;
        this.stock = new NumberStock(seed);
        this.state = new SwState(clock, seed, stock);
        relay.add("GET", "/phone_numbers/search", SearchRoute::search)
                .add("GET", "/phone_numbers", NumberRoutes::list)
                .add("POST", "/phone_numbers", NumberRoutes::purchase)
                .add("GET", "/phone_numbers/:id", NumberRoutes::get)
                .add("PUT", "/phone_numbers/:id", NumberRoutes::update)
                .add("DELETE", "/phone_numbers/:id", NumberRoutes::release)
                .add("POST", "/phone_numbers/:id/e911_address", NumberRoutes::assignE911)
                .add("DELETE", "/phone_numbers/:id/e911_address", NumberRoutes::removeE911)
                .add("GET", "/addresses", AddressRoutes::list)
                .add("POST", "/addresses", AddressRoutes::create)
                .add("GET", "/addresses/:id", AddressRoutes::get)
                .add("PUT", "/addresses/:id", AddressRoutes::update)
                .add("DELETE", "/addresses/:id", AddressRoutes::delete)
                .add("GET", "/number_groups", GroupRoutes::list)
                .add("POST", "/number_groups", GroupRoutes::create)
                .add("GET", "/number_groups/:id", GroupRoutes::get)
                .add("PUT", "/number_groups/:id", GroupRoutes::update)
                .add("DELETE", "/number_groups/:id", GroupRoutes::delete)
                .add("GET", "/number_groups/:groupId/number_group_memberships", GroupRoutes::memberships)
                .add("POST", "/number_groups/:groupId/number_group_memberships", GroupRoutes::addMember)
                .add("GET", "/number_group_memberships/:id", GroupRoutes::getMembership)
                .add("DELETE", "/number_group_memberships/:id", GroupRoutes::removeMember)
                .add("GET", "/verified_caller_ids", CallerIdRoutes::list)
                .add("POST", "/verified_caller_ids", CallerIdRoutes::create)
                .add("GET", "/verified_caller_ids/:id", CallerIdRoutes::get)
                .add("PUT", "/verified_caller_ids/:id", CallerIdRoutes::rename)
                .add("DELETE", "/verified_caller_ids/:id", CallerIdRoutes::delete)
                .add("POST", "/verified_caller_ids/:id/verification", CallerIdRoutes::redial)
                .add("PUT", "/verified_caller_ids/:id/verification", CallerIdRoutes::verify);
        for (String suffix : new String[] {"", ".json"}) {
            String account = LamlRoutes.PREFIX + ":accountSid/";
            laml.add("GET", account + "Calls" + suffix, LamlRoutes::calls)
                    .add("GET", account + "Messages" + suffix, LamlRoutes::messages)
                    .add("GET", account + "IncomingPhoneNumbers" + suffix, LamlNumbers::list)
                    .add("POST", account + "IncomingPhoneNumbers" + suffix, LamlNumbers::create)
                    .add("GET", account + "AvailablePhoneNumbers/:country/Local" + suffix, LamlAvailable::local)
                    .add("GET", account + "AvailablePhoneNumbers/:country/TollFree" + suffix, LamlAvailable::tollFree)
                    .add("GET", account + "OutgoingCallerIds" + suffix, LamlCallerIds::list)
                    .add("POST", account + "OutgoingCallerIds" + suffix, LamlCallerIds::requestValidation);
        }
        // A resource's sid may arrive with Twilio's ".json" suffix; the handlers see it without.
        for (String method : new String[] {"GET", "POST", "DELETE"}) {
            String account = LamlRoutes.PREFIX + ":accountSid/";
            laml.add(method, account + "IncomingPhoneNumbers/:sid", switch (method) {
                case "GET" -> LamlNumbers::get;
                case "POST" -> LamlNumbers::update;
                default -> LamlNumbers::delete;
            });
            laml.add(method, account + "OutgoingCallerIds/:sid", switch (method) {
                case "GET" -> LamlCallerIds::get;
                case "POST" -> LamlCallerIds::update;
                default -> LamlCallerIds::delete;
            });
        }
    }

    @Override
    public String name() {
        return "signalwire";
    }

    @Override
    public boolean serves(String path) {
        return path.equals(RELAY) || path.startsWith(RELAY + "/") || path.equals(LAML) || path.startsWith(LAML + "/");
    }

    /** {@code project:token} from the Basic header, or null when it is missing or malformed. */
    @Override
    public String credential(ApiRequest request) {
        String header = request.header("Authorization");
        if (header == null || header.length() <= BASIC.length()
                || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return null;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon > 0 && colon < pair.length() - 1 ? pair : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    @Override
    public String rateClass(ApiRequest request) {
        return switch (request.method()) {
            case "POST", "PUT", "PATCH" -> RateLimits.SIGNALWIRE_WRITE_CLASS;
            default -> RateLimits.SIGNALWIRE_READ_CLASS;
        };
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        String credential = credential(request);
        if (credential == null) {
            throw SwErrors.unauthorized();
        }
        int colon = credential.indexOf(':');
        boolean isLaml = request.path().startsWith(LAML);
        Router.Match<SwHandler> match = isLaml
                ? laml.match(request.method(), request.path()).orElse(null)
                : relay.match(request.method(), request.path().substring(RELAY.length())).orElse(null);
        synchronized (this) {
            SwProject project = state.authenticate(credential.substring(0, colon), credential.substring(colon + 1))
                    .orElseThrow(SwErrors::unauthorized);
            if (match == null) {
                throw isLaml ? SwErrors.lamlNotFound(request.path())
                        : SwErrors.notFound();
            }
            return match.handler().handle(new SwCall(request, project, withoutJsonSuffix(match.params()), state));
        }
    }

    /** Path parameters with a trailing {@code .json} (Twilio clients add it to a sid) removed. */
    private static java.util.Map<String, String> withoutJsonSuffix(java.util.Map<String, String> params) {
        java.util.Map<String, String> result = new java.util.LinkedHashMap<>();
        params.forEach((name, value) -> result.put(name, value.endsWith(".json") ? value.substring(0, value.length() - 5) : value));
        return result;
    }

    @Override
    public ApiResponse rateLimited(String info) {
        return ApiResponse.json(429, SwErrors.relayBody(429, "Rate limit exceeded: " + info, "Too Many Requests",
                "rate_limit_exceeded"));
    }

    @Override
    public ApiResponse spuriousBadRequest() {
        return ApiResponse.json(400, SwErrors.relayBody(400, "missing required field", "Bad Request", "400"));
    }

    @Override
    public ApiResponse serverError(int status) {
        return ApiResponse.json(status, SwErrors.relayBody(status, "An internal error occurred", "Internal Server Error",
                String.valueOf(status)));
    }

    @Override
    public synchronized JsonNode dumpState() {
        return SwStateCodec.dump(state);
    }

    @Override
    public synchronized void loadState(JsonNode section, long idSeed) {
        state = SwStateCodec.load(section, clock, idSeed, stock);
    }

    /** Runs {@code action} on the state under the provider's lock (for the admin handle). */
    synchronized <T> T withState(Function<SwState, T> action) {
        try {
            return action.apply(state);
        } catch (ApiException e) {
            throw new IllegalArgumentException(String.valueOf(e.response().body()), e);
        }
    }
}

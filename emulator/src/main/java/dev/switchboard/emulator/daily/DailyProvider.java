package dev.switchboard.emulator.daily;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.emulator.server.ApiRequest;
import dev.switchboard.emulator.server.ApiResponse;
import dev.switchboard.emulator.server.EmulatedClock;
import dev.switchboard.emulator.server.Provider;
import dev.switchboard.emulator.server.RateLimits;
import dev.switchboard.emulator.server.Router;
import java.util.function.Function;

/**
 * The Daily REST API under {@code /v1}: bearer-key auth (each key reaches exactly one domain), routing, and the
 * Daily error bodies. All handlers run under one lock, so every request sees and leaves a consistent state.
 */
public final class DailyProvider implements Provider, AutoCloseable {
    public static final String PREFIX = "/v1";
    private static final String BEARER = "Bearer ";

    private final EmulatedClock clock;
    private final NumberInventory inventory;
    private final Router<DailyHandler> router = new Router<>();
    private final WebhookDispatcher webhooks;
    private final DailyEvents events;
    private DailyState state;

    public DailyProvider(EmulatedClock clock, long seed, DailyOptions options) {
        this.clock = clock;
        this.inventory = new NumberInventory(seed);
        this.webhooks = new WebhookDispatcher(clock);
        this.events = new DailyEvents(webhooks, clock);
        this.state = new DailyState(clock, seed);
        this.state.events = events;
        PhoneNumberRoutes numbers = new PhoneNumberRoutes(inventory, options);
        DialinConfigRoutes configs = new DialinConfigRoutes();
        WebhookRoutes hooks = new WebhookRoutes(webhooks);
        router.add("GET", "/", DomainRoutes::get)
                .add("POST", "/", DomainRoutes::update)
                .add("GET", "/purchased-phone-numbers", numbers::list)
                .add("GET", "/list-available-numbers", numbers::available)
                .add("POST", "/buy-phone-number", numbers::buy)
                .add("DELETE", "/release-phone-number/:id", numbers::release)
                .add("POST", "/transfer-phone-number/:id", TransferRoute::transfer)
                .add("GET", "/domain-dialin-config", configs::list)
                .add("POST", "/domain-dialin-config", configs::create)
                .add("GET", "/domain-dialin-config/:id", configs::get)
                .add("PUT", "/domain-dialin-config/:id", configs::update)
                .add("DELETE", "/domain-dialin-config/:id", configs::delete)
                .add("GET", "/verified-caller-ids", CallerIdRoutes::list)
                .add("POST", "/verified-caller-ids", CallerIdRoutes::create)
                .add("GET", "/presence", PresenceRoutes::domainPresence)
                .add("GET", "/rooms/:name/presence", PresenceRoutes::roomPresence)
                .add("POST", "/rooms", RoomRoutes::create)
                .add("GET", "/rooms", RoomRoutes::list)
                .add("GET", "/rooms/:name", RoomRoutes::get)
                .add("DELETE", "/rooms/:name", RoomRoutes::delete)
                .add("POST", "/rooms/:name/dialOut/start", CallRoutes::dialOutStart)
                .add("POST", "/rooms/:name/dialOut/stop", CallRoutes::dialOutStop)
                .add("POST", "/rooms/:name/dialOut/sendDTMF", CallRoutes::sendDtmf)
                .add("POST", "/rooms/:name/sipCallTransfer", CallRoutes::sipCallTransfer)
                .add("POST", "/rooms/:name/sipRefer", CallRoutes::sipRefer)
                .add("POST", "/dialin/pinlessCallUpdate", CallRoutes::pinlessCallUpdate)
                .add("POST", "/webhooks", hooks::create)
                .add("GET", "/webhooks", hooks::list)
                .add("GET", "/webhooks/:id", hooks::get)
                .add("POST", "/webhooks/:id", hooks::update)
                .add("DELETE", "/webhooks/:id", hooks::delete);
    }

    @Override
    public String name() {
        return "daily";
    }

    @Override
    public boolean serves(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    @Override
    public String credential(ApiRequest request) {
        String header = request.header("Authorization");
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() || token.contains(" ") ? null : token;
    }

    @Override
    public String rateClass(ApiRequest request) {
        boolean dialOut = "POST".equals(request.method()) && request.path().matches("/v1/rooms/[^/]+/dialOut/start/?");
        return dialOut ? RateLimits.DIAL_OUT_CLASS : RateLimits.DEFAULT_CLASS;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        if (request.header("Authorization") == null) {
            throw DailyErrors.error(400, "authorization-header-error", "the Authorization header is missing");
        }
        String key = credential(request);
        if (key == null) {
            throw DailyErrors.error(400, "authorization-header-error",
                    "the Authorization header must be 'Bearer <API key>'");
        }
        String subPath = request.path().substring(PREFIX.length());
        Router.Match<DailyHandler> match = router.match(request.method(), subPath).orElse(null);
        synchronized (this) {
            DailyDomain domain = state.domainForKey(key)
                    .orElseThrow(() -> DailyErrors.error(401, "authentication-error", "the API key is not valid"));
            if (match == null) {
                throw DailyErrors.notFound("no such endpoint: " + request.method() + " " + request.path());
            }
            return match.handler().handle(new DailyCall(request, domain, match.params(), state));
        }
    }

    @Override
    public ApiResponse rateLimited(String info) {
        return ApiResponse.json(429, DailyErrors.body("rate-limit-error", info));
    }

    @Override
    public ApiResponse spuriousBadRequest() {
        return ApiResponse.json(400, DailyErrors.body("invalid-request-error", "missing required field"));
    }

    @Override
    public ApiResponse serverError(int status) {
        return ApiResponse.json(status, DailyErrors.body("server-error", "an internal error occurred"));
    }

    @Override
    public synchronized JsonNode dumpState() {
        return DailyStateCodec.dump(state);
    }

    @Override
    public synchronized void loadState(JsonNode section, long idSeed) {
        state = DailyStateCodec.load(section, clock, idSeed);
        state.events = events;
    }

    @Override
    public synchronized JsonNode liveState() {
        return DailyLiveView.of(state, webhooks.attempts());
    }

    /** The webhook sender, for the admin handle (await deliveries, send the pinless webhook). */
    WebhookDispatcher webhooks() {
        return webhooks;
    }

    /** Stops the webhook sender thread. */
    @Override
    public void close() {
        webhooks.close();
    }

    /** Runs {@code action} on the state under the provider's lock (for the admin handle). */
    synchronized <T> T withState(Function<DailyState, T> action) {
        return action.apply(state);
    }
}

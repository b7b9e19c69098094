package dev.switchboard.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.ApiError;
import dev.switchboard.core.http.ApiRequest;
import dev.switchboard.core.http.HttpApi;
import dev.switchboard.core.http.HttpJson;
import dev.switchboard.core.http.InvalidRequestException;
import dev.switchboard.core.http.RateLimits;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.http.UnknownOutcomeException;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed client for the telephony part of Daily's REST API, for one API key (hence one domain).
 * Every listing fetches every page. Failures are {@link dev.switchboard.core.http.ApiException}s;
 * non-idempotent calls ({@link #buyNumber}, {@link #transferNumber}, {@link #createDialinConfig},
 * {@link #addVerifiedCallerId}) throw {@link UnknownOutcomeException} when Daily may have acted and are
 * never re-sent: re-read state before trying again. All clients built for the same key in a process
 * share one rate budget. Thread-safe.
 */
public final class DailyClient {
    /** Daily's public API. */
    public static final URI DEFAULT_BASE_URI = URI.create("https://api.daily.co/v1");
    /** Daily's documented default limits: 20 requests per second and 100 per five seconds. */
    public static final RateLimits DAILY_LIMITS = RateLimits.of(
            new RateLimits.Window(20, Duration.ofSeconds(1)), new RateLimits.Window(100, Duration.ofSeconds(5)));

    static final int NUMBERS_PAGE = 50;
    static final int CONFIGS_PAGE = 100;

    private final HttpApi api;
    private final HttpApi dialOutApi;
    private final String keyFingerprint;
    private final PageListener pageListener;

    /** A client for {@link #DEFAULT_BASE_URI} with default options. */
    public DailyClient(Secret apiKey) {
        this(DEFAULT_BASE_URI, apiKey, DailyClientOptions.defaults());
    }

    /** @param baseUri https:// (plain http:// only on loopback, e.g. the emulator) */
    public DailyClient(URI baseUri, Secret apiKey, DailyClientOptions options) {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(options, "options");
        this.keyFingerprint = apiKey.fingerprint();
        this.pageListener = options.pageListener();
        this.api = DailyHttp.build(baseUri, apiKey, options, DailyHttp.DEFAULT_CLASS, DAILY_LIMITS);
        this.dialOutApi = DailyHttp.build(baseUri, apiKey, options, DailyHttp.DIAL_OUT_CLASS, DailyHttp.DIAL_OUT_LIMITS);
    }

    /**
     * The rate budget this key's requests share (Daily's default class), e.g. to read its sustained rate
     * and the latency observed so far.
     */
    public dev.switchboard.core.http.RateBudget rateBudget() {
        return api.rateBudget();
    }

    /** The domain this key belongs to, with its legacy dial-in arrays ({@code GET /}). Also a cheap key check. */
    public Domain domain() {
        return DailyMapping.domain(api.send(ApiRequest.get("/")).body());
    }

    /**
     * Replaces the deprecated domain-level dial-in arrays wholesale ({@code POST /}): any entry not passed
     * is removed. Pass every entry to keep, each pinless one with its hmac (an entry without one is refused
     * here, since Daily would generate a new hmac and break its webhook receiver). {@code sip_uri} is
     * read-only and never sent. Repeating the same replace has the same effect, so it is retried like a PUT.
     */
    public Domain replaceLegacyDialin(List<LegacyPinlessEntry> pinlessDialin, List<LegacyPinEntry> pinDialin) {
        ObjectNode body = DailyMapping.legacyDialinBody(pinlessDialin, pinDialin);
        JsonNode answer = api.send(ApiRequest.post("/", body).asIdempotent()).body();
        return answer.has("domain_name") ? DailyMapping.domain(answer) : domain();
    }

    /**
     * Every purchased number and verified caller id ({@code GET /purchased-phone-numbers}), all pages.
     * Already-released entries ({@link PurchasedNumber#isDeleted()}) are included as Daily sends them.
     *
     * @throws dev.switchboard.core.http.IncompleteListException when the count differs from {@code total_count}
     */
    public List<PurchasedNumber> purchasedNumbers(PurchasedNumberFilter filter) {
        ApiRequest first = ApiRequest.get("/purchased-phone-numbers")
                .withQuery("filter_name", filter.name()).withQuery("filter_number", filter.number());
        return DailyPager.fetchAll(api, first, NUMBERS_PAGE, DailyClient::numberCursor, pageListener).stream()
                .map(DailyMapping::purchasedNumber).toList();
    }

    /** Numbers on sale matching the query ({@code GET /list-available-numbers}); the query was checked when built. */
    public List<AvailableNumber> availableNumbers(AvailableNumberQuery query) {
        ApiRequest request = ApiRequest.get("/list-available-numbers")
                .withQuery("areacode", query.areacode()).withQuery("region", query.region())
                .withQuery("city", query.city()).withQuery("contains", query.contains())
                .withQuery("starts_with", query.startsWith()).withQuery("ends_with", query.endsWith());
        return dataItems(api.send(request).body(), "/list-available-numbers").stream()
                .map(DailyMapping::availableNumber).toList();
    }

    /** Buys the given number, or a random US one when empty ({@code POST /buy-phone-number}). Non-idempotent. */
    public BoughtNumber buyNumber(Optional<String> number) {
        ObjectNode body = HttpJson.object();
        number.ifPresent(value -> body.put("number", value));
        JsonNode answer = api.send(ApiRequest.post("/buy-phone-number", body)).body();
        String id = DailyMapping.text(answer, "id");
        if (id == null) {
            throw unknownOutcome("POST", "/buy-phone-number", "the answer has no id; check the purchased numbers");
        }
        return new BoughtNumber(id, DailyMapping.text(answer, "number"));
    }

    /**
     * Releases a number by id ({@code DELETE /release-phone-number/:id}); Daily also deletes its dial-in config.
     *
     * @throws ReleaseLockedException when Daily refuses with 422 (bought less than 14 days ago)
     */
    public void releaseNumber(String numberId) {
        try {
            api.send(ApiRequest.delete("/release-phone-number/" + HttpApi.pathSegment(numberId)));
        } catch (InvalidRequestException refused) {
            if (refused.status() == 422) {
                throw new ReleaseLockedException(refused.error(), refused);
            }
            throw refused;
        }
    }

    /**
     * Moves a number to another domain ({@code POST /transfer-phone-number/:id}, undocumented) and returns
     * its new id there. Active calls on it drop; dial-in configs do not move. The target key travels in
     * the body and is masked in every trace. Non-idempotent: a 5xx, timeout or reset throws
     * {@link UnknownOutcomeException}; list both domains' numbers to find where the number is.
     */
    public String transferNumber(String sourceId, String targetDomainName, Secret targetKey) {
        Objects.requireNonNull(targetKey, "targetKey");
        if (targetDomainName == null || targetDomainName.isBlank()) {
            throw new IllegalArgumentException("the target domain name must not be blank");
        }
        String path = "/transfer-phone-number/" + HttpApi.pathSegment(sourceId);
        ObjectNode body = HttpJson.object().put("transferDomainName", targetDomainName)
                .put("transferDomainApi", targetKey.reveal());
        JsonNode answer = api.send(ApiRequest.post(path, body).withBodySecrets(targetKey)).body();
        String newId = DailyMapping.text(answer, "newId");
        if (newId == null || newId.isBlank()) {
            throw unknownOutcome("POST", path, "the answer has no newId; check both domains' numbers");
        }
        return newId;
    }

    /** Every dial-in config matching the filter ({@code GET /domain-dialin-config}), all pages. */
    public List<DialinConfig> dialinConfigs(DialinConfigFilter filter) {
        ApiRequest first = ApiRequest.get("/domain-dialin-config")
                .withQuery("phone_number", filter.phoneNumber())
                .withQuery("phone_numbers", filter.phoneNumbers().isEmpty() ? null : String.join(",", filter.phoneNumbers()))
                .withQuery("sip_username", filter.sipUsername())
                .withQuery("name_prefix", filter.namePrefix())
                .withQuery("type", filter.type() == null ? null : filter.type().wireName());
        return DailyPager.fetchAll(api, first, CONFIGS_PAGE, item -> DailyMapping.text(item, "id"), pageListener).stream()
                .map(DailyMapping::dialinConfig).toList();
    }

    /** @throws dev.switchboard.core.http.NotFoundException when no config has this id */
    public DialinConfig dialinConfig(String id) {
        return DailyMapping.dialinConfig(api.send(ApiRequest.get(configPath(id))).body());
    }

    /** Creates a config with Daily's flat body ({@code type} plus fields; never {@code sip_uri}). Non-idempotent. */
    public DialinConfig createDialinConfig(DialinConfigSpec spec) {
        ApiRequest request = ApiRequest.post("/domain-dialin-config", DailyMapping.createBody(spec));
        if (spec.hmac() != null) {
            request = request.withBodySecrets(spec.hmac());
        }
        return DailyMapping.dialinConfig(api.send(request).body());
    }

    /** Changes only the patch's non-null fields ({@code PUT /domain-dialin-config/:id}). */
    public DialinConfig updateDialinConfig(String id, DialinConfigPatch patch) {
        if (patch.isEmpty()) {
            throw new IllegalArgumentException("an empty dial-in config patch changes nothing");
        }
        ApiRequest request = ApiRequest.put(configPath(id), DailyMapping.patchBody(patch));
        if (patch.hmac() != null) {
            request = request.withBodySecrets(patch.hmac());
        }
        return DailyMapping.dialinConfig(api.send(request).body());
    }

    /**
     * Deletes a config. A {@link dev.switchboard.core.http.NotFoundException} with
     * {@code afterAmbiguousAttempt()} true means an earlier attempt most likely deleted it already.
     */
    public void deleteDialinConfig(String id) {
        api.send(ApiRequest.delete(configPath(id)));
    }

    /** Registers a number owned elsewhere as caller id ({@code POST /verified-caller-ids}, undocumented). Non-idempotent. */
    public VerifiedCallerId addVerifiedCallerId(String number, String name) {
        ObjectNode body = HttpJson.object().put("number", Objects.requireNonNull(number, "number"));
        if (name != null) {
            body.put("name", name);
        }
        return DailyMapping.verifiedCallerId(api.send(ApiRequest.post("/verified-caller-ids", body)).body(), number, name);
    }

    /** Every verified caller id ({@code GET /verified-caller-ids}, undocumented: a guess at Daily's list shape). */
    public List<VerifiedCallerId> verifiedCallerIds() {
        return DailyPager.fetchAll(api, ApiRequest.get("/verified-caller-ids"), CONFIGS_PAGE, DailyClient::numberCursor,
                pageListener)
                .stream().map(item -> DailyMapping.verifiedCallerId(item, null, null)).toList();
    }

    /** Who is in which room right now ({@code GET /presence}); may lag by up to 15 seconds. */
    public Map<String, List<Participant>> presence() {
        JsonNode body = api.send(ApiRequest.get("/presence")).body();
        Map<String, List<Participant>> rooms = new LinkedHashMap<>();
        body.properties().forEach(room -> {
            if (room.getValue().isArray()) {
                rooms.put(room.getKey(), dataItems(room.getValue(), "/presence").stream()
                        .map(DailyMapping::participant).toList());
            }
        });
        return Collections.unmodifiableMap(rooms);
    }

    /** The participants of one room ({@code GET /rooms/:name/presence}); Daily offers no cursor here. */
    public List<Participant> roomPresence(String room) {
        JsonNode body = api.send(ApiRequest.get("/rooms/" + HttpApi.pathSegment(room) + "/presence")).body();
        return dataItems(body, "/rooms/:name/presence").stream().map(DailyMapping::participant).toList();
    }

    /** Room create/get/delete on this client's key. */
    public DailyRooms rooms() {
        return new DailyRooms(api);
    }

    /** Live call control on this client's key; {@code dialOut/start} draws from its own rate class. */
    public DailyCalls calls() {
        return new DailyCalls(api, dialOutApi);
    }

    /** Webhook subscriptions ({@code /webhooks}) on this client's key. */
    public DailyWebhooks webhooks() {
        return new DailyWebhooks(api);
    }

    /** The HTTP layer under this client, e.g. for its rate budget. */
    public HttpApi http() {
        return api;
    }

    @Override
    public String toString() {
        return "DailyClient[" + api.baseUri() + ", key " + keyFingerprint + "]";
    }

    private static String configPath(String id) {
        return "/domain-dialin-config/" + HttpApi.pathSegment(id);
    }

    /** Purchased numbers page by {@code pagination_id} when present, else by {@code id}. */
    private static String numberCursor(JsonNode item) {
        String pagination = DailyMapping.text(item, "pagination_id");
        return pagination != null ? pagination : DailyMapping.text(item, "id");
    }

    private static List<JsonNode> dataItems(JsonNode body, String path) {
        JsonNode data = body.isArray() ? body : body.path("data");
        if (!data.isArray()) {
            throw new IllegalStateException("GET " + path + " answered without a data array");
        }
        List<JsonNode> items = new java.util.ArrayList<>();
        data.forEach(items::add);
        return items;
    }

    private static UnknownOutcomeException unknownOutcome(String method, String path, String text) {
        return new UnknownOutcomeException(new ApiError(200, null, text, method, path, true), null);
    }
}

package dev.switchboard.signalwire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.http.ApiRequest;
import dev.switchboard.core.http.AuthStrategy;
import dev.switchboard.core.http.HttpApi;
import dev.switchboard.core.http.HttpJson;
import dev.switchboard.core.http.InvalidRequestException;
import dev.switchboard.core.http.RateLimits;
import dev.switchboard.core.http.Secret;
import dev.switchboard.core.phone.E164;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed client for one SignalWire project in one space: the Relay REST number APIs
 * ({@code /api/relay/rest}: phone numbers, E911 addresses, number groups, verified caller ids) and, for
 * usage, the compatibility API's call and message lists ({@code /api/laml}). HTTP Basic auth with the
 * project id and API token. Every listing fetches every page by following the links SignalWire gives.
 * Failures are {@link dev.switchboard.core.http.ApiException}s; non-idempotent calls (purchase, creates,
 * verification calls) throw {@link dev.switchboard.core.http.UnknownOutcomeException} when SignalWire may
 * have acted, and are never re-sent: read state before trying again. Thread-safe.
 *
 * <p>Groups, caller ids, addresses and usage live in {@link SignalWireDirectory} to keep this class
 * readable; {@link #directory()} returns it.
 */
public final class SignalWireClient {
    /** SignalWire's documented write limit: 13,800 POST/PUT/PATCH per 10 seconds across the space. */
    public static final RateLimits SIGNALWIRE_LIMITS = RateLimits.of(new RateLimits.Window(13_800, Duration.ofSeconds(10)));

    static final String RELAY = "/api/relay/rest";

    private final HttpApi api;
    private final String projectId;
    private final int pageSize;
    private final SignalWireDirectory directory;

    /**
     * @param spaceUrl  the space, e.g. {@code https://example.signalwire.com} (see {@link #spaceUri}); plain
     *                  http only on loopback (the emulator)
     * @param projectId the project id (Basic-auth user and LaML account sid); not secret
     * @param token     the API token
     */
    public SignalWireClient(URI spaceUrl, String projectId, Secret token, SignalWireClientOptions options) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(options, "options");
        if (projectId == null || projectId.isBlank() || projectId.contains(":") || projectId.contains("/")) {
            throw new IllegalArgumentException("the SignalWire project id must be non-empty without ':' or '/'");
        }
        this.projectId = projectId.strip();
        this.pageSize = options.pageSize();
        AuthStrategy auth = AuthStrategy.basic(this.projectId, token);
        RateLimits limits = options.maxRequestsPerSecond() > 0
                ? SIGNALWIRE_LIMITS.cappedAt(options.maxRequestsPerSecond()) : SIGNALWIRE_LIMITS;
        this.api = HttpApi.builder(spaceUrl, auth)
                .namespace("signalwire")
                .connectTimeout(options.connectTimeout())
                .requestTimeout(options.requestTimeout())
                .retryPolicy(options.retryPolicy())
                .rateBudget(options.rateBudgets().budgetFor("signalwire", auth.fingerprint(), limits))
                .errorDecoder(new SignalWireErrorDecoder())
                .debugSink(options.debugSink())
                .sleeper(options.sleeper())
                .ticker(options.ticker())
                .clock(options.clock())
                .random(options.random())
                .build();
        this.directory = new SignalWireDirectory(api, this.projectId, pageSize);
    }

    /**
     * The space URL from its usual spellings: {@code example.signalwire.com},
     * {@code https://example.signalwire.com/}; a missing scheme means https.
     */
    public static URI spaceUri(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the SignalWire space URL must not be blank");
        }
        String trimmed = text.strip();
        if (!trimmed.toLowerCase(Locale.ROOT).startsWith("http://") && !trimmed.toLowerCase(Locale.ROOT).startsWith("https://")) {
            trimmed = "https://" + trimmed;
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return URI.create(trimmed);
    }

    public String projectId() {
        return projectId;
    }

    /** Addresses, number groups, verified caller ids and usage. */
    public SignalWireDirectory directory() {
        return directory;
    }

    /** Numbers on sale ({@code GET /phone_numbers/search}); not paged, bounded by {@code max_results}. */
    public List<AvailableNumber> searchNumbers(NumberSearch search) {
        ApiRequest request = ApiRequest.get(RELAY + "/phone_numbers/search")
                .withQuery("number_type", search.numberType() == null ? null : search.numberType().wireName())
                .withQuery("areacode", search.areacode())
                .withQuery("region", search.region() == null ? null : search.region().toUpperCase(Locale.ROOT))
                .withQuery("city", search.city())
                .withQuery("starts_with", search.startsWith())
                .withQuery("contains", search.contains())
                .withQuery("ends_with", search.endsWith())
                .withQuery("max_results", search.maxResults() == null ? null : String.valueOf(search.maxResults()));
        JsonNode body = api.send(request).body();
        JsonNode data = body.isArray() ? body : body.path("data");
        if (!data.isArray()) {
            throw new IllegalStateException("GET /phone_numbers/search answered without a data array");
        }
        List<AvailableNumber> found = new java.util.ArrayList<>();
        data.forEach(item -> found.add(SignalWireMapping.availableNumber(item)));
        return found;
    }

    /**
     * Buys a number ({@code POST /phone_numbers} with {@code {"number"}}); SignalWire leaves its name null.
     * Non-idempotent: a 5xx, timeout or reset throws {@link dev.switchboard.core.http.UnknownOutcomeException};
     * use {@link #findNumber} to learn whether it was bought. A 422 means the number is not (or no longer)
     * available.
     */
    public PhoneNumber purchaseNumber(String number) {
        String e164 = E164.parse(number).value();
        ObjectNode body = HttpJson.object().put("number", e164);
        return SignalWireMapping.phoneNumber(api.send(ApiRequest.post(RELAY + "/phone_numbers", body)).body());
    }

    /** Every number of the project matching the filter ({@code GET /phone_numbers}), all pages, newest first. */
    public List<PhoneNumber> phoneNumbers(NumberFilter filter) {
        ApiRequest first = ApiRequest.get(RELAY + "/phone_numbers")
                .withQuery("filter_name", filter.name())
                .withQuery("filter_number", filter.number())
                .withQuery("page_size", String.valueOf(pageSize));
        return SignalWirePager.relay(api, first).stream().map(SignalWireMapping::phoneNumber).toList();
    }

    /** The project's number equal to {@code number} (E.164), if it owns it; for reconciling a purchase. */
    public Optional<PhoneNumber> findNumber(String number) {
        String e164 = E164.parse(number).value();
        return phoneNumbers(NumberFilter.byNumber(e164)).stream().filter(n -> e164.equals(n.number())).findFirst();
    }

    /** @throws dev.switchboard.core.http.NotFoundException when the project has no number with this id */
    public PhoneNumber phoneNumber(String id) {
        return SignalWireMapping.phoneNumber(api.send(ApiRequest.get(numberPath(id))).body());
    }

    /** Changes only the update's fields ({@code PUT /phone_numbers/{id}}, a partial update); idempotent. */
    public PhoneNumber updateNumber(String id, PhoneNumberUpdate update) {
        if (update.isEmpty()) {
            throw new IllegalArgumentException("an empty phone-number update changes nothing");
        }
        return SignalWireMapping.phoneNumber(
                api.send(ApiRequest.put(numberPath(id), SignalWireMapping.updateBody(update))).body());
    }

    /**
     * Releases a number ({@code DELETE /phone_numbers/{id}}, 204). A
     * {@link dev.switchboard.core.http.NotFoundException} with {@code afterAmbiguousAttempt()} true means an
     * earlier attempt most likely released it already.
     *
     * @throws ReleaseCooldownException when it was bought too recently (14 days; 30 on trial accounts)
     */
    public void releaseNumber(String id) {
        try {
            api.send(ApiRequest.delete(numberPath(id)));
        } catch (InvalidRequestException refused) {
            if (refused.status() == 422 && ReleaseCooldownException.isCooldown(refused.error())) {
                throw new ReleaseCooldownException(refused.error(), refused);
            }
            throw refused;
        }
    }

    /**
     * Registers an E911 address for a number ({@code POST /phone_numbers/{id}/e911_address});
     * {@code e911_status} becomes {@code pending} and the carrier later moves it to {@code active} or
     * {@code failed}. Poll {@link #phoneNumber} for the outcome. Non-idempotent: after an
     * {@link dev.switchboard.core.http.UnknownOutcomeException} read the number's {@code e911_address_id}.
     */
    public PhoneNumber assignE911Address(String numberId, String addressId) {
        if (addressId == null || addressId.isBlank()) {
            throw new IllegalArgumentException("the E911 address id must not be blank");
        }
        ObjectNode body = HttpJson.object().put("e911_address_id", addressId.strip());
        return SignalWireMapping.phoneNumber(api.send(ApiRequest.post(numberPath(numberId) + "/e911_address", body)).body());
    }

    /**
     * Removes the number's E911 registration ({@code DELETE /phone_numbers/{id}/e911_address}); allowed only
     * while {@code active}; the status becomes {@code pending_removal}, then {@code unregistered}.
     */
    public PhoneNumber removeE911Address(String numberId) {
        return SignalWireMapping.phoneNumber(api.send(ApiRequest.delete(numberPath(numberId) + "/e911_address")).body());
    }

    /** Calls and messages of {@code number} between two dates, both inclusive (see {@link SignalWireDirectory#usage}). */
    public NumberUsage usage(String number, LocalDate from, LocalDate to) {
        return directory.usage(number, from, to);
    }

    /** The HTTP layer under this client, e.g. for its rate budget. */
    public HttpApi http() {
        return api;
    }

    @Override
    public String toString() {
        return "SignalWireClient[" + api.baseUri() + ", project " + projectId + "]";
    }

    static String numberPath(String id) {
        return RELAY + "/phone_numbers/" + HttpApi.pathSegment(id);
    }
}

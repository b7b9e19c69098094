package dev.switchboard.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Where Daily's OpenAPI spec contradicts its own examples or the reference notes, and the emulator follows
 * the examples. Each entry names the operations, the JSON pointer and the exact violation it excuses, plus
 * a condition on the answer, so nothing else about that answer goes unchecked.
 */
final class SpecDeviations {
    /** The operations of the spec the emulator serves. */
    static final List<String> SERVED = List.of("GET /", "POST /", "GET /purchased-phone-numbers",
            "GET /list-available-numbers", "POST /buy-phone-number", "DELETE /release-phone-number/{id}",
            "GET /domain-dialin-config", "POST /domain-dialin-config", "GET /domain-dialin-config/{id}",
            "PUT /domain-dialin-config/{id}", "DELETE /domain-dialin-config/{id}", "GET /presence",
            "GET /rooms/{room_name}/presence", "GET /webhooks", "POST /webhooks", "GET /webhooks/{id}",
            "POST /webhooks/{id}", "DELETE /webhooks/{id}");

    /**
     * What the spec's examples break in its own schemas (checked by the conformance test). The first five
     * do not matter to the emulator, which never sends those config fields as null; the last three are why
     * the dial-in config deviations below exist.
     */
    static final List<String> SPEC_SELF_CONTRADICTIONS = List.of(
            nullInDomainExample("sfu_switchover", "integer"),
            nullInDomainExample("switchover_impl", "string"),
            nullInDomainExample("lang", "string"),
            nullInDomainExample("webhook_meeting_end", "string"),
            nullInDomainExample("recordings_bucket", "object"),
            "GET /domain-dialin-config 200 example 'Result' /data/0/config: missing required property type",
            "GET /domain-dialin-config 200 example 'Result' /data/0/config: missing required property phone_number",
            "GET /domain-dialin-config 200 example 'Result' /data/1/config: missing required property type");

    private record Deviation(Pattern operations, Pattern pointer, String violation,
                             BiPredicate<JsonNode, String> applies, String reason) {
        boolean excuses(String operation, JsonNode body, OpenApiSchemaValidator.Violation found) {
            return operations.matcher(operation).matches() && pointer.matcher(found.pointer()).matches()
                    && found.message().equals(violation) && applies.test(body, found.pointer());
        }
    }

    private static final Pattern CONFIG_ANSWERS = Pattern.compile("(GET|POST|PUT) /domain-dialin-config(/\\{id})?");
    private static final Pattern WEBHOOK_ANSWERS = Pattern.compile("(GET|POST) /webhooks(/\\{id})?");
    private static final Pattern CONFIG_POINTER = Pattern.compile("(/data/\\d+)?/config");

    private static final List<Deviation> DEVIATIONS = List.of(
            new Deviation(CONFIG_ANSWERS, CONFIG_POINTER, "missing required property type", (body, at) -> true,
                    "the response's config reuses the create-request schema (required: type, phone_number); the type"
                            + " is on the wrapper, and the spec's own list example has configs without type"),
            new Deviation(CONFIG_ANSWERS, CONFIG_POINTER, "missing required property phone_number",
                    (body, at) -> "pinless_dialin".equals(wrapperOf(body, at).path("type").asText()),
                    "a SIP-only pinless config has no phone_number: the spec's own list example shows one, and the"
                            + " reference notes make the number optional for pinless"),
            new Deviation(Pattern.compile("GET /purchased-phone-numbers"), Pattern.compile("/data/\\d+/id"),
                    "the spec's example has a string here, the response a null",
                    (body, at) -> "verified_caller_id".equals(body.at(at.substring(0, at.length() - 3)).path("type")
                            .asText()),
                    "verified caller IDs are listed with \"id\": null: Daily's transfer utility reads num['id'] on"
                            + " every listed item (a missing key would crash it) and then skips items whose id is empty;"
                            + " the spec's example shows purchased numbers only"),
            new Deviation(WEBHOOK_ANSWERS, Pattern.compile("(/\\d+)?/basicAuth"),
                    "null where the schema has type string without nullable", (body, at) -> true,
                    "a webhook without basic auth answers basicAuth: null: a GET /webhooks answer captured from the"
                            + " real API and quoted in public client code shows \"basicAuth\": null, and public typed"
                            + " clients model it as optional (str | None)"),
            new Deviation(WEBHOOK_ANSWERS, Pattern.compile("(/\\d+)?/lastMomentPushed"),
                    "null where the schema has type string without nullable", (body, at) -> true,
                    "before the first delivery lastMomentPushed is null: operators' notes on real webhooks record"
                            + " that it \"remains null until a real subscribed event is delivered\", and typed clients"
                            + " model it as str | None"),
            new Deviation(Pattern.compile("GET /webhooks/\\{id}"), Pattern.compile(""),
                    "expected array but was object", (body, at) -> body.isObject() && body.has("uuid"),
                    "GET /webhooks/:uuid answers the one webhook: Daily's reference page says it \"returns your"
                            + " webhook\" and lists the fields of one object; the spec's array schema repeats the list"
                            + " operation's, and no capture shows an array"));

    private SpecDeviations() {
    }

    /** The reason a violation is a known deviation of the spec, or empty when it is a real mismatch. */
    static Optional<String> explain(String operation, JsonNode body, OpenApiSchemaValidator.Violation found) {
        return DEVIATIONS.stream().filter(d -> d.excuses(operation, body, found)).map(Deviation::reason).findFirst();
    }

    /** Every documented status of every served operation: what the conformance test must drive. */
    static Map<String, TreeSet<Integer>> expectedCoverage(DailyOpenApiSpec spec) {
        Map<String, TreeSet<Integer>> expected = new TreeMap<>();
        for (String operation : SERVED) {
            String[] parts = operation.split(" ", 2);
            expected.put(operation, spec.documentedStatuses(parts[0], parts[1]));
        }
        return expected;
    }

    private static String nullInDomainExample(String field, String type) {
        return "GET / 200 example 'x-examples/example-1' /config/" + field + ": null where the schema has type "
                + type + " without nullable";
    }

    private static JsonNode wrapperOf(JsonNode body, String configPointer) {
        return body.at(configPointer.substring(0, configPointer.length() - "/config".length()));
    }
}

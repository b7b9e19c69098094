package dev.switchboard.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DailyPhoneNumbersTest extends DailyTestBase {
    private static final int COUNT = 520;

    private void addNumbers(String domain, int area, int count) {
        for (int i = 0; i < count; i++) {
            emulator.admin().daily().addNumber(domain, number(area, i));
        }
    }

    /** Pages forward with starting_after = the cursor field of the last item until a page is empty. */
    private List<JsonNode> pageAll(String query, String cursorField) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        while (true) {
            String sep = query.isEmpty() ? "?" : "&";
            String path = "/purchased-phone-numbers" + (query.isEmpty() ? "" : "?" + query)
                    + (cursor == null ? "" : sep + "starting_after=" + cursor);
            TestHttp.Response page = http.get(SOURCE_KEY, path);
            assertThat(page.status()).isEqualTo(200);
            JsonNode data = page.get("data");
            assertThat(data.size()).isLessThanOrEqualTo(50);
            if (data.isEmpty()) {
                return all;
            }
            data.forEach(all::add);
            cursor = data.get(data.size() - 1).path(cursorField).asText();
        }
    }

    @Test
    void pagesThroughAllNumbersNewestFirstWithPaginationIdCursor() {
        addNumbers("source", 415, COUNT);
        emulator.admin().daily().addVerifiedCallerId("source", "+12125550199", "Head Office");
        addNumbers("target", 617, 3);
        TestHttp.Response first = http.get(SOURCE_KEY, "/purchased-phone-numbers");
        assertThat(first.get("total_count").asInt()).isEqualTo(COUNT + 1);
        assertThat(first.get("data")).hasSize(50);

        List<JsonNode> all = pageAll("", "pagination_id");
        assertThat(all).hasSize(COUNT + 1);
        List<Long> ids = all.stream().map(n -> n.get("pagination_id").asLong()).toList();
        assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a)).doesNotHaveDuplicates();
        JsonNode callerId = all.get(0);
        assertThat(callerId.path("type").asText()).isEqualTo("verified_caller_id");
        assertThat(callerId.has("id")).as("Daily's transfer utility reads num['id'] on every item").isTrue();
        assertThat(callerId.get("id").isNull()).isTrue();
        JsonNode purchased = all.get(1);
        assertThat(purchased.path("type").asText()).isEqualTo("purchased_phone_number");
        assertThat(purchased.path("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(purchased.path("created_date").asText()).isEqualTo("2026-01-01T00:00:00.000Z");
        assertThat(purchased.path("status").asText()).isEqualTo("verified");
        assertThat(purchased.path("verified").asBoolean()).isTrue();
        assertThat(purchased.path("number").asText()).isEqualTo(number(415, COUNT - 1));
    }

    @Test
    void pagesWithIdCursorAndBackwardsWithEndingBefore() {
        addNumbers("source", 415, COUNT);
        List<JsonNode> forward = pageAll("limit=37", "id");
        assertThat(forward).hasSize(COUNT);
        assertThat(forward.stream().map(n -> n.get("id").asText()).distinct()).hasSize(COUNT);

        TestHttp.Response oldest = http.get(SOURCE_KEY, "/purchased-phone-numbers?ending_before=OLDEST");
        assertThat(oldest.get("data")).hasSize(50);
        assertThat(oldest.get("data").get(49).path("number").asText()).isEqualTo(number(415, 0));

        List<JsonNode> backward = new ArrayList<>();
        JsonNode page = oldest.get("data");
        while (!page.isEmpty()) {
            List<JsonNode> items = new ArrayList<>();
            page.forEach(items::add);
            backward.addAll(0, items);
            page = http.get(SOURCE_KEY, "/purchased-phone-numbers?ending_before=" + items.get(0).get("id").asText())
                    .get("data");
        }
        assertThat(backward.stream().map(n -> n.get("id").asText()).toList())
                .isEqualTo(forward.stream().map(n -> n.get("id").asText()).toList());

        assertThat(http.get(SOURCE_KEY, "/purchased-phone-numbers?limit=500").get("data")).hasSize(50);
        assertThat(http.get(SOURCE_KEY, "/purchased-phone-numbers?limit=0").status()).isEqualTo(400);
        assertThat(http.get(SOURCE_KEY, "/purchased-phone-numbers?starting_after=nonsense").status()).isEqualTo(400);
    }

    @Test
    void pagesThroughTenThousandNumbersLoadedFromState() {
        StringBuilder numbers = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            numbers.append(i == 0 ? "" : ",").append("{\"number\":\"").append(number(305, i)).append("\"}");
        }
        emulator.admin().loadState("{\"daily\":{\"domains\":[{\"domain_name\":\"source\",\"api_keys\":[\""
                + SOURCE_KEY + "\"],\"phone_numbers\":[" + numbers + "]}]}}");
        List<JsonNode> all = pageAll("", "pagination_id");
        assertThat(all).hasSize(10_000);
        assertThat(all.stream().map(n -> n.path("number").asText()).distinct()).hasSize(10_000);
        assertThat(all.get(9_999).path("number").asText()).isEqualTo(number(305, 0));
    }

    @Test
    void concurrentBuysNeverHandOutTheSameNumberTwice() throws Exception {
        int threads = 8;
        int perThread = 30; // 240 random buys: more than the 160-number California stock
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String key = t % 2 == 0 ? SOURCE_KEY : TARGET_KEY;
                futures.add(pool.submit(() -> {
                    List<String> bought = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        TestHttp.Response response = http.post(key, "/buy-phone-number", "{}");
                        assertThat(response.status()).isEqualTo(200);
                        bought.add(response.text("number"));
                    }
                    return bought;
                }));
            }
            Set<String> distinct = new HashSet<>();
            for (var future : futures) {
                distinct.addAll(future.get());
            }
            assertThat(distinct).hasSize(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
        int source = http.get(SOURCE_KEY, "/purchased-phone-numbers").get("total_count").asInt();
        int target = http.get(TARGET_KEY, "/purchased-phone-numbers").get("total_count").asInt();
        assertThat(source + target).isEqualTo(threads * perThread);
    }

    @Test
    void filtersMatchSubstringsAndTotalCountCountsAllMatches() {
        addNumbers("source", 415, 120);
        addNumbers("source", 212, 30);
        TestHttp.Response byNumber = http.get(SOURCE_KEY, "/purchased-phone-numbers?filter_number=212200");
        assertThat(byNumber.get("total_count").asInt()).isEqualTo(30);
        byNumber.get("data").forEach(n -> assertThat(n.path("number").asText()).contains("212200"));

        List<JsonNode> filteredPages = pageAll("filter_number=%2B1415", "pagination_id");
        assertThat(filteredPages).hasSize(120);

        emulator.admin().daily().addVerifiedCallerId("source", "+13125550100", "Chicago Office");
        TestHttp.Response byName = http.get(SOURCE_KEY, "/purchased-phone-numbers?filter_name=chicago");
        assertThat(byName.get("total_count").asInt()).isEqualTo(1);
        assertThat(byName.get("data").get(0).path("number").asText()).isEqualTo("+13125550100");
    }

    @Test
    void buysGivenOrRandomNumbersAndRejectsUnavailableOnes() {
        TestHttp.Response random = http.post(SOURCE_KEY, "/buy-phone-number", "{}");
        assertThat(random.status()).isEqualTo(200);
        assertThat(random.text("id")).matches("[0-9a-f-]{36}");
        assertThat(random.text("number")).matches("\\+1(415|805|213|619)\\d{7}");

        TestHttp.Response available = http.get(SOURCE_KEY, "/list-available-numbers?areacode=212");
        assertThat(available.status()).isEqualTo(200);
        String wanted = available.get("data").get(0).path("phoneNumber").asText();
        assertThat(available.get("data").get(0).path("region").asText()).isEqualTo("NY");
        TestHttp.Response bought = http.post(SOURCE_KEY, "/buy-phone-number", "{\"number\":\"" + wanted + "\"}");
        assertThat(bought.status()).isEqualTo(200);
        assertThat(bought.text("number")).isEqualTo(wanted);
        assertThat(http.get(SOURCE_KEY, "/list-available-numbers?areacode=212").get("data").findValuesAsText("phoneNumber"))
                .doesNotContain(wanted);

        TestHttp.Response taken = http.post(TARGET_KEY, "/buy-phone-number", "{\"number\":\"" + wanted + "\"}");
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.get("errors").get(0).path("detail").asText()).isEqualTo("Number is invalid.");
        assertThat(taken.get("status").asInt()).isEqualTo(422);
        assertThat(http.post(TARGET_KEY, "/buy-phone-number", "{\"number\":\"12345\"}").status()).isEqualTo(422);
        assertThat(http.post(TARGET_KEY, "/buy-phone-number", "{\"number\":\"+14155550100\",\"x\":1}").status())
                .isEqualTo(400);
        assertThat(http.get(SOURCE_KEY, "/purchased-phone-numbers").get("total_count").asInt()).isEqualTo(2);
        assertThat(http.get(TARGET_KEY, "/purchased-phone-numbers").get("total_count").asInt()).isZero();
    }

    @Test
    void listAvailableNumbersEnforcesTheParameterRules() {
        for (String bad : List.of("region=CA&areacode=415", "city=Miami", "region=FL&city=Miami&contains=555",
                "contains=12", "starts_with=12345678", "starts_with=415&contains=555", "ends_with=123&contains=555",
                "areacode=41")) {
            TestHttp.Response response = http.get(SOURCE_KEY, "/list-available-numbers?" + bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.text("error")).as(bad).isEqualTo("validation-error");
        }
        TestHttp.Response miami = http.get(SOURCE_KEY, "/list-available-numbers?region=FL&city=Miami");
        assertThat(miami.get("total_count").asInt()).isPositive();
        miami.get("data").forEach(n -> assertThat(n.path("phoneNumber").asText()).startsWith("+1305"));
        TestHttp.Response startsWith = http.get(SOURCE_KEY, "/list-available-numbers?starts_with=206");
        startsWith.get("data").forEach(n -> assertThat(n.path("region").asText()).isEqualTo("WA"));
        assertThat(startsWith.get("data").size()).isEqualTo(startsWith.get("total_count").asInt());
    }

    @Test
    void releaseIsLockedFor14DaysThenRemovesTheNumberAndItsConfig() {
        String id = http.post(SOURCE_KEY, "/buy-phone-number", "{\"number\":\"+14155550123\"}").text("id");
        String config = emulator.admin().daily().addDialinConfig("source", "pinless_dialin",
                Map.of("phone_number", "+14155550123", "room_creation_api", "https://x.example"));

        TestHttp.Response locked = http.delete(SOURCE_KEY, "/release-phone-number/" + id);
        assertThat(locked.status()).isEqualTo(422);
        assertThat(locked.body().toString()).isEqualTo("{\"error\":\"Failed to release new number, try again in 14 days\"}");

        emulator.admin().advanceClock(Duration.ofDays(14).minusSeconds(1));
        assertThat(http.delete(SOURCE_KEY, "/release-phone-number/" + id).status()).isEqualTo(422);
        emulator.admin().advanceClock(Duration.ofSeconds(1));
        TestHttp.Response released = http.delete(SOURCE_KEY, "/release-phone-number/" + id);
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.text("status")).isEqualTo("ok");

        assertThat(http.get(SOURCE_KEY, "/purchased-phone-numbers").get("total_count").asInt()).isZero();
        assertThat(http.get(SOURCE_KEY, "/domain-dialin-config/" + config).status()).isEqualTo(404);
        assertThat(http.delete(SOURCE_KEY, "/release-phone-number/" + id).status()).isEqualTo(404);
        assertThat(http.post(TARGET_KEY, "/buy-phone-number", "{\"number\":\"+14155550123\"}").status()).isEqualTo(422);
    }

    @Test
    void verifiedCallerIdsAreCreatedAndListedWithNullIds() {
        TestHttp.Response created = http.post(SOURCE_KEY, "/verified-caller-ids",
                "{\"number\":\"+12125550100\",\"name\":\"HQ\"}");
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.text("number")).isEqualTo("+12125550100");
        assertThat(http.post(SOURCE_KEY, "/verified-caller-ids", "{\"number\":\"+12125550100\"}").status())
                .isEqualTo(400);
        assertThat(http.post(SOURCE_KEY, "/verified-caller-ids", "{\"number\":\"12\"}").status()).isEqualTo(400);
        TestHttp.Response list = http.get(SOURCE_KEY, "/verified-caller-ids");
        assertThat(list.get("total_count").asInt()).isEqualTo(1);
        assertThat(list.get("data").get(0).has("id")).isTrue();
        assertThat(list.get("data").get(0).get("id").isNull()).isTrue();
        assertThat(http.get(TARGET_KEY, "/verified-caller-ids").get("total_count").asInt()).isZero();
        Set<String> types = new HashSet<>(http.get(SOURCE_KEY, "/purchased-phone-numbers").get("data").findValuesAsText("type"));
        assertThat(types).containsExactly("verified_caller_id");
    }
}

package dev.switchboard.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.emulator.server.RateLimits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Addresses and E911, number groups, verified caller ids, LaML usage lists and the write rate limit. */
class SignalWireDirectoryApiTest extends SignalWireTestBase {
    private static final String RELAY = "/api/relay/rest";
    private static final String OFFICE = "{'label':'Office','country':'US','first_name':'Ada','last_name':'Lovelace',"
            + "'street_number':'123','street_name':'Main Street','city':'New York','state':'NY','postal_code':'10001',"
            + "'emergency_enabled':true";

    @Test
    void addressesAreValidatedLikeTheCarrier() {
        Response missing = post(RELAY + "/addresses", q("{'label':'x','country':'US'}"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body().path("errors")).hasSize(7);
        assertThat(missing.body().path("errors").get(0).path("detail").asText()).isEqualTo("First name can't be blank");

        Response strict = post(RELAY + "/addresses", q(OFFICE + ",'auto_correct_address':false}"));
        assertThat(strict.status()).isEqualTo(422);
        assertThat(strict.body().path("candidates").get(0).path("street_name").asText()).isEqualTo("Main St");

        Response badZip = post(RELAY + "/addresses", q(OFFICE.replace("10001", "1000") + "}"));
        assertThat(badZip.body().toString()).contains("5-digit ZIP").doesNotContain("candidates");

        Response created = post(RELAY + "/addresses", q(OFFICE + "}"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("street_name").asText()).isEqualTo("Main St");
        assertThat(created.body().path("validated").asBoolean()).isTrue();
        assertThat(created.body().path("zip_code").asText()).isEqualTo("10001");

        Response abroad = post(RELAY + "/addresses", q(OFFICE.replace("'US'", "'GB'").replace("'NY'", "'London'") + "}"));
        assertThat(abroad.body().path("emergency_enabled").asBoolean()).isFalse();
        assertThat(abroad.body().path("validated").asBoolean()).isFalse();
    }

    @Test
    void e911GoesPendingThenActiveOnTheEmulatedClockAndRemovalNeedsActive() {
        String numberId = buyOne("212").path("id").asText();
        String addressId = post(RELAY + "/addresses", q(OFFICE + "}")).body().path("id").asText();
        String path = RELAY + "/phone_numbers/" + numberId + "/e911_address";
        assertThat(delete(path).body().toString()).contains("only be removed while its status is active");
        JsonNode pending = post(path, q("{'e911_address_id':'" + addressId + "'}")).body();
        assertThat(pending.path("e911_status").asText()).isEqualTo("pending");
        assertThat(pending.path("e911_address_id").asText()).isEqualTo(addressId);
        emulator.admin().advanceClock(Duration.ofMinutes(4));
        assertThat(get(RELAY + "/phone_numbers/" + numberId).body().path("e911_status").asText()).isEqualTo("pending");
        emulator.admin().advanceClock(Duration.ofMinutes(1));
        assertThat(get(RELAY + "/phone_numbers/" + numberId).body().path("e911_status").asText()).isEqualTo("active");
        assertThat(delete(path).body().path("e911_status").asText()).isEqualTo("pending_removal");
        emulator.admin().advanceClock(Duration.ofMinutes(5));
        JsonNode removed = get(RELAY + "/phone_numbers/" + numberId).body();
        assertThat(removed.path("e911_status").asText()).isEqualTo("unregistered");
        assertThat(removed.path("e911_address_id").isNull()).isTrue();
    }

    @Test
    void aFailingAddressEndsFailed() {
        String numberId = buyOne("213").path("id").asText();
        String addressId = post(RELAY + "/addresses", q(OFFICE + "}")).body().path("id").asText();
        emulator.admin().signalwire().failE911For(PROJECT, addressId);
        post(RELAY + "/phone_numbers/" + numberId + "/e911_address", q("{'e911_address_id':'" + addressId + "'}"));
        emulator.admin().advanceClock(Duration.ofMinutes(5));
        assertThat(get(RELAY + "/phone_numbers/" + numberId).body().path("e911_status").asText()).isEqualTo("failed");
    }

    @Test
    void numberGroupsHoldEachNumberOnce() {
        String numberId = buyOne("312").path("id").asText();
        JsonNode group = post(RELAY + "/number_groups", q("{'name':'sales','sticky_sender':true}")).body();
        String members = RELAY + "/number_groups/" + group.path("id").asText() + "/number_group_memberships";
        Response added = post(members, q("{'phone_number_id':'" + numberId + "'}"));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body().path("phone_number").path("id").asText()).isEqualTo(numberId);
        assertThat(post(members, q("{'phone_number_id':'" + numberId + "'}")).body().toString())
                .contains("already in a number group");
        assertThat(get(RELAY + "/number_groups/" + group.path("id").asText()).body().path("phone_number_count").asInt())
                .isEqualTo(1);
        assertThat(get(members).body().path("data")).hasSize(1);
        assertThat(delete(RELAY + "/number_group_memberships/" + added.body().path("id").asText()).status()).isEqualTo(204);
        assertThat(delete(RELAY + "/number_groups/" + group.path("id").asText()).status()).isEqualTo(204);
        assertThat(get(RELAY + "/phone_numbers/" + numberId).status()).isEqualTo(200);
    }

    @Test
    void verificationCountsAttemptsAndLimitsCalls() {
        JsonNode created = post(RELAY + "/verified_caller_ids", q("{'number':'+12125550100'}")).body();
        assertThat(created.path("status").asText()).isEqualTo("Awaiting Verification");
        assertThat(created.path("name").asText()).isEqualTo("(212) 555-0100");
        String id = created.path("id").asText();
        String verification = RELAY + "/verified_caller_ids/" + id + "/verification";
        assertThat(post(verification, "{}").body().path("errors").get(0).path("code").asText())
                .isEqualTo("verification_request_too_soon");
        String code = emulator.admin().signalwire().verificationCode(PROJECT, id);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 0; left--) {
            assertThat(put(verification, q("{'verification_code':'" + wrong + "'}")).body().toString())
                    .contains(left + " attempt");
        }
        assertThat(put(verification, q("{'verification_code':'" + code + "'}")).body().path("errors").get(0)
                .path("code").asText()).isEqualTo("too_many_verification_attempts");
        emulator.admin().advanceClock(Duration.ofMinutes(1));
        assertThat(post(verification, "{}").status()).isEqualTo(200);
        String newCode = emulator.admin().signalwire().verificationCode(PROJECT, id);
        JsonNode verified = put(verification, q("{'verification_code':'" + newCode + "'}")).body();
        assertThat(verified.path("status").asText()).isEqualTo("Verified");
        assertThat(post(verification, "{}").body().path("errors").get(0).path("code").asText()).isEqualTo("already_verified");

        String other = post(RELAY + "/verified_caller_ids", q("{'number':'+12125550101'}")).body().path("id").asText();
        String otherPath = RELAY + "/verified_caller_ids/" + other + "/verification";
        for (int call = 2; call <= 10; call++) {
            emulator.admin().advanceClock(Duration.ofMinutes(1));
            assertThat(post(otherPath, "{}").status()).isEqualTo(200);
        }
        emulator.admin().advanceClock(Duration.ofMinutes(1));
        assertThat(post(otherPath, "{}").body().path("errors").get(0).path("code").asText())
                .isEqualTo("too_many_verification_requests");
    }

    @Test
    void lamlListsFilterByNumberAndDayAndPage() {
        for (int day = 1; day <= 5; day++) {
            emulator.admin().signalwire().addCall(PROJECT, "+12125550100", "+15035550000", "inbound",
                    Instant.parse("2025-12-0" + day + "T10:00:00Z"), 60);
        }
        emulator.admin().signalwire().addCall(PROJECT, "+15035550000", "+12125550100", "outbound-api",
                Instant.parse("2025-12-03T11:00:00Z"), 30);
        String calls = "/api/laml/2010-04-01/Accounts/" + PROJECT + "/Calls.json";
        Response page = get(calls + "?To=%2B15035550000&StartTime%3E=2025-12-02&StartTime%3C=2025-12-04&PageSize=2");
        assertThat(page.body().path("calls")).hasSize(2);
        assertThat(page.body().path("calls").get(0).path("start_time").asText()).isEqualTo("Thu, 04 Dec 2025 10:00:00 +0000");
        String next = page.body().path("next_page_uri").asText();
        assertThat(next).startsWith(calls + "?").contains("Page=1").contains("PageToken=PA");
        Response last = get(next);
        assertThat(last.body().path("calls")).hasSize(1);
        assertThat(last.body().path("next_page_uri").isNull()).isTrue();
        assertThat(get(calls + "?Page=1").body().path("code").asText()).isEqualTo("20001");
        Response foreign = get("/api/laml/2010-04-01/Accounts/" + OTHER_PROJECT + "/Calls.json");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body().path("more_info").asText()).contains("error-codes");
        emulator.admin().signalwire().addMessage(PROJECT, "+15035550000", "+12125550100", "outbound-api",
                Instant.parse("2025-12-03T12:00:00Z"));
        assertThat(get("/api/laml/2010-04-01/Accounts/" + PROJECT + "/Messages?From=%2B15035550000").body()
                .path("messages")).hasSize(1);
    }

    @Test
    void writesAreRateLimitedPerCredentialReadsAreNot() {
        emulator.admin().setRateLimits(new RateLimits(true, true, Map.of(
                RateLimits.SIGNALWIRE_WRITE_CLASS, List.of(new RateLimits.Window(2, Duration.ofSeconds(60))),
                RateLimits.SIGNALWIRE_READ_CLASS, List.of())));
        assertThat(post(RELAY + "/number_groups", q("{'name':'a'}")).status()).isEqualTo(201);
        assertThat(post(RELAY + "/number_groups", q("{'name':'b'}")).status()).isEqualTo(201);
        Response limited = post(RELAY + "/number_groups", q("{'name':'c'}"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body().path("errors").get(0).path("code").asText()).isEqualTo("rate_limit_exceeded");
        for (int i = 0; i < 20; i++) {
            assertThat(get(RELAY + "/number_groups").status()).isEqualTo(200);
        }
        assertThat(send("POST", OTHER_PROJECT, OTHER_TOKEN, RELAY + "/number_groups", q("{'name':'d'}")).status())
                .isEqualTo(201);
    }
}

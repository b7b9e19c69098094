package dev.switchboard.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.rest.api.v2010.account.OutgoingCallerId;
import com.twilio.rest.api.v2010.account.ValidationRequest;
import com.twilio.rest.api.v2010.account.availablephonenumbercountry.Local;
import com.twilio.rest.api.v2010.account.availablephonenumbercountry.TollFree;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Twilio's own Java library ({@code com.twilio.sdk:twilio}, test scope only) drives the compatibility (LaML)
 * number API, as SignalWire users with Twilio-style SDKs do: list (several pages), search, buy, update,
 * delete, caller ids, and the call list's date-time filters. The library builds every request (paths, the
 * {@code .json} suffix, form-encoded bodies, Basic auth, paging through {@code next_page_uri}) and parses
 * every answer into its own models; the one thing changed is where requests go: {@link EmulatorBound}
 * sends {@code https://api.twilio.com/2010-04-01/...} to the emulator's {@code /api/laml/2010-04-01/...},
 * which is what SignalWire's Twilio-based SDKs do with a space URL.
 */
class TwilioCompatibilityClientTest extends SignalWireTestBase {
    private TwilioRestClient twilio;

    /** Twilio's own HTTP client (Apache HttpClient 5), with each request's URL moved to the emulator. */
    static final class EmulatorBound extends NetworkHttpClient {
        private final String origin;
        final List<String> urls = new ArrayList<>();

        EmulatorBound(int port) {
            this.origin = "http://127.0.0.1:" + port;
        }

        @Override
        public com.twilio.http.Response makeRequest(Request request) {
            URI url = URI.create(request.getUrl());
            String path = url.getRawPath();
            // Next pages arrive as the answer's next_page_uri on Twilio's host, query included.
            String moved = origin + (path.startsWith("/2010-04-01/") ? "/api/laml" + path : path)
                    + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            Request copy = new Request(request.getMethod(), moved);
            request.getQueryParams().forEach((name, values) -> values.forEach(v -> copy.addQueryParam(name, v)));
            request.getPostParams().forEach((name, values) -> values.forEach(v -> copy.addPostParam(name, v)));
            request.getHeaderParams().forEach((name, values) -> values.forEach(v -> copy.addHeaderParam(name, v)));
            copy.setAuth(request.getUsername(), request.getPassword());
            synchronized (urls) {
                urls.add(request.getMethod() + " " + copy.constructURL());
            }
            return super.makeRequest(copy);
        }
    }

    private EmulatorBound transport;

    @BeforeEach
    void twilioClient() {
        transport = new EmulatorBound(emulator.port());
        twilio = new TwilioRestClient.Builder(PROJECT, TOKEN).accountSid(PROJECT).httpClient(transport).build();
    }

    @Test
    void searchBuyListUpdateAndDeleteNumbers() {
        List<Local> local = list(Local.reader("US").setAreaCode(503).setContains("5*").setPageSize(5L).read(twilio));
        assertThat(local).hasSize(5).allSatisfy(n -> {
            assertThat(n.getPhoneNumber().getEndpoint()).startsWith("+1503");
            assertThat(n.getRegion()).isEqualTo("OR");
            assertThat(n.getLocality()).isEqualTo("Portland");
            assertThat(n.getIsoCountry()).isEqualTo("US");
            assertThat(n.getCapabilities().getVoice()).isTrue();
        });
        assertThat(list(Local.reader("US").setInRegion("TX").setInLocality("Austin").setPageSize(3L).read(twilio)))
                .hasSize(3).allSatisfy(n -> assertThat(n.getPhoneNumber().getEndpoint()).startsWith("+1512"));
        List<TollFree> tollFree = list(TollFree.reader("US").setAreaCode(888).setPageSize(2L).read(twilio));
        assertThat(tollFree).hasSize(2).allSatisfy(n -> assertThat(n.getPhoneNumber().getEndpoint()).startsWith("+1888"));

        String wanted = local.get(0).getPhoneNumber().getEndpoint();
        IncomingPhoneNumber bought = IncomingPhoneNumber.creator(new PhoneNumber(wanted))
                .setFriendlyName("Portland sales").setVoiceUrl(URI.create("https://example.com/voice.xml"))
                .create(twilio);
        assertThat(bought.getSid()).matches("[0-9a-f-]{36}");
        assertThat(bought.getAccountSid()).isEqualTo(PROJECT);
        assertThat(bought.getPhoneNumber().getEndpoint()).isEqualTo(wanted);
        assertThat(bought.getFriendlyName()).isEqualTo("Portland sales");
        assertThat(bought.getVoiceUrl()).isEqualTo(URI.create("https://example.com/voice.xml"));
        assertThat(bought.getVoiceMethod()).isEqualTo(HttpMethod.POST);
        assertThat(bought.getDateCreated()).isEqualTo(ZonedDateTime.ofInstant(START, ZoneOffset.UTC));
        assertThat(bought.getCapabilities().getVoice()).isTrue();
        assertThat(bought.getUri()).isEqualTo("/api/laml/2010-04-01/Accounts/" + PROJECT + "/IncomingPhoneNumbers/"
                + bought.getSid() + ".json");
        assertThatThrownBy(() -> IncomingPhoneNumber.creator(new PhoneNumber(wanted)).create(twilio))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getCode()).isEqualTo(21422);
                });

        // The Relay REST API sees the same number, with the same fields.
        Response relay = get("/api/relay/rest/phone_numbers/" + bought.getSid());
        assertThat(relay.status()).isEqualTo(200);
        assertThat(relay.body().path("name").asText()).isEqualTo("Portland sales");
        assertThat(relay.body().path("call_handler").asText()).isEqualTo("laml_webhooks");
        assertThat(relay.body().path("call_request_url").asText()).isEqualTo("https://example.com/voice.xml");
        // ... and a number bought through Relay REST is listed by the compatibility API.
        String viaRelay = post("/api/relay/rest/phone_numbers", "{\"number\":\"" + local.get(1).getPhoneNumber()
                .getEndpoint() + "\"}").body().path("id").asText();
        for (int i = 2; i < 5; i++) {
            IncomingPhoneNumber.creator(local.get(i).getPhoneNumber()).create(twilio);
        }

        List<IncomingPhoneNumber> all = list(IncomingPhoneNumber.reader().setPageSize(2L).read(twilio));
        assertThat(all).hasSize(5).extracting(IncomingPhoneNumber::getSid).doesNotHaveDuplicates()
                .contains(bought.getSid(), viaRelay);
        assertThat(transport.urls).filteredOn(u -> u.startsWith("GET") && u.contains("/IncomingPhoneNumbers.json"))
                .hasSize(3);
        IncomingPhoneNumber relayBought = all.stream().filter(n -> n.getSid().equals(viaRelay)).findFirst().orElseThrow();
        assertThat(relayBought.getFriendlyName()).isEqualTo(formatted(local.get(1).getPhoneNumber().getEndpoint()));
        assertThat(list(IncomingPhoneNumber.reader().setFriendlyName("Portland sales").read(twilio)))
                .extracting(IncomingPhoneNumber::getSid).containsExactly(bought.getSid());
        assertThat(list(IncomingPhoneNumber.reader().setPhoneNumber(wanted).read(twilio)))
                .extracting(IncomingPhoneNumber::getSid).containsExactly(bought.getSid());
        assertThat(list(IncomingPhoneNumber.reader().setBeta(true).read(twilio))).isEmpty();

        IncomingPhoneNumber updated = IncomingPhoneNumber.updater(bought.getSid())
                .setSmsUrl(URI.create("https://example.com/sms")).setSmsMethod(HttpMethod.GET)
                .setVoiceUrl("").update(twilio);
        assertThat(updated.getSmsUrl()).isEqualTo(URI.create("https://example.com/sms"));
        assertThat(updated.getSmsMethod()).isEqualTo(HttpMethod.GET);
        assertThat(updated.getVoiceUrl()).isNull();
        assertThat(updated.getFriendlyName()).isEqualTo("Portland sales");
        assertThat(IncomingPhoneNumber.fetcher(bought.getSid()).fetch(twilio).getSmsUrl())
                .isEqualTo(URI.create("https://example.com/sms"));
        assertThat(get("/api/relay/rest/phone_numbers/" + bought.getSid()).body().path("message_request_url").asText())
                .isEqualTo("https://example.com/sms");

        // Release: refused inside SignalWire's 14-day cooldown, allowed after it.
        assertThatThrownBy(() -> IncomingPhoneNumber.deleter(bought.getSid()).delete(twilio))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(422));
        emulator.admin().advanceClock(Duration.ofDays(15));
        assertThat(IncomingPhoneNumber.deleter(bought.getSid()).delete(twilio)).isTrue();
        assertThatThrownBy(() -> IncomingPhoneNumber.fetcher(bought.getSid()).fetch(twilio))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
        assertThat(get("/api/relay/rest/phone_numbers/" + bought.getSid()).status()).isEqualTo(404);
        assertThat(list(IncomingPhoneNumber.reader().read(twilio))).hasSize(4);
    }

    @Test
    void outgoingCallerIdsListValidateRenameAndDelete() {
        ValidationRequest validation = ValidationRequest.creator(new PhoneNumber("+12125550100"))
                .setFriendlyName("Head office").create(twilio);
        assertThat(validation.getValidationCode()).matches("\\d{6}");
        assertThat(list(OutgoingCallerId.reader().read(twilio))).as("unverified ids are not listed").isEmpty();

        String id = get("/api/relay/rest/verified_caller_ids").body().path("data").path(0).path("id").asText();
        assertThat(put("/api/relay/rest/verified_caller_ids/" + id + "/verification",
                "{\"verification_code\":\"" + validation.getValidationCode() + "\"}").status()).isEqualTo(200);

        List<OutgoingCallerId> ids = list(OutgoingCallerId.reader().read(twilio));
        assertThat(ids).hasSize(1);
        OutgoingCallerId callerId = ids.get(0);
        assertThat(callerId.getSid()).isEqualTo(id);
        assertThat(callerId.getPhoneNumber().getEndpoint()).isEqualTo("+12125550100");
        assertThat(callerId.getFriendlyName()).isEqualTo("Head office");
        assertThat(list(OutgoingCallerId.reader().setPhoneNumber(new PhoneNumber("+12125550199")).read(twilio))).isEmpty();

        assertThat(OutgoingCallerId.updater(id).setFriendlyName("HQ").update(twilio).getFriendlyName()).isEqualTo("HQ");
        assertThat(OutgoingCallerId.fetcher(id).fetch(twilio).getFriendlyName()).isEqualTo("HQ");
        assertThat(get("/api/relay/rest/verified_caller_ids/" + id).body().path("name").asText()).isEqualTo("HQ");
        assertThat(OutgoingCallerId.deleter(id).delete(twilio)).isTrue();
        assertThat(get("/api/relay/rest/verified_caller_ids/" + id).status()).isEqualTo(404);
    }

    @Test
    void callListTakesTheDateTimesTheLibrarySends() {
        Instant base = Instant.parse("2025-12-01T10:00:00Z");
        for (int hour = 0; hour < 6; hour++) {
            emulator.admin().signalwire().addCall(PROJECT, "+12125550100", "+15035550000", "inbound",
                    base.plus(Duration.ofHours(hour)), 60 + hour);
        }
        List<Call> window = list(Call.reader()
                .setStartTimeAfter(ZonedDateTime.parse("2025-12-01T11:00:00Z"))
                .setStartTimeBefore(ZonedDateTime.parse("2025-12-01T13:00:00Z")).read(twilio));
        assertThat(window).extracting(c -> c.getStartTime().toInstant()).containsExactly(
                base.plus(Duration.ofHours(3)), base.plus(Duration.ofHours(2)), base.plus(Duration.ofHours(1)));
        assertThat(window.get(0).getDuration()).isEqualTo("63");
        // Twilio's library sends "StartTime>=" with a zone-less ISO date-time (read as UTC).
        assertThat(transport.urls).anyMatch(u -> u.contains("StartTime%3E=2025-12-01T11%3A00%3A00"));
        assertThat(list(Call.reader().setStartTime(ZonedDateTime.parse("2025-12-01T00:00:00Z")).read(twilio))).hasSize(6);
    }

    private static <T> List<T> list(Iterable<T> items) {
        return StreamSupport.stream(items.spliterator(), false).toList();
    }

    private static String formatted(String e164) {
        return "(" + e164.substring(2, 5) + ") " + e164.substring(5, 8) + "-" + e164.substring(8);
    }
}

package dev.switchboard.core.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.switchboard.core.http.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class HttpApiSecrecyTest {
    private static final String API_KEY = "KEY-RECOGNISABLE-7f3e9a";
    private static final String TARGET_KEY = "TARGETKEY-RECOGNISABLE-55c1";
    private static final String HMAC = "HMAC-RECOGNISABLE-b64==";

    private final FakeTime time = new FakeTime();
    private final List<String> trace = Collections.synchronizedList(new ArrayList<>());
    private StubServer stub;
    private HttpApi api;

    @BeforeEach
    void start() throws IOException {
        stub = new StubServer();
        api = TestApis.builder(stub.baseUri(), Secret.of(API_KEY), time).debugSink(trace::add).build();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void noSecretAppearsInTracesMessagesOrToStrings() {
        // The provider echoes both keys back in its error text and in a success body.
        stub.enqueue(json(500, "{\"error\":\"server-error\",\"info\":\"key " + API_KEY + " target " + TARGET_KEY + "\"}"),
                json(400, "{\"error\":\"invalid-request-error\",\"info\":\"bad " + TARGET_KEY + "\"}"),
                json(200, "{\"hmac\":\"" + HMAC + "\",\"echo\":\"" + API_KEY + "\"}"));
        ApiRequest transfer = ApiRequest.post("/transfer-phone-number/n1", HttpJson.object()
                        .put("transferDomainName", "target").put("transferDomainApi", TARGET_KEY).put("hmac", HMAC))
                .withBodySecrets(Secret.of(TARGET_KEY));
        List<String> shown = new ArrayList<>();
        Throwable unknown = catchThrowable(() -> api.send(transfer));
        Throwable invalid = catchThrowable(() -> api.send(transfer));
        ApiResponse ok = api.send(ApiRequest.get("/"));
        assertThat(unknown).isInstanceOf(UnknownOutcomeException.class);
        assertThat(invalid).isInstanceOf(InvalidRequestException.class);
        shown.add(unknown.getMessage());
        shown.add(unknown.toString());
        shown.add(invalid.getMessage());
        shown.add(((ApiException) invalid).error().toString());
        shown.add(transfer.toString());
        shown.add(api.toString());
        shown.add(ok.toString());
        shown.add(AuthStrategy.bearer(Secret.of(API_KEY)).toString());
        shown.add(AuthStrategy.basic("proj", Secret.of(API_KEY)).toString());
        shown.addAll(trace);

        assertThat(trace).isNotEmpty();
        for (String text : shown) {
            assertThat(text).doesNotContain(API_KEY).doesNotContain(TARGET_KEY).doesNotContain(HMAC);
        }
        assertThat(trace).anySatisfy(line -> assertThat(line).contains("[Authorization: Bearer ****]")
                .contains("\"transferDomainApi\":\"****\"").contains("\"hmac\":\"****\""));
        // The key really was sent, so the absence above is redaction, not a missing request.
        assertThat(stub.requests().get(0).header("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(stub.requests().get(0).body()).contains(TARGET_KEY);
    }

    @Test
    void redactorMasksNestedFieldsCaseInsensitively() throws Exception {
        String body = "{\"config\":{\"pinless_dialin\":[{\"HMAC\":\"abc\",\"phone_number\":\"+1\"}]},\"Authorization\":\"x\"}";
        String redacted = Redactor.standard().redactBody(body, List.of());
        assertThat(redacted).isEqualTo("{\"config\":{\"pinless_dialin\":[{\"HMAC\":\"****\",\"phone_number\":\"+1\"}]},"
                + "\"Authorization\":\"****\"}");
    }
}

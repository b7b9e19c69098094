package dev.switchboard.core.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;

import static dev.switchboard.core.http.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpApiErrorsTest {
    private static final Secret KEY = Secret.of("errors-test-key");

    private final FakeTime time = new FakeTime();
    private StubServer stub;
    private HttpApi api;

    @BeforeEach
    void start() throws IOException {
        stub = new StubServer();
        api = TestApis.builder(stub.baseUri(), KEY, time).build();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @ParameterizedTest
    @CsvSource({
            "401, authentication-error, AuthenticationException",
            "403, forbidden-error, AuthenticationException",
            "404, not-found, NotFoundException",
            "400, invalid-request-error, InvalidRequestException",
            "422, unprocessable, InvalidRequestException",
            "409, conflict, InvalidRequestException"})
    void clientErrorsMapToTypedExceptionsWithoutRetry(int status, String type, String exception) {
        stub.enqueue(json(status, "{\"error\":\"" + type + "\",\"info\":\"details here\"}"));
        assertThatThrownBy(() -> api.send(ApiRequest.get("/resource/x").withQuery("limit", "5")))
                .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo(exception))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.errorType()).isEqualTo(type);
                    assertThat(e.info()).isEqualTo("details here");
                    assertThat(e.path()).isEqualTo("/resource/x");
                    assertThat(e.getMessage()).isEqualTo("GET /resource/x -> " + status + " " + type + ": details here");
                });
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void unreadableErrorBodyStillGivesAOneLineMessage() {
        HttpApi plain = TestApis.builder(stub.baseUri(), KEY, time).errorDecoder(ErrorDecoder.plainText()).build();
        stub.enqueue(json(400, "not json\nsecond line"));
        assertThatThrownBy(() -> plain.send(ApiRequest.get("/x")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("GET /x -> 400: not json");
    }

    @Test
    void sendsJsonWithAuthorizationAndEncodedQuery() {
        stub.enqueue(json(200, "{\"id\":\"n1\"}"));
        ApiResponse response = api.send(ApiRequest.put("/items/" + HttpApi.pathSegment("a b/c"), HttpJson.object().put("k", "v"))
                .withQuery("phone_numbers", "+1555,+1666").withQuery("absent", null));
        assertThat(response.body().path("id").asText()).isEqualTo("n1");
        StubServer.Recorded seen = stub.requests().get(0);
        assertThat(seen.method()).isEqualTo("PUT");
        assertThat(seen.pathAndQuery()).isEqualTo("/v1/items/a%20b%2Fc?phone_numbers=%2B1555%2C%2B1666");
        assertThat(seen.header("Authorization")).isEqualTo("Bearer errors-test-key");
        assertThat(seen.header("Content-Type")).isEqualTo("application/json");
        assertThat(seen.body()).isEqualTo("{\"k\":\"v\"}");
    }

    @Test
    void emptySuccessBodyIsAnEmptyObject() {
        stub.enqueue(json(200, ""));
        assertThat(api.send(ApiRequest.delete("/x")).body().isEmpty()).isTrue();
    }

    @Test
    void basicAuthSendsUserAndTokenEncoded() throws IOException {
        HttpApi basic = HttpApi.builder(stub.baseUri(), AuthStrategy.basic("project-1", Secret.of("token-9"))).build();
        stub.enqueue(json(200, "{}"));
        basic.send(ApiRequest.get("/x"));
        assertThat(stub.requests().get(0).header("Authorization")).isEqualTo("Basic cHJvamVjdC0xOnRva2VuLTk=");
    }

    @Test
    void plainHttpIsRefusedForRemoteHosts() {
        AuthStrategy auth = AuthStrategy.bearer(KEY);
        assertThatThrownBy(() -> HttpApi.builder(URI.create("http://api.daily.co/v1"), auth))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing plain http:// for api.daily.co")
                .hasMessageNotContaining(KEY.reveal());
        assertThatThrownBy(() -> HttpApi.builder(URI.create("http://10.0.0.8:8080"), auth))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpApi.builder(URI.create("ftp://example.com"), auth))
                .isInstanceOf(IllegalArgumentException.class);
        for (String allowed : new String[] {"http://127.0.0.1:8080/v1", "http://127.8.9.10", "http://localhost:1",
                "http://[::1]:9000/v1", "https://api.daily.co/v1"}) {
            assertThatCode(() -> HttpApi.builder(URI.create(allowed), auth).build()).doesNotThrowAnyException();
        }
    }
}

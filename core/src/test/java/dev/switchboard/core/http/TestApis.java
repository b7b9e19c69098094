package dev.switchboard.core.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.util.Random;

/** Builds {@link HttpApi}s for tests: fake time, seeded jitter, a simple {"error","info"} decoder. */
final class TestApis {
    static final long SEED = 20240611L;

    private TestApis() {
    }

    static ErrorDecoder errorInfoDecoder() {
        return (status, body) -> {
            try {
                JsonNode node = HttpJson.parse(body);
                return new ErrorDecoder.DecodedError(node.path("error").asText(null), node.path("info").asText(null));
            } catch (Exception unreadable) {
                return ErrorDecoder.DecodedError.EMPTY;
            }
        };
    }

    static HttpApiBuilder builder(URI base, Secret key, FakeTime time) {
        System.out.println("jitter seed " + SEED);
        return HttpApi.builder(base, AuthStrategy.bearer(key))
                .namespace("test")
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(5))
                .rateBudget(new RateBudget(RateLimits.unlimited(), time, time))
                .errorDecoder(errorInfoDecoder())
                .sleeper(time)
                .ticker(time)
                .random(new Random(SEED));
    }
}

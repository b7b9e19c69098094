package dev.switchboard.daily;

import dev.switchboard.core.http.StubServer;
import dev.switchboard.core.http.FakeTime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.http.HttpJson;
import dev.switchboard.core.http.RateBudgetRegistry;
import dev.switchboard.core.http.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Base for client tests: a stub Daily on 127.0.0.1, fake time, seeded jitter, a captured trace. */
abstract class StubbedDaily {
    static final long SEED = 77L;
    static final Secret KEY = Secret.of("DAILYKEY-RECOGNISABLE-9d2f");

    final FakeTime time = new FakeTime();
    final List<String> trace = Collections.synchronizedList(new ArrayList<>());
    StubServer stub;
    DailyClient client;

    @BeforeEach
    void startStub() throws IOException {
        System.out.println("jitter seed " + SEED);
        stub = new StubServer();
        client = new DailyClient(stub.baseUri(), KEY, options());
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    DailyClientOptions options() {
        return DailyClientOptions.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                .withRateBudgets(new RateBudgetRegistry(time, time))
                .withDebugSink(trace::add)
                .withTiming(time, time, Clock.systemUTC(), new Random(SEED));
    }

    StubServer.Recorded request(int index) {
        return stub.requests().get(index);
    }

    static JsonNode tree(String text) {
        try {
            return HttpJson.parse(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String q(String text) {
        return text.replace('\'', '"');
    }
}

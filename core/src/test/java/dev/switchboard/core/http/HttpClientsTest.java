package dev.switchboard.core.http;

import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HttpClientsTest {

    @Test
    void thePreparedClientGoesToOneCallerOnlyAndOthersGetTheirOwn() {
        HttpClients.prepare();
        HttpClient first = HttpClients.newClient(HttpClients.DEFAULT_CONNECT_TIMEOUT, false);
        HttpClient second = HttpClients.newClient(HttpClients.DEFAULT_CONNECT_TIMEOUT, false);
        HttpClient other = HttpClients.newClient(Duration.ofSeconds(3), false);

        assertThat(first).isNotSameAs(second).isNotSameAs(other);
        assertThat(other.connectTimeout()).contains(Duration.ofSeconds(3));
        assertThat(first.connectTimeout()).contains(HttpClients.DEFAULT_CONNECT_TIMEOUT);
        assertThat(first.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(first.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
    }

    @Test
    void aPlainHttpClientNeverTakesThePreparedTlsOne() {
        HttpClients.prepare();
        HttpClient plain = HttpClients.newClient(HttpClients.DEFAULT_CONNECT_TIMEOUT, true);
        HttpClient tls = HttpClients.newClient(HttpClients.DEFAULT_CONNECT_TIMEOUT, false);

        assertThat(plain.sslContext().getProtocol()).isEqualTo("none");
        assertThat(tls.sslContext().getProtocol()).isNotEqualTo("none");
    }

    @Test
    void stopForExitEndsTheSelectorThreadsTheVmWouldWaitFor() throws InterruptedException {
        HttpClient client = HttpClients.newClient(HttpClients.DEFAULT_CONNECT_TIMEOUT, false);
        assertThat(client).isNotNull();
        List<Thread> selectors = selectorThreads();
        assertThat(selectors).isNotEmpty();

        HttpClients.stopForExit();

        for (Thread selector : selectors) {
            selector.join(Duration.ofSeconds(10).toMillis());
            assertThat(selector.isAlive()).as(selector.getName()).isFalse();
        }
    }

    private static List<Thread> selectorThreads() {
        List<Thread> found = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().matches("HttpClient-\\d+-SelectorManager")) {
                found.add(thread);
            }
        }
        return found;
    }
}

package dev.switchboard.core.http;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoTlsTest {
    @Test
    void everyTlsUseIsRefusedRatherThanTrustingAnything() {
        SSLContext context = NoTls.context();

        assertThatThrownBy(context::createSSLEngine).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("plain-http");
        assertThatThrownBy(() -> context.createSSLEngine("api.daily.co", 443)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(context::getSocketFactory).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> context.init(null, null, null)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(context::getClientSessionContext).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void onlyLoopbackHttpBaseUrisGoWithoutTls() {
        assertThat(new BaseUri(URI.create("http://127.0.0.1:8750/v1")).plainHttp()).isTrue();
        assertThat(new BaseUri(URI.create("HTTP://localhost/v1")).plainHttp()).isTrue();
        assertThat(new BaseUri(URI.create("https://api.daily.co/v1")).plainHttp()).isFalse();
    }
}

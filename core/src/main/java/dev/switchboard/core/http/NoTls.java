package dev.switchboard.core.http;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import java.security.SecureRandom;

/**
 * The TLS side of a client whose base URI is plain {@code http://} (only ever a loopback emulator, see
 * {@link BaseUri}): none. The JDK's HttpClient otherwise takes {@code SSLContext.getDefault()} when it is built,
 * which loads the security providers and parses the whole CA trust store, the largest single cost of a short
 * command against the emulator. Such a client never speaks TLS (it follows no redirects and uses no proxy);
 * should it ever try, the handshake fails here instead of trusting anything.
 */
final class NoTls {
    private NoTls() {
    }

    static SSLContext context() {
        return new SSLContext(new Refusing(), null, "none") {
        };
    }

    static SSLParameters parameters() {
        return new SSLParameters();
    }

    private static final class Refusing extends SSLContextSpi {
        private static UnsupportedOperationException refused() {
            return new UnsupportedOperationException("TLS on a plain-http (loopback) API client");
        }

        @Override
        protected void engineInit(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random) {
            throw refused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }
    }
}

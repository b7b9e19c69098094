package dev.switchboard.core.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** A provider's base URI, checked for HTTPS (plain HTTP only on loopback), and target URIs under it. */
final class BaseUri {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private final URI uri;
    private final String prefix;

    BaseUri(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("the API base URI must be absolute with a host, was " + uri);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the API base URI must not carry a query, fragment or user info");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("refusing plain http:// for " + uri.getHost()
                    + ": the API key would travel unencrypted; use https:// (http:// is allowed only for"
                    + " loopback hosts such as 127.0.0.1, ::1 or localhost)");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the API base URI must use https://, was " + scheme + "://");
        }
        this.uri = uri;
        String text = uri.toString();
        this.prefix = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String lower = bare.toLowerCase(Locale.ROOT);
        return lower.equals("localhost") || lower.equals("::1") || lower.equals("0:0:0:0:0:0:0:1")
                || IPV4_LOOPBACK.matcher(lower).matches();
    }

    URI uri() {
        return uri;
    }

    /** {@code http://}: a loopback host (the constructor refuses any other), so no TLS. */
    boolean plainHttp() {
        return uri.getScheme().equalsIgnoreCase("http");
    }

    URI resolve(String path, Map<String, String> query) {
        StringBuilder target = new StringBuilder(prefix).append(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            target.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return URI.create(target.toString());
    }

    /** Percent-encodes one query component or path segment ({@code +} becomes {@code %2B}, space {@code %20}). */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}

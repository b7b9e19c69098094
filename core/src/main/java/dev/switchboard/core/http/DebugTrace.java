package dev.switchboard.core.http;

import java.net.URI;
import java.util.Collection;
import java.util.function.Consumer;

/** Writes redacted request and response lines to an optional sink; does nothing without one. */
final class DebugTrace {
    private static final int MAX_BODY = 2000;

    private final String namespace;
    private final Consumer<String> sink;
    private final Redactor redactor;
    private final String authScheme;

    DebugTrace(String namespace, Consumer<String> sink, Redactor redactor, String authScheme) {
        this.namespace = namespace;
        this.sink = sink;
        this.redactor = redactor;
        this.authScheme = authScheme;
    }

    boolean enabled() {
        return sink != null;
    }

    void request(ApiRequest request, URI target, String body, int attempt, Collection<Secret> secrets) {
        if (sink == null) {
            return;
        }
        StringBuilder line = new StringBuilder().append(namespace).append(" > ").append(request.method()).append(' ')
                .append(redactor.redactText(target.toString(), secrets))
                .append(" [Authorization: ").append(authScheme).append(' ').append(Redactor.MASK).append(']');
        if (attempt > 0) {
            line.append(" retry ").append(attempt);
        }
        if (body != null) {
            line.append(" body=").append(shorten(redactor.redactBody(body, secrets)));
        }
        sink.accept(line.toString());
    }

    void response(ApiRequest request, int status, String body, long elapsedMillis, Collection<Secret> secrets) {
        if (sink != null) {
            sink.accept(namespace + " < " + status + ' ' + request.method() + ' ' + request.path() + " ("
                    + elapsedMillis + " ms) body=" + shorten(redactor.redactBody(body, secrets)));
        }
    }

    void failure(ApiRequest request, Exception failure, long elapsedMillis, Collection<Secret> secrets) {
        if (sink != null) {
            String text = failure.getMessage() == null ? "" : ": " + redactor.redactText(failure.getMessage(), secrets);
            sink.accept(namespace + " < " + failure.getClass().getSimpleName() + text + ' ' + request.method() + ' '
                    + request.path() + " (" + elapsedMillis + " ms)");
        }
    }

    void note(String text) {
        if (sink != null) {
            sink.accept(namespace + " . " + text);
        }
    }

    private static String shorten(String text) {
        return text.length() <= MAX_BODY ? text : text.substring(0, MAX_BODY) + "...(" + text.length() + " chars)";
    }
}

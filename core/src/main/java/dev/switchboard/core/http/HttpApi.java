package dev.switchboard.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * The one HTTP layer under every provider call: one instance per (base URI, credential). It sends JSON
 * over HTTP/1.1 with connect and request timeouts, takes a permit from the credential's
 * {@link RateBudget} before every attempt (at the thread's {@link RequestPriority}) and returns it when the
 * answer is in, retries, and turns failures into the {@link ApiException}
 * family. Thread-safe; share one instance across threads.
 *
 * <h2>Retry rules</h2>
 * <ul>
 *   <li>Idempotent requests (GET, PUT, DELETE, or POST marked {@link ApiRequest#asIdempotent()}) are
 *       retried on 429, 5xx, I/O errors and timeouts, up to {@link RetryPolicy#maxRetries()} times with
 *       full-jitter exponential backoff.</li>
 *   <li>Non-idempotent requests (transfer, buy, create) are retried only when it is certain the provider
 *       did not process them: a 429 (its rate limiter refused the request) or a connection that could not
 *       be opened (nothing was sent). Any other failure after the request may have been sent (5xx,
 *       timeout, connection reset or closed before an answer) throws {@link UnknownOutcomeException} at
 *       once and the request is never re-sent; the caller reconciles by reading state.</li>
 *   <li>On 429 the whole budget pauses (every thread using the key waits), for {@code Retry-After} when
 *       present (seconds or an HTTP date), otherwise for a jittered backoff delay, and its pace slows down
 *       ({@link RateBudget#rateLimited}).</li>
 *   <li>When an idempotent request is retried after an ambiguous attempt, the final answer says so
 *       ({@link ApiResponse#afterAmbiguousAttempt()}, {@link ApiException#afterAmbiguousAttempt()}): a
 *       404 on such a DELETE most likely means the first attempt already deleted the resource.</li>
 * </ul>
 * The JDK client itself may re-send a GET once when a pooled connection closes before any answer; it
 * never re-sends a POST.
 *
 * <p>Credentials never appear in messages, traces or {@link #toString()}: the optional debug trace
 * masks the Authorization header, secret-named body fields and the literal values of known secrets.
 */
public final class HttpApi {
    private final String namespace;
    private final BaseUri baseUri;
    private final AuthStrategy auth;
    private final Duration connectTimeout;
    /** Built on the first request: a client that is made but never sends (dial-out's, on most runs) costs nothing. */
    private volatile HttpClient client;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final RateBudget budget;
    private final ErrorDecoder errorDecoder;
    private final Redactor redactor;
    private final DebugTrace trace;
    private final Sleeper sleeper;
    private final Ticker ticker;
    private final Clock clock;
    private final Random random;

    HttpApi(HttpApiBuilder builder) {
        this.namespace = builder.namespace;
        this.baseUri = new BaseUri(builder.baseUri);
        this.auth = builder.auth;
        this.requestTimeout = builder.requestTimeout;
        this.retryPolicy = builder.retryPolicy;
        this.budget = builder.budget != null ? builder.budget : RateBudget.unlimited();
        this.errorDecoder = builder.errorDecoder;
        this.redactor = builder.redactor;
        this.trace = new DebugTrace(namespace, builder.debugSink, redactor, auth.scheme());
        this.sleeper = builder.sleeper;
        this.ticker = builder.ticker;
        this.clock = builder.clock;
        this.random = builder.random;
        this.connectTimeout = builder.connectTimeout;
    }

    private HttpClient client() {
        HttpClient built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    built = HttpClients.newClient(connectTimeout, baseUri.plainHttp());
                    client = built;
                }
            }
        }
        return built;
    }

    /** Starts a builder; the base URI must be https:// unless its host is a loopback address. */
    public static HttpApiBuilder builder(URI baseUri, AuthStrategy auth) {
        return new HttpApiBuilder(baseUri, auth);
    }

    /** Percent-encodes one path segment (an id, a room name), refusing blank values and slashes smuggled in. */
    public static String pathSegment(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a path segment must not be blank");
        }
        return BaseUri.encode(value);
    }

    public URI baseUri() {
        return baseUri.uri();
    }

    public RateBudget rateBudget() {
        return budget;
    }

    /**
     * Sends the request under the retry rules above and returns the 2xx answer.
     *
     * @throws ApiException for every failure; see the class comment for which one
     */
    public ApiResponse send(ApiRequest request) {
        Objects.requireNonNull(request, "request");
        List<Secret> secrets = new ArrayList<>(request.bodySecrets());
        secrets.add(auth.secret());
        URI target = baseUri.resolve(request.path(), request.query());
        String body = request.body() == null ? null : HttpJson.write(request.body());
        HttpRequest httpRequest = toHttpRequest(request, target, body);
        boolean ambiguous = false;
        for (int attempt = 0; ; attempt++) {
            boolean lastAttempt = attempt >= retryPolicy.maxRetries();
            RateBudget.Permit permit = acquirePermit(request, ambiguous);
            trace.request(request, target, body, attempt, secrets);
            long started = ticker.nanos();
            HttpResponse<String> response;
            try (permit) {
                response = client().send(httpRequest, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                trace.failure(request, e, elapsedMillis(started), secrets);
                if (refused(e)) {
                    // nothing was sent, and a refusal does not go away in the seconds retries would wait for
                    throw new TransportException(error(request, 0, new ErrorDecoder.DecodedError(null,
                            "connection refused by " + hostAndPort(target) + "; is the URL right and the service "
                                    + "running?"), ambiguous), e);
                }
                boolean nothingSent = nothingWasSent(e);
                if (!nothingSent && !request.idempotent()) {
                    throw new UnknownOutcomeException(error(request, 0, ErrorDecoder.DecodedError.EMPTY, true), e);
                }
                ambiguous |= !nothingSent;
                if (lastAttempt) {
                    throw new TransportException(error(request, 0, ErrorDecoder.DecodedError.EMPTY, ambiguous), e);
                }
                backOff(request, attempt, ambiguous);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ApiError error = error(request, 0, ErrorDecoder.DecodedError.EMPTY, true);
                throw request.idempotent() ? new TransportException(error, e) : new UnknownOutcomeException(error, e);
            }
            int status = response.statusCode();
            trace.response(request, status, response.body(), elapsedMillis(started), secrets);
            if (status >= 200 && status < 300) {
                return new ApiResponse(status, parseSuccess(request, response.body(), ambiguous), ambiguous);
            }
            ErrorDecoder.DecodedError decoded = decode(status, response.body(), secrets);
            if (status == 429) {
                int retry = attempt;
                Duration pause = RetryAfter.parse(response.headers().firstValue("Retry-After"), clock)
                        .map(retryPolicy::clampRetryAfter)
                        .orElseGet(() -> retryPolicy.jitteredDelay(retry, random));
                budget.rateLimited(pause);
                trace.note("429: pausing the " + namespace + " budget for " + pause.toMillis() + " ms and slowing it down");
                if (lastAttempt) {
                    throw new RateLimitedException(error(request, status, decoded, ambiguous), null);
                }
                continue;
            }
            if (status >= 500) {
                if (!request.idempotent()) {
                    throw new UnknownOutcomeException(error(request, status, decoded, true), null);
                }
                ambiguous = true;
                if (lastAttempt) {
                    throw new ServerException(error(request, status, decoded, true), null);
                }
                backOff(request, attempt, true);
                continue;
            }
            throw clientError(error(request, status, decoded, ambiguous));
        }
    }

    private HttpRequest toHttpRequest(ApiRequest request, URI target, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(requestTimeout)
                .header("Authorization", auth.headerValue())
                .header("Accept", "application/json")
                .header("User-Agent", "switchboard");
        if (body != null) {
            builder.header("Content-Type", "application/json");
            return builder.method(request.method(), HttpRequest.BodyPublishers.ofString(body)).build();
        }
        return builder.method(request.method(), HttpRequest.BodyPublishers.noBody()).build();
    }

    private RateBudget.Permit acquirePermit(ApiRequest request, boolean ambiguous) {
        try {
            return budget.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(error(request, 0, new ErrorDecoder.DecodedError(null,
                    "interrupted while waiting for the rate budget"), ambiguous), e);
        }
    }

    private void backOff(ApiRequest request, int attempt, boolean ambiguous) {
        Duration delay = retryPolicy.jitteredDelay(attempt, random);
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(error(request, 0, new ErrorDecoder.DecodedError(null,
                    "interrupted while backing off"), ambiguous), e);
        }
    }

    /** True when the host actively refused the connection (nothing listens on that port). */
    /**
     * A refused connection. Not a connect timeout: the JDK reports one as a ConnectException too, but a busy
     * host or network may answer the next attempt, and nothing was sent, so it is retried like a reset.
     */
    static boolean refused(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.http.HttpConnectTimeoutException) {
                return false;
            }
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static String hostAndPort(URI target) {
        int port = target.getPort() != -1 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
        return target.getHost() + ":" + port;
    }

    /** True when the connection could not be opened, so the provider cannot have seen the request. */
    private static boolean nothingWasSent(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private JsonNode parseSuccess(ApiRequest request, String body, boolean ambiguous) {
        try {
            return HttpJson.parse(body);
        } catch (JsonProcessingException e) {
            throw new TransportException(error(request, 200, new ErrorDecoder.DecodedError(null,
                    "the success body is not JSON"), ambiguous), null);
        }
    }

    private ErrorDecoder.DecodedError decode(int status, String body, List<Secret> secrets) {
        ErrorDecoder.DecodedError decoded;
        try {
            decoded = errorDecoder.decode(status, body);
        } catch (RuntimeException unreadable) {
            decoded = ErrorDecoder.DecodedError.EMPTY;
        }
        return new ErrorDecoder.DecodedError(redactor.redactText(decoded.errorType(), secrets),
                redactor.redactText(decoded.info(), secrets));
    }

    private static ApiError error(ApiRequest request, int status, ErrorDecoder.DecodedError decoded, boolean ambiguous) {
        return new ApiError(status, decoded.errorType(), decoded.info(), request.method(), request.path(), ambiguous);
    }

    private ApiException clientError(ApiError error) {
        return switch (error.status()) {
            case 401, 403 -> new AuthenticationException(error, null, auth.fingerprint());
            case 404 -> new NotFoundException(error, null);
            default -> new InvalidRequestException(error, null);
        };
    }

    private long elapsedMillis(long startedNanos) {
        return Duration.ofNanos(ticker.nanos() - startedNanos).toMillis();
    }

    @Override
    public String toString() {
        return "HttpApi[" + namespace + " " + baseUri + ", key " + auth.fingerprint() + "]";
    }
}

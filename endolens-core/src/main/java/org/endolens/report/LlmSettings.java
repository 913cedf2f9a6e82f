package org.endolens.report;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link LlmAttributeExtractor} talks to an OpenAI-compatible chat-completions endpoint.
 *
 * @param endpoint the chat-completions URL; a base URL ("http://host:8000/v1") gets {@code /chat/completions} appended
 * @param model the model name sent with every request (and part of each cache entry)
 * @param apiKey bearer token, or null for endpoints without authentication
 * @param requestTimeout limit for one HTTP exchange; a timeout is retried
 * @param maxAttempts HTTP attempts per request (429, 5xx, timeouts and connection errors are retried)
 * @param initialBackoff wait before the first retry, doubled for each further one
 * @param maxBackoff the longest wait between attempts, also the cap on a server's Retry-After
 * @param maxInvalidReplies how many schema-invalid replies to accept before falling back to the rules
 * @param cacheDir folder of the reply cache, or null for no cache
 */
public record LlmSettings(
        URI endpoint,
        String model,
        String apiKey,
        Duration requestTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        int maxInvalidReplies,
        Path cacheDir) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_ATTEMPTS = 5;
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
    public static final int DEFAULT_INVALID_REPLIES = 2;

    public LlmSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("--llm-url " + endpoint + ": expected an http:// or https:// URL");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("--llm-model is required with --extractor llm");
        }
        String path = endpoint.getPath() == null ? "" : endpoint.getPath();
        if (!path.endsWith("/chat/completions")) {
            endpoint = URI.create(endpoint.toString().replaceAll("/+$", "") + "/chat/completions");
        }
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        if (maxAttempts < 1 || maxInvalidReplies < 1) {
            throw new IllegalArgumentException("maxAttempts and maxInvalidReplies must be at least 1, got "
                    + maxAttempts + " and " + maxInvalidReplies);
        }
    }

    /** Settings with the default timeout, retries and backoff. */
    public static LlmSettings of(URI endpoint, String model, String apiKey, Path cacheDir) {
        return new LlmSettings(endpoint, model, apiKey, DEFAULT_TIMEOUT, DEFAULT_ATTEMPTS, DEFAULT_BACKOFF,
                DEFAULT_MAX_BACKOFF, DEFAULT_INVALID_REPLIES, cacheDir);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + duration);
        }
    }

    // Keeps the key out of logs and error messages.
    @Override
    public String toString() {
        return "LlmSettings[endpoint=" + endpoint + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", requestTimeout=" + requestTimeout + ", maxAttempts=" + maxAttempts + ", cacheDir=" + cacheDir + "]";
    }
}

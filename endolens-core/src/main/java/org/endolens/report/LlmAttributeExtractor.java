package org.endolens.report;

import org.endolens.DataFormatException;
import org.endolens.EndoLensException;
import org.endolens.util.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Extracts attributes with an LLM behind any OpenAI-compatible chat-completions endpoint. The report is
 * de-identified first, so only masked text leaves the machine; the request asks for a JSON-schema
 * {@code response_format}, and every reply is validated against the schema and vocabularies before it is used.
 * 429, 5xx, timeouts and connection errors are retried with bounded exponential backoff; replies that stay invalid,
 * and an endpoint that stays unavailable, fall back to the rule extractor (counted in {@link #stats()}). Valid replies
 * are cached by the SHA-256 of the de-identified text, so a rerun sends nothing for reports it has seen.
 */
public final class LlmAttributeExtractor implements AttributeExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(LlmAttributeExtractor.class);

    private final LlmSettings settings;
    private final AttributeExtractor fallback;
    private final Deidentifier deidentifier;
    private final ExtractionCache cache;
    private final HttpClient http;
    private final AtomicInteger reports = new AtomicInteger();
    private final AtomicInteger cacheHits = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger validReplies = new AtomicInteger();
    private final AtomicInteger invalidReplies = new AtomicInteger();
    private final AtomicInteger fallbacks = new AtomicInteger();

    /** An extractor that falls back to {@link RuleAttributeExtractor}. */
    public LlmAttributeExtractor(LlmSettings settings) {
        this(settings, new RuleAttributeExtractor(), new Deidentifier());
    }

    public LlmAttributeExtractor(LlmSettings settings, AttributeExtractor fallback, Deidentifier deidentifier) {
        this.settings = settings;
        this.fallback = fallback;
        this.deidentifier = deidentifier;
        this.cache = settings.cacheDir() == null ? null : new ExtractionCache(settings.cacheDir());
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public ReportAttributes extract(String report) {
        if (report == null || report.isBlank()) {
            throw new IllegalArgumentException("the report is empty");
        }
        reports.incrementAndGet();
        String text = deidentifier.deidentify(report);
        String key = sha256(text);
        Optional<ReportAttributes> cached = cache == null ? Optional.empty() : cache.get(key, settings.model());
        if (cached.isPresent()) {
            cacheHits.incrementAndGet();
            return cached.get();
        }
        String requestBody = requestBody(text);
        for (int reply = 1; reply <= settings.maxInvalidReplies(); reply++) {
            Optional<String> body = post(requestBody);
            if (body.isEmpty()) {
                break;
            }
            try {
                ReportAttributes attributes = parseReply(body.get());
                validReplies.incrementAndGet();
                if (cache != null) {
                    cache.put(key, settings.model(), attributes);
                }
                return attributes;
            } catch (DataFormatException e) {
                invalidReplies.incrementAndGet();
                LOG.warn("invalid reply from {} ({}/{}): {}", settings.endpoint(), reply, settings.maxInvalidReplies(),
                        e.getMessage());
            }
        }
        fallbacks.incrementAndGet();
        return fallback.extract(report);
    }

    public LlmStats stats() {
        return new LlmStats(reports.get(), cacheHits.get(), requests.get(), retries.get(), validReplies.get(),
                invalidReplies.get(), fallbacks.get());
    }

    /** The chat-completions request for one de-identified report. */
    String requestBody(String deidentifiedReport) {
        ObjectNode request = Json.mapper().createObjectNode();
        request.put("model", settings.model());
        request.put("temperature", 0);
        ArrayNode messages = request.putArray("messages");
        messages.addObject().put("role", "system").put("content", LlmInstructions.SYSTEM_PROMPT);
        messages.addObject().put("role", "user").put("content", deidentifiedReport);
        request.set("response_format", LlmInstructions.responseFormat());
        return request.toString();
    }

    /**
     * The attributes in a chat-completions reply: the first choice's message content, JSON (a Markdown code fence
     * around it is tolerated), valid against the schema.
     */
    static ReportAttributes parseReply(String body) {
        JsonNode reply;
        try {
            reply = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new DataFormatException("the reply is not JSON (" + Json.reason(e) + ")", e);
        }
        JsonNode content = reply.path("choices").path(0).path("message").path("content");
        if (!content.isTextual()) {
            throw new DataFormatException("the reply has no choices[0].message.content text");
        }
        String text = content.textValue().strip();
        if (text.startsWith("```")) {
            text = text.replaceFirst("^```(?:json)?\\s*", "").replaceFirst("\\s*```$", "");
        }
        JsonNode attributes;
        try {
            attributes = Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new DataFormatException("the message content is not JSON (" + Json.reason(e) + ")", e);
        }
        return ReportAttributes.fromJson(attributes);
    }

    /** The body of a 2xx reply, or empty when the endpoint stayed unavailable through every attempt. */
    private Optional<String> post(String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.endpoint())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        Duration backoff = settings.initialBackoff();
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                retries.incrementAndGet();
            }
            requests.incrementAndGet();
            Duration wait = backoff;
            String failure;
            try {
                HttpResponse<String> response = http.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return Optional.of(response.body());
                }
                if (status == 401 || status == 403 || status == 404) {
                    throw new EndoLensException("LLM endpoint " + settings.endpoint() + " answered HTTP " + status
                            + (status == 404 ? ": check --llm-url" : ": check the API key (--llm-key-env)"));
                }
                if (status != 408 && status != 429 && status / 100 != 5) {
                    LOG.warn("LLM endpoint {} refused the request with HTTP {}: {}", settings.endpoint(), status,
                            firstLine(response.body()));
                    return Optional.empty();
                }
                failure = "HTTP " + status;
                wait = retryAfter(response).orElse(backoff);
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EndoLensException("interrupted while waiting for " + settings.endpoint(), e);
            }
            LOG.warn("LLM request {}/{} to {} failed ({})", attempt, settings.maxAttempts(), settings.endpoint(), failure);
            if (attempt < settings.maxAttempts()) {
                sleep(min(wait, settings.maxBackoff()));
                backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
            }
        }
        return Optional.empty();
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EndoLensException("interrupted while waiting to retry the LLM request", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

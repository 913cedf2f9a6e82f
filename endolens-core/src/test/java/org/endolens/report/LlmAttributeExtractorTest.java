package org.endolens.report;

import org.endolens.EndoLensException;
import org.endolens.util.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The LLM extractor against a local server on 127.0.0.1 that plays an OpenAI-compatible endpoint: valid, malformed,
 * schema-invalid, slow, rate-limited and failing replies, the cache, and de-identification of what is sent.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LlmAttributeExtractorTest {
    private static final String REPORT = "Patient: Johanna Mueller  MRN: 88812345  Exam date: 03/14/2024\n"
            + "Referring: Dr. Peter Parker. Cecum reached. BBPS 2-3-3 (8).\n"
            + "Findings: A 6 mm sessile polyp in the sigmoid colon, cold snare. Small internal hemorrhoids.\n"
            + "Pathology: tubular adenoma.";
    private static final List<String> PLANTED = List.of("Johanna", "Mueller", "88812345", "03/14/2024", "Peter", "Parker");
    // Differs from what the rules read (a 6 mm polyp), so a fallback can never pass for the model's answer.
    private static final ReportAttributes ANSWER = ReportAttributes.of(
            List.of(new PolypFinding(7.0, "sigmoid colon", "0-Is", "tubular adenoma", 1)), 8, true,
            Set.of("internal hemorrhoids"));
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** One scripted answer of the fake endpoint. */
    private record Reply(int status, String body, long delayMillis, Map<String, String> headers) {
        static Reply ok(String content) {
            ObjectNode body = Json.mapper().createObjectNode();
            body.putArray("choices").addObject().putObject("message").put("role", "assistant").put("content", content);
            return new Reply(200, body.toString(), 0, Map.of());
        }

        static Reply status(int status) {
            return new Reply(status, "{\"error\":{\"message\":\"status " + status + "\"}}", 0, Map.of("Retry-After", "0"));
        }

        Reply delayed(long millis) {
            return new Reply(status, body, millis, headers);
        }
    }

    @TempDir
    Path tmp;

    private HttpServer server;
    private ExecutorService threads;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<String> bodies = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        threads = Executors.newFixedThreadPool(4);
        server.setExecutor(threads);
        server.createContext("/v1/chat/completions", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        Reply reply;
        synchronized (this) {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            reply = script.isEmpty() ? Reply.status(500) : script.poll();
        }
        try {
            Thread.sleep(reply.delayMillis());
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException | IOException e) {
            exchange.close();
        }
    }

    private LlmAttributeExtractor extractor(Path cacheDir) {
        return extractor(cacheDir, TIMEOUT);
    }

    private LlmAttributeExtractor extractor(Path cacheDir, Duration timeout) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        return new LlmAttributeExtractor(new LlmSettings(base, "test-model", "sk-test", timeout, 3,
                Duration.ofMillis(10), Duration.ofMillis(50), 2, cacheDir));
    }

    private synchronized void play(Reply... replies) {
        script.addAll(List.of(replies));
    }

    @Test
    void returnsAValidReplyAndSendsOnlyDeidentifiedText() throws Exception {
        play(Reply.ok(ANSWER.toJson().toString()));
        LlmAttributeExtractor extractor = extractor(null);
        assertEquals(ANSWER, extractor.extract(REPORT));
        assertEquals(new LlmStats(1, 0, 1, 0, 1, 0, 0), extractor.stats());
        String body = bodies.get(0);
        for (String identifier : PLANTED) {
            assertFalse(body.contains(identifier), identifier + " was sent: " + body);
        }
        JsonNode request = Json.mapper().readTree(body);
        assertEquals("test-model", request.get("model").textValue());
        assertEquals("json_schema", request.at("/response_format/type").textValue());
        assertTrue(request.at("/messages/1/content").textValue().contains("6 mm sessile polyp in the sigmoid colon"));
        assertEquals("Bearer sk-test", authorizations.get(0));
    }

    @Test
    void acceptsAFencedReply() {
        play(Reply.ok("```json\n" + ANSWER.toJson() + "\n```"));
        assertEquals(ANSWER, extractor(null).extract(REPORT));
    }

    @Test
    void fallsBackToTheRulesWhenRepliesAreMalformed() {
        play(new Reply(200, "not json at all", 0, Map.of()), Reply.ok("{\"polyp_count\": 1, \"polyps\": ["));
        LlmAttributeExtractor extractor = extractor(null);
        assertEquals(new RuleAttributeExtractor().extract(REPORT), extractor.extract(REPORT));
        assertEquals(new LlmStats(1, 0, 2, 0, 0, 2, 1), extractor.stats());
    }

    @Test
    void fallsBackToTheRulesWhenRepliesBreakTheSchema() {
        String unknownSegment = ANSWER.toJson().toString().replace("sigmoid colon", "left colon");
        String wrongCount = ANSWER.toJson().toString().replace("\"polyp_count\":1", "\"polyp_count\":3");
        play(Reply.ok(unknownSegment), Reply.ok(wrongCount));
        LlmAttributeExtractor extractor = extractor(null);
        assertEquals(new RuleAttributeExtractor().extract(REPORT), extractor.extract(REPORT));
        assertEquals(2, extractor.stats().invalidReplies());
        assertEquals(1, extractor.stats().fallbacks());
    }

    @Test
    void retriesAfterATimeout() {
        play(Reply.ok(ANSWER.toJson().toString()).delayed(20_000), Reply.ok(ANSWER.toJson().toString()));
        LlmAttributeExtractor extractor = extractor(null, Duration.ofMillis(1500));
        assertEquals(ANSWER, extractor.extract(REPORT));
        assertEquals(new LlmStats(1, 0, 2, 1, 1, 0, 0), extractor.stats());
    }

    @Test
    void retriesAfterRateLimiting() {
        play(Reply.status(429), Reply.status(503), Reply.ok(ANSWER.toJson().toString()));
        LlmAttributeExtractor extractor = extractor(null);
        assertEquals(ANSWER, extractor.extract(REPORT));
        assertEquals(new LlmStats(1, 0, 3, 2, 1, 0, 0), extractor.stats());
    }

    @Test
    void fallsBackAfterABoundedNumberOfServerErrors() {
        play(Reply.status(500), Reply.status(502), Reply.status(500), Reply.status(500));
        LlmAttributeExtractor extractor = extractor(null);
        assertEquals(new RuleAttributeExtractor().extract(REPORT), extractor.extract(REPORT));
        assertEquals(new LlmStats(1, 0, 3, 2, 0, 0, 1), extractor.stats());
    }

    @Test
    void stopsOnAnAuthenticationError() {
        play(Reply.status(401));
        EndoLensException e = assertThrows(EndoLensException.class, () -> extractor(null).extract(REPORT));
        assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
        assertFalse(e.getMessage().contains("sk-test"), e.getMessage());
    }

    @Test
    void answersRepeatedReportsFromTheCacheAcrossRuns() throws Exception {
        Path cache = tmp.resolve("cache");
        play(Reply.ok(ANSWER.toJson().toString()));
        LlmAttributeExtractor first = extractor(cache);
        assertEquals(ANSWER, first.extract(REPORT));
        assertEquals(ANSWER, first.extract(REPORT));
        assertEquals(1, first.stats().cacheHits());
        Files.writeString(cache.resolve(ExtractionCache.FILE_NAME), "{\"key\": \"torn", StandardOpenOption.APPEND);
        LlmAttributeExtractor second = extractor(cache);
        assertEquals(ANSWER, second.extract(REPORT));
        assertEquals(new LlmStats(1, 1, 0, 0, 0, 0, 0), second.stats());
        assertEquals(1, bodies.size());
        String otherReport = REPORT.replace("6 mm", "8 mm");
        play(Reply.ok(ANSWER.toJson().toString()));
        second.extract(otherReport);
        ExtractionCache reloaded = new ExtractionCache(cache);
        assertEquals(2, reloaded.size());
        assertEquals(1, reloaded.skippedLines());
    }

    @Test
    void keysTheCacheByTheDeidentifiedText() {
        play(Reply.ok(ANSWER.toJson().toString()));
        Path cache = tmp.resolve("cache");
        LlmAttributeExtractor extractor = extractor(cache);
        extractor.extract(REPORT);
        extractor.extract(REPORT.replace("Johanna Mueller", "Maria Rossi").replace("88812345", "77712345"));
        assertEquals(1, bodies.size());
    }

    @Test
    void describesTheSchemaWithTheValidationVocabularies() {
        JsonNode schema = LlmInstructions.responseFormat().at("/json_schema/schema");
        assertEquals(AttributesJson.REPORT_FIELDS.size(), schema.get("required").size());
        JsonNode locations = schema.at("/properties/polyps/items/properties/location/enum");
        assertEquals(Segment.values().length + 1, locations.size());
        assertTrue(LlmInstructions.SYSTEM_PROMPT.contains("sessile serrated lesion"));
    }
}

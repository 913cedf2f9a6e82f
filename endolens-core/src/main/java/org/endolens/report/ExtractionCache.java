package org.endolens.report;

import org.endolens.EndoLensException;
import org.endolens.util.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validated LLM replies keyed by the SHA-256 of the de-identified report text and the model, in a JSON-lines file
 * ({@code llm-attributes.jsonl}: {@code {"key", "model", "attributes"}}). Entries are appended whole under a file
 * lock, so concurrent runs sharing a folder do not interleave; a line left torn by a crash is skipped on load and
 * cut off from the next entry by a line break.
 */
public final class ExtractionCache {
    public static final String FILE_NAME = "llm-attributes.jsonl";

    private final Path file;
    private final Map<String, ReportAttributes> entries = new HashMap<>();
    private int skippedLines;

    public ExtractionCache(Path dir) {
        this.file = dir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dir);
            if (Files.exists(file)) {
                load(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new EndoLensException(file + ": cannot read the LLM cache (" + e.getMessage() + ")", e);
        }
    }

    public synchronized Optional<ReportAttributes> get(String key, String model) {
        return Optional.ofNullable(entries.get(model + "\n" + key));
    }

    public synchronized void put(String key, String model, ReportAttributes attributes) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("key", key);
        line.put("model", model);
        line.set("attributes", attributes.toJson());
        byte[] bytes;
        try {
            bytes = (Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(line) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EndoLensException("cannot encode a cache entry (" + e.getMessage() + ")", e);
        }
        // Writing at the end while holding the exclusive lock appends even when other processes write too.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
                FileLock lock = channel.lock()) {
            channel.position(channel.size());
            if (channel.size() > 0 && !endsWithNewline(channel)) {
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new EndoLensException(file + ": cannot append to the LLM cache (" + e.getMessage() + ")", e);
        }
        entries.put(model + "\n" + key, attributes);
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Lines of the cache file that could not be read (torn by a crash or edited by hand) and were ignored. */
    public synchronized int skippedLines() {
        return skippedLines;
    }

    public Path file() {
        return file;
    }

    private void load(List<String> lines) {
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode json = Json.mapper().readTree(line);
                entries.put(json.get("model").textValue() + "\n" + json.get("key").textValue(),
                        ReportAttributes.fromJson(json.get("attributes")));
            } catch (IOException | RuntimeException e) {
                skippedLines++;
            }
        }
    }

    private static boolean endsWithNewline(FileChannel channel) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, channel.size() - 1);
        return last.get(0) == '\n';
    }
}

package org.endolens.weights;

import org.endolens.util.EngineRuntime;
import org.endolens.util.Json;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Where a checkpoint came from (Tribuo-style): command line, git commit, seed, engine versions, input file
 * hashes and metrics, written as {@code provenance.json} beside the weights.
 */
public final class Provenance {
    private final ObjectNode node = Json.mapper().createObjectNode();

    private Provenance() {}

    /** A provenance record started now for {@code command} (the user's argument vector). */
    public static Provenance of(List<String> command) {
        Provenance p = new Provenance();
        p.node.put("created", Instant.now().toString());
        p.node.putPOJO("command", command);
        p.node.put("endolens_version", version());
        String commit = gitCommit(Path.of("").toAbsolutePath());
        if (commit != null) {
            p.node.put("git_commit", commit);
        }
        p.node.putPOJO("engine", EngineRuntime.describe());
        return p;
    }

    public Provenance put(String field, String value) {
        node.put(field, value);
        return this;
    }

    public Provenance put(String field, long value) {
        node.put(field, value);
        return this;
    }

    public Provenance putObject(String field, Object value) {
        node.putPOJO(field, value);
        return this;
    }

    /** Records {@code file}'s size and SHA-256 under {@code field}. */
    public Provenance putFile(String field, Path file) {
        ObjectNode f = node.putObject(field);
        f.put("path", file.toAbsolutePath().toString());
        if (Files.isRegularFile(file)) {
            f.put("sha256", sha256(file));
        }
        return this;
    }

    public ObjectNode toJson() {
        return node.deepCopy();
    }

    static String version() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Reads the commit of the enclosing git checkout without running git; null outside one. */
    static String gitCommit(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path git = dir.resolve(".git");
            if (!Files.isDirectory(git)) {
                continue;
            }
            try {
                String head = Files.readString(git.resolve("HEAD")).trim();
                if (!head.startsWith("ref: ")) {
                    return head;
                }
                Path ref = git.resolve(head.substring(5));
                if (Files.isRegularFile(ref)) {
                    return Files.readString(ref).trim();
                }
                Path packed = git.resolve("packed-refs");
                if (Files.isRegularFile(packed)) {
                    for (String line : Files.readAllLines(packed)) {
                        if (line.endsWith(" " + head.substring(5))) {
                            return line.substring(0, line.indexOf(' '));
                        }
                    }
                }
            } catch (IOException e) {
                return null;
            }
            return null;
        }
        return null;
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // reading feeds the digest
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}

package org.endolens.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.endolens.EndoLensException;
import org.endolens.data.ExamRecord;
import org.endolens.data.synthetic.SyntheticColonoscopy;
import org.endolens.data.synthetic.SyntheticConfig;
import org.endolens.model.Models;
import org.endolens.model.Presets;
import org.endolens.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retrieval scores on embeddings whose rankings can be worked out by hand, and the evaluation's files. */
class RetrievalEvaluationTest {
    // Unit vectors: cos(0,1) = 0.8, cos(0,2) = 0.6, cos(0,3) = 0, cos(1,2) = 0.96, cos(1,3) = 0.6, cos(2,3) = 0.8;
    // item 4 points away from all of them. Patients: A A B B C.
    private static final float[][] EMBEDDINGS = {{1, 0}, {0.8f, 0.6f}, {0.6f, 0.8f}, {0, 1}, {-1, -1}};
    private static final List<String> PATIENTS = List.of("A", "A", "B", "B", "C");

    @Test
    void imageToImageRanksOtherFramesOfTheSamePatientAndSkipsLonePatients() {
        boolean[][] relevant = RetrievalEvaluation.relevance(PATIENTS, PATIENTS);
        RetrievalEvaluation.Direction d = RetrievalEvaluation.score("i2i", EMBEDDINGS, EMBEDDINGS, relevant, true, 0);
        // Without the query itself: query 0 -> 1 (A) first, rank 1; query 1 -> 2 (B), 0 (A): rank 2;
        // query 2 -> 1 (A), 3 (B): rank 2; query 3 -> 2 (B): rank 1. Query 4 has no other frame of patient C.
        assertEquals(4, d.queries());
        assertEquals(1, d.skippedQueries());
        assertEquals(0.5, d.recall()[0], 1e-12);
        assertEquals(1.0, d.recall()[1], 1e-12);
        assertEquals(1.0, d.recall()[2], 1e-12);
        assertEquals((1 + 0.5 + 0.5 + 1) / 4, d.mrr(), 1e-12);
        assertTrue(d.recallAt1().low() <= 0.5 && 0.5 <= d.recallAt1().high(), d.recallAt1().toString());
        assertTrue(d.recallAt1().low() < d.recallAt1().high());
    }

    @Test
    void withoutExcludingTheQueryEveryFrameFindsItselfFirst() {
        boolean[][] relevant = RetrievalEvaluation.relevance(PATIENTS, PATIENTS);
        RetrievalEvaluation.Direction d = RetrievalEvaluation.score("self", EMBEDDINGS, EMBEDDINGS, relevant, false, 0);
        assertEquals(5, d.queries());
        assertEquals(1.0, d.recall()[0], 1e-12);
    }

    @Test
    void textQueriesAreScoredAgainstTheirRelevantImages() {
        float[][] texts = {{0, 1}, {1, 0.1f}};
        boolean[][] relevant = RetrievalEvaluation.relevance(List.of("B", "A"), PATIENTS);
        RetrievalEvaluation.Direction d = RetrievalEvaluation.score("t2i", texts, EMBEDDINGS, relevant, false, 0);
        // Text 0 is closest to item 3 (B); text 1 to item 0 (A).
        assertEquals(1.0, d.recall()[0], 1e-12);
        assertEquals(1.0, d.mrr(), 1e-12);
    }

    @Test
    void noScorableQueryIsAnError() {
        boolean[][] relevant = RetrievalEvaluation.relevance(List.of("X", "Y"), List.of("X", "Y"));
        EndoLensException e = assertThrows(EndoLensException.class, () -> RetrievalEvaluation.score("i2i",
                new float[][] {{1, 0}, {0, 1}}, new float[][] {{1, 0}, {0, 1}}, relevant, true, 0));
        assertTrue(e.getMessage().contains("no query has a relevant gallery item"), e.getMessage());
    }

    @Test
    void clipModelIsEvaluatedInEveryDirectionAndWritesItsFiles(@TempDir Path data, @TempDir Path out) throws Exception {
        List<ExamRecord> exams = SyntheticColonoscopy.generate(data, SyntheticConfig.tiny());
        Engine.getInstance().setRandomSeed(0);
        try (NDManager manager = NDManager.newBaseManager()) {
            ImageEmbedder embedder = ImageEmbedder.of(Models.create(Presets.load("clip-tiny"), manager), manager);
            RetrievalEvaluation.Result result = RetrievalEvaluation.run(embedder, exams, data, out, 0);
            assertEquals(3, result.directions().size());
            JsonNode metrics = Json.mapper().readTree(out.resolve("metrics.json").toFile());
            JsonNode first = metrics.get("directions").get(0);
            assertEquals("image->image (same patient)", first.get("direction").asText());
            double r1 = first.get("recall_at_1").asDouble();
            assertTrue(first.get("recall_at_1_ci_low").asDouble() <= r1 && r1 <= first.get("recall_at_1_ci_high").asDouble());
            double r5 = first.get("recall_at_5").asDouble();
            assertTrue(r1 <= r5 && r5 <= first.get("recall_at_10").asDouble());
            assertTrue(Files.readString(out.resolve("report.html")).contains("data:image/png;base64,"));
        }
    }
}

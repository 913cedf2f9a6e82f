package org.endolens.metrics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Retrieval metrics from a query × gallery similarity matrix and a relevance matrix: Recall@K (the fraction of
 * queries with at least one relevant item among the top K) and mean reciprocal rank of the first relevant item
 * (0 for a query with none). Ties are broken by gallery index, so results are deterministic.
 */
public final class RetrievalScores {
    private final int[] firstRelevantRank;

    private RetrievalScores(int[] firstRelevantRank) {
        this.firstRelevantRank = firstRelevantRank;
    }

    /**
     * Ranks the gallery for every query. {@code excludeSelf} drops gallery item {@code q} from query {@code q}'s
     * ranking (image→image retrieval within one set).
     */
    public static RetrievalScores of(float[][] similarity, boolean[][] relevant, boolean excludeSelf) {
        int queries = similarity.length;
        int[] first = new int[queries];
        for (int q = 0; q < queries; q++) {
            float[] s = similarity[q];
            int query = q;
            Integer[] order = new Integer[s.length];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -s[i]).thenComparingInt(i -> i));
            int rank = 0;
            first[q] = 0;
            for (int i : order) {
                if (excludeSelf && i == query) {
                    continue;
                }
                rank++;
                if (relevant[q][i]) {
                    first[q] = rank;
                    break;
                }
            }
        }
        return new RetrievalScores(first);
    }

    public double recallAt(int k) {
        return Arrays.stream(firstRelevantRank).filter(r -> r > 0 && r <= k).count() / (double) firstRelevantRank.length;
    }

    public double meanReciprocalRank() {
        return Arrays.stream(firstRelevantRank).mapToDouble(r -> r == 0 ? 0 : 1.0 / r).average().orElse(Double.NaN);
    }

    /**
     * The scores of the queries at {@code queries} (repeats allowed): a subset of the queries, or a bootstrap
     * resample of them.
     */
    public RetrievalScores subset(int[] queries) {
        int[] ranks = new int[queries.length];
        for (int i = 0; i < queries.length; i++) {
            ranks[i] = firstRelevantRank[queries[i]];
        }
        return new RetrievalScores(ranks);
    }

    /** Rank (1-based) of each query's first relevant item, 0 when none. */
    public int[] firstRelevantRanks() {
        return firstRelevantRank.clone();
    }
}

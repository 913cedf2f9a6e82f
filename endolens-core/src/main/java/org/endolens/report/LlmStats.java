package org.endolens.report;

/**
 * What an {@link LlmAttributeExtractor} did so far.
 *
 * @param reports reports extracted
 * @param cacheHits reports answered from the cache without a request
 * @param requests HTTP requests sent, retries included
 * @param retries requests repeated after a 429, a 5xx, a timeout or a connection error
 * @param validReplies replies that passed validation
 * @param invalidReplies replies that were malformed JSON or broke the schema
 * @param fallbacks reports extracted by the rules instead, because replies stayed invalid or the endpoint failed
 */
public record LlmStats(int reports, int cacheHits, int requests, int retries, int validReplies, int invalidReplies,
        int fallbacks) {

    /** One line for the command's summary. */
    public String summary() {
        return String.format("LLM: %d reports, %d from cache, %d requests (%d retries), %d valid replies, "
                + "%d invalid replies, %d fallbacks to the rule extractor", reports, cacheHits, requests, retries,
                validReplies, invalidReplies, fallbacks);
    }
}

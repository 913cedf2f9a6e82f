package org.endolens.cli;

import org.endolens.report.AttributeExtractor;
import org.endolens.report.LlmAttributeExtractor;
import org.endolens.report.LlmSettings;
import org.endolens.report.RuleAttributeExtractor;

import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** The options of {@code endolens extract} that choose and configure the attribute extractor. */
final class ExtractorOptions {
    /** Which extractor reads the reports. */
    enum Kind { RULES, LLM }

    @Option(names = "--extractor", defaultValue = "rules", paramLabel = "rules|llm",
            description = "rules: deterministic, offline (default); llm: an OpenAI-compatible endpoint, reports "
                    + "de-identified first, falling back to the rules when replies stay invalid.")
    Kind kind;

    @Option(names = "--llm-url", paramLabel = "URL",
            description = "Chat-completions endpoint or its base URL (e.g. http://localhost:8000/v1).")
    URI llmUrl;

    @Option(names = "--llm-model", paramLabel = "NAME", description = "Model name sent with each request.")
    String llmModel;

    @Option(names = "--llm-key-env", defaultValue = "OPENAI_API_KEY", paramLabel = "VAR",
            description = "Environment variable holding the API key (default: ${DEFAULT-VALUE}); unset: no key is sent.")
    String llmKeyEnv;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Folder of the LLM reply cache (llm-attributes.jsonl), keyed by the de-identified text.")
    Path cacheDir;

    private LlmAttributeExtractor llm;

    AttributeExtractor create() {
        if (kind == Kind.RULES) {
            if (llmUrl != null || llmModel != null || cacheDir != null) {
                throw new IllegalArgumentException("--llm-url, --llm-model and --cache-dir need --extractor llm");
            }
            return new RuleAttributeExtractor();
        }
        if (llmUrl == null) {
            throw new IllegalArgumentException("--extractor llm needs --llm-url (an OpenAI-compatible endpoint)");
        }
        String key = System.getenv(llmKeyEnv);
        llm = new LlmAttributeExtractor(LlmSettings.of(llmUrl, llmModel, key, cacheDir));
        return llm;
    }

    /** What the LLM extractor did, once {@link #create()} made one. */
    Optional<String> summary() {
        return Optional.ofNullable(llm).map(l -> l.stats().summary());
    }
}

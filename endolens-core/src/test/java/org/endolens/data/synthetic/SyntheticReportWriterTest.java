package org.endolens.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Reports agree with their gold attributes, in the vocabulary of the reports README. */
class SyntheticReportWriterTest {
    private static final int REPORTS = 400;
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s?(mm|cm)\\b");
    /** The README's names for each location, lower case. */
    private static final Map<String, List<String>> LOCATION_WORDS = Map.of(
            "terminal ileum", List.of("terminal ileum", "ti"),
            "cecum", List.of("cecum", "icv", "ileocecal valve", "appendiceal orifice"),
            "ascending colon", List.of("ascending colon", "ac", "asc colon"),
            "hepatic flexure", List.of("hepatic flexure", "hf"),
            "transverse colon", List.of("transverse colon", "tc"),
            "splenic flexure", List.of("splenic flexure", "sf"),
            "descending colon", List.of("descending colon", "dc", "desc colon"),
            "sigmoid colon", List.of("sigmoid colon", "sig colon"),
            "rectum", List.of("rectum"));
    private static final Set<String> MORPHOLOGIES = Set.of("0-Ip", "0-Isp", "0-Is", "0-IIa", "0-IIb", "0-IIc", "0-III");
    private static final Set<String> PATHOLOGIES = Set.of("tubular adenoma", "tubulovillous adenoma", "villous adenoma",
            "sessile serrated lesion", "traditional serrated adenoma", "hyperplastic polyp", "adenocarcinoma",
            "inflammatory polyp");
    private static final Set<String> OTHER_FINDINGS = Set.of("diverticulosis", "internal hemorrhoids", "colitis",
            "lipoma", "angioectasia", "melanosis coli", "stricture", "mass");

    @Test
    void sizesInTheReportAreExactlyThePolypSizes() {
        for (Example example : examples()) {
            Set<Double> reported = new TreeSet<>();
            Matcher m = SIZE.matcher(example.report());
            while (m.find()) {
                double value = Double.parseDouble(m.group(1));
                reported.add(m.group(2).equals("cm") ? Math.round(value * 10) : value);
            }
            Set<Double> gold = new TreeSet<>();
            example.attributes().get("polyps").forEach(p -> gold.add(p.get("size_mm").asDouble()));
            assertEquals(gold, reported, example.report());
        }
    }

    @Test
    void everyPolypIsMentionedWithItsSizeAndLocationInOneSentence() {
        for (Example example : examples()) {
            List<String> sentences = List.of(example.report().toLowerCase(Locale.ROOT).split("\n|\\. "));
            for (JsonNode polyp : example.attributes().get("polyps")) {
                int mm = polyp.get("size_mm").asInt();
                String centimetres = String.format(Locale.ROOT, "%.1f", mm / 10.0);
                Pattern size = Pattern.compile("\\b(" + mm + "\\s?mm|" + centimetres + " cm)\\b");
                List<String> names = LOCATION_WORDS.get(polyp.get("location").asText());
                Pattern location = Pattern.compile("\\b(" + String.join("|", names) + ")\\b");
                assertTrue(sentences.stream().anyMatch(s -> size.matcher(s).find() && location.matcher(s).find()),
                        "no sentence names " + polyp + " in:\n" + example.report());
            }
        }
    }

    @Test
    void attributesFollowTheReportsSchema() {
        for (Example example : examples()) {
            JsonNode a = example.attributes();
            assertEquals(List.of("polyp_count", "polyps", "bbps_total", "cecum_reached", "other_findings"),
                    fieldNames(a));
            int sum = 0;
            for (JsonNode polyp : a.get("polyps")) {
                assertEquals(List.of("size_mm", "location", "morphology", "pathology", "count"), fieldNames(polyp));
                assertTrue(LOCATION_WORDS.containsKey(polyp.get("location").asText()), polyp.toString());
                assertTrue(MORPHOLOGIES.contains(polyp.get("morphology").asText()), polyp.toString());
                JsonNode pathology = polyp.get("pathology");
                assertTrue(pathology.isNull() || PATHOLOGIES.contains(pathology.asText()), polyp.toString());
                sum += polyp.get("count").asInt();
            }
            assertEquals(sum, a.get("polyp_count").asInt());
            JsonNode bbps = a.get("bbps_total");
            assertTrue(bbps.isNull() || bbps.asInt() >= 0 && bbps.asInt() <= 9, a.toString());
            assertTrue(a.get("cecum_reached").isNull() || a.get("cecum_reached").isBoolean(), a.toString());
            a.get("other_findings").forEach(f -> assertTrue(OTHER_FINDINGS.contains(f.asText()), f.toString()));
        }
    }

    @Test
    void severalPolypsAreNumberedAndThePathologySectionRefersBack() {
        int checked = 0;
        for (Example example : examples()) {
            int entries = example.attributes().get("polyps").size();
            boolean reported = false;
            for (JsonNode polyp : example.attributes().get("polyps")) {
                reported |= !polyp.get("pathology").isNull();
            }
            if (entries < 2 || !reported) {
                continue;
            }
            String report = example.report();
            int pathology = Math.max(report.indexOf("Pathology:"),
                    Math.max(report.indexOf("PATHOLOGY:"), report.indexOf("path:")));
            assertTrue(pathology > 0, report);
            String section = report.substring(pathology);
            for (int k = 1; k <= entries; k++) {
                assertTrue(section.contains("(" + k + ")") || section.contains("#" + k),
                        "no reference to polyp " + k + " in " + section);
            }
            checked++;
        }
        assertTrue(checked > 10, "only " + checked + " reports with several polyps");
    }

    private static List<Example> examples() {
        SplittableRandom random = new SplittableRandom(42);
        FindingsSampler sampler = new FindingsSampler();
        SyntheticReportWriter writer = new SyntheticReportWriter();
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < REPORTS; i++) {
            ExamFindings findings = sampler.sample(random, 3);
            examples.add(new Example(writer.write(findings, 60, random.nextBoolean(), random.nextBoolean(), random),
                    findings.attributes()));
        }
        return examples;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private record Example(String report, JsonNode attributes) {}
}

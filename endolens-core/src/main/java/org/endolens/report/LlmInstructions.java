package org.endolens.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.List;

/**
 * What an LLM is told: the system prompt (schema and labelling rules of the reports README) and the JSON schema of
 * the {@code response_format}, built from the same vocabularies the reply is validated against.
 */
final class LlmInstructions {
    static final String SCHEMA_NAME = "report_attributes";

    static final String SYSTEM_PROMPT = """
            You extract clinical attributes from one colonoscopy report. Answer with one JSON object and nothing else:
            {"polyp_count": int|null, "polyps": [{"size_mm": number|null, "location": string|null,
            "morphology": string|null, "pathology": string|null, "count": int|null}], "bbps_total": int|null,
            "cecum_reached": true|false|null, "other_findings": [string]}.
            Allowed values. location: %s. morphology (Paris): %s. pathology: %s. other_findings: %s.
            Rules:
            - Only lesions found on this exam count; ignore indication, history, plan and recommendations ("history of
              polyps", "prior TA", "repeat in 3 years"), and negations ("no polyps", "polyp-free", "without polyps").
            - A healed polypectomy or EMR scar is not a polyp; residual or recurrent adenoma at a scar is. Lipomas,
              masses and angioectasias are never polyps: they go to other_findings.
            - Polyps described together in one phrase are one entry with count > 1 ("two 3 mm polyps" -> count 2);
              polyps described separately are separate entries with count 1. "Multiple", "several", "numerous" with no
              number -> count null, and then polyp_count is null. Otherwise polyp_count is the sum of the counts; a
              normal exam has polyp_count 0 and polyps [].
            - size_mm in millimetres (cm x 10); a range gives its upper bound; "diminutive", "small", "subcentimeter"
              -> null. Stalk length and distances ("at 30 cm", "5 cm from the anal verge") are not sizes.
            - location: AC/asc colon -> ascending colon, HF -> hepatic flexure, TC -> transverse colon, SF -> splenic
              flexure, DC/desc colon -> descending colon, sig -> sigmoid colon, TI -> terminal ileum; ileocecal valve,
              ICV, appendiceal orifice and cecal base -> cecum. null for a distance only, "throughout the colon", or a
              group spanning several segments.
            - morphology: Paris codes with or without "Paris"/"0-"; pedunculated 0-Ip, semi-/subpedunculated 0-Isp,
              sessile 0-Is, flat elevated/slightly elevated 0-IIa, flat 0-IIb, depressed 0-IIc, excavated 0-III; null
              when no shape is given.
            - pathology only from histology (a Pathology/Histology section or a stated histologic diagnosis), matched to
              the polyp by number, letter, jar or site; never from endoscopic impressions ("SSL-appearing"); null when
              pending or not retrieved. TA tubular adenoma, TVA tubulovillous adenoma, SSL/SSA/SSP/SSA/P sessile
              serrated lesion, TSA traditional serrated adenoma, HP/HPP hyperplastic polyp, pseudopolyp inflammatory
              polyp; dysplasia grade does not change the class; adenocarcinoma arising in an adenoma -> adenocarcinoma.
            - bbps_total: the sum of the three segment scores ("BBPS 2-3-3 (8)" -> 8, "R1 T2 L2" -> 5) or the stated
              total; null when not given, described only in words, partial or not scored.
            - cecum_reached: true for cecum reached, landmarks photographed or terminal ileum intubated; false for an
              incomplete exam or cecum not reached; null when the report does not say.
            - other_findings only when present and not negated: diverticula -> diverticulosis, hemorrhoids ->
              internal hemorrhoids, ulcerative/Crohn's/chronic colitis -> colitis, angiodysplasia -> angioectasia.
            Personal details in the report are masked as [NAME], [DATE], [ID] and the like; ignore them.
            """.formatted(labels(Segment.values()), labels(ParisClass.values()), labels(Pathology.values()),
            labels(OtherFinding.values()));

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LlmInstructions() {}

    /** The {@code response_format} of a chat-completions request: a strict JSON schema of the attributes. */
    static ObjectNode responseFormat() {
        ObjectNode format = NODES.objectNode();
        format.put("type", "json_schema");
        ObjectNode schema = format.putObject("json_schema");
        schema.put("name", SCHEMA_NAME);
        schema.put("strict", true);
        schema.set("schema", attributesSchema());
        return format;
    }

    static ObjectNode attributesSchema() {
        ObjectNode polyp = object(AttributesJson.POLYP_FIELDS);
        ObjectNode polypProperties = (ObjectNode) polyp.get("properties");
        polypProperties.set("size_mm", nullable("number"));
        polypProperties.set("location", vocabulary(Segment.values(), true));
        polypProperties.set("morphology", vocabulary(ParisClass.values(), true));
        polypProperties.set("pathology", vocabulary(Pathology.values(), true));
        polypProperties.set("count", nullable("integer"));
        ObjectNode attributes = object(AttributesJson.REPORT_FIELDS);
        ObjectNode properties = (ObjectNode) attributes.get("properties");
        properties.set("polyp_count", nullable("integer"));
        properties.set("polyps", array(polyp));
        properties.set("bbps_total", nullable("integer"));
        properties.set("cecum_reached", nullable("boolean"));
        properties.set("other_findings", array(vocabulary(OtherFinding.values(), false)));
        return attributes;
    }

    private static ObjectNode object(List<String> fields) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "object");
        node.put("additionalProperties", false);
        ArrayNode required = node.putArray("required");
        fields.forEach(required::add);
        node.putObject("properties");
        return node;
    }

    private static ObjectNode array(ObjectNode items) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "array");
        node.set("items", items);
        return node;
    }

    private static ObjectNode nullable(String type) {
        ObjectNode node = NODES.objectNode();
        node.putArray("type").add(type).add("null");
        return node;
    }

    private static ObjectNode vocabulary(Vocabulary[] values, boolean nullable) {
        ObjectNode node = nullable ? nullable("string") : NODES.objectNode().put("type", "string");
        ArrayNode allowed = node.putArray("enum");
        Arrays.stream(values).forEach(v -> allowed.add(v.label()));
        if (nullable) {
            allowed.addNull();
        }
        return node;
    }

    private static String labels(Vocabulary[] values) {
        return String.join(", ", Arrays.stream(values).map(Vocabulary::label).toList());
    }
}

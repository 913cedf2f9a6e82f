package org.endolens.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the polyps of this exam in the findings sentences. A polyp is a noun ("polyp", "pseudopolyp", a "lesion"
 * with a size, shape or removal, "residual adenoma", "laterally spreading tumour") that is not negated ("no
 * polyps", "polyp-free"), not a back-reference ("the polyp", "representative polyps") and not a lipoma, submucosal
 * lesion, mass, scar or angioectasia. Its size, location and shape are read from its part of the sentence; a phrase
 * with as many distinct sizes as polyps ("2 polyps, 4 mm and 5 mm") becomes one entry per polyp.
 */
final class PolypMentions {
    private static final Pattern HEAD = Pattern.compile("\\b(?:pseudo-?)?polyps?\\b|\\blesions?\\b|\\badenomas?\\b"
            + "|\\blaterally spreading (?:tumou?rs?|lesions?)\\b|\\blsts?\\b");
    private static final Pattern NOT_A_FINDING_AFTER = Pattern.compile(
            "^\\s*(?:surveillance|syndrome|history|site|bed|retrieval|trap|removal|resection|follow)");
    private static final Pattern PHRASE_BOUNDARY = Pattern.compile(
            "[,;:]|\\b(?:in|at|with|from|on|to|was|were|there|and|near|showed|revealed|had|found|seen)\\b");
    private static final Pattern BACK_REFERENCE = Pattern.compile("\\b(?:the|these|this|those|both|all|each"
            + "|representative|remaining|same|such|said|above|aforementioned|other)\\b");
    private static final Pattern RESIDUAL = Pattern.compile("\\b(?:residual|recurrent|recurrence)\\b");
    private static final String SUBMUCOSAL = "submucosal\\b(?!\\s+(?:lift\\w*|inject\\w*|dissection|cushion))";
    private static final Pattern NOT_A_POLYP = Pattern.compile("\\b(?:lipomas?|" + SUBMUCOSAL + "|mass|masses"
            + "|angioe?ctasias?|angiodysplasias?|avms?|ulcers?|ulceration|erosions?|tattoo|scar|stricture|vascular"
            + "|hemorrhoids?|diverticul\\w*|anastomo\\w*|carcinoid|neuroendocrine|gist)\\b");
    private static final Pattern NOT_A_POLYP_EVEN_IF_CALLED_ONE = Pattern.compile("\\b(?:lipomas?\\b|" + SUBMUCOSAL + ")");
    private static final Pattern REMOVED = Pattern.compile(
            "\\b(?:snare|emr|esd|polypectomy|forceps|resected|removed|lifted|excised|biops\\w*)\\b");
    private static final Pattern NOT_RETRIEVED = Pattern.compile("\\b(?:not|never)\\s+(?:been\\s+)?(?:retrieved|recovered)"
            + "\\b|\\bunable to retrieve\\b|\\bcould not be retrieved\\b|\\bnot sent\\b|\\bdiscarded\\b|\\blost\\b");
    private static final Pattern POLYP_NUMBER = Pattern.compile("^\\W*(?:polyp|lesion)\\s*#?\\s*(\\d{1,2})\\b");
    private static final Pattern ATTRIBUTE_LINE = Pattern.compile("^\\W*(?:location|site|segment|size|morphology"
            + "|paris(?: class\\w*)?|shape|type|removal|removed|resection|technique|method|retrieval|retrieved)\\s*[:=-]");
    private static final Pattern LANDMARK = Pattern.compile("\\b(?:near|close to|adjacent to|proximal to|distal to"
            + "|toward|towards|beyond|just)\\s+(?:the\\s+)?$");
    private static final Pattern NEXT_PHRASE = Pattern.compile(
            ";|\\band\\s+(?=(?:a|an|the|another|one|two|three|four|five|\\d|in|at|on|within)\\b)");
    private static final Pattern BACK_REFERENCE_START = Pattern.compile("^\\W*(?:it|this|the (?:polyp|lesion))\\b");
    private static final Pattern ONLY_PUNCTUATION = Pattern.compile("^[\\s\\p{Punct}]*$");

    private record Head(int start, int end, int phraseStart, CountWords.Count count, boolean plural, boolean lesion) {}

    private PolypMentions() {}

    /**
     * One polyp noun phrase and its part of the sentence, extended by the key/value lines that follow it in templated
     * reports ("Polyp 1" then "Location: sigmoid colon", "Size: 6 mm").
     */
    private static final class Mention {
        final Head head;
        final StringBuilder text;
        /** The segment to assume when the polyp's own words name none (a heading above, the sentence's segment). */
        final Segment fallbackLocation;
        final String label;
        boolean notRetrieved;

        Mention(Head head, String text, Segment fallbackLocation, String label, boolean notRetrieved) {
            this.head = head;
            this.text = new StringBuilder(text);
            this.fallbackLocation = fallbackLocation;
            this.label = label;
            this.notRetrieved = notRetrieved;
        }

        boolean lacksSizeOrLocation() {
            String lower = ReportText.lower(text.toString());
            return SegmentMentions.find(lower).isEmpty() || SizeMentions.find(lower).isEmpty();
        }

        void extend(String line) {
            text.append("; ").append(line);
            notRetrieved |= NOT_RETRIEVED.matcher(ReportText.lower(line)).find();
        }
    }

    /**
     * The polyp entries described in the findings, in report order; when the findings name none, those of the
     * impression (reports that list polyps only there).
     */
    static List<PolypDraft> find(List<ReportSentence> sentences) {
        List<List<PolypDraft>> mentions = entries(mentions(sentences, Section.FINDINGS));
        if (mentions.isEmpty()) {
            mentions = entries(mentions(sentences, Section.SUMMARY));
        }
        List<PolypDraft> drafts = new ArrayList<>();
        for (List<PolypDraft> mention : withoutTallies(mentions)) {
            int ordinal = drafts.isEmpty() ? 1 : drafts.get(drafts.size() - 1).ordinal + 1;
            mention.forEach(entry -> entry.ordinal = ordinal);
            drafts.addAll(mention);
        }
        return drafts;
    }

    private static List<Mention> mentions(List<ReportSentence> sentences, Section section) {
        List<Mention> mentions = new ArrayList<>();
        Segment context = null;
        Mention open = null;
        for (ReportSentence sentence : sentences) {
            if (sentence.section() != section) {
                context = null;
                open = null;
                continue;
            }
            String lower = ReportText.lower(sentence.content());
            Segment heading = segmentHeading(lower);
            if (heading != null) {
                // A segment name on its own line heads the items under it ("Sigmoid colon:" then "- 6 mm polyp").
                context = heading;
                open = null;
                continue;
            }
            List<Head> heads = heads(lower);
            if (heads.isEmpty() && open != null && (ATTRIBUTE_LINE.matcher(lower).find()
                    || BACK_REFERENCE_START.matcher(lower).find() && open.lacksSizeOrLocation())) {
                open.extend(sentence.content());
                continue;
            }
            open = null;
            // "A 6 mm polyp and a 4 mm polyp in the descending colon": phrases without a segment share the sentence's.
            Segment fallback = heads.size() > 1 ? onlySegment(lower, context) : context;
            int[] starts = new int[heads.size() + 1];
            for (int i = 1; i < heads.size(); i++) {
                starts[i] = phraseBoundary(lower, heads.get(i - 1), heads.get(i));
            }
            starts[heads.size()] = lower.length();
            for (int i = 0; i < heads.size(); i++) {
                int from = starts[i];
                int to = starts[i + 1];
                Head head = heads.get(i);
                open = new Mention(new Head(head.start() - from, head.end() - from, head.phraseStart() - from, head.count(),
                        head.plural(), head.lesion()), sentence.content().substring(from, to), fallback,
                        i == 0 ? label(sentence, lower) : null, NOT_RETRIEVED.matcher(lower).find());
                mentions.add(open);
            }
        }
        return mentions;
    }

    /**
     * Where the part of a sentence about one polyp ends and the next begins: at "and" or ";" before the next polyp's
     * own words ("a 5 mm polyp in the cecum and a 3 mm polyp in the rectum", "in the rectum, a 3 mm polyp and in the
     * sigmoid colon, a 4 mm polyp"), else where the next noun phrase starts.
     */
    private static int phraseBoundary(String lower, Head previous, Head next) {
        Matcher m = NEXT_PHRASE.matcher(lower).region(previous.end(), Math.max(previous.end(), next.phraseStart()));
        return m.find() ? m.start() : next.phraseStart();
    }

    private static List<List<PolypDraft>> entries(List<Mention> mentions) {
        List<List<PolypDraft>> entries = new ArrayList<>();
        for (Mention mention : mentions) {
            List<PolypDraft> found = entries(mention);
            if (!found.isEmpty()) {
                entries.add(found);
            }
        }
        return entries;
    }

    /**
     * Drops tallies such as "A total of 4 polyps were found." or "Three polyps were removed:" that precede the polyps'
     * own descriptions: a counted group with no size, location or shape, when the other entries account for it.
     */
    private static List<List<PolypDraft>> withoutTallies(List<List<PolypDraft>> mentions) {
        List<List<PolypDraft>> kept = new ArrayList<>(mentions);
        for (List<PolypDraft> mention : mentions) {
            PolypDraft first = mention.get(0);
            boolean bare = first.sizeMm == null && first.location == null && first.morphology == null;
            if (mention.size() > 1 || !bare || first.count == null || first.count < 2) {
                continue;
            }
            int others = 0;
            for (List<PolypDraft> other : mentions) {
                for (PolypDraft entry : other) {
                    others += other != mention && entry.count != null ? entry.count : 0;
                }
            }
            if (others >= first.count) {
                kept.remove(mention);
            }
        }
        return kept;
    }

    private static List<Head> heads(String lower) {
        List<Head> heads = new ArrayList<>();
        Matcher m = HEAD.matcher(lower);
        Matcher numbered = POLYP_NUMBER.matcher(lower);
        // "Polyp 2: 4 mm sessile polyp; ..." is one polyp: the numbered label only counts when nothing else names it.
        int labelEnd = numbered.find() && HEAD.matcher(lower).region(numbered.end(), lower.length()).find()
                ? numbered.end() : -1;
        while (m.find()) {
            if (m.end() <= labelEnd) {
                continue;
            }
            String after = lower.substring(m.end());
            if (NOT_A_FINDING_AFTER.matcher(after).find() || Negation.negated(lower, m.start(), m.end())) {
                continue;
            }
            int phraseStart = 0;
            Matcher boundary = PHRASE_BOUNDARY.matcher(lower.substring(0, m.start()));
            while (boundary.find()) {
                phraseStart = boundary.end();
            }
            String phrase = lower.substring(phraseStart, m.start());
            boolean sized = !SizeMentions.find(phrase).isEmpty();
            String noun = m.group();
            if (noun.startsWith("adenoma") && !sized && !RESIDUAL.matcher(phrase).find()) {
                continue;
            }
            CountWords.Count count = CountWords.of(phrase, after);
            if (count.kind() == CountWords.Kind.NUMBER && count.value() < 1
                    || count.kind() == CountWords.Kind.NONE && !sized && BACK_REFERENCE.matcher(phrase).find()) {
                continue;
            }
            heads.add(new Head(m.start(), m.end(), phraseStart, count, noun.endsWith("s"), noun.startsWith("lesion")));
        }
        return heads;
    }

    private static List<PolypDraft> entries(Mention mention) {
        Head head = mention.head;
        String chunk = mention.text.toString();
        String lowerChunk = ReportText.lower(chunk);
        List<TextSpan<Double>> sizes = SizeMentions.find(lowerChunk);
        ParisClass morphology = MorphologyMentions.find(chunk);
        if (NOT_A_POLYP_EVEN_IF_CALLED_ONE.matcher(lowerChunk).find()) {
            return List.of();
        }
        if (head.lesion() && (NOT_A_POLYP.matcher(lowerChunk).find()
                || sizes.isEmpty() && morphology == null && !REMOVED.matcher(lowerChunk).find())) {
            return List.of();
        }
        Integer count = switch (head.count().kind()) {
            case NUMBER -> head.count().value();
            case UNQUANTIFIED -> null;
            case NONE -> head.plural() ? null : 1;
        };
        Segment location = location(lowerChunk, head.start(), head.end(), count, mention.fallbackLocation);
        List<PolypDraft> entries = new ArrayList<>();
        Set<Double> distinctSizes = new LinkedHashSet<>();
        sizes.forEach(s -> distinctSizes.add(s.value()));
        if (count != null && count > 1 && sizes.size() == count && distinctSizes.size() > 1) {
            // "3 polyps: 4 mm (cecum), 5 mm (ascending), 3 mm (rectum)": one segment per size, in order.
            List<Segment> segments = SegmentMentions.find(lowerChunk).stream().filter(s -> s.start() >= head.end())
                    .map(TextSpan::value).toList();
            for (int i = 0; i < sizes.size(); i++) {
                Segment where = segments.size() == sizes.size() ? segments.get(i) : location;
                entries.add(new PolypDraft(sizes.get(i).value(), where, morphology, 1, mention.label,
                        mention.notRetrieved));
            }
        } else {
            Double size = sizes.isEmpty() ? null : sizes.get(0).value();
            entries.add(new PolypDraft(size, location, morphology, count, mention.label, mention.notRetrieved));
        }
        return entries;
    }

    /**
     * The segment of a polyp: the first one named after the noun ("polyp in the sigmoid colon"), else the last one
     * before it ("Sigmoid colon: 6 mm polyp"), else the fallback. A group spread over several segments
     * has no single location.
     */
    private static Segment location(String chunk, int headStart, int headEnd, Integer count, Segment fallback) {
        List<TextSpan<Segment>> segments = new ArrayList<>(SegmentMentions.find(chunk));
        // "In the ascending colon near the hepatic flexure": a landmark is not the location when another segment is.
        List<TextSpan<Segment>> landmarks = segments.stream()
                .filter(s -> LANDMARK.matcher(chunk.substring(Math.max(0, s.start() - 30), s.start())).find()).toList();
        if (landmarks.size() < segments.size()) {
            segments.removeAll(landmarks);
        }
        if (segments.isEmpty()) {
            return fallback;
        }
        boolean group = count == null || count > 1;
        if (group && segments.stream().map(TextSpan::value).distinct().count() > 1) {
            return null;
        }
        Segment before = null;
        for (TextSpan<Segment> segment : segments) {
            if (segment.start() >= headEnd) {
                return segment.value();
            }
            if (segment.end() <= headStart) {
                before = segment.value();
            }
        }
        return before;
    }

    private static Segment onlySegment(String lower, Segment otherwise) {
        List<Segment> named = SegmentMentions.find(lower).stream().map(TextSpan::value).distinct().toList();
        return named.size() == 1 ? named.get(0) : otherwise;
    }

    private static Segment segmentHeading(String lower) {
        List<TextSpan<Segment>> segments = SegmentMentions.find(lower);
        if (segments.size() != 1) {
            return null;
        }
        TextSpan<Segment> only = segments.get(0);
        String rest = lower.substring(0, only.start()) + lower.substring(only.end());
        return ONLY_PUNCTUATION.matcher(rest).matches() && lower.trim().endsWith(":") ? only.value() : null;
    }

    private static String label(ReportSentence sentence, String lower) {
        if (sentence.listLabel() != null) {
            return sentence.listLabel();
        }
        Matcher number = POLYP_NUMBER.matcher(lower);
        return number.find() ? number.group(1) : null;
    }
}

package org.endolens.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal identifiers in a report before any of it leaves the machine: e-mail addresses, street addresses,
 * phone numbers, record numbers (MRN, accession, patient ID, long digit runs), dates in numeric and written forms,
 * and names after titles ("Dr. Grant", "Mrs. Jane Doe"), after cues ("Patient: John Smith", "Endoscopist - A. Jones",
 * "patient John Smith") or before credentials ("Alan Grant, MD"). Each is replaced by a bracketed tag such as
 * {@code [NAME]}; clinical text (sizes, BBPS "2-3-3", years, ages) is left as it is.
 */
public final class Deidentifier {
    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final String CAPITALISED = "[A-Z][a-zA-Z'\u2019-]+";
    private static final String TITLE = "(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\\.?";

    private record Rule(Pattern pattern, String mask, int group) {}

    private static final List<Rule> RULES = List.of(
            rule("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}", "[EMAIL]"),
            cued("(?i:address)\\s*[:\\-]\\s*([^\\n]+)", "[ADDRESS]"),
            rule("\\b\\d{1,5}\\s+(?:" + CAPITALISED + "\\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln"
                    + "|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Circle|Cir|Highway|Hwy|Parkway|Pkwy)\\b\\.?"
                    + "(?:,?\\s+(?:Apt|Suite|Unit|Flat)\\.?\\s*#?\\w+)?"
                    + "(?:,\\s*" + CAPITALISED + "(?:\\s+" + CAPITALISED + ")*)?(?:,?\\s*[A-Z]{2}\\s+\\d{5}(?:-\\d{4})?)?",
                    "[ADDRESS]"),
            cued("\\b(?i:phone|tel|telephone|mobile|cell|fax|contact)\\.?\\s*(?:no\\.?|number|#)?\\s*[:\\-]?\\s*"
                    + "(\\+?[\\d(][\\d()\\s.-]{6,}\\d)", "[PHONE]"),
            rule("(?<![\\w-])(?:\\+\\d{1,3}[\\s.-]?)?(?:\\(\\d{2,4}\\)\\s?|\\d{3}[\\s.-])\\d{3,4}[\\s.-]\\d{4}(?![\\w-])", "[PHONE]"),
            cued("\\b(?i:mrn|medical record(?: number| no\\.?| #)?|record (?:number|no\\.?|#)|chart (?:number|no\\.?|#)"
                    + "|accession(?: number| no\\.?| #)?|acc(?:t|ount)?\\s*#|patient id|pt id|hospital (?:number|no\\.?)"
                    + "|nhs (?:number|no\\.?)|ssn|insurance (?:id|number|no\\.?)|id)\\s*[:#]?\\s*([A-Za-z]{0,4}-?\\d[A-Za-z0-9-]{2,})",
                    "[ID]"),
            rule("\\b\\d{3}-\\d{2}-\\d{4}\\b", "[ID]"),
            rule("\\b\\d{7,}\\b", "[ID]"),
            rule("(?i)\\b" + MONTH + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b", "[DATE]"),
            rule("(?i)\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\.?,?\\s+\\d{4}\\b", "[DATE]"),
            rule("(?i)\\b\\d{1,2}[-/ ]" + MONTH + "[-/ ]\\d{2,4}\\b", "[DATE]"),
            rule("(?i)\\b" + MONTH + "\\.?\\s+\\d{4}\\b", "[DATE]"),
            rule("\\b\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}\\b", "[DATE]"),
            rule("\\b\\d{1,2}[-/.]\\d{1,2}[-/.](?:\\d{4}|\\d{2})\\b", "[DATE]"),
            rule("\\b\\d{1,2}/\\d{4}\\b", "[DATE]"),
            rule("\\b" + TITLE + "[ \\t]+(?:[A-Z]\\.[ \\t]*)*" + CAPITALISED + "(?:[ \\t]+(?:[A-Z]\\.|" + CAPITALISED + ")){0,3}",
                    "[NAME]"),
            cued("\\b(?i:patient(?:'s)? name|patient|pt|name|referring (?:physician|provider|doctor)|endoscopist|attending"
                    + "|physician|surgeon|performed by|signed by|signed|dictated by|provider|referred by|cc|nurse|fellow"
                    + "|resident|anesthesiologist|anaesthetist)[ \\t]*[:\\-][ \\t]*((?:" + TITLE + "[ \\t]+)?(?:[A-Z]\\.[ \\t]*)*"
                    + CAPITALISED + "(?:,?[ \\t]+(?:[A-Z]\\.|" + CAPITALISED + ")){0,3})", "[NAME]"),
            cued("\\b(?i:patient|pt\\.?)[ \\t]+(" + CAPITALISED + "(?:[ \\t]+(?:[A-Z]\\.[ \\t]+)?" + CAPITALISED + ")+)",
                    "[NAME]"),
            rule("\\b" + CAPITALISED + "(?:[ \\t]+[A-Z]\\.)?[ \\t]+" + CAPITALISED + ",?[ \\t]+(?:MD|M\\.D\\.|DO|RN|NP|PA-C|PhD|FRCP)\\b",
                    "[NAME]"));

    public String deidentify(String text) {
        String masked = text;
        for (Rule rule : RULES) {
            masked = apply(rule, masked);
        }
        return masked;
    }

    private static String apply(Rule rule, String text) {
        Matcher m = rule.pattern().matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            int start = m.start(rule.group());
            int end = m.end(rule.group());
            out.append(text, last, start).append(rule.mask());
            last = end;
        }
        return out.append(text, last, text.length()).toString();
    }

    private static Rule rule(String regex, String mask) {
        return new Rule(Pattern.compile(regex), mask, 0);
    }

    // Only group 1 is masked, so the cue ("MRN:", "Patient:") stays and the model still reads the report's layout.
    private static Rule cued(String regex, String mask) {
        return new Rule(Pattern.compile(regex), mask, 1);
    }
}

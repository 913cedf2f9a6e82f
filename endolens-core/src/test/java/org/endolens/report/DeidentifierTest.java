package org.endolens.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Personal identifiers are masked; the clinical content the extractors need is not. */
class DeidentifierTest {
    private final Deidentifier deidentifier = new Deidentifier();

    private String mask(String text) {
        return deidentifier.deidentify(text);
    }

    @Test
    void masksNamesAfterTitlesAndCues() {
        assertEquals("Seen by [NAME] today.", mask("Seen by Dr. Alan Grant today."));
        assertEquals("[NAME] tolerated the procedure.", mask("Mrs. Jane Q. Doe tolerated the procedure."));
        assertEquals("Patient: [NAME]\nAge: 58", mask("Patient: John Smith\nAge: 58"));
        assertEquals("Patient name: [NAME].", mask("Patient name: Smith, John."));
        assertEquals("Endoscopist - [NAME]", mask("Endoscopist - A. Jones"));
        assertEquals("The patient [NAME] was sedated.", mask("The patient Maria Lopez-Garcia was sedated."));
        assertEquals("Signed: [NAME]", mask("Signed: Ellie Sattler, MD"));
        assertEquals("[NAME] reviewed it.", mask("Ian Malcolm, MD reviewed it."));
        assertEquals("Referring physician: [NAME].", mask("Referring physician: Dr. O'Brien."));
    }

    @Test
    void masksDatesInManyFormats() {
        for (String date : new String[] {"03/12/2024", "3/12/24", "2024-03-12", "12.03.2024", "March 12, 2024",
                "Mar 12 2024", "12 March 2024", "12th of March 2024", "12-Mar-2024", "March 2024", "03/2024"}) {
            assertEquals("Exam on [DATE].", mask("Exam on " + date + "."), date);
        }
    }

    @Test
    void masksRecordNumbersPhonesEmailsAndAddresses() {
        assertEquals("MRN: [ID]", mask("MRN: 00123456"));
        assertEquals("MRN [ID]", mask("MRN A12-3456"));
        assertEquals("Accession #: [ID]", mask("Accession #: S24-01234"));
        assertEquals("Patient ID: [ID]", mask("Patient ID: PT-1002"));
        assertEquals("ref [ID]", mask("ref 123456789"));
        assertEquals("SSN [ID]", mask("SSN 123-45-6789"));
        assertEquals("Call [PHONE] or [PHONE].", mask("Call (555) 123-4567 or 555.987.6543."));
        assertEquals("Tel: [PHONE]", mask("Tel: +44 20 7946 0958"));
        assertEquals("Mail [EMAIL].", mask("Mail jane.doe@example.org."));
        assertEquals("Lives at [ADDRESS].", mask("Lives at 42 Wallaby Way, Sydney."));
        assertEquals("Lives at [ADDRESS]", mask("Lives at 1600 Pennsylvania Avenue, Washington, DC 20500"));
        assertEquals("Address: [ADDRESS]\nCecum reached.", mask("Address: 12 rue de la Paix, Paris\nCecum reached."));
    }

    @Test
    void leavesClinicalTextAlone() {
        String report = "Indication: hx of tubular adenoma 2019. Prep: BBPS 2-3-3 (8), Boston score 6 (2/2/2), R1 T2 L2. "
                + "58 yo M. Cecum reached; TI intubated. A 4-6 mm Paris 0-Is polyp in the sigmoid colon at 30 cm, "
                + "1.2 cm sessile polyp (0-IIa) in the TC. Pathology: (A) TA; (B) SSL. Repeat in 3-5 years. "
                + "Withdrawal time 9 minutes. Propofol 250 mg. Fentanyl 100 mcg.";
        assertEquals(report, mask(report));
    }

    @Test
    void removesEveryPlantedIdentifierFromAFullReport() {
        String report = "Patient: Johanna Mueller   MRN: 88812345   DOB: 04/07/1961\n"
                + "Date of exam: 2024-02-29. Referring: Dr. Peter Parker (555-123-4567, p.parker@clinic.example).\n"
                + "Findings: 6 mm sessile polyp in the sigmoid colon, cold snare. Pathology: tubular adenoma.";
        String masked = mask(report);
        for (String identifier : new String[] {"Johanna", "Mueller", "88812345", "1961", "2024-02-29", "Peter", "Parker",
                "555-123-4567", "clinic.example"}) {
            assertFalse(masked.contains(identifier), identifier + " leaked: " + masked);
        }
        assertTrue(masked.contains("6 mm sessile polyp in the sigmoid colon"), masked);
        assertEquals(new RuleAttributeExtractor().extract(report), new RuleAttributeExtractor().extract(masked));
    }
}

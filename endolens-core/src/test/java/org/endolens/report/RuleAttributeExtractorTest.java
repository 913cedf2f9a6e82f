package org.endolens.report;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each family of labelling rules of the reports README, on short sentences written for the test. */
class RuleAttributeExtractorTest {
    private static final RuleAttributeExtractor EXTRACTOR = new RuleAttributeExtractor();

    private static ReportAttributes extract(String report) {
        return EXTRACTOR.extract(report);
    }

    private static PolypFinding only(String report) {
        List<PolypFinding> polyps = extract(report).polyps();
        assertEquals(1, polyps.size(), () -> "expected one polyp in: " + report + " -> " + polyps);
        return polyps.get(0);
    }

    private static PolypFinding polyp(Double size, String location, String morphology, String pathology, Integer count) {
        return new PolypFinding(size, location, morphology, pathology, count);
    }

    @Nested
    class Sizes {
        @Test
        void readsMillimetresWithAndWithoutSpace() {
            assertEquals(6.0, only("A 6 mm polyp in the cecum.").sizeMm());
            assertEquals(6.0, only("a 6mm polyp in the cecum.").sizeMm());
            assertEquals(6.0, only("A 6-mm polyp in the cecum.").sizeMm());
        }

        @Test
        void convertsCentimetresToMillimetres() {
            assertEquals(12.0, only("A 1.2 cm polyp in the rectum.").sizeMm());
            assertEquals(8.0, only("A 0.8 cm polyp in the rectum.").sizeMm());
            assertEquals(30.0, only("A 3 cm sessile lesion in the rectum, biopsied.").sizeMm());
        }

        @Test
        void takesTheUpperBoundOfARange() {
            assertEquals(6.0, only("A 4-6 mm polyp in the sigmoid colon.").sizeMm());
            assertEquals(5.0, only("A polyp measuring 3 to 5 mm in the sigmoid colon.").sizeMm());
            assertEquals(15.0, only("A 1-1.5 cm polyp in the sigmoid colon.").sizeMm());
        }

        @Test
        void takesTheLargestDimension() {
            assertEquals(12.0, only("A 1.2 x 0.8 cm polyp in the transverse colon.").sizeMm());
        }

        @Test
        void leavesSizeWordsWithoutANumberNull() {
            assertNull(only("A diminutive polyp in the rectum.").sizeMm());
            assertNull(only("A small polyp in the rectum.").sizeMm());
            assertNull(only("A subcentimeter polyp in the rectum.").sizeMm());
            assertNull(only("A diminutive (<5 mm) polyp in the rectum.").sizeMm());
        }

        @Test
        void ignoresStalksAndDistances() {
            assertEquals(25.0, only("A 2.5 cm pedunculated polyp with a 1 cm stalk at the splenic flexure.").sizeMm());
            assertEquals(12.0, only("A 12 mm polyp in the sigmoid colon at 30 cm.").sizeMm());
            assertEquals(10.0, only("A 10 mm flat lesion in the rectum, 8 cm from the anal verge, removed by EMR.").sizeMm());
            assertNull(only("A polyp at 20 cm was removed.").sizeMm());
        }
    }

    @Nested
    class Counts {
        @Test
        void readsWrittenNumbersAsOneEntry() {
            assertEquals(polyp(3.0, "rectum", "0-Is", null, 2), only("Two 3 mm sessile polyps in the rectum."));
            assertEquals(polyp(5.0, "descending colon", "0-Is", null, 3),
                    only("three sessile polyps measuring 3-5 mm in the descending colon."));
            assertEquals(2, only("A pair of 4 mm polyps in the cecum.").count());
        }

        @Test
        void splitsPolypsDescribedWithDifferentSizes() {
            assertEquals(List.of(polyp(4.0, "transverse colon", "0-IIa", null, 1), polyp(5.0, "transverse colon", "0-IIa", null, 1)),
                    extract("Transverse colon: 2 polyps, 4 mm and 5 mm, both Paris 0-IIa.").polyps());
            assertEquals(List.of(polyp(4.0, "cecum", null, null, 1), polyp(5.0, "ascending colon", null, null, 1)),
                    extract("2 polyps removed: 4 mm (cecum), 5 mm (ascending).").polyps());
        }

        @Test
        void leavesUnquantifiedGroupsWithoutCount() {
            ReportAttributes attributes = extract("Several diminutive sessile polyps in the rectum. A 7 mm polyp in the cecum.");
            assertNull(attributes.polyps().get(0).count());
            assertNull(attributes.polypCount());
            assertNull(only("Multiple diminutive polyps throughout the colon.").location());
            assertNull(only("Numerous polyps in the sigmoid and descending colon.").location());
        }

        @Test
        void dropsATallyFollowedByThePolypsItCounts() {
            ReportAttributes attributes = extract("A total of 2 polyps were found. The first, a 4 mm polyp in the cecum. "
                    + "The second, a 9 mm polyp in the rectum.");
            assertEquals(2, attributes.polyps().size());
            assertEquals(2, attributes.polypCount());
        }

        @Test
        void countsANormalExamAsZero() {
            ReportAttributes attributes = extract("Cecum reached. No polyps were seen.");
            assertEquals(0, attributes.polypCount());
            assertTrue(attributes.polyps().isEmpty());
        }
    }

    @Nested
    class Negations {
        @Test
        void ignoresNegatedPolyps() {
            for (String report : List.of("No polyps were seen.", "Impression: polyp-free exam.",
                    "The colon was otherwise normal, without polyps, masses, or diverticula.", "Polyps: none.",
                    "No other polyps were identified.", "The EMR scar was seen; no residual polyp tissue.")) {
                assertEquals(0, extract(report).polypCount(), report);
            }
        }

        @Test
        void ignoresNegatedFindings() {
            assertEquals(Set.of(), extract("No diverticulosis. No hemorrhoids. Diverticulosis: none.").otherFindings());
            assertEquals(Set.of("internal hemorrhoids"),
                    extract("No polyps, small internal hemorrhoids on retroflexion.").otherFindings());
            assertEquals(Set.of(), extract("Random colon biopsies taken for microscopic colitis. "
                    + "Pathology: no microscopic colitis.").otherFindings());
        }

        @Test
        void keepsTheFindingsOfAListAfterAPositivePhrase() {
            assertEquals(Set.of("diverticulosis"), extract("Mild sigmoid diverticulosis without inflammation.").otherFindings());
        }
    }

    @Nested
    class Sections {
        @Test
        void ignoresHistoryIndicationAndPlan() {
            ReportAttributes attributes = extract("Indication: history of a 12 mm tubular adenoma in the sigmoid colon. "
                    + "Cecum reached. No polyps were seen. Plan: repeat colonoscopy in 3 years for polyp surveillance.");
            assertEquals(0, attributes.polypCount());
            assertEquals(0, extract("hx of TVA and SSL. prior colonoscopy with multiple adenomas. polyp-free.").polypCount());
            assertEquals(0, extract("Surveillance colonoscopy, 3 yrs after removal of a 1.2 cm cecal SSL. Cecum reached.")
                    .polypCount());
        }

        @Test
        void endsAnInlineIndicationAtItsSentence() {
            PolypFinding polyp = only("Surveillance. indication: prior EMR of 15 mm SSL. Prep BBPS 3-3-3 (9). "
                    + "A 3 mm sessile polyp was found in the descending colon.");
            assertEquals(polyp(3.0, "descending colon", "0-Is", null, 1), polyp);
        }

        @Test
        void countsResidualAdenomaButNotAHealedScar() {
            assertEquals(0, extract("Prior EMR site in the ascending colon well healed, no recurrence.").polypCount());
            assertEquals(polyp(5.0, "transverse colon", null, null, 1),
                    only("At the prior EMR scar in the transverse colon, a 5 mm residual adenoma was removed."));
        }

        @Test
        void keepsLipomasMassesAndAngioectasiasOutOfThePolyps() {
            ReportAttributes attributes = extract("A 15 mm yellow submucosal lesion in the ascending colon, consistent "
                    + "with lipoma. A fungating mass in the sigmoid colon causing a stricture. A 3 mm angioectasia in the "
                    + "cecum.");
            assertEquals(0, attributes.polypCount());
            assertEquals(Set.of("lipoma", "mass", "stricture", "angioectasia"), attributes.otherFindings());
        }

        @Test
        void readsPolypsFromTheImpressionWhenTheFindingsNameNone() {
            assertEquals(polyp(4.0, "rectum", "0-Is", null, 2),
                    only("Colonoscopy to the cecum. Impression: 1. Two 4 mm sessile polyps in the rectum, removed."));
        }
    }

    @Nested
    class Locations {
        @Test
        void readsAbbreviationsAndLandmarks() {
            assertEquals("ascending colon", only("Asc colon: 5 mm polyp.").location());
            assertEquals("ascending colon", only("AC: 5 mm polyp.").location());
            assertEquals("hepatic flexure", only("HF: 5 mm polyp.").location());
            assertEquals("transverse colon", only("TC: 5 mm polyp.").location());
            assertEquals("splenic flexure", only("SF: 5 mm polyp.").location());
            assertEquals("descending colon", only("desc colon: 5 mm polyp.").location());
            assertEquals("sigmoid colon", only("a 5 mm polyp in the sig colon.").location());
            assertEquals("terminal ileum", only("A 5 mm polyp in the TI.").location());
            assertEquals("cecum", only("A 5 mm polyp on the ICV.").location());
            assertEquals("cecum", only("A 5 mm polyp on the IC valve.").location());
            assertEquals("cecum", only("A 5 mm polyp near the appendiceal orifice.").location());
            assertEquals("cecum", only("A 3-4 mm flat polyp at the cecal base.").location());
            assertEquals("transverse colon", only("A 5 mm polyp in the mid transverse colon.").location());
        }

        @Test
        void correctsMisspelledSegments() {
            assertEquals("sigmoid colon", only("Sigmiod colon: 10 mm polyp.").location());
            assertEquals("transverse colon", only("a 4mm sessile polyp in the transverce colln.").location());
            assertEquals("descending colon", only("In the decending colon, a 6 mm polyp.").location());
            assertEquals("hepatic flexure", only("At the hepatic flexur, a 6 mm polyp.").location());
        }

        @Test
        void prefersTheSegmentOverANearbyLandmark() {
            assertEquals("ascending colon", only("In the ascending colon near the hepatic flexure there was a 6 mm polyp.")
                    .location());
        }

        @Test
        void leavesADistanceOnlyLocationNull() {
            assertNull(only("A 5 mm polyp at 20 cm.").location());
        }

        @Test
        void sharesTheSegmentOfConjoinedPolyps() {
            assertEquals(List.of(polyp(6.0, "descending colon", null, null, 1), polyp(4.0, "descending colon", null, null, 1)),
                    extract("A 6 mm polyp and a 4 mm polyp in the descending colon were removed.").polyps());
        }
    }

    @Nested
    class Morphology {
        @Test
        void normalisesParisCodesWithAndWithoutPrefixes() {
            assertEquals("0-Is", only("6 mm polyp (Paris 0-Is) in the rectum.").morphology());
            assertEquals("0-Is", only("6 mm 0-Is polyp in the rectum.").morphology());
            assertEquals("0-Is", only("6 mm Is polyp in the rectum.").morphology());
            assertEquals("0-Is", only("6 mm polyp (is) in the rectum.").morphology());
            assertEquals("0-IIa", only("6 mm Paris IIa polyp in the rectum.").morphology());
            assertEquals("0-Isp", only("10 mm Paris 0-Isp polyp in the rectum.").morphology());
            assertEquals("0-III", only("6 mm lesion (Paris 0-III) in the rectum, biopsied.").morphology());
        }

        @Test
        void mapsShapeWords() {
            assertEquals("0-Ip", only("A 12 mm pedunculated polyp in the rectum.").morphology());
            assertEquals("0-Isp", only("A 9 mm semi-pedunculated polyp in the rectum.").morphology());
            assertEquals("0-Isp", only("A 9 mm subpedunculated polyp in the rectum.").morphology());
            assertEquals("0-Is", only("A 4 mm sessile polyp in the rectum.").morphology());
            assertEquals("0-IIa", only("A 6-8 mm slightly elevated polyp in the rectum.").morphology());
            assertEquals("0-IIa", only("A 15 mm flat elevated lesion in the rectum, EMR.").morphology());
            assertEquals("0-IIb", only("A 10 mm flat lesion in the rectum, EMR.").morphology());
            assertEquals("0-IIc", only("A 4 mm depressed lesion in the rectum, cold snare.").morphology());
        }

        @Test
        void prefersTheCodeToTheWordAndIgnoresSerratedWording() {
            assertEquals("0-IIc", only("A 4 mm slightly depressed (0-IIc) lesion in the cecum, cold snare.").morphology());
            assertNull(only("A 12 mm SSL-appearing lesion in the cecum, EMR.").morphology());
            assertNull(only("A 2 mm polyp in the rectum, cold forceps.").morphology());
        }
    }

    @Nested
    class BowelPreparation {
        @Test
        void sumsSegmentScores() {
            assertEquals(8, extract("BBPS 2-3-3 (8).").bbpsTotal());
            assertEquals(6, extract("Prep: Boston score 6 (2/2/2).").bbpsTotal());
            assertEquals(5, extract("Prep: fair, Boston score 5 (R1 T2 L2).").bbpsTotal());
            assertEquals(5, extract("Bowel prep: R1 T2 L2.").bbpsTotal());
            assertEquals(8, extract("The BBPS score was 8 (right 2, transverse 3, left 3).").bbpsTotal());
            assertEquals(9, extract("bbps 9 (3,3,3).").bbpsTotal());
            assertEquals(7, extract("Boston Bowel Prep Scale 2-3-2 = 7.").bbpsTotal());
        }

        @Test
        void readsAStatedTotal() {
            assertEquals(6, extract("Bowel prep: Boston score 6.").bbpsTotal());
            assertEquals(7, extract("prep: boston score 7. cecum reached.").bbpsTotal());
            assertEquals(6, extract("BBPS: 6/9.").bbpsTotal());
        }

        @Test
        void leavesPartialUnscoredOrVerbalPrepNull() {
            assertNull(extract("BBPS 2-2-x (right colon not assessed).").bbpsTotal());
            assertNull(extract("BBPS: R1 T1 L- (left colon not scored).").bbpsTotal());
            assertNull(extract("Prep: excellent; BBPS not scored because the right colon was not reached.").bbpsTotal());
            assertNull(extract("Prep: good in the segments seen (BBPS not recorded).").bbpsTotal());
            assertNull(extract("The preparation was good.").bbpsTotal());
        }
    }

    @Nested
    class CecalIntubation {
        @Test
        void readsReachedCecum() {
            for (String report : List.of("Cecum reached.", "Complete to the cecum, appendiceal orifice and ICV photographed.",
                    "The terminal ileum was intubated.", "Cecal intubation: yes.", "CECUM: reached.",
                    "The cecum was identified by the appendiceal orifice and ileocecal valve.", "Extent: TI",
                    "Cecum reached. Terminal ileum not intubated.", "ti not intubated, cecum reached.",
                    "Cecum reached and the TI was not intubated.")) {
                assertEquals(Boolean.TRUE, extract(report).cecumReached(), report);
            }
        }

        @Test
        void readsIncompleteExams() {
            for (String report : List.of("Cecum not reached.", "The cecum could not be reached.",
                    "Unable to advance to the cecum.", "Exam incomplete due to poor prep.",
                    "The colonoscope could not be advanced beyond 35 cm.", "Cecal intubation: no.",
                    "The procedure was aborted at the splenic flexure.")) {
                assertEquals(Boolean.FALSE, extract(report).cecumReached(), report);
            }
        }

        @Test
        void isNullWhenTheReportIsSilent() {
            assertNull(extract("A 5 mm polyp in the cecum was removed.").cecumReached());
        }
    }

    @Nested
    class PathologyBackReferences {
        @Test
        void matchesByNumber() {
            ReportAttributes attributes = extract("Findings:\n1. A 12 mm polyp in the sigmoid colon.\n2. A 4 mm polyp in "
                    + "the transverse colon.\nPathology:\nPolyp 1: tubulovillous adenoma.\nPolyp 2: TA.");
            assertEquals(List.of("tubulovillous adenoma", "tubular adenoma"), pathologies(attributes));
        }

        @Test
        void matchesByHashNumberAndSkipsNotRetrieved() {
            ReportAttributes attributes = extract("#1 8 mm polyp asc colon. #2 4 mm polyp desc colon, not retrieved. "
                    + "#3 5 mm polyp sig colon. path: #1 SSL, #2 not retrieved, #3 TA.");
            assertEquals(java.util.Arrays.asList("sessile serrated lesion", null, "tubular adenoma"), pathologies(attributes));
        }

        @Test
        void matchesByLetterAndSite() {
            ReportAttributes attributes = extract("A 2 cm lesion in the cecum, EMR. A 5 mm polyp in the transverse colon. "
                    + "Pathology: (A) cecum EMR: tubulovillous adenoma; (B) transverse colon polyp: tubular adenoma.");
            assertEquals(List.of("tubulovillous adenoma", "tubular adenoma"), pathologies(attributes));
        }

        @Test
        void matchesByJar() {
            ReportAttributes attributes = extract("A 6 mm polyp in the cecum. A 3 mm polyp in the rectum. "
                    + "Pathology: Jar 1: tubular adenoma. Jar 2: hyperplastic polyp.");
            assertEquals(List.of("tubular adenoma", "hyperplastic polyp"), pathologies(attributes));
        }

        @Test
        void matchesSeveralSitesToOneDiagnosis() {
            ReportAttributes attributes = extract("In the cecum a 4 mm polyp. In the ascending colon a 6 mm polyp. "
                    + "In the sigmoid colon a 15 mm polyp. Pathology: the cecal and ascending polyps were tubular "
                    + "adenomas; the sigmoid polyp was a tubulovillous adenoma.");
            assertEquals(List.of("tubular adenoma", "tubular adenoma", "tubulovillous adenoma"), pathologies(attributes));
        }

        @Test
        void givesAnUnreferencedDiagnosisToEveryRetrievedPolyp() {
            assertEquals("tubular adenoma", only("A 6 mm polyp in the sigmoid colon. Pathology: TA with high-grade "
                    + "dysplasia.").pathology());
            ReportAttributes attributes = extract("A 4 mm lesion in the ascending colon, not retrieved. A 7 mm polyp in "
                    + "the sigmoid colon. Pathology: tubular adenoma.");
            assertEquals(java.util.Arrays.asList(null, "tubular adenoma"), pathologies(attributes));
        }

        @Test
        void readsAbbreviationsAndSevereDiagnosisFirst() {
            assertEquals("sessile serrated lesion", only("A 6 mm polyp in the cecum. Path: SSA/P.").pathology());
            assertEquals("traditional serrated adenoma", only("A 6 mm polyp in the cecum. Path: TSA.").pathology());
            assertEquals("hyperplastic polyp", only("A 6 mm polyp in the cecum. Path: HPP.").pathology());
            assertEquals("inflammatory polyp", only("A 6 mm polyp in the cecum. Path: pseudopolyp.").pathology());
            assertEquals("adenocarcinoma", only("A 25 mm polyp in the cecum. Pathology: adenocarcinoma arising in a "
                    + "tubulovillous adenoma.").pathology());
        }

        @Test
        void takesNoPathologyFromEndoscopicImpressionsOrPendingResults() {
            assertNull(only("A 12 mm SSL-appearing lesion in the cecum, EMR. Pathology pending.").pathology());
            assertNull(only("Several polyps in the rectum, hyperplastic in appearance.").pathology());
        }

        private List<String> pathologies(ReportAttributes attributes) {
            return attributes.polyps().stream().map(PolypFinding::pathology).toList();
        }
    }

    @Test
    void readsOtherFindingsInTheirVariousWordings() {
        assertEquals(Set.of("diverticulosis", "internal hemorrhoids", "melanosis coli", "angioectasia"),
                extract("Pan-diverticulosis. int hemorrhoides noted on retroflexion. Melanosis coli. "
                        + "Angiodysplasia in the cecum.").otherFindings());
        assertEquals(Set.of("colitis"), extract("Indication: ulcerative colitis. Findings: mild chronic colitis.")
                .otherFindings());
        assertFalse(extract("Indication: ulcerative colitis. Findings: normal mucosa.").otherFindings().contains("colitis"));
        assertEquals(Set.of(), extract("Small external hemorrhoids.").otherFindings());
    }

    @Test
    void rejectsAnEmptyReport() {
        assertThrows(IllegalArgumentException.class, () -> extract("  "));
    }
}

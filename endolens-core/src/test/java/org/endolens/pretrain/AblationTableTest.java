package org.endolens.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AblationTableTest {
    @Test
    void meanAndSampleStandardDeviationOverSeedsByHand() {
        AblationTable table = new AblationTable();
        table.add(new AblationTable.Run(AblationArm.CLIP, 0, Map.of("auroc", 0.5)));
        table.add(new AblationTable.Run(AblationArm.CLIP, 1, Map.of("auroc", 0.7)));
        table.add(new AblationTable.Run(AblationArm.CLIP, 2, Map.of("auroc", 0.9)));
        table.add(new AblationTable.Run(AblationArm.UNIFY, 0, Map.of("auroc", 0.8)));
        double[] clip = table.meanStd(AblationArm.CLIP, "auroc");
        // mean (0.5 + 0.7 + 0.9) / 3 = 0.7; sample variance (0.04 + 0 + 0.04) / 2 = 0.04, std 0.2
        assertEquals(0.7, clip[0], 1e-12);
        assertEquals(0.2, clip[1], 1e-12);
        assertEquals(0.0, table.meanStd(AblationArm.UNIFY, "auroc")[1], 1e-12);
        assertTrue(Double.isNaN(table.meanStd(AblationArm.ATTUNE, "auroc")[0]));
        String md = table.markdown(Map.of(AblationArm.CLIP, "endolens ablation --arms clip"));
        assertTrue(md.contains("| CLIP (frame-report contrast) | 3 | 0.700 ± 0.200 | `endolens ablation --arms clip` |"), md);
        assertTrue(md.contains("| + unification | 1 | 0.800 ± 0.000 |"), md);
        assertTrue(!md.contains("attunement"), "arms without runs are left out: " + md);
    }

    @Test
    void armsAddStagesCumulatively() {
        assertEquals("none", AblationArm.CLIP.stagesOption());
        assertTrue(AblationArm.CLIP.stages().isEmpty());
        assertEquals(AblationArm.ATTUNE.stages().size() + 1, AblationArm.UNIFY.stages().size());
    }
}

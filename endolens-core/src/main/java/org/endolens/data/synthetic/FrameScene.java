package org.endolens.data.synthetic;

/**
 * Everything needed to render one frame: the exam's mucosa, the world seen (texture seed and lumen), the camera
 * pose, an optional polyp and an optional artefact that makes the frame non-informative.
 *
 * @param look the exam's mucosa colour and texture
 * @param worldSeed seeds the world's texture, vessels and folds
 * @param lumenX lumen centre, world units
 * @param lumenY lumen centre, world units
 * @param lumenRadius lumen radius, world units
 * @param pose camera pose
 * @param lightX direction of the endoscope's light in image axes (z = 1 toward the wall)
 * @param lightY direction of the endoscope's light in image axes
 * @param polyp the polyp in view, or null
 * @param artefact what makes the frame a background frame, or null for an informative frame
 * @param frameSeed seeds the per-frame artefact parameters and sensor noise
 */
record FrameScene(MucosaLook look, long worldSeed, double lumenX, double lumenY, double lumenRadius, CameraPose pose,
        double lightX, double lightY, PolypPlacement polyp, FrameArtefact artefact, long frameSeed) {
    FrameScene {
        if (polyp != null && artefact != null) {
            throw new IllegalArgumentException("a background frame (" + artefact.label() + ") shows no polyp");
        }
    }
}

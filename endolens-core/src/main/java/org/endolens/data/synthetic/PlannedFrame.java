package org.endolens.data.synthetic;

/** A frame of an exam before rendering: its id, time in the withdrawal, ground-truth label and scene. */
record PlannedFrame(String id, double timeS, String label, FrameScene scene) {
}

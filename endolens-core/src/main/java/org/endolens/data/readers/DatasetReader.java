package org.endolens.data.readers;

import org.endolens.data.Problems;

import java.nio.file.Path;

/**
 * Maps one public data set layout onto records (patients, exams, frames, videos, reports) plus task labels (classes,
 * masks, boxes). Bad inputs go to {@link Problems} and are left out of the result; a wrong root is an
 * {@link org.endolens.EndoLensException}.
 */
public interface DatasetReader {
    /** Reads the data set at {@code root}: its folder, or its file for formats kept in one file. */
    Dataset read(Path root, Problems problems);
}

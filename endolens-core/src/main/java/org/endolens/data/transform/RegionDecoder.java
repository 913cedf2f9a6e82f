package org.endolens.data.transform;

import java.awt.image.BufferedImage;

/**
 * Decodes one rectangle of an image file, keeping every {@code subsampling}-th pixel of each row and column (as
 * ImageIO's {@code setSourceRegion} and {@code setSourceSubsampling}): the result is
 * {@code ceil(width / subsampling) x ceil(height / subsampling)}. Lets a crop skip the rows it does not need.
 */
@FunctionalInterface
public interface RegionDecoder {
    BufferedImage decode(CropRegion region, int subsampling);
}

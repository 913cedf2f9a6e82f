package org.endolens.data;

/** One bad input found while reading a data set: the file and what is wrong with it. */
public record Problem(String file, String reason) {
    @Override
    public String toString() {
        return file + ": " + reason;
    }
}

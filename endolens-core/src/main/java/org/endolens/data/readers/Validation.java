package org.endolens.data.readers;

/**
 * How much a reader checks, cheapest first. Every level checks that each referenced file exists, ids are unique and
 * boxes lie inside the sizes a data set declares; masks are always decoded where boxes have to be derived from them.
 */
public enum Validation {
    /** Existence only: no image is opened unless its mask must give the boxes. */
    FILES,
    /** Also reads every image's header and decodes every mask: mask size, boxes against the real image size. */
    MASKS,
    /** Also decodes every image: corrupt and truncated files are found. */
    FULL
}

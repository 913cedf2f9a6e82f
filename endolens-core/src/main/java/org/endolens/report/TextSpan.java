package org.endolens.report;

/**
 * A value found in a sentence and where: {@code [start, end)} in the lower-cased sentence text.
 *
 * @param <T> what was found (a segment, a size, a Paris class, a diagnosis)
 */
record TextSpan<T>(T value, int start, int end) {}

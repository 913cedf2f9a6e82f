package org.endolens.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Assertions and inputs shared by the weight-format tests. */
final class TensorAssertions {
    private TensorAssertions() {}

    /** Same shape, same type and the same bytes, so NaN payloads and signed zeros count. */
    static void assertBitExact(NDArray expected, NDArray actual, String name) {
        assertEquals(expected.getShape(), actual.getShape(), name + " shape");
        assertEquals(expected.getDataType(), actual.getDataType(), name + " type");
        assertEquals(expected.toByteBuffer(), actual.toByteBuffer(), name + " bytes");
    }

    /** A checkpoint made by {@code src/test/resources/checkpoints/make_checkpoints.py}. */
    static Path checkpoint(String name) {
        try {
            return Path.of(TensorAssertions.class.getResource("/checkpoints/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

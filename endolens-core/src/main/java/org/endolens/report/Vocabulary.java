package org.endolens.report;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A closed list of values of the attribute schema, each with the exact label the JSON layout uses. */
interface Vocabulary {
    /** The value as written in the attributes JSON. */
    String label();

    /** The constant whose label is {@code label}; an error naming the field and the allowed labels otherwise. */
    static <E extends Enum<E> & Vocabulary> E parse(Class<E> type, String field, String label) {
        for (E value : type.getEnumConstants()) {
            if (value.label().equals(label)) {
                return value;
            }
        }
        throw new IllegalArgumentException(field + ": '" + label + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(Vocabulary::label).collect(Collectors.joining(", ")));
    }
}

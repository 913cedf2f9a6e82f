package org.endolens.data.readers;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The data set layouts EndoLens reads, by the name {@code --format} takes, each with its {@link DatasetReader}. */
public enum DatasetFormat {
    KVASIR_SEG(KvasirSegReader.FORMAT, KvasirSegReader::new),
    CLINICDB(ClinicDbReader.FORMAT, ClinicDbReader::new),
    SEGFOLDER(SegFolderReader.FORMAT, SegFolderReader::new),
    POLYPGEN(PolypGenReader.FORMAT, PolypGenReader::new),
    HYPERKVASIR(HyperKvasirReader.FORMAT, HyperKvasirReader::new),
    ENTREP(EntrepReader.FORMAT, EntrepReader::new),
    RECORDS(RecordsReader.FORMAT, RecordsReader::new),
    IMAGES(ImageFolderReader.FORMAT, ImageFolderReader::new),
    VIDEO(VideoFolderReader.FORMAT, VideoFolderReader::new);

    private final String formatName;
    private final Function<ReadOptions, DatasetReader> readerFactory;

    DatasetFormat(String formatName, Function<ReadOptions, DatasetReader> readerFactory) {
        this.formatName = formatName;
        this.readerFactory = readerFactory;
    }

    /** The name {@code --format} takes, e.g. {@code kvasir-seg}. */
    public String formatName() {
        return formatName;
    }

    public DatasetReader reader(ReadOptions options) {
        return readerFactory.apply(options);
    }

    /** The format called {@code name} (case-insensitive). */
    public static DatasetFormat parse(String name) {
        for (DatasetFormat format : values()) {
            if (format.formatName.equalsIgnoreCase(name.strip())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown data set format '" + name + "'; expected one of " + names());
    }

    private static String names() {
        return Arrays.stream(values()).map(DatasetFormat::formatName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return formatName;
    }
}

package org.endolens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ResidentMemoryTest {
    @Test
    void vmRssIsReadInKibibytes() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 9000 kB", "VmRSS:\t  123456 kB", "RssAnon:\t 1 kB");
        assertEquals(123456L * 1024, ResidentMemory.parseVmRss(status));
    }

    @Test
    void aStatusWithoutVmRssIsAnError() {
        assertThrows(IllegalStateException.class, () -> ResidentMemory.parseVmRss(List.of("Name:\tjava")));
    }

    @Test
    void thisProcessHasSomeResidentMemoryOnLinux() {
        if (ResidentMemory.available()) {
            assertTrue(ResidentMemory.bytes() > 1024 * 1024);
        }
    }
}

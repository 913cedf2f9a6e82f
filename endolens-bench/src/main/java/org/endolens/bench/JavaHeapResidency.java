package org.endolens.bench;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * Whether the Java heap can still add to the resident set while a benchmark runs. G1 commits heap regions as it
 * needs them and the kernel makes their pages resident on first touch, so a growing heap looks like a native leak
 * in {@code VmRSS}; a heap fixed at its maximum ({@code -Xms} = {@code -Xmx}) and touched up front
 * ({@code -XX:+AlwaysPreTouch}) does not.
 */
public final class JavaHeapResidency {
    /** The JVM options that keep the heap out of an RSS trace. */
    public static final String FIXED_HEAP_OPTIONS = "-Xms1g -Xmx1g -XX:+AlwaysPreTouch";

    private JavaHeapResidency() {}

    /** Why the heap may still grow into the resident set, or empty when it is fixed and pre-touched. */
    public static Optional<String> caveat() {
        Runtime runtime = Runtime.getRuntime();
        boolean fixed = runtime.totalMemory() == runtime.maxMemory();
        boolean preTouched = Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("AlwaysPreTouch").getValue());
        if (fixed && preTouched) {
            return Optional.empty();
        }
        return Optional.of("the Java heap is " + (fixed ? "not pre-touched" : "not fixed at its maximum")
                + ", so heap pages the collector starts to use count as growth; to see native memory only, run with "
                + "ENDOLENS_JAVA_OPTS=\"" + FIXED_HEAP_OPTIONS + "\"");
    }
}

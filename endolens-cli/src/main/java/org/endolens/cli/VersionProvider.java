package org.endolens.cli;

import picocli.CommandLine;

/** Prints the EndoLens version from the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = EndoLensCli.class.getPackage().getImplementationVersion();
        return new String[] {"endolens " + (v == null ? "dev" : v)};
    }
}

package io.gridcast.grid;

import java.nio.file.Path;

/** Locations of the bundled case files and MATPOWER's reference results. */
final class SampleCases {

    /** The repository root: Maven's {@code gridcast.root} property, else the parent folder. */
    static final Path ROOT = root();

    /** MATPOWER DC-OPF results with their case files, described in the folder's README. */
    static final Path REFERENCE = ROOT.resolve("data/samples/grid/reference");

    private SampleCases() {
    }

    private static Path root() {
        String root = System.getProperty("gridcast.root");
        return root == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(root);
    }
}

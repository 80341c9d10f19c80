package io.gridcast.grid;

import io.gridcast.ingest.InvalidInputException;
import io.gridcast.io.Warehouse;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A network read from its input, with the file each kind of element came from.
 *
 * @param busSource URI of the file the buses came from
 * @param branchSource URI of the file the branches came from
 * @param generatorSource URI of the file the generators came from
 */
public record GridSource(GridNetwork network, String busSource, String branchSource,
        String generatorSource) {

    /** File name ending of MATPOWER case files. */
    public static final String MATPOWER_EXTENSION = ".m";

    private static final Pattern CASE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    /**
     * Reads a network from a MATPOWER case file ({@code .m}) or a folder of network CSV files,
     * local, {@code file:} or {@code s3a://}.
     *
     * @param caseName name of the case in the tables, or null for the name of the file without
     *     {@code .m}, or of the folder
     * @throws InvalidInputException if the input is missing, not a case file or folder, not
     *     UTF-8, or invalid. The message names the file, and for CSV files the line and column.
     * @throws IllegalArgumentException if {@code caseName} is not a valid case name
     */
    public static GridSource read(Configuration hadoop, String location, String caseName) {
        if (caseName != null) {
            checkCaseName(caseName);
        }
        Path path = new Path(Warehouse.toUri(location));
        try {
            FileSystem fs = path.getFileSystem(hadoop);
            FileStatus status = fs.getFileStatus(path);
            String uri = status.getPath().toString();
            if (status.isDirectory()) {
                return readCsvFolder(fs, status.getPath(), caseName);
            }
            if (!uri.toLowerCase(Locale.ROOT).endsWith(MATPOWER_EXTENSION)) {
                throw new InvalidInputException("Invalid grid input " + uri + ": expected a "
                        + "MATPOWER case file (.m) or a folder with " + GridCsvReader.BUSES_FILE
                        + ", " + GridCsvReader.BRANCHES_FILE + " and "
                        + GridCsvReader.GENERATORS_FILE);
            }
            String fileName = status.getPath().getName();
            String name = caseName != null ? caseName : checkCaseName(
                    fileName.substring(0, fileName.length() - MATPOWER_EXTENSION.length()));
            GridNetwork network = readMatpower(readText(fs, status.getPath()), uri);
            return new GridSource(network.withCaseName(name), uri, uri, uri);
        } catch (FileNotFoundException e) {
            throw new InvalidInputException("Input not found: " + path, e);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read grid input " + path + ": " + e, e);
        }
    }

    /** Reads a MATPOWER case file and checks that its elements refer to existing buses. */
    static GridNetwork readMatpower(String caseText, String sourceName) {
        GridNetwork network = MatpowerCaseReader.read(caseText, sourceName);
        network.checkReferences();
        return network;
    }

    /**
     * Checks that {@code name} can name a case: 1 to 100 letters, digits, {@code _}, {@code .}
     * and {@code -}, starting with a letter or digit.
     *
     * @throws IllegalArgumentException naming the invalid name
     */
    public static String checkCaseName(String name) {
        if (!CASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid case name: '" + name + "' (use 1 to 100 "
                    + "letters, digits, _, . and -, starting with a letter or digit)");
        }
        return name;
    }

    private static GridSource readCsvFolder(FileSystem fs, Path folder, String caseName)
            throws IOException {
        String name = caseName != null ? caseName : checkCaseName(folder.getName());
        GridCsvReader.CsvText buses = requiredCsv(fs, folder, GridCsvReader.BUSES_FILE);
        GridCsvReader.CsvText branches = requiredCsv(fs, folder, GridCsvReader.BRANCHES_FILE);
        GridCsvReader.CsvText generators =
                requiredCsv(fs, folder, GridCsvReader.GENERATORS_FILE);
        Path casePath = new Path(folder, GridCsvReader.CASE_FILE);
        GridCsvReader.CsvText caseFile = fs.exists(casePath)
                ? new GridCsvReader.CsvText(casePath.toString(), readText(fs, casePath))
                : null;
        GridNetwork network = GridCsvReader.read(name, buses, branches, generators, caseFile);
        return new GridSource(network, buses.sourceName(), branches.sourceName(),
                generators.sourceName());
    }

    private static GridCsvReader.CsvText requiredCsv(FileSystem fs, Path folder, String file)
            throws IOException {
        Path path = new Path(folder, file);
        if (!fs.exists(path)) {
            throw new InvalidInputException("Missing " + file + " in grid network folder "
                    + folder + " (a network folder needs " + GridCsvReader.BUSES_FILE + ", "
                    + GridCsvReader.BRANCHES_FILE + " and " + GridCsvReader.GENERATORS_FILE
                    + ")");
        }
        return new GridCsvReader.CsvText(path.toString(), readText(fs, path));
    }

    /** Reads a whole file as UTF-8, failing on bytes that are not UTF-8. */
    private static String readText(FileSystem fs, Path path) throws IOException {
        byte[] bytes;
        try (InputStream in = fs.open(path)) {
            bytes = in.readAllBytes();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("Invalid text in " + path + ": the file is not "
                    + "UTF-8 (re-save it as UTF-8)", e);
        }
    }
}

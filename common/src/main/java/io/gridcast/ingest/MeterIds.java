package io.gridcast.ingest;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymises meter ids (ESIIDs) with a keyed hash, HMAC-SHA256, so that tables and rejects
 * never hold the raw id while the same meter keeps the same id across runs and files. Without
 * the key, the raw id cannot be recovered by hashing every possible ESIID.
 */
final class MeterIds implements Serializable {

    /** Shortest key accepted, in characters. */
    static final int MIN_KEY_LENGTH = 16;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int ID_BYTES = 16;
    /** An ESIID as SMT writes it: digits, often behind a spreadsheet's apostrophe. */
    private static final Pattern RAW_ID = Pattern.compile("'?(?<!\\d)(\\d{10,})(?!\\d)");

    /** An ESIID in a file or folder name: 17 or 22 digits starting with 10, as Texas uses. */
    private static final Pattern PATH_ID = Pattern.compile("(?<!\\d)(10(?:\\d{20}|\\d{15}))(?!\\d)");
    private static final Pattern REDACTED_ID = Pattern.compile("meter:([0-9a-f]{32})");

    private final byte[] key;

    MeterIds(String key) {
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("Invalid meter id hash key: at least "
                    + MIN_KEY_LENGTH + " characters are needed");
        }
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns the pseudonym of {@code esiid}: 32 hex digits. A leading apostrophe, quotes and
     * spaces are ignored.
     *
     * @throws RowRejection if the id is not 10 to 22 digits
     */
    String pseudonym(String esiid) {
        String digits = esiid.strip().replace("\"", "");
        if (digits.startsWith("'")) {
            digits = digits.substring(1);
        }
        if (!digits.matches("\\d{10,22}")) {
            throw new RowRejection("Invalid ESIID: expected 10 to 22 digits");
        }
        return hash(digits);
    }

    /**
     * Returns the pseudonym of the meter a file of one meter belongs to: of the ESIID in its
     * name (raw, or already replaced by {@link #redact}) when there is one, else of the file
     * name without folder and extension.
     */
    String ofFileName(String sourceFile) {
        String name = sourceFile.substring(sourceFile.lastIndexOf('/') + 1)
                .replaceFirst("(\\.csv)?(\\.gz)?$", "");
        Matcher redacted = REDACTED_ID.matcher(name);
        if (redacted.find()) {
            return redacted.group(1);
        }
        Matcher esiid = PATH_ID.matcher(name);
        return esiid.find() ? hash(esiid.group(1)) : hash(name);
    }

    /**
     * Replaces every ESIID in {@code path} by its pseudonym. Only ESIID-shaped runs (17 or 22
     * digits from 10) are replaced, so that dates and other numbers in names stay readable.
     */
    String redactPath(String path) {
        return replace(PATH_ID, path);
    }

    /**
     * Replaces every run of 10 or more digits in {@code line}, which may be an ESIID or hold
     * one, by its pseudonym.
     */
    String redact(String line) {
        return replace(RAW_ID, line);
    }

    private String replace(Pattern ids, String line) {
        Matcher matcher = ids.matcher(line);
        StringBuilder redacted = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(redacted, "meter:" + hash(matcher.group(1)));
        }
        matcher.appendTail(redacted);
        return redacted.toString();
    }

    private String hash(String digits) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            byte[] digest = mac.doFinal(digits.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, ID_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }
}

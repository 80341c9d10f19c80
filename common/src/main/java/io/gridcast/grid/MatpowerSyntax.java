package io.gridcast.grid;

import io.gridcast.ingest.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the MATLAB subset that MATPOWER case files use: {@code mpc.field = value;}
 * statements whose value is a number, a quoted string, a matrix in brackets or a cell array in
 * braces, plus the {@code function mpc = name} header. Comments ({@code %} to the end of the
 * line and {@code %{ ... %}} blocks) and line continuations ({@code ...}) are skipped. Rows of a
 * matrix end with {@code ;} or a line break. Elements are separated by spaces, tabs or commas.
 */
final class MatpowerSyntax {

    /** One row of a matrix or cell array and the line it starts on. */
    record Row(int lineNumber, List<String> cells) {
    }

    /** The value of one {@code mpc.field} assignment. */
    record Field(String name, int lineNumber, boolean isText, List<Row> rows) {
    }

    /** The parsed file: the function name (or empty) and the fields in file order. */
    record CaseText(String functionName, Map<String, Field> fields) {
    }

    private enum Kind { WORD, TEXT, OPEN_MATRIX, CLOSE_MATRIX, OPEN_CELL, CLOSE_CELL, SEMICOLON,
        COMMA, EQUALS, NEWLINE, END }

    private record Token(Kind kind, String text, int lineNumber) {
    }

    private final String sourceName;
    private final List<Token> tokens;
    private int position;

    private MatpowerSyntax(String sourceName, List<Token> tokens) {
        this.sourceName = sourceName;
        this.tokens = tokens;
    }

    /**
     * Parses {@code text}.
     *
     * @throws InvalidInputException naming {@code sourceName} and the line of a syntax error
     */
    static CaseText parse(String text, String sourceName) {
        MatpowerSyntax parser = new MatpowerSyntax(sourceName, tokenize(text, sourceName));
        return parser.parseStatements();
    }

    private CaseText parseStatements() {
        String functionName = "";
        Map<String, Field> fields = new LinkedHashMap<>();
        while (peek().kind() != Kind.END) {
            Token token = next();
            if (token.kind() == Kind.NEWLINE || token.kind() == Kind.SEMICOLON
                    || token.kind() == Kind.COMMA) {
                continue;
            }
            if (token.kind() == Kind.WORD && token.text().equals("function")) {
                functionName = parseFunctionHeader();
            } else if (token.kind() == Kind.WORD && token.text().startsWith("mpc.")) {
                Field field = parseAssignment(token);
                if (fields.put(field.name(), field) != null) {
                    throw error(token.lineNumber(), "mpc." + field.name() + " is assigned twice");
                }
            } else {
                throw error(token.lineNumber(), "unsupported statement starting with '"
                        + token.text() + "', expected mpc.<field> = <value>");
            }
        }
        return new CaseText(functionName, fields);
    }

    /** Reads {@code [outputs =] name} after the keyword and returns the name. */
    private String parseFunctionHeader() {
        String name = "";
        while (peek().kind() != Kind.NEWLINE && peek().kind() != Kind.END) {
            Token token = next();
            if (token.kind() == Kind.WORD) {
                name = token.text();
            }
        }
        return name;
    }

    private Field parseAssignment(Token target) {
        String name = target.text().substring("mpc.".length());
        if (name.isEmpty() || name.contains(".") || name.contains("(")) {
            throw error(target.lineNumber(), "unsupported assignment target " + target.text());
        }
        expect(Kind.EQUALS, "'=' after " + target.text());
        Token value = next();
        switch (value.kind()) {
            case OPEN_MATRIX:
                return new Field(name, value.lineNumber(), false,
                        parseRows(target.text(), value, Kind.CLOSE_MATRIX));
            case OPEN_CELL:
                return new Field(name, value.lineNumber(), true,
                        parseRows(target.text(), value, Kind.CLOSE_CELL));
            case WORD:
            case TEXT:
                Row row = new Row(value.lineNumber(), List.of(value.text()));
                return new Field(name, value.lineNumber(), value.kind() == Kind.TEXT,
                        List.of(row));
            default:
                throw error(value.lineNumber(), "missing value after " + target.text() + " =");
        }
    }

    private List<Row> parseRows(String target, Token open, Kind close) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        int rowLine = open.lineNumber();
        while (true) {
            Token token = next();
            if (token.kind() == close || token.kind() == Kind.NEWLINE
                    || token.kind() == Kind.SEMICOLON) {
                if (!cells.isEmpty()) {
                    rows.add(new Row(rowLine, List.copyOf(cells)));
                    cells.clear();
                }
                if (token.kind() == close) {
                    return rows;
                }
            } else if (token.kind() == Kind.WORD || token.kind() == Kind.TEXT) {
                if (cells.isEmpty()) {
                    rowLine = token.lineNumber();
                }
                cells.add(token.text());
            } else if (token.kind() == Kind.END) {
                throw error(open.lineNumber(), "missing closing bracket of " + target);
            } else if (token.kind() != Kind.COMMA) {
                throw error(token.lineNumber(), "unexpected '" + token.text() + "' in "
                        + target);
            }
        }
    }

    private Token expect(Kind kind, String what) {
        Token token = next();
        if (token.kind() != kind) {
            throw error(token.lineNumber(), "expected " + what + ", found '" + token.text() + "'");
        }
        return token;
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token next() {
        Token token = tokens.get(position);
        if (token.kind() != Kind.END) {
            position++;
        }
        return token;
    }

    private InvalidInputException error(int lineNumber, String message) {
        return invalid(sourceName, lineNumber, message);
    }

    static InvalidInputException invalid(String sourceName, int lineNumber, String message) {
        return new InvalidInputException("Invalid MATPOWER case " + sourceName + ", line "
                + lineNumber + ": " + message);
    }

    private static List<Token> tokenize(String text, String sourceName) {
        List<Token> tokens = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r", -1);
        boolean inBlockComment = false;
        for (int index = 0; index < lines.length; index++) {
            int lineNumber = index + 1;
            String trimmed = lines[index].trim();
            if (trimmed.equals("%{")) {
                inBlockComment = true;
            } else if (trimmed.equals("%}")) {
                inBlockComment = false;
            } else if (!inBlockComment
                    && tokenizeLine(lines[index], lineNumber, sourceName, tokens)) {
                tokens.add(new Token(Kind.NEWLINE, "line break", lineNumber));
            }
        }
        tokens.add(new Token(Kind.END, "end of file", lines.length));
        return tokens;
    }

    /**
     * Adds the tokens of one line and returns false when the line ends with a continuation
     * ({@code ...}), so that the next line continues the same statement or matrix row.
     */
    private static boolean tokenizeLine(String line, int lineNumber, String sourceName,
            List<Token> tokens) {
        int at = 0;
        while (at < line.length()) {
            char c = line.charAt(at);
            if (c == '%') {
                return true;
            } else if (line.startsWith("...", at)) {
                return false;
            } else if (Character.isWhitespace(c)) {
                at++;
            } else if (c == '\'') {
                at = readText(line, at, lineNumber, sourceName, tokens);
            } else if (symbol(c) != null) {
                tokens.add(new Token(symbol(c), String.valueOf(c), lineNumber));
                at++;
            } else {
                int end = at;
                while (end < line.length() && isWordChar(line.charAt(end))
                        && !line.startsWith("...", end)) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, line.substring(at, end), lineNumber));
                at = end;
            }
        }
        return true;
    }

    /** Reads a quoted string starting at {@code start}, where two quotes stand for one. */
    private static int readText(String line, int start, int lineNumber, String sourceName,
            List<Token> tokens) {
        StringBuilder text = new StringBuilder();
        int at = start + 1;
        while (at < line.length()) {
            char c = line.charAt(at);
            if (c == '\'' && at + 1 < line.length() && line.charAt(at + 1) == '\'') {
                text.append('\'');
                at += 2;
            } else if (c == '\'') {
                tokens.add(new Token(Kind.TEXT, text.toString(), lineNumber));
                return at + 1;
            } else {
                text.append(c);
                at++;
            }
        }
        throw invalid(sourceName, lineNumber, "missing closing quote");
    }

    private static Kind symbol(char c) {
        switch (c) {
            case '[':
                return Kind.OPEN_MATRIX;
            case ']':
                return Kind.CLOSE_MATRIX;
            case '{':
                return Kind.OPEN_CELL;
            case '}':
                return Kind.CLOSE_CELL;
            case ';':
                return Kind.SEMICOLON;
            case ',':
                return Kind.COMMA;
            case '=':
                return Kind.EQUALS;
            default:
                return null;
        }
    }

    private static boolean isWordChar(char c) {
        return !Character.isWhitespace(c) && symbol(c) == null && c != '%' && c != '\'';
    }
}

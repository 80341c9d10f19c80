package io.gridcast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory AWS Glue Data Catalog on 127.0.0.1 that serves the calls Iceberg's GlueCatalog
 * makes (databases, tables, optimistic updates by table version) in the service's JSON
 * protocol, and records every request for the test to check.
 */
public final class GlueTestServer implements AutoCloseable {

    /** One request: its operation (e.g. {@code CreateTable}) and JSON body. */
    public record Call(String operation, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> databases = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> tables = new ConcurrentHashMap<>();

    private GlueTestServer(HttpServer server) {
        this.server = server;
    }

    public static GlueTestServer start() throws IOException {
        HttpServer http = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        GlueTestServer glue = new GlueTestServer(http);
        http.createContext("/", glue::handle);
        http.start();
        return glue;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The stored Glue table {@code database.name}, as GetTable returns it, or null. */
    public JsonNode table(String database, String name) {
        return tables.get(database + "." + name);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        calls.add(new Call(operation, body));
        try {
            respond(exchange, 200, result(operation, body));
        } catch (GlueError error) {
            ObjectNode message = JSON.createObjectNode().put("__type", error.type)
                    .put("Message", error.getMessage());
            exchange.getResponseHeaders().add("x-amzn-ErrorType", error.type);
            respond(exchange, 400, message);
        }
    }

    private JsonNode result(String operation, JsonNode body) {
        return switch (operation) {
            case "GetDatabase" -> JSON.createObjectNode()
                    .set("Database", existing(databases, body.path("Name").asText()));
            case "GetDatabases" -> JSON.createObjectNode()
                    .set("DatabaseList", JSON.valueToTree(databases.values()));
            case "CreateDatabase" -> createDatabase(body.path("DatabaseInput"));
            case "GetTable" -> JSON.createObjectNode().set("Table", existing(tables,
                    body.path("DatabaseName").asText() + "." + body.path("Name").asText()));
            case "GetTables" -> getTables(body.path("DatabaseName").asText());
            case "CreateTable" -> createTable(body);
            case "UpdateTable" -> updateTable(body);
            case "DeleteTable" -> {
                tables.remove(body.path("DatabaseName").asText() + "." + body.path("Name").asText());
                yield JSON.createObjectNode();
            }
            default -> throw new GlueError("UnknownOperationException", "Not served: " + operation);
        };
    }

    private JsonNode createDatabase(JsonNode input) {
        String name = input.path("Name").asText();
        if (databases.putIfAbsent(name, input.deepCopy()) != null) {
            throw new GlueError("AlreadyExistsException", "Database already exists: " + name);
        }
        return JSON.createObjectNode();
    }

    private JsonNode getTables(String database) {
        existing(databases, database);
        ArrayNode list = JSON.createArrayNode();
        tables.values().stream().filter(t -> t.path("DatabaseName").asText().equals(database))
                .forEach(list::add);
        return JSON.createObjectNode().set("TableList", list);
    }

    private JsonNode createTable(JsonNode body) {
        String database = body.path("DatabaseName").asText();
        existing(databases, database);
        ObjectNode table = (ObjectNode) body.path("TableInput").deepCopy();
        table.put("DatabaseName", database).put("VersionId", "1");
        String key = database + "." + table.path("Name").asText();
        if (tables.putIfAbsent(key, table) != null) {
            throw new GlueError("AlreadyExistsException", "Table already exists: " + key);
        }
        return JSON.createObjectNode();
    }

    private synchronized JsonNode updateTable(JsonNode body) {
        String database = body.path("DatabaseName").asText();
        String key = database + "." + body.path("TableInput").path("Name").asText();
        ObjectNode current = existing(tables, key);
        String version = current.path("VersionId").asText();
        if (body.has("VersionId") && !body.path("VersionId").asText().equals(version)) {
            throw new GlueError("ConcurrentModificationException",
                    "Table " + key + " is at version " + version);
        }
        ObjectNode table = (ObjectNode) body.path("TableInput").deepCopy();
        table.put("DatabaseName", database)
                .put("VersionId", String.valueOf(Integer.parseInt(version) + 1));
        tables.put(key, table);
        return JSON.createObjectNode();
    }

    private static ObjectNode existing(Map<String, ObjectNode> entities, String key) {
        ObjectNode entity = entities.get(key);
        if (entity == null) {
            throw new GlueError("EntityNotFoundException", "Entity not found: " + key);
        }
        return entity;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body)
            throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static final class GlueError extends RuntimeException {
        private final String type;

        GlueError(String type, String message) {
            super(message);
            this.type = type;
        }
    }
}

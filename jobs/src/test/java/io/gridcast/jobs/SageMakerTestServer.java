package io.gridcast.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.function.Function;

/**
 * A SageMaker stand-in on 127.0.0.1: the control-plane calls of a deployment (models,
 * endpoint configurations, endpoints, in the service's JSON protocol) and InvokeEndpoint of
 * the runtime. It records every request for the test to check. A new endpoint reports
 * Creating once, then InService, or Failed with a reason after {@link #failEndpoints}.
 * The scorer the test gives for the endpoint's model data URL computes the invocation results.
 */
final class SageMakerTestServer implements AutoCloseable {

    /** One request: operation (e.g. CreateModel or InvokeEndpoint), headers and body. */
    record Call(String operation, Map<String, List<String>> headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(h -> h.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARN = "arn:aws:sagemaker:eu-west-1:123456789012:";

    private final HttpServer server;
    private final Function<String, Function<String, String>> scorers;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, JsonNode> models = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> configs = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> endpoints = new ConcurrentHashMap<>();
    private volatile String failureReason;

    private SageMakerTestServer(HttpServer server,
            Function<String, Function<String, String>> scorers) {
        this.server = server;
        this.scorers = scorers;
    }

    /**
     * Starts the server.
     *
     * @param scorers for a model data URL, a function from a CSV request body to the CSV response
     */
    static SageMakerTestServer start(Function<String, Function<String, String>> scorers)
            throws IOException {
        HttpServer http = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        SageMakerTestServer stub = new SageMakerTestServer(http, scorers);
        http.createContext("/", stub::handle);
        http.start();
        return stub;
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<String> operations() {
        return calls.stream().map(Call::operation).toList();
    }

    /** Makes every endpoint created or updated from now on end Failed with {@code reason}. */
    void failEndpoints(String reason) {
        failureReason = reason;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/endpoints/") && path.endsWith("/invocations")) {
            String name = path.substring("/endpoints/".length(), path.lastIndexOf('/'));
            calls.add(new Call("InvokeEndpoint", exchange.getRequestHeaders(), body));
            invoke(exchange, name, body);
            return;
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
        calls.add(new Call(operation, exchange.getRequestHeaders(), body));
        try {
            respond(exchange, 200, JSON.writeValueAsBytes(result(operation, JSON.readTree(body))),
                    "application/x-amz-json-1.1");
        } catch (ServiceError error) {
            ObjectNode message = JSON.createObjectNode().put("__type", error.type)
                    .put("message", error.getMessage());
            respond(exchange, 400, JSON.writeValueAsBytes(message), "application/x-amz-json-1.1");
        }
    }

    private JsonNode result(String operation, JsonNode request) {
        return switch (operation) {
            case "CreateModel" -> create(models, "model", request.path("ModelName").asText(),
                    request, "ModelArn");
            case "CreateEndpointConfig" -> create(configs, "endpoint configuration",
                    request.path("EndpointConfigName").asText(), request, "EndpointConfigArn");
            case "CreateEndpoint" -> createEndpoint(request);
            case "UpdateEndpoint" -> updateEndpoint(request);
            case "DescribeEndpoint" -> describeEndpoint(request.path("EndpointName").asText());
            default -> throw new ServiceError("UnknownOperationException",
                    "Not served: " + operation);
        };
    }

    private static JsonNode create(Map<String, JsonNode> store, String kind, String name,
            JsonNode request, String arnField) {
        String arn = ARN + kind.replace(' ', '-') + "/" + name;
        if (store.putIfAbsent(name, request) != null) {
            throw new ServiceError("ValidationException",
                    "Cannot create already existing " + kind + " \"" + arn + "\".");
        }
        return JSON.createObjectNode().put(arnField, arn);
    }

    private JsonNode createEndpoint(JsonNode request) {
        String name = request.path("EndpointName").asText();
        ObjectNode endpoint = JSON.createObjectNode().put("EndpointName", name)
                .put("EndpointArn", ARN + "endpoint/" + name);
        if (endpoints.putIfAbsent(name, endpoint) != null) {
            throw new ServiceError("ValidationException",
                    "Cannot create already existing endpoint \"" + ARN + "endpoint/" + name + "\".");
        }
        return point(endpoint, request.path("EndpointConfigName").asText());
    }

    private JsonNode updateEndpoint(JsonNode request) {
        return point(existing(request.path("EndpointName").asText()),
                request.path("EndpointConfigName").asText());
    }

    private JsonNode point(ObjectNode endpoint, String configName) {
        if (!configs.containsKey(configName)) {
            throw new ServiceError("ValidationException",
                    "Could not find endpoint configuration \"" + configName + "\".");
        }
        endpoint.put("EndpointConfigName", configName).put("EndpointStatus", "Creating")
                .put("CreationTime", 1.7e9).put("LastModifiedTime", 1.7e9);
        endpoint.remove("FailureReason");
        return JSON.createObjectNode().put("EndpointArn", endpoint.path("EndpointArn").asText());
    }

    private JsonNode describeEndpoint(String name) {
        ObjectNode endpoint = existing(name);
        JsonNode answer = endpoint.deepCopy();
        if (endpoint.path("EndpointStatus").asText().equals("Creating")) {
            if (failureReason != null) {
                endpoint.put("EndpointStatus", "Failed").put("FailureReason", failureReason);
            } else {
                endpoint.put("EndpointStatus", "InService");
            }
        }
        return answer;
    }

    private ObjectNode existing(String name) {
        ObjectNode endpoint = endpoints.get(name);
        if (endpoint == null) {
            throw new ServiceError("ValidationException",
                    "Could not find endpoint \"" + ARN + "endpoint/" + name + "\".");
        }
        return endpoint;
    }

    private void invoke(HttpExchange exchange, String name, String body) throws IOException {
        ObjectNode endpoint = endpoints.get(name);
        if (endpoint == null || !endpoint.path("EndpointStatus").asText().equals("InService")) {
            byte[] error = JSON.writeValueAsBytes(JSON.createObjectNode()
                    .put("message", "Endpoint " + name + " of account 123456789012 not found."));
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "ValidationError");
            respond(exchange, 400, error, "application/json");
            return;
        }
        JsonNode config = configs.get(endpoint.path("EndpointConfigName").asText());
        JsonNode model = models.get(config.path("ProductionVariants").path(0).path("ModelName")
                .asText());
        String answer = scorers.apply(model.path("PrimaryContainer").path("ModelDataUrl")
                .asText()).apply(body);
        exchange.getResponseHeaders().add("x-Amzn-Invoked-Production-Variant", "AllTraffic");
        respond(exchange, 200, answer.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    private static void respond(HttpExchange exchange, int status, byte[] body,
            String contentType) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static final class ServiceError extends RuntimeException {
        private final String type;

        ServiceError(String type, String message) {
            super(message);
            this.type = type;
        }
    }
}

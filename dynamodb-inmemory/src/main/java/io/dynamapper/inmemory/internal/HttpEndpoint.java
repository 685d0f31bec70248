package io.dynamapper.inmemory.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbStreamsRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbStreamsResponse;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoDB's JSON 1.0 protocol over HTTP in front of any {@link DynamoDbClient}: {@code POST /} with
 * {@code X-Amz-Target: DynamoDB_20120810.<Operation>} (and, with a {@link DynamoDbStreamsClient},
 * {@code DynamoDBStreams_20120810.<Operation>} for DynamoDB Streams); the body is read into the operation's SDK
 * request with {@link JsonProtocol}, the client is called, and its response (or its exception, as
 * DynamoDB's error document) is written back with an {@code x-amz-crc32} header. Signatures and other
 * headers are ignored. An {@link SdkClientException} from the client (an injected I/O fault) drops the
 * connection without an answer, as a network failure would.
 */
public final class HttpEndpoint implements AutoCloseable {
    static final String TARGET_PREFIX = "DynamoDB_20120810.";
    /** The target prefix of DynamoDB Streams' operations, served when a streams client is given. */
    static final String STREAMS_TARGET_PREFIX = "DynamoDBStreams_20120810.";
    static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    /** Every operation of the DynamoDB and DynamoDB Streams client interfaces, by its target on the wire. */
    /**
     * The operations requested so far, by {@code X-Amz-Target}; each is found by its name on first
     * use ({@link #operation}) rather than all at once by reflecting over the client interfaces, which
     * loads every request, response and exception class of both services (some 150 ms in a fresh JVM).
     * Only operations that exist are kept, so a client cannot grow the map with made-up targets.
     */
    private static final Map<String, Operation> OPERATIONS = new ConcurrentHashMap<>();
    /** The package of both services' request and response classes. */
    private static final String MODEL_PACKAGE = DynamoDbRequest.class.getPackageName() + ".";

    /**
     * One operation: the client method's name, the method as {@code (Object client, Object request)Object},
     * its request's {@code builder()} as {@code ()Object}, and whether it is a DynamoDB Streams one.
     */
    record Operation(String name, MethodHandle call, MethodHandle builder, boolean streams) {
        SdkPojo newBuilder() {
            try {
                return (SdkPojo) (Object) builder.invokeExact();
            } catch (Throwable e) {
                throw new IllegalStateException("cannot create a builder for " + name, e);
            }
        }
    }

    private final DynamoDbClient client;
    private final DynamoDbStreamsClient streams;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI uri;

    private HttpEndpoint(DynamoDbClient client, DynamoDbStreamsClient streams, HttpServer server,
            ExecutorService executor) {
        this.client = client;
        this.streams = streams;
        this.server = server;
        this.executor = executor;
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "localhost" : address.getHostString();
        this.uri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
    }

    /**
     * Starts serving {@code client} on {@code address} (port 0: a free port).
     *
     * @throws java.io.UncheckedIOException if the port cannot be bound
     */
    public static HttpEndpoint start(DynamoDbClient client, InetSocketAddress address, int threads) {
        return start(client, null, address, threads);
    }

    /**
     * Starts serving {@code client} and, under the target prefix {@value #STREAMS_TARGET_PREFIX},
     * {@code streams} (if not null) on {@code address} (port 0: a free port).
     *
     * @throws java.io.UncheckedIOException if the port cannot be bound
     */
    public static HttpEndpoint start(DynamoDbClient client, DynamoDbStreamsClient streams, InetSocketAddress address,
            int threads) {
        Objects.requireNonNull(client, "client == null");
        // the JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and
        // delayed ACKs add ~40 ms to every answer. Read once, when the JDK's server configuration loads.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
        HttpServer server;
        try {
            server = HttpServer.create(address, 128);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "inmemory-dynamodb-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService executor = Executors.newFixedThreadPool(threads, factory);
        HttpEndpoint endpoint = new HttpEndpoint(client, streams, server, executor);
        server.createContext("/", endpoint::handle);
        server.setExecutor(executor);
        server.start();
        return endpoint;
    }

    /** Where the endpoint listens, e.g. {@code http://localhost:8000}. */
    public URI uri() {
        return uri;
    }

    /** Stops accepting requests, lets running ones finish (at most a second) and frees the port. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 200, "text/plain", "healthy: in-memory DynamoDB".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            Operation op = target == null ? null : operation(target);
            if (op == null || op.streams() && streams == null) {
                sendError(exchange, 400, "com.amazon.coral.service#UnknownOperationException", null,
                        "The action or operation requested is invalid. Verify that the action is typed correctly.");
                return;
            }
            Object request;
            try {
                request = JsonProtocol.build(JsonProtocol.read(body, op.newBuilder()));
            } catch (JsonProtocol.SerializationException e) {
                sendError(exchange, 400, "com.amazon.coral.service#SerializationException", null, e.getMessage());
                return;
            }
            Object response;
            try {
                response = (Object) op.call().invokeExact((Object) (op.streams() ? streams : client), request);
            } catch (Throwable e) {
                fail(exchange, op, e);
                return;
            }
            send(exchange, 200, CONTENT_TYPE, JsonProtocol.write((SdkPojo) response));
        }
    }

    private void fail(HttpExchange exchange, Operation op, Throwable error) throws IOException {
        if (error instanceof SdkClientException) {
            // an injected I/O fault: drop the connection without answering (closing before headers does)
            exchange.close();
            return;
        }
        if (error instanceof AwsServiceException aws) {
            String code = aws.awsErrorDetails() != null && aws.awsErrorDetails().errorCode() != null
                    ? aws.awsErrorDetails().errorCode() : "InternalServerError";
            String message = aws.awsErrorDetails() != null && aws.awsErrorDetails().errorMessage() != null
                    ? aws.awsErrorDetails().errorMessage() : aws.getMessage();
            String namespace = "ValidationException".equals(code) ? "com.amazon.coral.validate#"
                    : "com.amazonaws.dynamodb.v20120810#";
            int status = aws.statusCode() > 0 ? aws.statusCode() : 400;
            sendError(exchange, status, namespace + code, aws, message);
            return;
        }
        if (error instanceof UnsupportedOperationException) {
            sendError(exchange, 400, "com.amazon.coral.service#UnknownOperationException", null,
                    "The in-memory DynamoDB does not implement " + op.name() + ": " + error.getMessage());
            return;
        }
        sendError(exchange, 500, "com.amazonaws.dynamodb.v20120810#InternalServerError", null,
                "Internal server error: " + error);
    }

    private static void sendError(HttpExchange exchange, int status, String type, SdkPojo details, String message)
            throws IOException {
        Map<String, String> head = new LinkedHashMap<>();
        head.put("__type", type);
        head.put("message", message == null ? "" : message);
        send(exchange, status, CONTENT_TYPE, JsonProtocol.write(details, head));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(body);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId().toString());
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * A random id in the form of a version 4 UUID. {@code UUID.randomUUID()} draws from the JVM's shared
     * SecureRandom (3.5 % of the server's time in the 8-client profile) for an id no one verifies.
     */
    private static UUID requestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

    /** The operation an {@code X-Amz-Target} names, or null if neither service has it. */
    static Operation operation(String target) {
        Operation known = OPERATIONS.get(target);
        if (known != null) {
            return known;
        }
        Operation found = target.startsWith(TARGET_PREFIX)
                ? find(target.substring(TARGET_PREFIX.length()), DynamoDbClient.class, DynamoDbRequest.class,
                        DynamoDbResponse.class, false)
                : target.startsWith(STREAMS_TARGET_PREFIX)
                ? find(target.substring(STREAMS_TARGET_PREFIX.length()), DynamoDbStreamsClient.class,
                        DynamoDbStreamsRequest.class, DynamoDbStreamsResponse.class, true)
                : null;
        if (found != null) {
            OPERATIONS.putIfAbsent(target, found);
        }
        return found;
    }

    /**
     * The client method of operation {@code name} ({@code ListTables}: {@code listTables(ListTablesRequest)}),
     * if the client type has one taking the service's request type and answering its response type.
     * Looked up by its exact signature through method handles: {@code Class.getMethod} would build
     * every public method of the client interface, loading the classes of all of them.
     */
    private static Operation find(String name, Class<?> clientType, Class<?> requestType, Class<?> responseType,
                                  boolean streams) {
        if (name.isEmpty() || !Character.isUpperCase(name.charAt(0))) {
            return null;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return null; // not an operation name: no '.', '$' or other class-name tricks
            }
        }
        ClassLoader loader = clientType.getClassLoader();
        try {
            Class<?> request = Class.forName(MODEL_PACKAGE + name + "Request", false, loader);
            Class<?> response = Class.forName(MODEL_PACKAGE + name + "Response", false, loader);
            if (!requestType.isAssignableFrom(request) || !responseType.isAssignableFrom(response)) {
                return null;
            }
            Class<?> builder = Class.forName(MODEL_PACKAGE + name + "Request$Builder", false, loader);
            String method = Character.toLowerCase(name.charAt(0)) + name.substring(1);
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle call = lookup.findVirtual(clientType, method, MethodType.methodType(response, request))
                    .asType(MethodType.methodType(Object.class, Object.class, Object.class));
            MethodHandle newBuilder = lookup.findStatic(request, "builder", MethodType.methodType(builder))
                    .asType(MethodType.methodType(Object.class));
            return new Operation(method, call, newBuilder, streams);
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}

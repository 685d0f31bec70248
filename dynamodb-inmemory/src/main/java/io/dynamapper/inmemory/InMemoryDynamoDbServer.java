package io.dynamapper.inmemory;

import static java.util.Objects.requireNonNull;

import io.dynamapper.inmemory.internal.HttpEndpoint;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;

/**
 * An {@link InMemoryDynamoDb} served over HTTP with DynamoDB's JSON 1.0 protocol, so that any AWS SDK,
 * the AWS CLI or a non-JVM test suite can use it unchanged: {@code POST /} with
 * {@code X-Amz-Target: DynamoDB_20120810.<Operation>} and {@code Content-Type: application/x-amz-json-1.0}.
 * Every operation the in-memory DynamoDB implements is served; errors are DynamoDB's error documents
 * ({@code __type}, {@code message}, and {@code Item} or {@code CancellationReasons} where DynamoDB sends
 * them) with DynamoDB's status codes, and an operation the fake does not implement is an
 * {@code UnknownOperationException}. Responses carry DynamoDB's {@code x-amz-crc32} header; request
 * signatures are accepted and ignored, so any credentials and region work. DynamoDB Streams
 * ({@code X-Amz-Target: DynamoDBStreams_20120810.<Operation>}) is served on the same port, so a
 * {@code DynamoDbStreamsClient} with the same endpoint override reads the tables' streams
 * ({@link InMemoryDynamoDb#streams()}).
 *
 * <pre>{@code
 * try (InMemoryDynamoDbServer server = InMemoryDynamoDb.create().serve()) {   // a free loopback port
 *     DynamoDbClient client = DynamoDbClient.builder()
 *             .endpointOverride(server.uri())
 *             .region(Region.US_EAST_1)
 *             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
 *             .build();
 *     ...
 * }
 * }</pre>
 *
 * From the command line (the module's {@code -all.jar} holds everything it needs):
 * {@code java -jar dynamapper-dynamodb-inmemory-<version>-all.jar --port 8000}.
 *
 * <p>Faults injected through {@link InMemoryDynamoDb#faults()} apply to requests served over HTTP; an
 * injected I/O error closes the connection without an answer.
 *
 * <p>The server is the JDK's {@code com.sun.net.httpserver.HttpServer}. Unless the system property
 * {@code sun.net.httpserver.nodelay} is already set, starting the first server sets it to {@code true}
 * (TCP_NODELAY: without it every answer waits ~40 ms for Nagle's algorithm), which affects every JDK
 * HTTP server of the JVM.
 */
public final class InMemoryDynamoDbServer implements AutoCloseable {
    /** The port the command line uses when none is given, DynamoDB Local's customary one. */
    public static final int DEFAULT_PORT = 8000;

    private final InMemoryDynamoDb db;
    private final HttpEndpoint endpoint;

    private InMemoryDynamoDbServer(InMemoryDynamoDb db, HttpEndpoint endpoint) {
        this.db = db;
        this.endpoint = endpoint;
    }

    /**
     * Serves {@code db} on {@code address}; port 0 picks a free port.
     *
     * @param db      the in-memory DynamoDB to serve; it stays usable in process too
     * @param address where to listen, e.g. {@code new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)}
     * @return the running server
     * @throws NullPointerException if {@code db} or {@code address} is null
     * @throws java.io.UncheckedIOException if the address cannot be bound (e.g. the port is taken)
     */
    public static InMemoryDynamoDbServer start(InMemoryDynamoDb db, InetSocketAddress address) {
        requireNonNull(db, "db == null");
        requireNonNull(address, "address == null");
        int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        return new InMemoryDynamoDbServer(db, HttpEndpoint.start(db, db.streams(), address, threads));
    }

    /**
     * The endpoint to give a client's {@code endpointOverride}, e.g. {@code http://localhost:8000}.
     *
     * @return the endpoint's URI
     */
    public URI uri() {
        return endpoint.uri();
    }

    /**
     * The port the server listens on.
     *
     * @return the port
     */
    public int port() {
        return endpoint.uri().getPort();
    }

    /**
     * The in-memory DynamoDB behind this server (to inject faults, read its request log, reset it).
     *
     * @return the in-memory DynamoDB it serves
     */
    public InMemoryDynamoDb db() {
        return db;
    }

    /** Stops the server and frees its port; the in-memory DynamoDB keeps its tables. Idempotent. */
    @Override
    public void close() {
        endpoint.close();
    }

    /**
     * Runs the server from the command line until the process is stopped.
     * {@code --port N} (default {@value #DEFAULT_PORT}; 0 picks a free one), {@code --host ADDRESS}
     * (default the loopback address; {@code 0.0.0.0} in a container), {@code --help}.
     *
     * @param args the command line
     * @throws InterruptedException if the main thread is interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        int port = DEFAULT_PORT;
        String host = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    usage(System.out);
                    return;
                }
                case "--port" -> port = parsePort(value(args, ++i, "--port"));
                case "--host" -> host = value(args, ++i, "--host");
                default -> {
                    System.err.println("unknown argument: " + args[i]);
                    usage(System.err);
                    System.exit(2);
                    return;
                }
            }
        }
        InetAddress address;
        try {
            address = host == null ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            System.err.println("unknown host: " + host);
            System.exit(2);
            return;
        }
        InMemoryDynamoDbServer server = start(InMemoryDynamoDb.create(), new InetSocketAddress(address, port));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "inmemory-dynamodb-shutdown"));
        System.out.println("In-memory DynamoDB listening on " + server.uri() + " (DynamoDB JSON 1.0 protocol; "
                + "any region and credentials; Ctrl-C stops it)");
        stopped.await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println(option + " needs a value");
            usage(System.err);
            System.exit(2);
        }
        return args[i];
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println("--port must be a number from 0 to 65535 but was " + text);
        System.exit(2);
        return -1;
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar dynamapper-dynamodb-inmemory-<version>-all.jar [--port N] [--host ADDRESS]");
        out.println();
        out.println("Serves an empty in-memory DynamoDB over HTTP (DynamoDB JSON 1.0 protocol) until stopped.");
        out.println("  --port N          port to listen on (default " + DEFAULT_PORT + "; 0 picks a free one)");
        out.println("  --host ADDRESS    address to bind (default the loopback address; 0.0.0.0 in a container)");
        out.println("  --help            this text");
        out.println("Clients: any AWS SDK or the AWS CLI with --endpoint-url http://localhost:<port>, any region and");
        out.println("credentials, e.g. aws dynamodb list-tables --endpoint-url http://localhost:8000");
    }
}

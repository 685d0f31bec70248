package io.dynamapper.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of README.md and docs/*.md is compiled code: it must follow a
 * {@code <!-- snippet: name -->} line and be identical to the region {@code name} of a source file of
 * the examples module, between a {@code // @snippet name} line and the next {@code // @end} line
 * (indentation common to the region's lines removed, blank lines at its ends dropped). The sources
 * are compiled by the build and the quick start and tests among them run.
 *
 * <p>To change a snippet: change the source, then copy the region into the document, or run
 * {@code mvn -B -pl examples -am test -Dtest=ReadmeSnippetsTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsnippets.update=true}, which rewrites the documents' blocks from the sources. To add one: add a
 * region to a source file under {@code examples/src/{main,test}/java/io/dynamapper/examples/readme}
 * and the marker line before the block.
 */
class ReadmeSnippetsTest {
    private static final Pattern MARKER = Pattern.compile("<!-- snippet: ([\\w.-]+) -->");
    private static final Pattern START = Pattern.compile("^\\s*// @snippet ([\\w.-]+)\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// @end\\s*$");

    /** The repository root: the directory holding README.md above the examples module. */
    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("examples")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no README.md with an examples/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static List<Path> documents(Path root) throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(root.resolve("README.md"));
        try (Stream<Path> files = Files.list(root.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** Every region of the examples module's sources, by name. */
    static Map<String, String> regions(Path root) throws IOException {
        Map<String, String> regions = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root.resolve("examples/src"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher start = START.matcher(lines.get(i));
                    if (!start.matches()) {
                        continue;
                    }
                    int end = i + 1;
                    while (end < lines.size() && !END.matcher(lines.get(end)).matches()) {
                        end++;
                    }
                    if (end == lines.size()) {
                        throw new IllegalStateException(file + ": '// @snippet " + start.group(1) + "' has no '// @end'");
                    }
                    String previous = regions.put(start.group(1), dedent(lines.subList(i + 1, end)));
                    if (previous != null) {
                        throw new IllegalStateException("snippet '" + start.group(1) + "' is defined twice");
                    }
                    i = end;
                }
            }
        }
        return regions;
    }

    private static String dedent(List<String> lines) {
        List<String> body = new ArrayList<>(lines.stream().map(String::stripTrailing).toList());
        while (!body.isEmpty() && body.get(0).isEmpty()) {
            body.remove(0);
        }
        while (!body.isEmpty() && body.get(body.size() - 1).isEmpty()) {
            body.remove(body.size() - 1);
        }
        int indent = body.stream().filter(l -> !l.isEmpty())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", body.stream().map(l -> l.isEmpty() ? l : l.substring(indent)).toList());
    }

    /** A {@code ```java} block of a document: its marker (or null) and its text. */
    private record Block(Path document, int line, String snippet, String text, int start, int end) {
    }

    private static List<Block> blocks(Path document) throws IOException {
        List<String> lines = Files.readAllLines(document);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            String snippet = null;
            for (int j = i - 1; j >= 0; j--) {
                if (lines.get(j).isBlank()) {
                    continue;
                }
                Matcher m = MARKER.matcher(lines.get(j).strip());
                snippet = m.matches() ? m.group(1) : null;
                break;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            blocks.add(new Block(document, i + 1, snippet,
                    String.join("\n", lines.subList(i + 1, end).stream().map(String::stripTrailing).toList()), i, end));
            i = end;
        }
        return blocks;
    }

    @Test
    void everyJavaBlockOfTheDocumentsIsARegionOfCompiledCode() throws IOException {
        Path root = root();
        Map<String, String> regions = regions(root);
        boolean update = Boolean.getBoolean("snippets.update");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path document : documents(root)) {
            List<Block> blocks = blocks(document);
            List<String> lines = new ArrayList<>(Files.readAllLines(document));
            boolean changed = false;
            for (int b = blocks.size() - 1; b >= 0; b--) {
                Block block = blocks.get(b);
                String where = root.relativize(document) + ":" + block.line();
                if (block.snippet() == null) {
                    problems.add(where + ": a ```java block without a '<!-- snippet: name -->' line before it; put the "
                            + "code in a '// @snippet name' ... '// @end' region under examples/src and mark the block");
                    continue;
                }
                String region = regions.get(block.snippet());
                if (region == null) {
                    problems.add(where + ": no region '// @snippet " + block.snippet() + "' under examples/src");
                    continue;
                }
                checked++;
                if (!region.equals(block.text())) {
                    if (update) {
                        lines.subList(block.start() + 1, block.end()).clear();
                        lines.addAll(block.start() + 1, List.of(region.split("\n", -1)));
                        changed = true;
                    } else {
                        problems.add(where + ": the block differs from the region '" + block.snippet()
                                + "'; copy the region into the document (or run with -Dsnippets.update=true):\n"
                                + region);
                    }
                }
            }
            if (changed) {
                Files.write(document, lines);
            }
        }
        assertEquals(List.of(), problems, "README.md and docs/*.md must show compiled code");
        assertTrue(checked >= 8, "only " + checked + " snippets were checked");
    }

    @Test
    void regionsAreFoundAndDedented() {
        Map<String, String> regions;
        try {
            regions = regions(root());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(regions.containsKey("quick-start"), regions.keySet().toString());
        assertTrue(regions.get("clients").startsWith("// AWS: the default credential chain"), regions.get("clients"));
    }
}
